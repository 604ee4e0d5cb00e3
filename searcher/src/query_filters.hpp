#pragma once
// The filters of the query language and of a request (`date:`, `source:`,
// `category:`, `id:`, `url:`, SearchRequest::from/to/sources/categories): Xapian queries that restrict
// without weighing. The source filter reads the vocabulary. Internal header.

#include <chrono>
#include <optional>
#include <string_view>

#include <xapian.h>

#include "akhbar/common/analyzer.hpp"
#include "akhbar/searcher/searcher.hpp"

namespace akhbar::detail {

/// Xapian value range over schema::SLOT_DATE for [from, to] (either open).
Xapian::Query date_range_query(const std::optional<std::chrono::year_month_day>& from,
                               const std::optional<std::chrono::year_month_day>& to);

/// A filter for the sources whose normalized name contains `name`'s.
Xapian::Query source_query(std::string_view name, const Analyzer& analyzer,
                           const Xapian::Database& db);

/// A filter for the category `name` (normalized as the indexer did).
Xapian::Query category_query(std::string_view name, const Analyzer& analyzer);

/// A filter for the article whose id is `id`, exactly as written.
Xapian::Query id_query(std::string_view id);

/// A filter for the articles whose URL is `url`, exactly as written
/// (schema::url_term). Databases written before URLs were indexed have no
/// such terms: nothing matches there.
Xapian::Query url_query(std::string_view url);

/// `query` restricted by the request's own filters (from/to; sources, any
/// of them; categories, any of them), or `query` itself when it has none.
Xapian::Query with_request_filters(Xapian::Query query, const SearchRequest& request,
                                   const Analyzer& analyzer, const Xapian::Database& db);

}  // namespace akhbar::detail
