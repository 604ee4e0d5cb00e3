#include "akhbar/common/dates.hpp"

#include <array>
#include <string>
#include <unordered_map>
#include <vector>

#include "akhbar/common/normalizer.hpp"
#include "akhbar/common/utf8.hpp"

namespace akhbar::dates {

namespace {

using std::chrono::year_month_day;

// clang-format off
/// Month names as written; matched after Akhbar normalization, so hamza and
/// teh marbuta variants (أبريل/إبريل/ابريل, آذار/اذار) need no extra rows.
constexpr MonthName MONTH_NAMES[] = {
    // English, full and abbreviated.
    {"january", 1}, {"february", 2}, {"march", 3}, {"april", 4}, {"may", 5}, {"june", 6},
    {"july", 7}, {"august", 8}, {"september", 9}, {"october", 10}, {"november", 11},
    {"december", 12}, {"jan", 1}, {"feb", 2}, {"mar", 3}, {"apr", 4}, {"jun", 6}, {"jul", 7},
    {"aug", 8}, {"sep", 9}, {"sept", 9}, {"oct", 10}, {"nov", 11}, {"dec", 12},
    // Egyptian and Gulf (from the French/English names).
    {"يناير", 1}, {"فبراير", 2}, {"مارس", 3}, {"أبريل", 4}, {"مايو", 5}, {"يونيو", 6},
    {"يونيه", 6}, {"يوليو", 7}, {"يوليه", 7}, {"أغسطس", 8}, {"سبتمبر", 9}, {"أكتوبر", 10},
    {"نوفمبر", 11}, {"ديسمبر", 12},
    // Levantine and Iraqi (Syriac names); two-word names are matched whole.
    {"كانون الثاني", 1}, {"شباط", 2}, {"آذار", 3}, {"نيسان", 4}, {"أيار", 5}, {"حزيران", 6},
    {"تموز", 7}, {"آب", 8}, {"أيلول", 9}, {"تشرين الأول", 10}, {"تشرين الثاني", 11},
    {"كانون الأول", 12},
    // Maghreb: Tunisia and Algeria (French), Morocco.
    {"جانفي", 1}, {"فيفري", 2}, {"أفريل", 4}, {"ماي", 5}, {"جوان", 6}, {"جويلية", 7},
    {"أوت", 8}, {"يوليوز", 7}, {"غشت", 8}, {"شتنبر", 9}, {"نونبر", 11}, {"دجنبر", 12},
};
// clang-format on

const Normalizer& normalizer()
{
    static const Normalizer n(NormalizationScheme::akhbar);
    return n;
}

const std::unordered_map<std::string, unsigned>& month_table()
{
    static const auto table = [] {
        std::unordered_map<std::string, unsigned> t;
        for (const auto& m : MONTH_NAMES) {
            t.emplace(normalizer()(m.name), m.month);
        }
        return t;
    }();
    return table;
}

// A word of the line: its byte range and its text with digits folded to
// ASCII and, for letters, normalized (so months match in any spelling).
struct Word {
    std::size_t start;
    std::size_t end;
    std::string folded;
};

bool is_separator(char32_t cp)
{
    switch (cp) {
    case U' ': case U'\t': case U'\n': case U'\r': case U',': case U'\u060C':  // Arabic comma
    case U'(': case U')': case U'[': case U']': case U'\u00AB': case U'\u00BB': case U'"':
    case U'|': case U';': case U'\u061B': case U'\u00A0':
        return true;
    default:
        return false;
    }
}

std::vector<Word> split_words(std::string_view line)
{
    std::vector<Word> words;
    std::size_t pos = 0;
    while (pos < line.size()) {
        std::size_t at = pos;
        const char32_t cp = utf8::next(line, pos);
        if (is_separator(cp)) {
            continue;
        }
        std::size_t end = pos;
        while (end < line.size()) {
            std::size_t next = end;
            if (is_separator(utf8::next(line, next))) {
                break;
            }
            end = next;
        }
        // Sentence punctuation that ends a word is not part of it.
        std::size_t trimmed = end;
        while (trimmed > at && (line[trimmed - 1] == '.' || line[trimmed - 1] == ':')) {
            --trimmed;
        }
        if (trimmed > at) {
            words.push_back({at, trimmed, normalizer()(line.substr(at, trimmed - at))});
        }
        pos = end;
    }
    return words;
}

bool all_digits(std::string_view s)
{
    if (s.empty()) {
        return false;
    }
    for (const char c : s) {
        if (c < '0' || c > '9') {
            return false;
        }
    }
    return true;
}

int to_int(std::string_view s)
{
    int v = 0;
    for (const char c : s) {
        v = v * 10 + (c - '0');
    }
    return v;
}

std::optional<year_month_day> make_date(int y, int m, int d)
{
    if (y < 1000 || y > 2999 || m < 1 || m > 12 || d < 1 || d > 31) {
        return std::nullopt;
    }
    const year_month_day date{std::chrono::year{y}, std::chrono::month{static_cast<unsigned>(m)},
                              std::chrono::day{static_cast<unsigned>(d)}};
    return date.ok() ? std::optional(date) : std::nullopt;
}

// Splits "a<sep>b<sep>c" with one separator kind; nothing when the shape differs.
std::optional<std::array<std::string_view, 3>> three_parts(std::string_view s, char sep)
{
    const auto first = s.find(sep);
    if (first == std::string_view::npos) {
        return std::nullopt;
    }
    const auto second = s.find(sep, first + 1);
    if (second == std::string_view::npos || s.find(sep, second + 1) != std::string_view::npos) {
        return std::nullopt;
    }
    std::array<std::string_view, 3> parts{s.substr(0, first), s.substr(first + 1, second - first - 1),
                                          s.substr(second + 1)};
    for (const auto p : parts) {
        if (!all_digits(p)) {
            return std::nullopt;
        }
    }
    return parts;
}

// One word that is a whole numeric date: 2025-11-11[Thh:mm...], 2025/11/11,
// 11/11/2025, 11-11-2025, 11.11.2025.
std::optional<year_month_day> numeric_date(std::string_view w)
{
    // ISO date-time: keep the date part.
    if (w.size() > 10 && (w[10] == 't' || w[10] == 'T')) {
        w = w.substr(0, 10);
    }
    for (const char sep : {'-', '/', '.'}) {
        if (const auto parts = three_parts(w, sep)) {
            const auto& [a, b, c] = *parts;
            if (a.size() == 4 && b.size() <= 2 && c.size() <= 2) {
                return make_date(to_int(a), to_int(b), to_int(c));
            }
            if (a.size() <= 2 && b.size() <= 2 && c.size() == 4) {
                return make_date(to_int(c), to_int(b), to_int(a));  // day first, as in Arabic news
            }
        }
    }
    return std::nullopt;
}

// "7", "7th", "1st", "22nd", "3rd".
std::optional<int> day_number(std::string_view w)
{
    for (const std::string_view suffix : {"st", "nd", "rd", "th"}) {
        if (w.size() > suffix.size() && w.ends_with(suffix)) {
            w.remove_suffix(suffix.size());
            break;
        }
    }
    if (w.size() > 2 || !all_digits(w)) {
        return std::nullopt;
    }
    return to_int(w);
}

std::optional<int> year_number(std::string_view w)
{
    // "2025م": the Arabic abbreviation for the Gregorian era.
    constexpr std::string_view MEEM = "\xD9\x85";
    if (w.ends_with(MEEM)) {
        w.remove_suffix(MEEM.size());
    }
    if (w.size() != 4 || !all_digits(w)) {
        return std::nullopt;
    }
    return to_int(w);
}

// A month name starting at words[i]: returns the month and how many words
// it took (Levantine names take two).
std::optional<std::pair<unsigned, std::size_t>> month_at(const std::vector<Word>& words,
                                                          std::size_t i)
{
    const auto& table = month_table();
    if (i + 1 < words.size()) {
        const auto two = table.find(words[i].folded + " " + words[i + 1].folded);
        if (two != table.end()) {
            return std::pair{two->second, std::size_t{2}};
        }
    }
    if (i < words.size()) {
        const auto one = table.find(words[i].folded);
        if (one != table.end()) {
            return std::pair{one->second, std::size_t{1}};
        }
    }
    return std::nullopt;
}

// A date starting at words[i]; `last` receives the index of its last word.
std::optional<year_month_day> date_at(const std::vector<Word>& words, std::size_t i,
                                      std::size_t& last)
{
    if (const auto d = numeric_date(words[i].folded)) {
        last = i;
        return d;
    }
    // day [من] month year
    if (const auto day = day_number(words[i].folded)) {
        std::size_t j = i + 1;
        if (j < words.size() && words[j].folded == normalizer()("من")) {
            ++j;
        }
        if (const auto month = month_at(words, j)) {
            const std::size_t y = j + month->second;
            if (y < words.size()) {
                if (const auto year = year_number(words[y].folded)) {
                    last = y;
                    return make_date(*year, static_cast<int>(month->first), *day);
                }
            }
        }
    }
    // month day year (English order)
    if (const auto month = month_at(words, i)) {
        const std::size_t d = i + month->second;
        if (d + 1 < words.size()) {
            const auto day = day_number(words[d].folded);
            const auto year = year_number(words[d + 1].folded);
            if (day && year) {
                last = d + 1;
                return make_date(*year, static_cast<int>(month->first), *day);
            }
        }
    }
    return std::nullopt;
}

// "10:00", "10:00:00+01:00", "GMT", "UTC", "Z": a time after a date.
bool is_time_word(std::string_view w)
{
    if (w == "gmt" || w == "utc" || w == "z") {
        return true;
    }
    bool colon = false;
    for (const char c : w) {
        if (c == ':') {
            colon = true;
        } else if ((c < '0' || c > '9') && c != '+' && c != '-' && c != '.' && c != 'z') {
            return false;
        }
    }
    return colon;
}

}  // namespace

std::optional<FoundDate> find(std::string_view line)
{
    const auto words = split_words(line);
    for (std::size_t i = 0; i < words.size(); ++i) {
        std::size_t last = i;
        if (const auto date = date_at(words, i, last)) {
            return FoundDate{*date, words[i].start, words[last].end};
        }
    }
    return std::nullopt;
}

std::optional<year_month_day> parse(std::string_view text)
{
    if (utf8::find_invalid(text)) {
        return std::nullopt;
    }
    const auto words = split_words(text);
    if (words.empty()) {
        return std::nullopt;
    }
    std::size_t last = 0;
    const auto date = date_at(words, 0, last);
    if (!date) {
        return std::nullopt;
    }
    for (std::size_t i = last + 1; i < words.size(); ++i) {
        if (!is_time_word(words[i].folded)) {
            return std::nullopt;  // something after the date that is not a time
        }
    }
    return date;
}

}  // namespace akhbar::dates
