#pragma once
/// @file
/// The ranking schemes: how matches are scored. Public (a SearchRequest names
/// one), so apart from the analyzer profiles (profile.hpp) that default to one.

#include <cstdint>
#include <string_view>

#include "akhbar/common/api.hpp"

namespace akhbar {

/// How matches are scored. Every scheme ranks with BM25; `akhbar` adds the
/// rescoring of the top hits (docs/relevance.md): query words standing close
/// together, and query words in an article's lead (its title and first
/// paragraph, when the body has more than one).
enum class RankingScheme : std::uint8_t {
    /// Xapian's BM25 defaults (k1 = 1, b = 0.5) and the rescoring.
    akhbar,
    /// Xapian's BM25 defaults, nothing else (stock Xapian).
    bm25,
    /// BM25 with Lucene's defaults (k1 = 1.2, b = 0.75), nothing else: what
    /// Lucene and Elasticsearch do with one text field.
    lucene_bm25,
};

/// The scheme's name ("akhbar", "bm25", "lucene-bm25").
[[nodiscard]] AKHBAR_API std::string_view to_string(RankingScheme scheme) noexcept;

/// The scheme called `name`; throws InvalidArgument naming the valid names
/// (`unknown ranking "tfidf" (known: akhbar, bm25, lucene-bm25)`).
[[nodiscard]] AKHBAR_API RankingScheme parse_ranking(std::string_view name);

}  // namespace akhbar
