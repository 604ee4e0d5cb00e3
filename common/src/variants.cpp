#include "akhbar/common/variants.hpp"

#include <unordered_set>

#include <xapian.h>

#include "akhbar/common/roots.hpp"
#include "akhbar/common/stemmer.hpp"
#include "akhbar/common/stopwords.hpp"
#include "akhbar/common/utf8.hpp"

namespace akhbar::data {
extern const std::string_view dictionary_stems;  // generated from common/data/
}

namespace akhbar::variants {

namespace {

// Letters that vary inside a transliterated name: the long vowels a writer
// adds or leaves out (ترامب/ترمب, نتنياهو/نتانياهو, انستغرام/انستاغرام) and the hamza
// after the akhbar normalization (ء for ؤ and ئ). A first or last letter is
// kept: it is a consonant of the name or its ending (ابراهيم's ا, اوباما's ا).
constexpr bool is_dropped(char32_t c)
{
    return c == U'\u0627' /* ALEF */ || c == U'\u0648' /* WAW */ || c == U'\u064A' /* YEH */ ||
           c == U'\u0621' /* HAMZA */;
}

// The letters Arabic writers choose between for a foreign g: غ (غوغل), ج
// (جوجل, Egypt), ق (قوقل, the Gulf) and ك (كونغرس read with a k).
constexpr bool is_g(char32_t c)
{
    return c == U'\u063A' /* GHAIN */ || c == U'\u062C' /* JEEM */ || c == U'\u0642' /* QAF */ ||
           c == U'\u0643' /* KAF */;
}

// The letters a proclitic can start with (و ف ب ك ل س): light10 keeps most
// of them, so بالاستقلال's stem باستقلال must be looked up without its ب.
constexpr bool is_proclitic(char32_t c)
{
    return c == U'\u0648' /* WAW */ || c == U'\u0641' /* FEH */ || c == U'\u0628' /* BEH */ ||
           c == U'\u0643' /* KAF */ || c == U'\u0644' /* LAM */ || c == U'\u0633' /* SEEN */;
}

// A key this long or longer is rarely shared by two words of the language
// (measured on ANT's vocabulary, docs/analyzer.md#name-variants), so one
// side may be a dictionary word (إبراهيم for أبراهام).
constexpr std::size_t LONG_KEY_LETTERS = 5;
/// Stems shorter than this have no variants: a three-letter stem is a root
/// or a function word far more often than a name.
constexpr std::size_t MIN_STEM_LETTERS = 4;

// The dictionary's words reduced the two ways that reach past our light
// stems: their ISRI root (roots.hpp) and their Snowball stem. A stem that
// reduces to one of them either way is taken for a word of the language,
// which light10 leaves inflected (طلبت, قامت, جدا are no names).
struct Reductions {
    std::unordered_set<std::string> roots;
    std::unordered_set<std::string> snowball;
};

// The dictionary's stems, parsed once.
const StopwordSet& dictionary()
{
    static const StopwordSet stems = StopwordSet::parse(data::dictionary_stems);
    return stems;
}

const Reductions& dictionary_reductions()
{
    static const Reductions reductions = [] {
        Reductions r;
        const Xapian::Stem snowball = make_stemmer("snowball");
        dictionary().for_each([&](const std::string& word) {
            r.roots.insert(roots::root(word));
            r.snowball.insert(snowball(word));
        });
        return r;
    }();
    return reductions;
}

bool reduces_to_dictionary(const std::string& stem)
{
    // A Xapian::Stem keeps state while it stems: one per thread.
    thread_local const Xapian::Stem snowball = make_stemmer("snowball");
    const Reductions& d = dictionary_reductions();
    return d.roots.contains(roots::root(stem)) || d.snowball.contains(snowball(stem));
}

// Arabic letters proper (hamza to yeh), the only ones a key is made of.
constexpr bool is_arabic_letter(char32_t c)
{
    return c >= U'\u0621' && c <= U'\u064A' && c != U'\u0640' /* TATWEEL */;
}

}  // namespace

std::string variant_key(std::string_view stem)
{
    utf8::validate(stem);
    const std::u32string letters = utf8::decode(stem);
    std::u32string key;
    for (std::size_t i = 0; i < letters.size(); ++i) {
        const char32_t c = letters[i];
        if (!is_arabic_letter(c)) {
            return {};
        }
        if (i > 0 && i + 1 < letters.size() && is_dropped(c)) {
            continue;
        }
        key += is_g(c) ? U'\u063A' /* GHAIN, for all four */ : c;
    }
    return key.size() < MIN_KEY_LETTERS ? std::string() : utf8::encode(key);
}

std::vector<char32_t> first_letters(char32_t first)
{
    if (is_g(first)) {
        return {U'\u063A', U'\u062C', U'\u0642', U'\u0643'};
    }
    return {first};
}

bool in_dictionary(std::string_view stem)
{
    return dictionary().contains(stem);
}

bool native(std::string_view stem)
{
    if (in_dictionary(stem)) {
        return true;
    }
    const std::u32string letters = utf8::decode(stem);
    if (reduces_to_dictionary(std::string(stem))) {
        return true;
    }
    // A proclitic light10 kept (باستقلال, لحال): the word after it.
    return letters.size() > MIN_STEM_LETTERS && is_proclitic(letters[0]) &&
           reduces_to_dictionary(utf8::encode(std::u32string_view(letters).substr(1)));
}

bool meet(std::string_view a, std::string_view b)
{
    if (a == b) {
        return false;
    }
    const std::string key = variant_key(a);
    if (key.empty() || key != variant_key(b)) {
        return false;
    }
    const std::u32string k = utf8::decode(key);
    if (utf8::decode(a).size() < MIN_STEM_LETTERS || utf8::decode(b).size() < MIN_STEM_LETTERS) {
        return false;
    }
    // A three-letter key that starts with a proclitic's letter is most often
    // a short word with ب or ل glued on (لحال/لحول, both key لحل). A key
    // never starts with ك: it is written غ there.
    if (k.size() == MIN_KEY_LETTERS && is_proclitic(k[0])) {
        return false;
    }
    const bool native_a = native(a);
    const bool native_b = native(b);
    return (!native_a && !native_b) || (k.size() >= LONG_KEY_LETTERS && !(native_a && native_b));
}

}  // namespace akhbar::variants
