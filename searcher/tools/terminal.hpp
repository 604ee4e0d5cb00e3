#pragma once
// akhbar-search's page as its reader will see it: whether standard output is
// a terminal, how wide it is, whether colour is wanted. Decided here only.

#include <string>

#include "akhbar/searcher/format.hpp"

namespace akhbar::cli {

/// The text page's style from --color (auto, always, never: ripgrep's
/// convention), --facets (auto, chart, table) and --plain, standard output
/// and the environment:
/// - colour: `always`; or `auto` on a terminal, without --plain, with TERM
///   set and not "dumb", and NO_COLOR unset or empty (no-color.org);
/// - bidi isolates and wrapping: on a terminal without --plain only, so that
///   piped output holds no U+2068/U+2069 and a copied id works with --like;
/// - facets: a chart on a terminal without --plain, a table otherwise
///   (`auto`), or as asked;
/// - width: the terminal's (TIOCGWINSZ), else $COLUMNS, else 80.
/// Throws akhbar::InvalidArgument for a value not listed, and for --plain
/// with --color always.
[[nodiscard]] TextStyle text_style(const std::string& color, const std::string& facets, bool plain);

/// Columns of the terminal on standard output (TIOCGWINSZ), else $COLUMNS
/// when it is a positive number, else 80.
[[nodiscard]] std::size_t output_width();

}  // namespace akhbar::cli
