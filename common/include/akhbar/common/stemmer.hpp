#pragma once
/// @file
/// The stemmers Akhbar offers, by name, each as a Xapian::Stem so the same
/// object serves our analyzer and Xapian's own QueryParser/TermGenerator.

#include <array>
#include <string>
#include <string_view>

#include <xapian.h>

namespace akhbar {

/// Names accepted by make_stemmer().
inline constexpr std::array<std::string_view, 4> STEMMER_NAMES{"light10", "light10-pronouns", "snowball",
                                                                "none"};

/// light10 (see light10.hpp) as a Xapian stemming algorithm.
class Light10Stemmer final : public Xapian::StemImplementation {
public:
    std::string operator()(const std::string& word) override;
    std::string get_description() const override;
};

/// light10 plus one pronoun suffix (light10::stem_with_pronouns).
class Light10PronounsStemmer final : public Xapian::StemImplementation {
public:
    std::string operator()(const std::string& word) override;
    std::string get_description() const override;
};

/// Makes the stemmer called `name`:
///  - "light10": Light10Stemmer;
///  - "light10-pronouns": Light10PronounsStemmer (the `akhbar` profile's);
///  - "snowball": Xapian's Snowball Arabic stemmer;
///  - "none": the identity (Xapian's no-op stemmer).
/// Throws InvalidArgument naming the valid names for anything else.
[[nodiscard]] Xapian::Stem make_stemmer(std::string_view name);

}  // namespace akhbar
