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

    /// Same, reusing `out`'s storage (cleared first).
    void analyze(std::string_view text, std::vector<Token>& out) const;

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
