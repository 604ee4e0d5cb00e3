#pragma once
/// @file
/// The words of a usage error, the same in every Akhbar tool: the one-line
/// error and where to read more (as git, ripgrep and coreutils do), never the
/// whole help, which would push the error off the screen.

#include <string>
#include <string_view>

#include "akhbar/common/api.hpp"

namespace akhbar {

/// "TOOL: MESSAGE\n", then "TOOL: HINT\n" when there is a `hint`, then
/// "try 'TOOL --help'\n"; `message` and `hint` escaped as by
/// escape_controls() (they may quote what the user typed).
[[nodiscard]] AKHBAR_API std::string usage_error(std::string_view tool, std::string_view message,
                                                 std::string_view hint = {});

/// A hint for an unknown option `option` (as the user typed it, dashes and
/// all) of a tool whose arguments are words of a query or a text: when it
/// looks like an excluded word (`-Tunisie`: one dash, then more than one
/// character), how to pass it — "to exclude a word, put the query after
/// --: TOOL -- 'WORDS -Tunisie'" — else empty.
[[nodiscard]] AKHBAR_API std::string excluded_word_hint(std::string_view tool,
                                                        std::string_view option);

}  // namespace akhbar
