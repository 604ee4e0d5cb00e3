#pragma once
/// @file
/// The hashes an Akhbar index stores: whether an article changed, and the
/// key that orders equal scores.

#include <string>
#include <string_view>

#include "akhbar/common/record.hpp"

namespace akhbar::schema {

/// A stable 64-bit hash (FNV-1a) of everything encode() stores, as 16 hex
/// digits: equal hashes mean the indexed article would not change.
[[nodiscard]] std::string content_hash(const StoredArticle& article);

/// The SLOT_TIE_KEY value of the article with id `id`: FNV-1a of the id, as
/// 16 hex digits. (Not the id itself: ids share prefixes by source, and ties
/// would then favour some sources. Not content_hash(): it covers the file an
/// article was read from, so copies of one collection would order ties
/// apart.)
[[nodiscard]] std::string tie_key(std::string_view id);

/// The boolean term (PREFIX_URL) of an article's URL, as written: the URL
/// after the prefix, or when that is longer than MAX_TERM_BYTES, "#" and
/// FNV-1a of the URL in 16 hex digits (a URL never starts with "#"), so that
/// every URL has one term and long ones that share a beginning stay apart.
[[nodiscard]] std::string url_term(std::string_view url);

}  // namespace akhbar::schema
