#pragma once
/// @file
/// Text for people of what is not a search result: one stored article
/// (`akhbar-search --show`) and what a collection holds (`akhbar-index
/// --stats`). Stored text is escaped by akhbar::escape_controls(), line by
/// line for an article's text, so that its paragraphs stay lines.

#include <string>

#include "akhbar/common/api.hpp"
#include "akhbar/common/article.hpp"
#include "akhbar/searcher/index_stats.hpp"
#include "akhbar/searcher/searcher.hpp"

namespace akhbar {

/// `field: value` lines (id, title, date and where it was read from, then
/// source, url and category when the article has them), a blank line, and
/// the text as written.
[[nodiscard]] AKHBAR_API std::string format_article(const Article& article);

/// As above, with the article's story after its fields: `story: KEY`, then
/// a `copy: ID · DATE · SOURCE · TITLE` line per other article; nothing more
/// for an article alone.
[[nodiscard]] AKHBAR_API std::string format_article(const Article& article, const Story& story);

/// `field: value` lines (articles, dates, profile, versions, size on disk,
/// each shard's revision), then articles per source and per month, one a
/// line, most first for sources and in order for months.
[[nodiscard]] AKHBAR_API std::string format_stats(const IndexStats& stats);

}  // namespace akhbar
