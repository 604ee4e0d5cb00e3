#pragma once
// Why a hit scored what it did (SearchRequest::explain): the match's weight
// split into the parts of the query that made it, then the rescoring's
// boosts. Internal header.

#include <string>
#include <vector>

#include <xapian.h>

#include "akhbar/common/ranking.hpp"
#include "akhbar/searcher/searcher.hpp"
#include "rescore.hpp"

namespace akhbar::detail {

/// What an explanation is made from: the search's database, its whole query
/// (filters included) and weighting, and the query's words.
struct ExplainContext {
    const Xapian::Database& db;
    const Xapian::Query& query;
    const Ordering& order;
    RankingScheme indexed;  ///< the index profile's ranking (order_match())
    const std::vector<QueryWord>& words;
    /// ParsedQuery::proximity_terms: the terms each plain word counts as.
    const std::vector<std::vector<std::string>>& proximity_terms;
};

/// The explanation of `hit` (article `id`) of that search: its parts add up
/// to `hit.score` (up to rounding).
[[nodiscard]] Explanation explain_hit(const ExplainContext& context, const Ranked& hit,
                                      const std::string& id);

}  // namespace akhbar::detail
