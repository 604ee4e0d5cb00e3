#pragma once
/// @file
/// Paragraphs of an article's text, as far as the index cares: where its
/// lead ends.

#include <cstddef>
#include <optional>
#include <string_view>

namespace akhbar::schema {

/// Where the first paragraph of `text` ends (the byte offset of its line
/// break) when another paragraph with text follows it; nullopt when the text
/// is a single paragraph. Leading blank lines are not a paragraph.
[[nodiscard]] std::optional<std::size_t> first_paragraph_end(std::string_view text);

}  // namespace akhbar::schema
