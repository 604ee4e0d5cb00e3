#include "akhbar/common/paragraphs.hpp"

namespace akhbar::schema {

std::optional<std::size_t> first_paragraph_end(std::string_view text)
{
    constexpr std::string_view SPACE = " \t\r\n\v\f";
    const std::size_t start = text.find_first_not_of(SPACE);
    if (start == std::string_view::npos) {
        return std::nullopt;
    }
    const std::size_t end = text.find('\n', start);
    if (end == std::string_view::npos || text.find_first_not_of(SPACE, end) == std::string_view::npos) {
        return std::nullopt;
    }
    return end;
}

}  // namespace akhbar::schema
