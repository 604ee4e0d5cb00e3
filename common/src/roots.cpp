#include "akhbar/common/roots.hpp"

#include <array>

#include "akhbar/common/utf8.hpp"

namespace akhbar::roots {

namespace {

using Word = std::u32string;

constexpr char32_t ALEF = U'\u0627';   // ا
constexpr char32_t TEH = U'\u062A';    // ت
constexpr char32_t MEEM = U'\u0645';   // م
constexpr char32_t NOON = U'\u0646';   // ن
constexpr char32_t WAW = U'\u0648';    // و
constexpr char32_t YEH = U'\u064A';    // ي
constexpr char32_t HAMZA = U'\u0621';  // ء

bool in(char32_t c, std::u32string_view set) { return set.find(c) != std::u32string_view::npos; }

// The feminine ending: ة, or ه as the analyzer normalizes it.
bool feminine(char32_t c) { return c == U'\u0629' || c == U'\u0647'; }

Word cat(std::initializer_list<std::u32string_view> parts)
{
    Word out;
    for (const auto p : parts) {
        out += p;
    }
    return out;
}

// Affixes ISRI removes before looking at patterns, longest first.
constexpr std::array<std::u32string_view, 4> PREFIXES_3{U"كال", U"بال", U"ولل", U"وال"};
constexpr std::array<std::u32string_view, 2> PREFIXES_2{U"ال", U"لل"};
constexpr std::array<std::u32string_view, 5> SUFFIXES_3{U"تمل", U"همل", U"تان", U"تين", U"كمل"};
constexpr std::array<std::u32string_view, 16> SUFFIXES_2{
    U"ون", U"ات", U"ان", U"ين", U"تن", U"كم", U"هن", U"نا", U"يا", U"ها", U"تم", U"كن", U"ني", U"وا", U"ما", U"هم"};
// One-letter affixes, removed only when no pattern matched.
constexpr std::u32string_view SUFFIX_1 = U"ةهيكتان";
constexpr std::u32string_view PREFIX_1 = U"لبفسويتنا";

template <std::size_t N>
bool strip_prefix(Word& w, const std::array<std::u32string_view, N>& set, std::size_t min_length)
{
    if (w.size() < min_length) {
        return false;
    }
    for (const auto p : set) {
        if (w.starts_with(p)) {
            w.erase(0, p.size());
            return true;
        }
    }
    return false;
}

template <std::size_t N>
bool strip_suffix(Word& w, const std::array<std::u32string_view, N>& set, std::size_t min_length)
{
    if (w.size() < min_length) {
        return false;
    }
    for (const auto s : set) {
        if (w.ends_with(s)) {
            w.resize(w.size() - s.size());
            return true;
        }
    }
    return false;
}

// When no pattern matched: one short suffix, else one short prefix.
Word short_affix(Word w)
{
    const std::size_t before = w.size();
    if (!w.empty() && in(w.back(), SUFFIX_1)) {
        w.pop_back();
    }
    if (w.size() == before && !w.empty() && in(w.front(), PREFIX_1)) {
        w.erase(0, 1);
    }
    return w;
}

// Four letters to a three-letter root.
Word four(const Word& w)
{
    const std::u32string_view v = w;
    if (w[0] == MEEM) {  // مفعل
        return Word(v.substr(1));
    }
    if (w[1] == ALEF) {  // فاعل
        return cat({v.substr(0, 1), v.substr(2)});
    }
    if (in(w[2], U"اوي")) {  // فعال فعول فعيل
        return cat({v.substr(0, 2), v.substr(3)});
    }
    if (feminine(w[3])) {  // فعلة
        return Word(v.substr(0, 3));
    }
    return short_affix(w);
}

// Five letters to a three-letter root.
Word five_to_three(const Word& w)
{
    const std::u32string_view v = w;
    const auto root = [&](std::size_t a, std::size_t b, std::size_t c) { return Word{w[a], w[b], w[c]}; };
    if (w[0] == ALEF && in(w[2], U"ات")) {  // افتعل افاعل
        return root(1, 3, 4);
    }
    if (w[0] == MEEM && in(w[3], U"ايو")) {  // مفعول مفعال مفعيل
        return root(1, 2, 4);
    }
    if (in(w[0], U"اتم") && feminine(w[4])) {  // مفعلة تفعلة افعلة
        return Word(v.substr(1, 3));
    }
    if (in(w[0], U"ميت") && w[2] == TEH) {  // مفتعل يفتعل تفتعل
        return root(1, 3, 4);
    }
    if (in(w[0], U"مت") && w[2] == ALEF) {  // مفاعل تفاعل
        return root(1, 3, 4);
    }
    if (in(w[2], U"او") && feminine(w[4])) {  // فعولة فعالة
        return root(0, 1, 3);
    }
    if (in(w[0], U"ام") && w[1] == NOON) {  // انفعل منفعل
        return Word(v.substr(2));
    }
    if (w[0] == ALEF && w[3] == ALEF) {  // افعال
        return root(1, 2, 4);
    }
    if (w[3] == ALEF && w[4] == NOON) {  // فعلان
        return Word(v.substr(0, 3));
    }
    if (w[0] == TEH && w[3] == YEH) {  // تفعيل
        return root(1, 2, 4);
    }
    if (w[1] == ALEF && w[3] == WAW) {  // فاعول
        return root(0, 2, 4);
    }
    if (w[1] == WAW && w[2] == ALEF) {  // فواعل
        return root(0, 3, 4);
    }
    if (w[2] == ALEF && (w[3] == HAMZA || w[3] == U'\u0626')) {  // فعائل
        return root(0, 1, 4);
    }
    if (w[1] == ALEF && feminine(w[4])) {  // فاعلة
        return root(0, 2, 3);
    }
    if (w[2] == ALEF && w[4] == YEH) {  // فعالي
        return root(0, 1, 3);
    }
    return short_affix(w);
}

// Five letters to a four-letter root.
Word five_to_four(const Word& w)
{
    const std::u32string_view v = w;
    if (in(w[0], U"اتم")) {  // تفعلل افعلل مفعلل
        return Word(v.substr(1));
    }
    if (feminine(w[4])) {  // فعللة
        return Word(v.substr(0, 4));
    }
    if (w[2] == ALEF) {  // فعالل
        return cat({v.substr(0, 2), v.substr(3)});
    }
    return w;
}

// A five-letter word: three-letter patterns first, then four-letter ones.
Word five(const Word& w)
{
    Word r = five_to_three(w);
    if (r.size() == 4) {
        return four(r);
    }
    if (r.size() == 5) {
        return five_to_four(r);
    }
    return r;
}

// Six letters to a three-letter root.
Word six_to_three(const Word& w)
{
    const std::u32string_view v = w;
    if (v.starts_with(U"است") || v.starts_with(U"مست")) {  // استفعل مستفعل
        return Word(v.substr(3));
    }
    if (w[0] == MEEM && w[3] == ALEF && feminine(w[5])) {  // مفعالة
        return Word{w[1], w[2], w[4]};
    }
    if (w[0] == ALEF && w[2] == TEH && w[4] == ALEF) {  // افتعال
        return Word{w[1], w[3], w[5]};
    }
    if (w[0] == ALEF && w[3] == WAW && w[2] == w[4]) {  // افعوعل
        return Word{w[1], w[4], w[5]};
    }
    if (w[0] == TEH && w[2] == ALEF && w[4] == YEH) {  // تفاعيل
        return Word{w[1], w[3], w[5]};
    }
    return short_affix(w);
}

// Six letters to a four-letter root.
Word six_to_four(const Word& w)
{
    const std::u32string_view v = w;
    if (w[0] == ALEF && w[4] == ALEF) {  // افعلال
        return cat({v.substr(1, 3), v.substr(5)});
    }
    if (v.starts_with(U"مت")) {  // متفعلل
        return Word(v.substr(2));
    }
    return w;
}

Word six(const Word& w)
{
    Word r = six_to_three(w);
    if (r.size() == 5) {
        return five(r);
    }
    if (r.size() == 6) {
        return six_to_four(r);
    }
    return r;
}

}  // namespace

std::string root(std::string_view stem)
{
    Word w = utf8::decode(stem);
    if (strip_prefix(w, PREFIXES_3, 6) || strip_prefix(w, PREFIXES_2, 5)) {
        // one prefix only
    }
    if (strip_suffix(w, SUFFIXES_3, 6) || strip_suffix(w, SUFFIXES_2, 5)) {
        // one suffix only
    }
    if (w.size() >= 4 && w[0] == WAW && w[1] == WAW) {  // the conjunction before a و
        w.erase(0, 1);
    }
    switch (w.size()) {
    case 4:
        w = four(w);
        break;
    case 5:
        w = five(w);
        break;
    case 6:
        w = six(w);
        break;
    case 7:
        w = short_affix(w);
        if (w.size() == 6) {
            w = six(w);
        }
        break;
    default:
        break;
    }
    return utf8::encode(w);
}

}  // namespace akhbar::roots
