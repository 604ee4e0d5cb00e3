#pragma once
// The grammar of docs/query-syntax.md: lexemes (query_lexer.hpp) in, syntax
// tree (query_tree.hpp) out. Recursive descent, one level per parenthesis
// (check_lexemes() bounds them first). Internal header.

#include <string_view>
#include <vector>

#include "query_lexer.hpp"
#include "query_tree.hpp"

namespace akhbar::detail {

/// The tree of `lexemes`, the lexemes of `query`. Throws QueryError naming
/// the character where the grammar fails (a parenthesis not closed, an
/// operator without an operand, a field without a value, a date that is not
/// one). What the tree asks that the index cannot give (a NEAR of
/// stopwords, only exclusions) is the builder's to report.
Node parse_tree(std::string_view query, const std::vector<Lexeme>& lexemes);

}  // namespace akhbar::detail
