#pragma once
/// @file
/// Results for people (terminal or plain text) and for evaluation tools (TREC).
/// Stored and user-given text (titles, snippets, ids, sources, queries) is
/// escaped by akhbar::escape_controls() (akhbar/common/quote.hpp): no control
/// character or bidi override of an article reaches the terminal.

#include <cstddef>
#include <string>
#include <string_view>

#include "akhbar/common/api.hpp"
#include "akhbar/searcher/searcher.hpp"

namespace akhbar {

/// How the date facet is drawn by format_text().
enum class FacetLayout {
    table,  ///< one line per day, month or year: `  2025-11-07 3` (for scripts)
    chart,  ///< a compact chart no wider than TextStyle::width
};

/// How format_text() lays its page out. The defaults suit a file or a pipe:
/// no escapes, no bidi isolates, no wrapping, facets as a table.
struct TextStyle {
    /// Highlights in bold colour (ANSI escapes); otherwise marked [like this].
    bool color = false;
    /// Wrap left-to-right runs (Latin words, digits; by ICU's bidi classes)
    /// and whole fields (dates, ids, sources, URLs, the query) in Unicode bidi
    /// isolates (U+2068 ... U+2069), so that a terminal that orders
    /// right-to-left lines shows every line's fields in one order whatever
    /// the source's script. For a terminal only: the marks are invisible, and
    /// an id copied with them no longer matches.
    bool bidi_isolate = false;
    /// The date facet's layout.
    FacetLayout facets = FacetLayout::table;
    /// Columns the page may use: the chart fits them, and with `wrap` titles
    /// and snippets break at spaces to fit them.
    std::size_t width = 80;
    /// Break titles and snippets into lines of at most `width` columns.
    bool wrap = false;
};

/// Highlights of `snippet` marked up for a terminal or as [brackets].
/// The line under a hit of a story that lists its other copies, unescaped
/// (callers escape it as other article text): "also in: الشرق، رويترز"
/// when each copy has a source of its own; otherwise the number of copies
/// and their sources, "also: 2 copies, in رويترز", "also: 1 copy".
/// Empty `copies` (an article alone) give "also: 0 copies": callers show
/// the line only for a story.
[[nodiscard]] AKHBAR_API std::string copies_line(const std::vector<StoryCopy>& copies);

[[nodiscard]] AKHBAR_API std::string mark_highlights(const Snippet& snippet, const TextStyle& style);

/// The human-readable page: hits with snippets, facets, suggestion.
[[nodiscard]] AKHBAR_API std::string format_text(const SearchResult& result, const TextStyle& style);

/// TREC run lines: `qid Q0 docid rank score akhbar`.
[[nodiscard]] AKHBAR_API std::string format_trec(const SearchResult& result, std::string_view qid);

}  // namespace akhbar
