#pragma once
// What the searcher's other units need of the request checks
// (request_checks.cpp) beyond the public ones.

#include <cstddef>
#include <string_view>

namespace akhbar::detail {

/// Throws InvalidArgument "FIELD must be …, not VALUE" when `value` is out of
/// the bounds of `field` ("limit", "offset", "snippet_chars"), e.g. the
/// `limit` of Searcher::related.
void check_count(std::string_view field, std::size_t value);

}  // namespace akhbar::detail
