#include "akhbar/common/stemmer.hpp"

#include "akhbar/common/error.hpp"
#include "akhbar/common/quote.hpp"
#include "akhbar/common/light10.hpp"

namespace akhbar {

std::string Light10Stemmer::operator()(const std::string& word)
{
    return light10::stem(std::string_view(word));
}

std::string Light10Stemmer::get_description() const
{
    return "akhbar::Light10Stemmer()";
}

std::string Light10PronounsStemmer::operator()(const std::string& word)
{
    return light10::stem_with_pronouns(std::string_view(word));
}

std::string Light10PronounsStemmer::get_description() const
{
    return "akhbar::Light10PronounsStemmer()";
}

Xapian::Stem make_stemmer(std::string_view name)
{
    if (name == "light10") {
        return Xapian::Stem(new Light10Stemmer);
    }
    if (name == "light10-pronouns") {
        return Xapian::Stem(new Light10PronounsStemmer);
    }
    if (name == "snowball") {
        return Xapian::Stem("arabic");
    }
    if (name == "none") {
        return Xapian::Stem();
    }
    std::string valid;
    for (const std::string_view known : STEMMER_NAMES) {
        valid += valid.empty() ? "" : ", ";
        valid += known;
    }
    throw InvalidArgument("unknown stemmer " + quote_for_message(name) + " (known: " + valid + ")");
}

}  // namespace akhbar
