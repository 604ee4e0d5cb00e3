#pragma once
// The Arabic words of the web page that depend on a number or a date:
// counted nouns (Arabic has a dual and two plural forms after numbers) and
// dates written with the month's name. Internal to the web page.

#include <chrono>
#include <cstddef>
#include <string>
#include <string_view>

namespace akhbar::server {

/// A noun's forms after a number: "مقال واحد", "مقالان", "3 مقالات", "11 مقالاً".
struct CountedNoun {
    std::string_view one;     ///< the whole phrase for 1: "مقال واحد"
    std::string_view two;     ///< the whole phrase for 2 (dual): "مقالان"
    std::string_view few;     ///< after 3–10 (plural): "مقالات"
    std::string_view many;    ///< after 11–99 (singular, accusative): "مقالاً"
    std::string_view hundred; ///< after 100, 1000…, 0 (singular, genitive): "مقال"
};

inline constexpr CountedNoun ARTICLES{"مقال واحد", "مقالان", "مقالات", "مقالاً", "مقال"};
inline constexpr CountedNoun STORIES{"قصة واحدة", "قصتان", "قصص", "قصة", "قصة"};
inline constexpr CountedNoun RESULTS{"نتيجة واحدة", "نتيجتان", "نتائج", "نتيجة", "نتيجة"};

/// "5 نتائج", "نتيجة واحدة", "12 نتيجة": `n` (Western digits, as the
/// collection's dates are written) with the noun's form the number takes,
/// after the rule of the number's last two digits.
[[nodiscard]] std::string count_phrase(std::size_t n, const CountedNoun& noun);

/// The month's name as Arabic news in Egypt and the Gulf write it ("نوفمبر").
[[nodiscard]] std::string_view month_name(std::chrono::month month);

/// "6 نوفمبر 2025".
[[nodiscard]] std::string long_date(std::chrono::year_month_day date);

/// "نوفمبر 2025".
[[nodiscard]] std::string long_month(std::chrono::year_month month);

}  // namespace akhbar::server
