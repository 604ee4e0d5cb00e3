#pragma once
/// @file
/// Results for people (terminal or plain text) and for evaluation tools (TREC).
/// Stored and user-given text (titles, snippets, ids, sources, queries) is
/// escaped by akhbar::escape_controls() (akhbar/common/quote.hpp): no control
/// character or bidi override of an article reaches the terminal.

#include <string>
#include <string_view>

#include "akhbar/common/api.hpp"
#include "akhbar/searcher/searcher.hpp"

namespace akhbar {

struct TextStyle {
    /// Highlights in bold colour (ANSI escapes); otherwise marked [like this].
    bool color = false;
    /// Wrap Latin and digit runs in Unicode bidi isolates (FSI ... PDI), so
    /// that right-to-left lines with embedded "5G" or "2025" stay readable.
    bool bidi_isolate = true;
    /// Draw the day counts as a bar chart.
    bool chart = true;
};

/// Highlights of `snippet` marked up for a terminal or as [brackets].
[[nodiscard]] AKHBAR_API std::string mark_highlights(const Snippet& snippet, const TextStyle& style);

/// The human-readable page: hits with snippets, facets, suggestion.
[[nodiscard]] AKHBAR_API std::string format_text(const SearchResult& result, const TextStyle& style);

/// TREC run lines: `qid Q0 docid rank score akhbar`.
[[nodiscard]] AKHBAR_API std::string format_trec(const SearchResult& result, std::string_view qid);

}  // namespace akhbar
