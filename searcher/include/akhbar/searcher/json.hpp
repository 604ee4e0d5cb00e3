#pragma once
/// @file
/// The JSON form of a search result, documented in docs/json-output.md and
/// kept stable: fields are only ever added.

#include <string>
#include <string_view>

#include "akhbar/searcher/searcher.hpp"

namespace akhbar {

/// One JSON object. `indent` < 0 prints it on one line. A non-empty `qid`
/// (batch runs) is added as the first field.
[[nodiscard]] AKHBAR_API std::string to_json(const SearchResult& result, int indent = 2,
                                  std::string_view qid = {});

}  // namespace akhbar
