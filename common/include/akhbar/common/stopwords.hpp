#pragma once
/// @file
/// Stopword lists. The words live in common/data/*.txt (one per line, `#`
/// starts a comment), embedded into the library at build time.

#include <bitset>
#include <cstddef>
#include <functional>
#include <string>
#include <string_view>
#include <unordered_set>

namespace akhbar {

class Normalizer;

/// An immutable set of words; safe to share between threads.
class StopwordSet {
public:
    StopwordSet() = default;

    /// Parses a list: one word per line, blank lines and `#` comments ignored,
    /// surrounding white space trimmed.
    static StopwordSet parse(std::string_view list);

    /// Lucene 8.7's default Arabic list (Savoy, BSD), as written.
    static const StopwordSet& lucene_arabic();

    /// The same words passed through `normalizer` (so the list matches
    /// normalized tokens whatever spelling it was written in).
    [[nodiscard]] StopwordSet normalized(const Normalizer& normalizer) const;

    [[nodiscard]] bool contains(std::string_view word) const;
    [[nodiscard]] std::size_t size() const noexcept { return m_words.size(); }

    /// Calls f(word) for every word, in no particular order.
    template <typename F>
    void for_each(F&& f) const
    {
        for (const std::string& word : m_words) {
            f(word);
        }
    }

private:
    struct Hash {
        using is_transparent = void;
        std::size_t operator()(std::string_view s) const noexcept
        {
            return std::hash<std::string_view>{}(s);
        }
    };
    std::unordered_set<std::string, Hash, std::equal_to<>> m_words;
};

/// The words of a StopwordSet in UTF-16, the analyzer's form, so that a
/// token is looked up without converting it to UTF-8. Immutable: safe to
/// share between threads.
class Utf16WordSet {
public:
    explicit Utf16WordSet(const StopwordSet& words);

    [[nodiscard]] bool contains(std::u16string_view word) const;

private:
    /// A word's first and last units (each modulo 64), the index of a bit of
    /// m_ends.
    static std::size_t ends_of(std::u16string_view word) noexcept;

    struct Hash {
        using is_transparent = void;
        std::size_t operator()(std::u16string_view s) const noexcept
        {
            return std::hash<std::u16string_view>{}(s);
        }
    };
    std::unordered_set<std::u16string, Hash, std::equal_to<>> m_words;
    /// ends_of() every word: most other words are turned away by one bit
    /// instead of a hash. Callgrind: the lookup took ~145 instructions a
    /// token, with the conversion to UTF-8 ~170 more.
    std::bitset<64 * 64> m_ends;
};

}  // namespace akhbar
