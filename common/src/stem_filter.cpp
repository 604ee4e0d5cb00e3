#include "akhbar/common/stem_filter.hpp"

#include <algorithm>

#include "akhbar/common/normalizer.hpp"

namespace akhbar {

StemFilter::StemFilter(const std::vector<std::string>& parts)
{
    for (const std::string& part : parts) {
        std::u16string units = to_utf16(part);
        const std::uint64_t letters = letters_of(units);
        m_parts.push_back({std::move(units), letters});
    }
}

std::uint64_t StemFilter::letters_of(std::u16string_view units) noexcept
{
    std::uint64_t letters = 0;
    for (const char16_t u : units) {
        letters |= std::uint64_t{1} << (u & 63U);
    }
    return letters;
}

bool StemFilter::may_match(std::u16string_view normalized) const noexcept
{
    const std::uint64_t letters = letters_of(normalized);
    return std::any_of(m_parts.begin(), m_parts.end(), [&](const Part& p) {
        return (p.letters & ~letters) == 0 && normalized.find(p.units) != std::u16string_view::npos;
    });
}

}  // namespace akhbar
