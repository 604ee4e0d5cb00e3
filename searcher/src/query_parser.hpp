#pragma once
// The query language of docs/query-syntax.md, turned into a Xapian query
// through the same analyzer the documents went through. Internal header.

#include <optional>
#include <set>
#include <string>
#include <string_view>
#include <unordered_map>
#include <unordered_set>
#include <vector>

#include <xapian.h>

#include "akhbar/common/analyzer.hpp"
#include "akhbar/searcher/searcher.hpp"

namespace akhbar::detail {

// What one query may cost (docs/query-syntax.md#limits). A query over a
// limit is a QueryError naming the limit, before any work that grows with
// it; the values are far above every query of the relevance and latency
// sets (bench/query_limits.sh measures them against the limits). Each bounds
// work that a long or adversarial query could otherwise make unbounded:
// issue #15 found 13 s for 1,302 unknown words, 50 s and 336 MB for 2,000
// `ت*`, and a stack overflow at about 50,000 nested parentheses.

/// The most bytes of UTF-8 a query may have: over ten times the longest
/// query of the sets, room for any headline or question (lexing and
/// analysis are linear; this keeps them small).
constexpr std::size_t MAX_QUERY_BYTES = 4096;
/// The deepest nesting of parentheses. The parser recurses once per level
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
    /// The plain words of the query (query order), each as the encoded
    /// terms that count as it (its stem, its stem class, its root class),
    /// for the proximity and lead rescoring of the top hits.
    std::vector<std::vector<std::string>> proximity_terms;
    /// What the query costs (all within the limits above).
    QueryCost cost;
};

/// Stem classes (AnalyzerProfile::expansion_stemmer): a query word's class
/// is every stem in the database's vocabulary that the expansion stemmer
/// reduces to the same form as the word's own stem (light10's يقول and
/// سيقول both to يقول under Snowball). Found by reading the vocabulary from
/// the few prefixes Snowball strips and light10 keeps, and remembered, since
/// the same words come back; forget() when the database changes.
class StemClasses {
public:
    /// `stemmer` is a name from STEMMER_NAMES, or empty for no expansion.
    explicit StemClasses(std::string_view stemmer);

    [[nodiscard]] bool enabled() const noexcept { return !m_stemmer.is_none(); }

    /// The encoded terms of `db` in the class of `stem` (a stem as the
    /// analyzer gives it, UTF-8), sorted; empty when the stem reduces to
    /// nothing.
    const std::vector<std::string>& members(const std::string& stem, const Xapian::Database& db);

    /// The encoded Arabic terms of `db` whose root (roots.hpp) is `stem`'s,
    /// sorted; empty for a root under three letters. The first call reads
    /// the whole vocabulary once and groups it by root.
    const std::vector<std::string>& root_members(const std::string& stem, const Xapian::Database& db);

    /// The encoded terms of `db` that are spelling variants of `stem`
    /// (variants::meet(): same variant key, not both dictionary words), the
    /// VARIANT_LIMIT most frequent, most frequent first; `stem` itself not
    /// included. The vocabulary is read and grouped by variant key one first
    /// letter at a time, when a key starting with that letter is first asked
    /// for: a query of a few words reads a few letters' terms, not all.
    std::vector<std::string> variant_members(const std::string& stem, const Xapian::Database& db);

    void forget()
    {
        m_cache.clear();
        m_roots.reset();
        m_variants.clear();
        m_variant_letters.clear();
    }

private:
    Xapian::Stem m_stemmer;
    std::unordered_map<std::string, std::vector<std::string>> m_cache;
    std::optional<std::unordered_map<std::string, std::vector<std::string>>> m_roots;
    // Variant key -> (term frequency, encoded term), groups of two or more.
    using VariantGroups =
        std::unordered_map<std::string, std::vector<std::pair<Xapian::doccount, std::string>>>;
    VariantGroups m_variants;
    // The keys' first letters whose groups m_variants holds.
    std::unordered_set<char32_t> m_variant_letters;
};

/// Parses `text`. Throws QueryError naming the character where a problem is,
/// or the limit a query goes over (MAX_QUERY_BYTES and the others above).
/// With `classes` (enabled), plain words also match their stem class, and
/// as the profile and `strict` allow, their root class and name variants.
ParsedQuery parse_query(std::string_view text, bool match_all, const Analyzer& analyzer,
                        const Xapian::Database& db, bool literal = false,
                        StemClasses* classes = nullptr, Strictness strict = Strictness::stemmed);

/// Xapian value range over schema::SLOT_DATE for [from, to] (either open).
Xapian::Query date_range_query(const std::optional<std::chrono::year_month_day>& from,
                               const std::optional<std::chrono::year_month_day>& to);

/// A filter for the sources whose normalized name contains `name`'s.
Xapian::Query source_query(std::string_view name, const Analyzer& analyzer,
                           const Xapian::Database& db);

}  // namespace akhbar::detail
