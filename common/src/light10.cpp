#include "akhbar/common/light10.hpp"

#include <algorithm>

#include "akhbar/common/stopwords.hpp"
#include "akhbar/common/utf8.hpp"

namespace akhbar::data {
extern const std::string_view waw_nouns;  // generated from common/data/
}

namespace akhbar::light10 {

// Mirrors org.apache.lucene.analysis.ar.ArabicStemmer (Lucene 8.7): stemPrefix
// removes the first prefix whose startsWithCheckLength holds; stemSuffix walks
// the whole suffix list once, removing each suffix whose endsWithCheckLength
// holds on the word as shortened so far.
namespace {

std::u32string_view strip_prefix(std::u32string_view word)
{
    for (const Affix& prefix : PREFIXES) {
        if (word.size() >= prefix.min_length && word.starts_with(prefix.text)) {
            word.remove_prefix(prefix.text.size());
            break;
        }
    }
    return word;
}

// `one_letter_stem`: letters a one-letter suffix must leave, when more than
// light10's own minimum (light10-pronouns).
std::u32string_view strip_suffixes(std::u32string_view word, std::size_t one_letter_stem = 0)
{
    for (const Affix& suffix : SUFFIXES) {
        const std::size_t min_length =
            suffix.text.size() == 1 ? std::max(suffix.min_length, 1 + one_letter_stem) : suffix.min_length;
        if (word.size() >= min_length && word.ends_with(suffix.text)) {
            word.remove_suffix(suffix.text.size());
        }
    }
    return word;
}

// light10-pronouns' steps after the prefix: one pronoun, then the suffixes.
std::u32string_view strip_pronoun_and_suffixes(std::u32string_view word)
{
    for (const Affix& pronoun : PRONOUN_SUFFIXES) {
        if (word.size() >= pronoun.min_length && word.ends_with(pronoun.text)) {
            word.remove_suffix(pronoun.text.size());
            break;
        }
    }
    return strip_suffixes(word, MIN_STEM_AFTER_ONE_LETTER_SUFFIX);
}

}  // namespace

std::u32string stem(std::u32string_view word)
{
    return std::u32string(strip_suffixes(strip_prefix(word)));
}

bool is_waw_noun(std::u32string_view normalized)
{
    // A set of words read from a list file, like the stopwords.
    static const StopwordSet nouns = StopwordSet::parse(data::waw_nouns);
    return normalized.starts_with(PREFIX_WA.text) && nouns.contains(utf8::encode(normalized));
}

std::u32string stem_with_pronouns(std::u32string_view word)
{
    if (is_waw_noun(word)) {
        return std::u32string(strip_pronoun_and_suffixes(word));
    }
    return std::u32string(strip_pronoun_and_suffixes(strip_prefix(word)));
}

std::string stem_with_pronouns(std::string_view word)
{
    utf8::validate(word);
    return utf8::encode(stem_with_pronouns(std::u32string_view(utf8::decode(word))));
}

std::string stem(std::string_view word)
{
    utf8::validate(word);
    return utf8::encode(stem(std::u32string_view(utf8::decode(word))));
}

}  // namespace akhbar::light10
