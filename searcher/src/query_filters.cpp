#include "query_filters.hpp"

#include <string>
#include <vector>

#include "akhbar/common/date_format.hpp"
#include "akhbar/common/hashes.hpp"
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

namespace {

// A filter that keeps nothing. Not Query::MatchNothing: that is the empty
// query, which a group drops like a stopword. A term no document can have
// (`prefix` and NUL: no value the indexer writes holds a NUL) instead.
Xapian::Query nothing(std::string_view prefix)
{
    std::string term(prefix);
    term += '\0';  // not + std::string(1, '\0'): GCC 12 -Wrestrict false positive
    return Xapian::Query(term);
}

}  // namespace

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
        return nothing(prefix);
    }
    return Xapian::Query(Xapian::Query::OP_OR, matches.begin(), matches.end());
}

Xapian::Query category_query(std::string_view name, const Analyzer& analyzer)
{
    return Xapian::Query(std::string(schema::PREFIX_CATEGORY) + analyzer.normalize(name));
}

Xapian::Query id_query(std::string_view id)
{
    std::string t(schema::PREFIX_ID);
    t += id;
    // Xapian refuses to look up a term longer than it stores; no id is that
    // long (the indexer's MAX_ID_BYTES).
    if (t.size() > schema::MAX_TERM_BYTES) {
        return nothing(schema::PREFIX_ID);
    }
    return Xapian::Query(t);
}

Xapian::Query url_query(std::string_view url)
{
    return Xapian::Query(schema::url_term(url));
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
    if (!request.categories.empty()) {
        std::vector<Xapian::Query> categories;
        for (const auto& c : request.categories) {
            categories.push_back(category_query(c, analyzer));
        }
        query = Xapian::Query(
            Xapian::Query::OP_FILTER, query,
            Xapian::Query(Xapian::Query::OP_OR, categories.begin(), categories.end()));
    }
    return query;
}

}  // namespace akhbar::detail
