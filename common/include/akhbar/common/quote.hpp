#pragma once
/// @file
/// Untrusted text (article titles and text, queries, ids, file names) made safe
/// to show on a terminal: nothing in it can move the cursor, change colours,
/// ring the bell, set the window title or reverse the rest of the line.

#include <cstddef>
#include <string>
#include <string_view>

#include "akhbar/common/api.hpp"

namespace akhbar {

/// Code points quote_for_message() keeps before it cuts with "…".
inline constexpr std::size_t QUOTE_MAX_CHARS = 60;

/// `text` with what a terminal would obey escaped, everything else unchanged:
/// C0 controls and DEL as `\xHH` (newline and tab as `\n` and `\t`), C1
/// controls U+0080–U+009F and the bidi embeddings, overrides and isolates
/// (U+202A–U+202E, U+2066–U+2069) as `\uXXXX`, and bytes that are not UTF-8
/// as `\xHH`. Escaped text passes through unchanged (no backslash is added).
[[nodiscard]] AKHBAR_API std::string escape_controls(std::string_view text);

/// `value` in double quotes for a message, escaped as by escape_controls()
/// with `"` and `\` backslashed too, and cut after QUOTE_MAX_CHARS code points
/// with "…": `"\x1B[2Jعنوان"`.
[[nodiscard]] AKHBAR_API std::string quote_for_message(std::string_view value);

}  // namespace akhbar
