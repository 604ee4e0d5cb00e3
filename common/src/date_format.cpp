#include "akhbar/common/date_format.hpp"

#include <cstdio>

namespace akhbar::schema {

std::string format_iso(std::chrono::year_month_day date)
{
    char buf[16];
    std::snprintf(buf, sizeof buf, "%04d-%02u-%02u", static_cast<int>(date.year()),
                  static_cast<unsigned>(date.month()), static_cast<unsigned>(date.day()));
    return buf;
}

std::string format_iso(std::chrono::year_month month)
{
    char buf[16];
    std::snprintf(buf, sizeof buf, "%04d-%02u", static_cast<int>(month.year()),
                  static_cast<unsigned>(month.month()));
    return buf;
}

std::string format_compact(std::chrono::year_month_day date)
{
    char buf[16];
    std::snprintf(buf, sizeof buf, "%04d%02u%02u", static_cast<int>(date.year()),
                  static_cast<unsigned>(date.month()), static_cast<unsigned>(date.day()));
    return buf;
}

}  // namespace akhbar::schema
