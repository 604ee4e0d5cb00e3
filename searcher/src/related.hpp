#pragma once
// Related articles (`--like`): the articles that share the most distinctive
// terms of one article. Internal header.

#include <string_view>

#include <xapian.h>

#include "query_parser.hpp"

namespace akhbar::detail {

/// Related articles are found through this many of the article's most
/// distinctive terms.
constexpr Xapian::termcount RELATED_TERMS = 25;

/// The search for the articles like one article, and what to highlight in
/// them.
struct RelatedQuery {
    Xapian::Query query;
    MatchSpec match;
};

/// The query for the articles of `db` most like article `id` (itself left
/// out). Throws InvalidArgument when there is no such article.
[[nodiscard]] RelatedQuery related_query(const Xapian::Database& db, std::string_view id);

}  // namespace akhbar::detail
