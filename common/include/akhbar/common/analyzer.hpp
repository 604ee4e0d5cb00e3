#pragma once
/// @file
/// The analyzer: the one path from text to tokens, for documents and queries
/// alike. segmentation (ICU word boundaries + clitic splitting) -> fold ->
/// stopword test -> Arabic table -> stem.

#include <cstddef>
#include <cstdint>
#include <memory>
#include <string>
#include <string_view>
#include <vector>

#include "akhbar/common/profile.hpp"

namespace akhbar {

class StemFilter;

/// One token of a text.
struct Token {
    /// The text as written: exactly `text.substr(start, end - start)`.
    std::string original;
    /// After the profile's normalization.
    std::string normalized;
    /// After stemming; empty when the token is a stopword.
    std::string stem;
    /// Byte range [start, end) of the token in the analyzed UTF-8 text.
    std::size_t start = 0;
    std::size_t end = 0;
    /// 0-based position among the text's tokens (stopwords keep theirs, so
    /// phrase distances stay true to the text).
    std::uint32_t position = 0;
    bool stopword = false;

    friend bool operator==(const Token&, const Token&) = default;
};

/// What analyze() fills in each token.
enum class TokenFields : std::uint8_t {
    /// Every field.
    all,
    /// All but `original` and `normalized` (left empty): what highlighting
    /// reads, without two copies per token.
    stems,
};

/// Analyzes text with one profile.
///
/// Thread-safety: an Analyzer holds an ICU break iterator, so one object must
/// not be used by two threads at once; give each thread its own copy (copies
/// are independent and cheap next to analyzing an article).
class Analyzer {
public:
    /// `profile` is a name from PROFILES; `stemmer`, when not empty, replaces
    /// the profile's stemmer (a name from STEMMER_NAMES).
    /// Throws InvalidArgument for unknown names.
    explicit Analyzer(std::string_view profile = DEFAULT_PROFILE, std::string_view stemmer = {});
    ~Analyzer();
    Analyzer(const Analyzer& other);
    Analyzer& operator=(const Analyzer& other);
    Analyzer(Analyzer&&) noexcept;
    Analyzer& operator=(Analyzer&&) noexcept;

    /// Tokens of `text` in order. Throws Utf8Error (with the byte offset) when
    /// `text` is not valid UTF-8.
    [[nodiscard]] std::vector<Token> analyze(std::string_view text) const;

    /// Same, into `out` (its tokens replaced, their storage reused), with
    /// `fields` filled in. With a `filter`, the tokens it turns away are not
    /// stemmed (`stem` left empty) when this analyzer's stemmer only cuts
    /// affixes (light10, light10-pronouns, none), which makes the filter
    /// exact: no such token's stem is or begins with one of its parts. Other
    /// stemmers stem every token.
    void analyze(std::string_view text, std::vector<Token>& out,
                 TokenFields fields = TokenFields::all, const StemFilter* filter = nullptr) const;

    /// Normalizes one word as analyze() normalizes a token's text.
    [[nodiscard]] std::string normalize(std::string_view word) const;

    /// Stems an already normalized word with this analyzer's stemmer.
    [[nodiscard]] std::string stem(std::string_view normalized) const;

    [[nodiscard]] const AnalyzerProfile& profile() const noexcept;
    [[nodiscard]] std::string_view stemmer_name() const noexcept;

private:
    struct Impl;
    std::unique_ptr<Impl> m_impl;
};

}  // namespace akhbar
