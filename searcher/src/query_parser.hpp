#pragma once
// The query language of docs/query-syntax.md, turned into a Xapian query
// through the same analyzer the documents went through. Internal header.

#include <optional>
#include <set>
#include <string>
#include <string_view>
#include <vector>

#include <xapian.h>

#include "akhbar/common/analyzer.hpp"
#include "akhbar/searcher/searcher.hpp"

namespace akhbar::detail {

/// What to highlight in a hit: stems (UTF-8, as the analyzer gives them).
struct MatchSpec {
    std::set<std::string> stems;
    std::vector<std::string> prefixes;
    std::vector<std::vector<std::string>> phrases;

    [[nodiscard]] bool empty() const noexcept
    {
        return stems.empty() && prefixes.empty() && phrases.empty();
    }
};

struct ParsedQuery {
    Xapian::Query query;
    std::vector<QueryWord> words;
    MatchSpec match;
    /// Positive free-text words (normalized), for spelling suggestions.
    std::vector<std::string> free_words;
    /// The plain words of the query (encoded terms, query order), for the
    /// proximity rescoring of the top hits.
    std::vector<std::string> proximity_terms;
};

/// Parses `text`. Throws QueryError naming the character where a problem is.
ParsedQuery parse_query(std::string_view text, bool match_all, const Analyzer& analyzer,
                        const Xapian::Database& db, bool literal = false);

/// Xapian value range over schema::SLOT_DATE for [from, to] (either open).
Xapian::Query date_range_query(const std::optional<std::chrono::year_month_day>& from,
                               const std::optional<std::chrono::year_month_day>& to);

/// A filter for the sources whose normalized name contains `name`'s.
Xapian::Query source_query(std::string_view name, const Analyzer& analyzer,
                           const Xapian::Database& db);

}  // namespace akhbar::detail
