#pragma once
/// @file
/// `akhbar-search --explain` as text: how the query's words were understood
/// and searched, and what each part of the query added to a hit's score
/// (SearchRequest::explain). Words and terms are escaped by
/// akhbar::escape_controls() as every text shown.

#include <string>

#include "akhbar/common/api.hpp"
#include "akhbar/searcher/searcher.hpp"

namespace akhbar {

/// Every word of the query: as typed, normalized, its stem, and what it was
/// searched with (stem class, root class, name variants); a stopword as not
/// searched. One line per word, each ending in "\n", under a "Query words:"
/// line; nothing when the result has no words.
[[nodiscard]] AKHBAR_API std::string format_query_explanation(const SearchResult& result);

/// The parts of one hit's score, one line each, indented by `indent`: the
/// score as their sum, then each part's score, word, kind and terms (the
/// first few of a class).
[[nodiscard]] AKHBAR_API std::string format_hit_explanation(const Explanation& explanation,
                                                            double score,
                                                            const std::string& indent);

}  // namespace akhbar
