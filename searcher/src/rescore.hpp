#pragma once
// How a search orders its hits: the match's weighting and tie order, and the
// top hits reordered by the akhbar ranking's proximity and lead (the
// rescoring window). Internal header.

#include <cstddef>
#include <functional>
#include <string>
#include <unordered_map>
#include <vector>

#include <xapian.h>

#include "akhbar/common/analyzer.hpp"
#include "akhbar/common/profile.hpp"
#include "akhbar/searcher/searcher.hpp"
#include "search_targets.hpp"

namespace akhbar::detail {

/// The akhbar ranking rescores the top hits by BM25 by how close the query's
/// words stand in them and by how many of them are in the lead. A NEAR
/// subquery did the proximity part over every candidate and cost 16x at the
/// 99th percentile (73.7 ms against 4.5 ms, bench/search.sh).
constexpr Xapian::doccount RESCORE_WINDOW = 30;
/// Words this many positions apart or more do not count as close.
constexpr Xapian::termpos PROXIMITY_SPAN = 4;
/// A hit whose every pair of consecutive query words is adjacent gets its
/// score multiplied by 1 + this.
constexpr double PROXIMITY_BOOST = 0.5;
/// A hit with every query word in its lead (title and first paragraph, see
/// schema::SLOT_LEAD_END) gets its score multiplied by 1 + this, one with
/// some of them by the share. News puts the essentials first; known-item
/// MRR@10 is 0.70-0.71 for any weight from 0.5 to 1 (docs/relevance.md).
constexpr double LEAD_BOOST = 0.7;

/// Each query word's sorted positions in one document.
using WordPositions = std::vector<std::vector<Xapian::termpos>>;

/// The query words (their indexes) each term counts for, in the proximity
/// and lead rescoring.
using WordsOfTerm = std::unordered_map<std::string, std::vector<std::size_t>>;

/// How a hit's positions are read from a local database: a position list
/// lookup per term (cheap for a few terms), or one pass over the document's
/// term list (cheap for expanded words with large classes).
enum class PositionRead { by_lookup, by_term_list };

/// Each query word's sorted positions in document `did` of `db`: those of
/// every term that counts as the word (`words`). Both ways read the same.
[[nodiscard]] WordPositions local_word_positions(const Xapian::Database& db, Xapian::docid did,
                                                 const WordsOfTerm& words,
                                                 std::size_t word_count, PositionRead how);

/// Smallest distance between a position of `a` and one of `b` (both
/// sorted), or 0 when either is absent.
[[nodiscard]] Xapian::termpos closest(const std::vector<Xapian::termpos>& a,
                                      const std::vector<Xapian::termpos>& b);

/// 0..1: how close consecutive query words stand (adjacent pairs count 1,
/// pairs k apart 1/k, beyond PROXIMITY_SPAN nothing). Two words or more.
[[nodiscard]] double proximity(const WordPositions& positions);

/// 0..1: the share of the query words that occur at or before `lead_end`.
[[nodiscard]] double lead_share(const WordPositions& positions, Xapian::termpos lead_end);

/// How one search orders its hits, as set up for its match.
struct Ordering {
    RankingScheme ranking = RankingScheme::akhbar;
    SortOrder sort = SortOrder::relevance;
    /// Scored by LuceneBM25Weight, whose scores are Lucene's floats.
    bool lucene_weight = false;
    /// The value that orders equal scores.
    Xapian::valueno tie_slot = 0;
};

/// Sets `enquire`'s weighting scheme and order for `ranking` and `sort` over
/// targets indexed with the profile ranking `indexed` (some remote when
/// `any_remote`).
Ordering order_match(Xapian::Enquire& enquire, RankingScheme ranking, RankingScheme indexed,
                     SortOrder sort, bool any_remote);

/// The part of the match a page [offset, offset + limit) needs.
struct Window {
    bool rescore = false;  ///< the page reaches into the rescoring window
    Xapian::doccount first = 0;
    Xapian::doccount count = 0;
};

[[nodiscard]] Window window_for(std::size_t offset, std::size_t limit);

/// A hit of the page, as rescored.
struct Ranked {
    Xapian::MSetIterator it;
    double score;
    long long key;     // score_key(score)
    std::string date;  // for date order
    std::string tie;   // the tie_slot value
    // What the rescoring found (0 when not rescored): proximity() and
    // lead_share(), and whether each multiplied the score.
    double proximity = 0;
    double lead = 0;
    bool proximity_applied = false;
    bool lead_applied = false;
};

/// Where the positions of a hit's words are read.
struct PositionSource {
    const SearchTargets& targets;
    const Analyzer& analyzer;
    std::vector<Token>& scratch;
};

/// A score as hits are compared by it: to 10 significant digits, so that
/// the same article scored a few units in the last place apart in another
/// layout (the weights of its terms added in another order) ties as it
/// does in one database, and falls to the tie key.
[[nodiscard]] long long score_key(double score);

/// Whether `a` ranks before `b` in `order`, given their date
/// (schema::SLOT_DATE) values, score_key()s and tie values: by date first
/// unless by relevance (undated last either way), then score, then tie.
[[nodiscard]] bool ranks_before(const Ordering& order, const std::string& a_date, long long a_key,
                                const std::string& a_tie, const std::string& b_date,
                                long long b_key, const std::string& b_tie);

/// The hits that stand for a match's hits, in its order
/// (SearchRequest::collapse: the best member of each story, stories.hpp);
/// none: the match's own.
using StandIn = std::function<std::vector<Xapian::MSetIterator>(const Xapian::MSet&)>;

/// The hits of the page [offset, offset + limit) of `mset` (fetched as
/// window_for() says): the window reordered by proximity and lead of the
/// query words (`proximity_terms`, ParsedQuery) when `order` is the akhbar
/// ranking by relevance, and equal scores in tie order.
[[nodiscard]] std::vector<Ranked> rescored_page(
    const Xapian::MSet& mset, const Ordering& order,
    const std::vector<std::vector<std::string>>& proximity_terms, std::size_t offset,
    std::size_t limit, PositionSource source, const StandIn& stand_in = {});

}  // namespace akhbar::detail
