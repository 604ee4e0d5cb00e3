#pragma once
/// @file
/// The JSON form of a search result, documented in docs/json-output.md and
/// kept stable: fields are only ever added.

#include <cstddef>
#include <string>
#include <string_view>

#include "akhbar/common/article.hpp"
#include "akhbar/searcher/index_stats.hpp"
#include "akhbar/searcher/searcher.hpp"

namespace akhbar {

/// One JSON object. `indent` < 0 prints it on one line. A non-empty `qid`
/// (batch runs) is added as the first field.
[[nodiscard]] AKHBAR_API std::string to_json(const SearchResult& result, int indent = 2,
                                  std::string_view qid = {});

/// A stored article (`akhbar-search --show --json`, `GET /articles/{id}`):
/// {"id","title","date","date_source","source","url","category","text"},
/// `date` "YYYY-MM-DD" or null, empty fields null, the text as written.
[[nodiscard]] AKHBAR_API std::string to_json(const Article& article, int indent = 2);

/// A stored article and its story (`--show --json`, `GET /articles/{id}`):
/// the fields above, then "story" (the key, or null for an article alone)
/// and "copies" (the story's other articles, as a hit's copies).
[[nodiscard]] AKHBAR_API std::string to_json(const Article& article, const Story& story,
                                             int indent = 2);

/// What a collection holds (`akhbar-index --stats --json`, `GET /stats`),
/// with its `top_sources` most frequent sources and `source_count`, the
/// number of sources in all; docs/json-output.md shows the fields.
[[nodiscard]] AKHBAR_API std::string to_json(const IndexStats& stats, std::size_t top_sources,
                                             int indent = 2);

}  // namespace akhbar
