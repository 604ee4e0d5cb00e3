#include "akhbar/common/light10.hpp"

#include <algorithm>
#include <cstdint>

#include "akhbar/common/normalizer.hpp"
#include "akhbar/common/stopwords.hpp"

namespace akhbar::data {
extern const std::string_view waw_nouns;  // generated from common/data/
}

namespace akhbar::light10 {

// Mirrors org.apache.lucene.analysis.ar.ArabicStemmer (Lucene 8.7): stemPrefix
// removes the first prefix whose startsWithCheckLength holds; stemSuffix walks
// the whole suffix list once, removing each suffix whose endsWithCheckLength
// holds on the word as shortened so far.
namespace {

// A word's UTF-16 units and its length in code points, which the guards
// count (a character beyond the BMP takes two units). Cutting an affix, all
// of whose letters are one unit, shortens both alike.
struct Word {
    std::u16string_view units;
    std::size_t length;

    explicit Word(std::u16string_view w) noexcept : units(w), length(w.size())
    {
        for (const char16_t u : w) {
            length -= (u & 0xFC00U) == 0xDC00U ? 1U : 0U;  // a trail surrogate
        }
    }

    void cut_prefix(const Affix& a) noexcept
    {
        units.remove_prefix(a.text.size());
        length -= a.text.size();
    }

    void cut_suffix(const Affix& a) noexcept
    {
        units.remove_suffix(a.text.size());
        length -= a.text.size();
    }
};

// The letters (as offsets in the Arabic block) that end, or begin, some
// affix of `table`: a word whose last letter is none of them has none of
// the table's suffixes, and is passed over in one test. Callgrind: the
// stemmer took ~500 instructions a word, most testing affixes one by one.
constexpr char16_t LETTERS_FIRST = 0x0620;  // 64 units from here hold every Arabic letter

template <std::size_t N>
consteval std::uint64_t letters_of(const std::array<Affix, N>& table, bool last)
{
    std::uint64_t mask = 0;
    for (const Affix& a : table) {
        const char16_t letter = last ? a.text.back() : a.text.front();
        if (letter < LETTERS_FIRST || letter >= LETTERS_FIRST + 64) {
            throw "an affix letter outside the mask";  // fails the build
        }
        mask |= std::uint64_t{1} << (letter - LETTERS_FIRST);
    }
    return mask;
}

bool may_be(std::uint64_t letters, char16_t unit) noexcept
{
    return unit >= LETTERS_FIRST && unit < LETTERS_FIRST + 64 &&
           ((letters >> (unit - LETTERS_FIRST)) & 1U) != 0;
}

constexpr std::uint64_t PREFIX_FIRSTS = letters_of(PREFIXES, false);
constexpr std::uint64_t SUFFIX_LASTS = letters_of(SUFFIXES, true);
constexpr std::uint64_t PRONOUN_LASTS = letters_of(PRONOUN_SUFFIXES, true);

void strip_prefix(Word& word) noexcept
{
    if (word.units.empty() || !may_be(PREFIX_FIRSTS, word.units.front())) {
        return;
    }
    for (const Affix& prefix : PREFIXES) {
        if (word.length >= prefix.min_length && word.units.starts_with(prefix.text)) {
            word.cut_prefix(prefix);
            break;
        }
    }
}

// `one_letter_stem`: letters a one-letter suffix must leave, when more than
// light10's own minimum (light10-pronouns).
void strip_suffixes(Word& word, std::size_t one_letter_stem = 0) noexcept
{
    for (const Affix& suffix : SUFFIXES) {
        if (word.units.empty() || !may_be(SUFFIX_LASTS, word.units.back())) {
            return;  // no suffix left to match
        }
        const std::size_t min_length =
            suffix.text.size() == 1 ? std::max(suffix.min_length, 1 + one_letter_stem) : suffix.min_length;
        if (word.length >= min_length && word.units.ends_with(suffix.text)) {
            word.cut_suffix(suffix);
        }
    }
}

// light10-pronouns' steps after the prefix: one pronoun, then the suffixes.
void strip_pronoun_and_suffixes(Word& word) noexcept
{
    for (const Affix& pronoun : PRONOUN_SUFFIXES) {
        if (word.units.empty() || !may_be(PRONOUN_LASTS, word.units.back())) {
            break;
        }
        if (word.length >= pronoun.min_length && word.units.ends_with(pronoun.text)) {
            word.cut_suffix(pronoun);
            break;
        }
    }
    strip_suffixes(word, MIN_STEM_AFTER_ONE_LETTER_SUFFIX);
}

}  // namespace

bool is_waw_noun(std::u16string_view normalized)
{
    // A set of words read from a list file, like the stopwords.
    static const Utf16WordSet nouns(StopwordSet::parse(data::waw_nouns));
    return normalized.starts_with(PREFIX_WA.text) && nouns.contains(normalized);
}

std::u16string_view strip(std::u16string_view word) noexcept
{
    Word w(word);
    strip_prefix(w);
    strip_suffixes(w);
    return w.units;
}

std::u16string_view strip_with_pronouns(std::u16string_view word)
{
    Word w(word);
    if (!is_waw_noun(word)) {
        strip_prefix(w);
    }
    strip_pronoun_and_suffixes(w);
    return w.units;
}

std::string stem_with_pronouns(std::string_view word)
{
    return to_utf8(strip_with_pronouns(to_utf16(word)));
}

std::string stem(std::string_view word)
{
    return to_utf8(strip(to_utf16(word)));
}

}  // namespace akhbar::light10
