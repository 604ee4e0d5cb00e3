#include "akhbar/common/clitics.hpp"

namespace akhbar::clitics {

namespace {

bool consume(std::u32string_view& s, std::u32string_view part) noexcept
{
    if (s.starts_with(part)) {
        s.remove_prefix(part.size());
        return true;
    }
    return false;
}

}  // namespace

bool is_proclitic_sequence(std::u32string_view letters) noexcept
{
    if (letters.empty()) {
        return false;
    }
    std::u32string_view rest = letters;
    for (const auto conjunction : CONJUNCTIONS) {
        if (consume(rest, conjunction)) {
            break;
        }
    }
    if (rest.empty()) {
        return true;
    }
    if (consume(rest, LAM_ARTICLE) || consume(rest, ARTICLE)) {
        return rest.empty();
    }
    std::u32string_view preposition_taken;
    for (const auto preposition : PREPOSITIONS) {
        if (consume(rest, preposition)) {
            preposition_taken = preposition;
            break;
        }
    }
    if (rest.empty()) {
        return true;
    }
    // ل before the article is always written لل (handled above), never لال.
    return preposition_taken != PREPOSITIONS[1] && consume(rest, ARTICLE) && rest.empty();
}

}  // namespace akhbar::clitics
