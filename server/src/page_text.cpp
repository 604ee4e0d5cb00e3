#include "page_text.hpp"

#include <array>

namespace akhbar::server {

std::string count_phrase(std::size_t n, const CountedNoun& noun)
{
    if (n == 1) {
        return std::string(noun.one);
    }
    if (n == 2) {
        return std::string(noun.two);
    }
    // The noun after a compound number follows its last two digits: 3–10
    // take the plural, 11–99 the singular (tamyiz), 0, 1, 2 and hundreds
    // the singular genitive (102 مقال).
    const std::size_t last_two = n % 100;
    const std::string_view form = last_two >= 3 && last_two <= 10 ? noun.few
                                  : last_two >= 11               ? noun.many
                                                                 : noun.hundred;
    return std::to_string(n) + " " + std::string(form);
}

std::string_view month_name(std::chrono::month month)
{
    static constexpr std::array<std::string_view, 12> NAMES = {
        "يناير", "فبراير", "مارس",    "أبريل",  "مايو",   "يونيو",
        "يوليو", "أغسطس", "سبتمبر", "أكتوبر", "نوفمبر", "ديسمبر"};
    const unsigned m = static_cast<unsigned>(month);
    return m >= 1 && m <= 12 ? NAMES[m - 1] : std::string_view("?");
}

std::string long_date(std::chrono::year_month_day date)
{
    return std::to_string(static_cast<unsigned>(date.day())) + " " +
           std::string(month_name(date.month())) + " " + std::to_string(static_cast<int>(date.year()));
}

std::string long_month(std::chrono::year_month month)
{
    return std::string(month_name(month.month())) + " " + std::to_string(static_cast<int>(month.year()));
}

}  // namespace akhbar::server
