#pragma once
// The JSON bodies of the API beyond a search result (which is
// akhbar::to_json's, searcher/json.hpp): docs/http-api.md shows each.

#include <cstddef>
#include <string>

#include "akhbar/common/article.hpp"
#include "akhbar/searcher/index_stats.hpp"
#include "akhbar/searcher/searcher.hpp"
#include "article_writer.hpp"

namespace akhbar::server {

/// The article as stored and its story: akhbar::to_json(const Article&,
/// const Story&), on one line.
[[nodiscard]] std::string article_json(const Article& article, const Story& story);

/// The stats, with the `top_sources` most frequent sources (and how many
/// sources there are in all): akhbar::to_json(const IndexStats&), on one line.
[[nodiscard]] std::string stats_json(const IndexStats& stats, std::size_t top_sources);

/// What a write did: {"added","updated","unchanged","removed","skipped",
/// "problems":[{"line","reason","message","skipped"}]}.
[[nodiscard]] std::string write_summary_json(const WriteSummary& summary);

/// {"profile": PROFILE, "tokens": TOKENS}, TOKENS a JSON array
/// (tokens_to_json of token_output.hpp).
[[nodiscard]] std::string analysis_json(const std::string& profile, const std::string& tokens);

/// {"status":"ok","databases_open":BOOL} and, when they do not open,
/// "error": `why`.
[[nodiscard]] std::string health_json(const std::string& why);

/// {"prefix": PREFIX, "completions": [WORD...]}: the words as the articles
/// write them, most frequent first.
[[nodiscard]] std::string completions_json(const std::string& prefix,
                                           const std::vector<std::string>& words);
/// `json` (an object) with "took_ms": `ms` added as its last field.
[[nodiscard]] std::string with_took_ms(std::string json, double ms);

}  // namespace akhbar::server
