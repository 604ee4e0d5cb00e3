#pragma once
// Stage 4 of the query pipeline: the syntax tree (query_tree.hpp) and the
// expander's classes (query_expander.hpp) made into the Xapian query, and
// from the same walk of the tree what a hit's snippet marks and what the
// rescoring counts. Internal header.

#include <set>
#include <string>
#include <string_view>
#include <vector>

#include <xapian.h>

#include "akhbar/common/analyzer.hpp"
#include "akhbar/searcher/searcher.hpp"
#include "query_expander.hpp"
#include "query_tree.hpp"

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

/// A query built: the Xapian query and what goes with it.
struct BuiltQuery {
    Xapian::Query query;
    /// Every word of the query as the analyzer understood it, in query order.
    std::vector<QueryWord> words;
    MatchSpec match;
    /// The plain words of the query (query order), each as the encoded
    /// terms that count as it (its stem, its stem class, its root class),
    /// for the proximity and lead rescoring of the top hits.
    std::vector<std::vector<std::string>> proximity_terms;
};

/// The query of `tree`, parsed from `query` (for error messages). Juxtaposed
/// words are OR-ed, or AND-ed with `match_all`. Throws QueryError for what
/// the index cannot search for: a NEAR of other than words and phrases, a
/// query that only excludes, one of stopwords only.
BuiltQuery build_query(std::string_view query, const Node& tree, bool match_all,
                       const Analyzer& analyzer, const Xapian::Database& db, Expander& expander);

}  // namespace akhbar::detail
