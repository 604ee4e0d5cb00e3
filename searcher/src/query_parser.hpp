#pragma once
// The query language of docs/query-syntax.md, turned into a Xapian query
// through the same analyzer the documents went through. Internal header.

#include <optional>
#include <set>
#include <string>
#include <string_view>
#include <unordered_map>
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
    /// The plain words of the query (query order), each as the encoded
    /// terms that count as it (its stem, its stem class, its root class),
    /// for the proximity and lead rescoring of the top hits.
    std::vector<std::vector<std::string>> proximity_terms;
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

    void forget()
    {
        m_cache.clear();
        m_roots.reset();
    }

private:
    Xapian::Stem m_stemmer;
    std::unordered_map<std::string, std::vector<std::string>> m_cache;
    std::optional<std::unordered_map<std::string, std::vector<std::string>>> m_roots;
};

/// Parses `text`. Throws QueryError naming the character where a problem is.
/// With `classes` (enabled), plain words also match their stem class.
ParsedQuery parse_query(std::string_view text, bool match_all, const Analyzer& analyzer,
                        const Xapian::Database& db, bool literal = false,
                        StemClasses* classes = nullptr);

/// Xapian value range over schema::SLOT_DATE for [from, to] (either open).
Xapian::Query date_range_query(const std::optional<std::chrono::year_month_day>& from,
                               const std::optional<std::chrono::year_month_day>& to);

/// A filter for the sources whose normalized name contains `name`'s.
Xapian::Query source_query(std::string_view name, const Analyzer& analyzer,
                           const Xapian::Database& db);

}  // namespace akhbar::detail
