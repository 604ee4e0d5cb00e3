#pragma once
/// @file
/// The stored record: what a search result shows without the original
/// files, kept as the Xapian document data.

#include <string>
#include <string_view>

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

}  // namespace akhbar::schema
