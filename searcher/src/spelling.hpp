#pragma once
// "Did you mean": a query with its unknown words replaced by the closest
// words of the index, however the index is spread over search targets.
// Internal header.

#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include <xapian.h>

#include "query_parser.hpp"
#include "search_targets.hpp"

namespace akhbar::detail {

/// Spelling suggestions within this edit distance.
constexpr unsigned SPELLING_DISTANCE = 2;

/// The databases that hold the spelling data of `opened`: its spelling
/// databases when it has some, otherwise each local target.
[[nodiscard]] std::vector<const Xapian::Database*> spelling_sources(const OpenTargets& opened);

/// The closest word to `word` (normalized) in `sources`, the most frequent
/// over all of them when they suggest different ones; empty when none.
[[nodiscard]] std::string spelling_suggestion(const std::vector<const Xapian::Database*>& sources,
                                              const std::string& word);

/// `query` with each word of `parsed` missing from `targets` replaced by its
/// suggestion (the first MAX_SPELLING_LOOKUPS such words); nothing when no
/// word changed. `mset`, when given, is the search's own: it knows the
/// frequencies of the query's terms without asking every target again.
[[nodiscard]] std::optional<std::string> suggestion(const SearchTargets& targets,
                                                    std::string_view query,
                                                    const ParsedQuery& parsed,
                                                    const Xapian::MSet* mset = nullptr);

}  // namespace akhbar::detail
