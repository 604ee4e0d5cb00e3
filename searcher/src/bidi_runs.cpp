#include "bidi_runs.hpp"

#include <unicode/uchar.h>

#include "akhbar/common/utf8.hpp"

namespace akhbar::detail {

namespace {

constexpr std::string_view FSI = "\xE2\x81\xA8";  // U+2068 FIRST STRONG ISOLATE
constexpr std::string_view PDI = "\xE2\x81\xA9";  // U+2069 POP DIRECTIONAL ISOLATE

// What a character does to a left-to-right run, by its bidi class (UAX #9
// table 4): starts or extends it (L, EN), ends it (R, AL, AN: the
// right-to-left flow; B, S: a separator resets the levels), or goes with it
// only when more of it follows (every neutral and weak class).
enum class Role { ltr, stop, neutral };

Role role_of(char32_t cp)
{
    switch (u_charDirection(static_cast<UChar32>(cp))) {
    case U_LEFT_TO_RIGHT:
    case U_EUROPEAN_NUMBER:
        return Role::ltr;
    case U_RIGHT_TO_LEFT:
    case U_RIGHT_TO_LEFT_ARABIC:
    case U_ARABIC_NUMBER:
    case U_BLOCK_SEPARATOR:
    case U_SEGMENT_SEPARATOR:
        return Role::stop;
    default:
        return Role::neutral;
    }
}

char32_t at(std::string_view text, std::size_t pos)
{
    return utf8::next(text, pos);
}

// Where the run that starts at `pos` ends: after its last L or EN character,
// the marks (NSM) on it, and the closing brackets that match brackets opened
// inside it (so "Abc (xyz)" keeps its ")": a bracket left outside the isolate
// would be mirrored by the right-to-left line around it).
std::size_t run_end(std::string_view text, std::size_t pos)
{
    std::size_t end = pos;
    int open_brackets = 0;
    while (pos < text.size()) {
        std::size_t next = pos;
        const char32_t cp = utf8::next(text, next);
        const Role role = role_of(cp);
        if (role == Role::stop) {
            break;
        }
        const auto bracket = static_cast<UBidiPairedBracketType>(
            u_getIntPropertyValue(static_cast<UChar32>(cp), UCHAR_BIDI_PAIRED_BRACKET_TYPE));
        if (bracket == U_BPT_OPEN) {
            ++open_brackets;
        }
        const bool closes = bracket == U_BPT_CLOSE && open_brackets > 0;
        open_brackets -= closes ? 1 : 0;
        const bool mark_on_run =
            end == pos && u_charDirection(static_cast<UChar32>(cp)) == U_DIR_NON_SPACING_MARK;
        if (role == Role::ltr || closes || mark_on_run) {
            end = next;
        }
        pos = next;
    }
    return end;
}

}  // namespace

std::string isolate_ltr_runs(std::string_view text)
{
    std::string out;
    std::size_t pos = 0;
    while (pos < text.size()) {
        std::size_t next = pos;
        const char32_t cp = utf8::next(text, next);
        // An escape (escape_controls: "\x1B", "\u202E") is one run with its backslash.
        const bool escape = cp == U'\\' && next < text.size() && role_of(at(text, next)) == Role::ltr;
        if (role_of(cp) != Role::ltr && !escape) {
            out.append(text.substr(pos, next - pos));
            pos = next;
            continue;
        }
        const std::size_t end = run_end(text, next);
        out += FSI;
        out.append(text.substr(pos, end - pos));
        out += PDI;
        pos = end;
    }
    return out;
}

std::string isolate_whole(std::string_view text)
{
    std::string out;
    out.reserve(text.size() + FSI.size() + PDI.size());
    out += FSI;
    out += text;
    out += PDI;
    return out;
}

}  // namespace akhbar::detail
