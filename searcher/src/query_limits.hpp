#pragma once
// What one query may cost (docs/query-syntax.md#limits), and the checks that
// hold a query to it: the one place the pipeline's limits live. Internal
// header.

#include <cstddef>
#include <string_view>
#include <vector>

#include <xapian.h>

#include "akhbar/common/analyzer.hpp"
#include "query_lexer.hpp"

namespace akhbar::detail {

// A query over a limit is a QueryError naming the limit, before any work
// that grows with it; the values are far above every query of the relevance
// and latency sets (bench/query_limits.sh measures them against the limits).
// Each bounds work that a long or adversarial query could otherwise make
// unbounded: issue #15 found 13 s for 1,302 unknown words, 50 s and 336 MB
// for 2,000 `ت*`, and a stack overflow at about 50,000 nested parentheses.

/// The most bytes of UTF-8 a query may have: over ten times the longest
/// query of the sets, room for any headline or question (lexing and
/// analysis are linear; this keeps them small).
constexpr std::size_t MAX_QUERY_BYTES = 4096;
/// The deepest nesting of parentheses. The grammar recurses once per level
/// (an 8 MB stack overflowed at about 50,000 levels); no query of the sets
/// nests at all, and Elasticsearch bounds its bool query nesting likewise
/// (indices.query.bool.max_nested_depth).
constexpr std::size_t MAX_QUERY_DEPTH = 32;
/// The most words searched (tokens that are not stopwords, in words,
/// phrases and title:, included or excluded): over twice the most of the
/// sets (29). Each costs stem and root class look-ups in the vocabulary and
/// postings in the match.
constexpr std::size_t MAX_QUERY_WORDS = 64;
/// Most terms a `word*` expands to, the most frequent ones: a documented
/// truncation, not an error. Xapian expands it when matching, reading the
/// vocabulary under the prefix (200 `ت*` took 8 s and 207 MB on ANT).
constexpr unsigned WILDCARD_LIMIT = 100;
/// Fewest letters a `word*` prefix keeps after analysis (its stem): a
/// one-letter prefix reaches most of the collection through its 100 most
/// frequent terms, and took 51-92 ms at the median on ANT (`م*`, `س*`:
/// half in the ranking match, half in counting every match), two letters
/// at most 15 ms (bench/data/worst_queries.tsv). Sphinx's min_prefix_len
/// bounds the same thing.
constexpr std::size_t MIN_PREFIX_LETTERS = 2;
/// The most spelling variants a word reaches (the most frequent): a name
/// has a handful of spellings in news (ترامب ترمب; نتنياهو نتانياهو), more
/// are rare misspellings.
constexpr std::size_t VARIANT_LIMIT = 8;
/// Stem classes remembered per searcher before the memory starts over.
constexpr std::size_t CLASS_CACHE_SIZE = 10000;
/// The most terms after expansion: every term of the final query, a word's
/// stem and root classes, its name variants and title term included, each wildcard counted at
/// WILDCARD_LIMIT (so at most 9 wildcards beside other words). The match
/// opens a posting list per term; Lucene's maxClauseCount (1,024) bounds
/// the same thing.
constexpr std::size_t MAX_QUERY_TERMS = 1000;
/// A query of more plain words than this (OR-ed, as typed or pasted) is
/// matched on this many of them, the rarest: a documented truncation, not an
/// error (see the query builder's rarest_words()). Every headline of the
/// relevance and latency sets has at most 15 words searched.
constexpr std::size_t LONG_QUERY_WORDS = 15;
/// "Did you mean" looks up at most this many words missing from the index,
/// the first ones: each is a Xapian spelling search (about 19 ms on ANT),
/// which dominated the time of a query of unknown words (perf: 88%). The
/// sets have at most 10 such words a query. A documented truncation, not an
/// error.
constexpr std::size_t MAX_SPELLING_LOOKUPS = 16;

/// What a query costs, in the quantities the limits above bound (the
/// largest nesting, not the current one).
struct QueryCost {
    std::size_t bytes = 0;
    std::size_t depth = 0;
    std::size_t words = 0;
    std::size_t terms = 0;
};

/// MAX_QUERY_BYTES and valid UTF-8, before anything reads `text`: the other
/// limits are checked on the lexemes, which this keeps few. Throws QueryError.
void check_text(std::string_view text);

/// MAX_QUERY_DEPTH and MAX_QUERY_WORDS over the lexemes of `query`, before
/// the grammar recurses (once per open parenthesis) and the expander looks
/// words up. Throws QueryError naming the lexeme over the limit; returns the
/// bytes, depth and words (terms left 0).
QueryCost check_lexemes(std::string_view query, const std::vector<Lexeme>& lexemes,
                        const Analyzer& analyzer);

/// MAX_QUERY_TERMS over the query as built: every term, each wildcard at
/// WILDCARD_LIMIT. Throws QueryError; returns the count.
std::size_t check_terms(std::string_view query, const Xapian::Query& built);

}  // namespace akhbar::detail
