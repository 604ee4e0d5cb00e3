#pragma once
// Snippets and highlights from the analyzer's byte ranges: a token is
// highlighted when its stem matches the query's, so matches through
// normalization and stemming are marked in the text as written. Internal.

#include <string_view>

#include "akhbar/common/analyzer.hpp"
#include "akhbar/searcher/searcher.hpp"
#include "query_parser.hpp"

namespace akhbar::detail {

class Highlighter {
public:
    Highlighter(const Analyzer& analyzer, const MatchSpec& spec);

    /// The whole text with its highlights (for titles).
    [[nodiscard]] Snippet whole(std::string_view text) const;

    /// About `max_chars` characters around the passage with the most
    /// distinct matches, cut at word boundaries, "… " marking cuts.
    [[nodiscard]] Snippet best_passage(std::string_view text, std::size_t max_chars) const;

private:
    struct Span {
        std::size_t start;
        std::size_t end;
        std::string key;  // the stem, or the phrase's stems: distinct matches
    };
    [[nodiscard]] std::vector<Span> spans(const std::vector<Token>& tokens) const;
    [[nodiscard]] bool matches(const Token& token) const;

    const Analyzer& m_analyzer;
    const MatchSpec& m_spec;
};

}  // namespace akhbar::detail
