#include "akhbar/common/light10.hpp"

#include "akhbar/common/utf8.hpp"

namespace akhbar::light10 {

// Mirrors org.apache.lucene.analysis.ar.ArabicStemmer (Lucene 8.7): stemPrefix
// removes the first prefix whose startsWithCheckLength holds; stemSuffix walks
// the whole suffix list once, removing each suffix whose endsWithCheckLength
// holds on the word as shortened so far.
std::u32string stem(std::u32string_view word)
{
    for (const Affix& prefix : PREFIXES) {
        if (word.size() >= prefix.min_length && word.starts_with(prefix.text)) {
            word.remove_prefix(prefix.text.size());
            break;
        }
    }
    for (const Affix& suffix : SUFFIXES) {
        if (word.size() >= suffix.min_length && word.ends_with(suffix.text)) {
            word.remove_suffix(suffix.text.size());
        }
    }
    return std::u32string(word);
}

std::string stem(std::string_view word)
{
    utf8::validate(word);
    return utf8::encode(stem(std::u32string_view(utf8::decode(word))));
}

}  // namespace akhbar::light10
