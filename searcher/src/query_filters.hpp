#pragma once
// The filters of the query language and of a request (`date:`, `source:`,
// `category:`, SearchRequest::from/to/sources): Xapian queries that restrict
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

/// `query` restricted by the request's own filters (from/to, sources; any
/// of the sources), or `query` itself when it has none.
Xapian::Query with_request_filters(Xapian::Query query, const SearchRequest& request,
                                   const Analyzer& analyzer, const Xapian::Database& db);

}  // namespace akhbar::detail
