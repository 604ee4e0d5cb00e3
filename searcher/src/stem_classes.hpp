#pragma once
// The vocabulary a query word's expansion reads (query_expander.hpp): stem
// classes, root classes and spelling variants, remembered per searcher.
// Internal header.

#include <optional>
#include <string>
#include <string_view>
#include <unordered_map>
#include <unordered_set>
#include <utility>
#include <vector>

#include <xapian.h>

namespace akhbar::detail {

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
    const std::vector<std::string>& root_members(const std::string& stem,
                                                 const Xapian::Database& db);

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

}  // namespace akhbar::detail
