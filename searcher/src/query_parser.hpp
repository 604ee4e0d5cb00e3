#pragma once
// The query language of docs/query-syntax.md, turned into a Xapian query
// through the same analyzer the documents went through, in stages:
//   query_lexer     text -> lexemes with byte offsets
//   query_grammar   lexemes -> syntax tree (query_tree.hpp; no Xapian)
//   query_expander  a word -> its stem class, root class, name variants;
//                   query filler
//   query_builder   tree + expander -> Xapian query, highlight and
//                   proximity spec
// with the limits in query_limits.hpp and the filters in query_filters.hpp.
// Internal header.

#include <string_view>

#include <xapian.h>

#include "akhbar/common/analyzer.hpp"
#include "akhbar/searcher/searcher.hpp"
#include "query_builder.hpp"
#include "query_filters.hpp"
#include "query_limits.hpp"
#include "query_tree.hpp"
#include "stem_classes.hpp"

namespace akhbar::detail {

struct ParsedQuery : BuiltQuery {
    /// What the query costs (all within the limits of query_limits.hpp).
    QueryCost cost;
};

/// Stages 1 and 2: the syntax tree of `text` (in literal mode, its white
/// space separated words side by side), within the limits that the text
/// and its lexemes show (`cost`, when given, gets them). Throws QueryError
/// as parse_query().
Node parse_syntax(std::string_view text, const Analyzer& analyzer, bool literal,
                  QueryCost* cost = nullptr);

/// Parses `text`. Throws QueryError naming the character where a problem is,
/// or the limit a query goes over (MAX_QUERY_BYTES and the others).
/// With `classes` (enabled), plain words also match their stem class, and
/// as the profile and `strict` allow, their root class and name variants.
ParsedQuery parse_query(std::string_view text, bool match_all, const Analyzer& analyzer,
                        const Xapian::Database& db, bool literal = false,
                        StemClasses* classes = nullptr, Strictness strict = Strictness::stemmed);

}  // namespace akhbar::detail
