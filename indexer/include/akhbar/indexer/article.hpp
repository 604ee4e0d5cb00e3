#pragma once
/// @file
/// The Article the indexer takes (defined in common/, shared with the searcher),
/// and what makes one indexable.

#include <cstddef>
#include <optional>
#include <string>

#include "akhbar/common/article.hpp"

namespace akhbar {

/// The longest article id, in bytes: Xapian limits a term to 245 bytes, and
/// the id is stored as a term with a one-byte prefix; the schema keeps a
/// margin (schema::MAX_TERM_BYTES).
inline constexpr std::size_t MAX_ID_BYTES = 239;

/// Why an article cannot be indexed: `reason` is a short key for summaries
/// ("id too long"), `what` the message without a place
/// (`id is longer than 239 bytes: "xxxx…"`).
struct ArticleDefect {
    std::string reason;
    std::string what;
};

/// The first defect that stops `article` from being indexed: an empty id, an
/// id longer than MAX_ID_BYTES, or a field that is not valid UTF-8; nullopt
/// when it can be indexed. Readers call it to skip such an article with its
/// file and line; Indexer::put() throws InvalidArgument with the same text.
/// Everything else an article holds is indexable: words, sources and
/// categories too long for a term are left out of the terms (still stored).
[[nodiscard]] AKHBAR_API std::optional<ArticleDefect> find_defect(const Article& article);

}  // namespace akhbar
