#pragma once
/// @file
/// A query that matches every document, safe to build in any thread.

#include <string>

#include <xapian.h>

namespace akhbar::detail {

/// Every document. Not Xapian::Query::MatchAll: that is one static object
/// whose reference count is not atomic (xapian/query.h warns of it), so
/// searches in several threads that copy it (the HTTP server's) corrupt the
/// count and free it while in use: test_server's readers-and-a-writer test
/// crashed in Query::get_length under Searcher::stats() 2 times in 40.
/// Xapian itself hands MatchAll out for Query(OP_VALUE_GE, slot, ""): a
/// lower bound must never be empty (query_filters.cpp's never is).
[[nodiscard]] inline Xapian::Query every_document()
{
    return Xapian::Query(std::string());
}

}  // namespace akhbar::detail
