#pragma once
// Columns on a terminal, and text broken into lines that fit them.

#include <string>
#include <string_view>
#include <vector>

namespace akhbar::detail {

/// A piece of shown text (escaped already), highlighted or not.
struct Span {
    std::string text;
    bool highlight = false;
    friend bool operator==(const Span&, const Span&) = default;
};

/// One line of spans.
using SpanLine = std::vector<Span>;

/// Columns `text` takes on a terminal: marks and format characters (Mn, Me,
/// Cf: harakat, the bidi isolates) none, East Asian wide and fullwidth
/// characters two, others one; SGR escapes ("\033[...m", which only the
/// printers write: stored text is escaped) none.
[[nodiscard]] std::size_t display_width(std::string_view text);

/// `spans` broken at spaces into lines of at most `width` columns; the
/// spaces at a break are dropped, and a word wider than `width` gets a line
/// of its own (a long URL or id is not cut). `width` 0: one line.
[[nodiscard]] std::vector<SpanLine> wrap(const std::vector<Span>& spans, std::size_t width);

/// `text` (plain, no highlights) wrapped as by wrap().
[[nodiscard]] std::vector<std::string> wrap_text(std::string_view text, std::size_t width);

}  // namespace akhbar::detail
