#pragma once
/// @file
/// Which tokens are worth stemming when only a few stems matter, as when
/// highlighting a query's words in a text.

#include <cstdint>
#include <string>
#include <string_view>
#include <vector>

namespace akhbar {

/// The words that may stem to (or to a stem beginning with) one of a few
/// strings. light10's stems are parts of the normalized word (it only cuts
/// affixes), so a word that contains none of the strings cannot stem to one:
/// it need not be stemmed. Immutable: safe to share between threads.
class StemFilter {
public:
    /// `parts`: UTF-8, what a wanted stem equals or begins with.
    explicit StemFilter(const std::vector<std::string>& parts);

    /// False when `normalized` (UTF-16, as the analyzer holds a token)
    /// contains none of the parts.
    [[nodiscard]] bool may_match(std::u16string_view normalized) const noexcept;

private:
    struct Part {
        std::u16string units;
        std::uint64_t letters;  // letters_of(units)
    };
    /// A bit per unit modulo 64: a part whose bits a word lacks is not in it,
    /// which turns most words away in one test per part.
    static std::uint64_t letters_of(std::u16string_view units) noexcept;
    std::vector<Part> m_parts;
};

}  // namespace akhbar
