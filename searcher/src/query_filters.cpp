#include "query_filters.hpp"

#include <string>
#include <vector>

#include "akhbar/common/date_format.hpp"
#include "akhbar/common/terms.hpp"
#include "akhbar/common/value_slots.hpp"

namespace akhbar::detail {

Xapian::Query date_range_query(const std::optional<std::chrono::year_month_day>& from,
                               const std::optional<std::chrono::year_month_day>& to)
{
    if (from && to) {
        return Xapian::Query(Xapian::Query::OP_VALUE_RANGE, schema::SLOT_DATE,
                             schema::format_compact(*from), schema::format_compact(*to));
    }
    if (from) {
        return Xapian::Query(Xapian::Query::OP_VALUE_GE, schema::SLOT_DATE,
                             schema::format_compact(*from));
    }
    // Undated articles have no value; "00000000" keeps them out of "up to".
    return Xapian::Query(Xapian::Query::OP_VALUE_RANGE, schema::SLOT_DATE, "00000000",
                         schema::format_compact(*to));
}

Xapian::Query source_query(std::string_view name, const Analyzer& analyzer,
                           const Xapian::Database& db)
{
    const std::string needle = analyzer.normalize(name);
    const std::string prefix(schema::PREFIX_SOURCE);
    std::vector<Xapian::Query> matches;
    for (auto it = db.allterms_begin(prefix); it != db.allterms_end(prefix); ++it) {
        if ((*it).find(needle, prefix.size()) != std::string::npos) {
            matches.emplace_back(*it);
        }
    }
    if (needle.empty() || matches.empty()) {
        // Not Query::MatchNothing: that is the empty query, which a group
        // drops like a stopword. A term no document can have (the analyzer
        // never produces NUL) filters everything out instead.
        return Xapian::Query(prefix + std::string(1, '\0'));
    }
    return Xapian::Query(Xapian::Query::OP_OR, matches.begin(), matches.end());
}

Xapian::Query category_query(std::string_view name, const Analyzer& analyzer)
{
    return Xapian::Query(std::string(schema::PREFIX_CATEGORY) + analyzer.normalize(name));
}

Xapian::Query with_request_filters(Xapian::Query query, const SearchRequest& request,
                                   const Analyzer& analyzer, const Xapian::Database& db)
{
    if (request.from || request.to) {
        query = Xapian::Query(Xapian::Query::OP_FILTER, query,
                              date_range_query(request.from, request.to));
    }
    if (!request.sources.empty()) {
        std::vector<Xapian::Query> sources;
        for (const auto& s : request.sources) {
            sources.push_back(source_query(s, analyzer, db));
        }
        query = Xapian::Query(Xapian::Query::OP_FILTER, query,
                              Xapian::Query(Xapian::Query::OP_OR, sources.begin(), sources.end()));
    }
    return query;
}

}  // namespace akhbar::detail
