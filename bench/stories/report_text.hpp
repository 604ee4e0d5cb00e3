#pragma once
/// @file
/// Article text (untrusted) made safe for the benchmark's reports: a
/// terminal, a Markdown page a browser may render, a TSV cell.

#include <cstddef>
#include <string>
#include <string_view>

namespace akhbar::story_bench {

/// `text` for a Markdown page or a terminal, on one line: line breaks as
/// " ¶ ", terminal controls escaped (escape_controls), and the characters
/// Markdown or HTML would act on (`\ ` * _ [ ] < > & # | ~`) made literal.
[[nodiscard]] std::string markdown(std::string_view text);

/// `text` for one TSV cell: controls escaped (a tab as `\t`, a line break as
/// `\n`, by escape_controls).
[[nodiscard]] std::string tsv(std::string_view text);

/// The first `chars` code points of `text`, with "…" when it was cut.
[[nodiscard]] std::string excerpt(std::string_view text, std::size_t chars);

}  // namespace akhbar::story_bench
