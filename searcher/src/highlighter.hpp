#pragma once
// Snippets and highlights from the analyzer's byte ranges: a token is
// highlighted when its stem matches the query's, so matches through
// normalization and stemming are marked in the text as written. Internal.

#include <string_view>

#include "akhbar/common/analyzer.hpp"
#include "akhbar/common/stem_filter.hpp"
#include "akhbar/searcher/searcher.hpp"
#include "query_parser.hpp"

namespace akhbar::detail {

/// Bytes of an article's text analyzed for its snippet, at most (64 KiB, twice
/// the longest of the 41,686 ANT articles): a passage is chosen among the
/// matches in that much text, cut at a space, so the work per hit is bounded.
inline constexpr std::size_t SNIPPET_SCAN_BYTES = 64 * 1024;

/// Loop steps best_passage() took (tokens, spans, window moves, bytes looked
/// at): what its tests count instead of timing it.
struct PassageWork {
    std::size_t steps = 0;
};

/// Not thread-safe: a Highlighter serves one search (it reuses its buffers).
class Highlighter {
public:
    Highlighter(const Analyzer& analyzer, const MatchSpec& spec);

    /// The whole text with its highlights (for titles).
    [[nodiscard]] Snippet whole(std::string_view text) const;

    /// About `max_chars` characters around the passage with the most
    /// distinct matches, cut at word boundaries, "… " marking cuts.
    [[nodiscard]] Snippet best_passage(std::string_view text, std::size_t max_chars,
                                       PassageWork* work = nullptr) const;

private:
    struct Span {
        std::size_t start;
        std::size_t end;
        std::string key;  // the stem, or the phrase's stems: distinct matches
    };
    [[nodiscard]] std::vector<Span> spans(const std::vector<Token>& tokens) const;
    /// Score of the window [w, w + budget] for each w of `starts` (ascending).
    [[nodiscard]] static std::vector<std::size_t> window_scores(
        const std::vector<Span>& found, const std::vector<std::size_t>& starts, std::size_t budget,
        std::size_t& steps);
    [[nodiscard]] bool matches(const Token& token) const;
    /// The tokens of `text`, stemmed only where a stem of m_spec may be.
    const std::vector<Token>& analyze(std::string_view text) const;

    const Analyzer& m_analyzer;
    const MatchSpec& m_spec;
    /// Every stem and prefix a token's stem must equal or begin with to be
    /// marked: other tokens go unstemmed. Callgrind, 200 --literal queries:
    /// best_passage 915.7M -> 748.4M instructions (8% of tokens stemmed).
    StemFilter m_filter;
    mutable std::vector<Token> m_tokens;  // reused from hit to hit
};

}  // namespace akhbar::detail
