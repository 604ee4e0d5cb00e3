#pragma once
/// @file
/// The stored record: what a search result shows without the original
/// files, kept as the Xapian document data.

#include <string>
#include <string_view>
#include <vector>

#include "akhbar/common/article.hpp"

namespace akhbar::schema {

using akhbar::DateSource;
using akhbar::to_string;
/// What a search result shows without the original files: stored as the
/// Xapian document data.
using StoredArticle = akhbar::Article;

/// Serializes an article for the document data (a versioned, length-prefixed
/// binary record; Xapian compresses document data itself).
[[nodiscard]] std::string encode(const StoredArticle& article);

/// Inverse of encode(); throws IndexError on a record it cannot read.
[[nodiscard]] StoredArticle decode(std::string_view data);

/// The value of SLOT_STORY_MEMBERS for a story of `ids` (in story order):
/// each id as a varint byte length and its bytes.
[[nodiscard]] std::string encode_story_members(const std::vector<std::string>& ids);

/// Inverse of encode_story_members(): no ids for an empty value; throws
/// IndexError on a value it cannot read.
[[nodiscard]] std::vector<std::string> decode_story_members(std::string_view value);

}  // namespace akhbar::schema
