#pragma once
/// @file
/// A SearchRequest from named text fields, as a program receives them (the
/// options of akhbar-search, the query parameters of akhbar-serve): each
/// value read and checked by the library, so that every program refuses the
/// same values with the same message.

#include <cstddef>
#include <string_view>

#include "akhbar/common/api.hpp"
#include "akhbar/searcher/searcher.hpp"

namespace akhbar {

/// A number given as text for request field `field` (see checked_number):
/// a whole decimal number, checked against the field's bounds. Throws
/// InvalidArgument `FIELD is not a whole number: "TEXT"`,
/// `FIELD is out of range: "TEXT"` (beyond a long long), or checked_number's
/// `FIELD must be from MIN to MAX, not VALUE`.
[[nodiscard]] AKHBAR_API std::size_t checked_number_text(std::string_view field,
                                                         std::string_view text);

/// A yes/no field given as text: "1", "true", "yes" or "" (present without a
/// value) for true, "0", "false", "no" for false. Throws InvalidArgument
/// `FIELD is true or false, not "TEXT"`.
[[nodiscard]] AKHBAR_API bool checked_flag(std::string_view field, std::string_view text);

/// Sets the field called `name` of `request` from its text `value`:
///  - "query" (also "q"): the query;
///  - "all", "literal", "facets", "explain", "collapse": checked_flag();
///  - "from", "to": checked_date();
///  - "source", "category": one more source, category (repeatable);
///  - "sort", "ranking", "strict", "facet_count": parse_sort_order(),
///    parse_ranking(), parse_strictness(), parse_facet_unit() (an empty
///    value keeps the default);
///  - "limit", "offset", "snippet_chars": checked_number_text();
///  - "facet_month": checked_month().
/// Throws InvalidArgument with the check's message (which starts with the
/// field's name, except the enum names': `unknown sort order "x" (known:
/// …)`), and `unknown request field "NAME"` for any other name. Call
/// SearchRequest::check() once every field is set: it checks the fields
/// together (offset + limit, from before to).
AKHBAR_API void set_request_field(SearchRequest& request, std::string_view name,
                                  std::string_view value);

}  // namespace akhbar
