#pragma once
// Stage 2 of the query pipeline: the syntax tree the grammar
// (query_grammar.hpp) makes of the lexemes. It holds what the user typed and
// where, nothing of the analyzer, the index or Xapian (as tantivy's
// query-grammar keeps its AST apart from building): the builder
// (query_builder.hpp) turns it into the query. Internal header.

#include <cstddef>
#include <optional>
#include <string>
#include <vector>

#include "query_dates.hpp"

namespace akhbar::detail {

struct Node {
    enum class Type {
        word,      // text as typed, without `=` and `*`
        phrase,    // text between the quotes
        field,     // text: title, source, date, category, id or url; children: the value (a word or phrase)
        group,     // items side by side (OR, AND with --all); also what parentheses hold
        any_of,    // a OR b
        all_of,    // a AND b
        near,      // a NEAR b
        excluded,  // -a, NOT a (text: the operator as typed)
        required,  // +a
    };
    Type type = Type::group;
    std::string text;
    std::size_t at = 0;   // byte offset in the query of its lexeme (of the operator)
    bool prefix = false;  // word*
    bool exact = false;   // =word, ="phrase"
    std::vector<Node> children;
    /// any_of, all_of, near: where the operator before children[i + 1] is.
    std::vector<std::size_t> operators;
    /// A date field: the days its value covers.
    std::optional<DateSpan> dates;
};

/// A compact printed form, for tests and debugging: words as typed
/// (`=ترامب`, `ترا*`), `"phrases"`, `title:value`, `(a b)` for a group of
/// other than one item (one item prints as itself), `(OR a b)`, `(AND a b)`,
/// `(NEAR a b)`, `-a` and `+a`.
std::string to_string(const Node& node);

/// Calls f(node) for each word and phrase of `tree`, field values included,
/// in query order.
template <class F>
void for_each_leaf(const Node& tree, F&& f)
{
    if (tree.type == Node::Type::word || tree.type == Node::Type::phrase) {
        f(tree);
        return;
    }
    for (const Node& child : tree.children) {
        for_each_leaf(child, f);
    }
}

}  // namespace akhbar::detail
