#include "akhbar/common/article.hpp"

namespace akhbar {

std::string_view to_string(DateSource source) noexcept
{
    switch (source) {
    case DateSource::metadata:
        return "metadata";
    case DateSource::text:
        return "text";
    case DateSource::none:
        break;
    }
    return "none";
}

}  // namespace akhbar
