#pragma once
/// @file
/// The articles a story benchmark measures, read as akhbar-index reads them,
/// and their story signatures computed as the indexer's DocumentBuilder
/// computes them (the default Analyzer over the body).

#include <optional>
#include <string>
#include <vector>

#include "akhbar/common/story_signature.hpp"
#include "akhbar/indexer/article.hpp"

namespace akhbar::story_bench {

/// The articles of JSON Lines files (.jsonl or .jsonl.gz), through the
/// indexer's reader (read_articles): the bodies exactly as indexed. Problems
/// go to standard error prefixed by the tool's name, as the indexer reports
/// them; articles it skips are not returned.
[[nodiscard]] std::vector<Article> read_jsonl(const std::vector<std::string>& files);

/// The signature of each of `texts` with the default Analyzer (nullopt for
/// a body without a word), on two threads (the machine's budget).
[[nodiscard]] std::vector<std::optional<story::Signature>> signatures(
    const std::vector<const std::string*>& texts);

/// The same for the bodies of `articles`.
[[nodiscard]] std::vector<std::optional<story::Signature>> signatures(const std::vector<Article>& articles);

/// The filing of each of `articles` (story::filing of its source and date).
[[nodiscard]] std::vector<story::Filing> filings(const std::vector<Article>& articles);

/// "YYYY-MM-DD", or "undated".
[[nodiscard]] std::string day(const Article& article);

/// Story-key order (value_slots.hpp): earlier date first, undated after
/// dated, then id bytewise.
[[nodiscard]] bool earlier(const Article& a, const Article& b) noexcept;

}  // namespace akhbar::story_bench
