#pragma once
/// @file
/// Plain-text news articles as collected from the web: page boilerplate
/// around the story, a title on the first real line, the date and source
/// stated somewhere in the text. This turns such a file into an Article.

#include <array>
#include <chrono>
#include <cstddef>
#include <cstdint>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "akhbar/indexer/article.hpp"

namespace akhbar::plain_text {

/// How a cleaning rule's pattern is compared with a line (both normalized,
/// so hamza, tanween and presentation-form variants match).
enum class Match : std::uint8_t {
    whole_line,  ///< the line is the pattern
    prefix,      ///< the line starts with the pattern, then a word boundary
};

/// What a matching line does to the text.
enum class Action : std::uint8_t {
    drop_line,  ///< the line is not article text
    drop_rest,  ///< the line and everything after it are appended material
};

struct CleaningRule {
    std::string_view name;
    Match match;
    std::string_view pattern;
    Action action;
    /// For prefix rules: the line may have at most this many words (0: any),
    /// so that a sentence that merely starts like the pattern is kept.
    std::size_t max_words = 0;
};

// clang-format off
/// The boilerplate of the seed articles and of the sites like them. One test
/// per rule in tests/indexer/test_plain_text.cpp.
inline constexpr std::array CLEANING_RULES{
    CleaningRule{"javascript-notice",   Match::prefix,     "Sorry, you need to enable JavaScript", Action::drop_line},
    CleaningRule{"read-more",           Match::whole_line, "اقرأ المزيد",          Action::drop_line},
    CleaningRule{"related-notice",      Match::prefix,     "يحتوي هذا القسم على",  Action::drop_line},
    CleaningRule{"more-from-section",   Match::prefix,     "المزيد من",            Action::drop_line, 4},
    CleaningRule{"advertisement",       Match::whole_line, "إعلان",                Action::drop_line},
    CleaningRule{"keywords",            Match::prefix,     "كلمات دلالية",         Action::drop_line},
    CleaningRule{"tags",                Match::prefix,     "الكلمات المفتاحية",    Action::drop_line},
    CleaningRule{"categories",          Match::whole_line, "تصنيفات",              Action::drop_rest},
    CleaningRule{"stories-for-you",     Match::whole_line, "قصص قد تهمك",          Action::drop_rest},
    CleaningRule{"read-also",           Match::prefix,     "اقرأ أيضا",            Action::drop_rest},
    CleaningRule{"see-also",            Match::prefix,     "شاهد أيضا",            Action::drop_rest, 4},
    CleaningRule{"related-articles",    Match::whole_line, "مقالات ذات صلة",       Action::drop_rest},
};

/// Labels that introduce the publication date ("تاريخ النشر: 7th, November
/// 2025 GMT", "date 2025-11-11 ..."); the label and date are removed.
inline constexpr std::array<std::string_view, 8> DATE_LABELS{
    "تاريخ النشر", "نشر بتاريخ", "نشر في", "تاريخ الإضافة", "آخر تحديث", "published", "date", "التاريخ"};

/// Labels that introduce the source ("المصدر: بوابة الوفد"); the line is removed.
inline constexpr std::array<std::string_view, 2> SOURCE_LABELS{"المصدر", "source"};
// clang-format on

/// Lines from the top in which a caption date or a dateline counts.
inline constexpr std::size_t HEADER_LINES = 6;
/// A title longer than this (in code points) is cut at a word boundary.
inline constexpr std::size_t MAX_TITLE_CHARS = 160;

/// What parse() found in a text, each field empty when not found.
struct Parsed {
    std::string title;  ///< display form: NFKC (presentation forms become letters)
    std::string text;   ///< cleaned body, lines as written joined by '\n'
    std::optional<std::chrono::year_month_day> date;
    std::string source;
    /// Names of the cleaning rules that fired, in order (for tests and --explain).
    std::vector<std::string> rules_applied;
};

/// Cleans one plain-text article. `text` must be valid UTF-8.
[[nodiscard]] Parsed parse(std::string_view text);

}  // namespace akhbar::plain_text
