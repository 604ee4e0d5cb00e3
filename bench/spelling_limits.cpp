// How often "did you mean" gives back the word a typo was made from, by the
// word's length and the edit limit: the measurement behind the limits of
// searcher/src/spelling.hpp (SPELLING_NONE_UP_TO, SPELLING_ONE_EDIT_UP_TO).
//
//   akhbar-bench-spelling-limits DB MIN_COUNT
//
// For each word of DB's spelling lexicon written MIN_COUNT times or more
// (words people search for), made only of the letters a normalized word is
// made of, 2 to 9 letters: one typo of one random edit and one of two (a
// letter removed, added, changed, or two neighbours swapped; fixed seed),
// skipped when the typo is itself a word of the lexicon (no suggestion is
// asked for it). Each typo's suggestion within 1 and within 2 edits
// (SpellingIndex::best, as a search asks for it) is counted right (the
// word), wrong (another word) or none. Prints a TSV row per letters, edits
// and limit, with the share of right suggestions among those shown.

#include <cstdio>
#include <map>
#include <random>
#include <string>
#include <unordered_set>
#include <vector>

#include <xapian.h>

#include "akhbar/common/spelling_lexicon.hpp"
#include "akhbar/common/utf8.hpp"
#include "spelling_index.hpp"

namespace {

// The letters of normalized Arabic words (hamza forms folded into ء).
const std::u32string LETTERS = U"ءابتثجحخدذرزسشصضطظعغفقكلمنهوي";

std::string to_utf8(const std::u32string& s)
{
    std::string out;
    for (const char32_t c : s) {
        akhbar::utf8::append(out, c);
    }
    return out;
}

struct Tally {
    unsigned right = 0;
    unsigned wrong = 0;
    unsigned none = 0;
};

class Typos {
public:
    std::u32string edit(std::u32string s)
    {
        switch (pick(4)) {
        case 0:  // a typo keeps a letter at least
            if (s.size() > 1) {
                s.erase(pick(s.size()), 1);
            }
            break;
        case 1:
            s.insert(s.begin() + static_cast<std::ptrdiff_t>(pick(s.size() + 1)), letter());
            break;
        case 2: {
            const std::size_t i = pick(s.size());
            char32_t c = letter();
            while (c == s[i]) {
                c = letter();
            }
            s[i] = c;
            break;
        }
        default:
            if (s.size() > 1) {
                const std::size_t i = pick(s.size() - 1);
                std::swap(s[i], s[i + 1]);
            }
        }
        return s;
    }

private:
    std::size_t pick(std::size_t n) { return std::uniform_int_distribution<std::size_t>(0, n - 1)(m_rng); }
    char32_t letter() { return LETTERS[pick(LETTERS.size())]; }
    std::mt19937 m_rng{20};
};

}  // namespace

int main(int argc, char* argv[])
{
    if (argc != 3) {
        std::fprintf(stderr, "usage: akhbar-bench-spelling-limits DB MIN_COUNT\n");
        return 2;
    }
    const Xapian::Database db(argv[1]);
    const unsigned long min_count = std::stoul(argv[2]);
    const std::vector<akhbar::schema::LexiconWord> words = akhbar::schema::read_spelling_lexicon(db);
    std::unordered_set<std::string> known;
    for (const auto& w : words) {
        known.insert(w.normalized);
    }
    const akhbar::detail::SpellingIndex index(words);
    Typos typos;
    std::map<std::size_t, Tally> tallies[3][3];  // [edits][limit][letters]
    for (const auto& w : words) {
        if (w.count < min_count) {
            continue;
        }
        std::u32string letters;
        bool plain = true;
        for (std::size_t pos = 0; pos < w.normalized.size() && plain;) {
            const char32_t c = akhbar::utf8::next(w.normalized, pos);
            plain = LETTERS.find(c) != std::u32string::npos;
            letters.push_back(c);
        }
        if (!plain || letters.size() < 2 || letters.size() > 9) {
            continue;
        }
        for (int edits = 1; edits <= 2; ++edits) {
            std::u32string typo = letters;
            for (int e = 0; e < edits; ++e) {
                typo = typos.edit(typo);
            }
            const std::string text = to_utf8(typo);
            if (typo == letters || known.count(text) != 0) {
                continue;
            }
            for (unsigned limit = 1; limit <= 2; ++limit) {
                const std::string s = index.best(text, limit);
                Tally& t = tallies[edits][limit][letters.size()];
                ++(s.empty() ? t.none : s == w.normalized ? t.right : t.wrong);
            }
        }
    }
    std::printf("letters\tedits\tlimit\tright\twrong\tnone\tright_of_shown\n");
    for (int edits = 1; edits <= 2; ++edits) {
        for (unsigned limit = 1; limit <= 2; ++limit) {
            for (const auto& [n, t] : tallies[edits][limit]) {
                const unsigned shown = t.right + t.wrong;
                std::printf("%zu\t%d\t%u\t%u\t%u\t%u\t%.2f\n", n, edits, limit, t.right, t.wrong,
                            t.none, shown > 0 ? static_cast<double>(t.right) / shown : 0.0);
            }
        }
    }
    return 0;
}
