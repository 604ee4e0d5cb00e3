#pragma once
// HTML text from untrusted text (article titles and text, sources, ids,
// queries): escaped for element content and quoted attribute values alike,
// and marked with <mark> at byte ranges the searcher computed. Internal to
// the web page (server/src/page.hpp).

#include <string>
#include <string_view>
#include <vector>

#include "akhbar/searcher/searcher.hpp"

namespace akhbar::server {

/// `text` safe in element content and in a double- or single-quoted
/// attribute value: & < > " ' as character references; bytes that are not
/// UTF-8 and the controls HTML forbids (C0 but tab, line feed and carriage
/// return; DEL; C1) as U+FFFD, so the page stays well-formed whatever an
/// article or a query holds.
[[nodiscard]] std::string escape_html(std::string_view text);

/// `<a href="HREF"ATTRIBUTES>INNER</a>`: `href` (a URL) escaped here,
/// `inner_html` and `attributes` (" rel=\"next\"") inserted as given.
[[nodiscard]] std::string anchor(std::string_view href, std::string_view inner_html,
                                 std::string_view attributes = "");

/// `marks` made safe to cut `text` at: out-of-range and empty ones dropped,
/// ends past the text cut to it, bounds inside a UTF-8 sequence moved out to
/// the whole character, sorted, and a mark overlapping the one before it
/// starting where that one ends (dropped when nothing is left). Adjacent marks
/// stay two marks.
[[nodiscard]] std::vector<Highlight> usable_marks(std::string_view text,
                                                  std::vector<Highlight> marks);

/// The bytes [begin, end) of `text`, escaped, each part inside one of `marks`
/// (byte ranges into the whole of `text`, cleaned by usable_marks()) wrapped
/// in <mark>…</mark>; a mark reaching over `begin` or `end` is cut there, so
/// a text can be written part by part (paragraphs) with well-nested tags.
[[nodiscard]] std::string marked_html(std::string_view text, const std::vector<Highlight>& marks,
                                      std::size_t begin, std::size_t end);

/// The whole of `text` with its marks: a title, a snippet.
[[nodiscard]] std::string marked_html(const Snippet& snippet);

}  // namespace akhbar::server
