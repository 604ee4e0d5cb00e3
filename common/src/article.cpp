#include "akhbar/common/article.hpp"

#include "akhbar/common/enum_names.hpp"

namespace akhbar {

std::string_view to_string(DateSource source) noexcept
{
    constexpr EnumNames<DateSource, 3> DATE_SOURCES{{
        {DateSource::metadata, "metadata"},
        {DateSource::text, "text"},
        {DateSource::none, "none"},
    }};
    return name_of(DATE_SOURCES, source);
}

}  // namespace akhbar
