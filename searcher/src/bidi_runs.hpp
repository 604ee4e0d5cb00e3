#pragma once
// Unicode bidi isolates for text shown on a terminal that orders
// right-to-left lines (UAX #9). Both functions take text already escaped
// (escape_controls), so that the only isolates in their output are theirs.

#include <string>
#include <string_view>

namespace akhbar::detail {

/// `text` with each left-to-right run wrapped in FSI ... PDI (U+2068,
/// U+2069). A run starts at a character whose bidi class (ICU's
/// u_charDirection) is L or EN, or at the backslash of an escape such as
/// `\x1B`; it goes on over neutral and weak characters (spaces, apostrophes,
/// underscores, hyphens, marks) and ends at its last L or EN character (with
/// the marks on it, and the closing brackets of brackets opened in it)
/// before an R, AL or AN character or a separator. So `Côte d'Ivoire`,
/// `001_c3a5` and `2025-11-07` are one run each; Arabic-Indic digits (AN)
/// stay in the right-to-left flow.
[[nodiscard]] std::string isolate_ltr_runs(std::string_view text);

/// `text` wrapped whole in FSI ... PDI: one field (a date, an id, a source)
/// that must not take its direction from its neighbours nor give it to them.
[[nodiscard]] std::string isolate_whole(std::string_view text);

}  // namespace akhbar::detail
