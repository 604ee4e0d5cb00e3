#pragma once
// Stage 1 of the query pipeline: the query's text as lexemes, each with its
// byte offset, for the grammar (query_grammar.hpp) and for error messages
// that name the character. Reads nothing but the text. Internal header.

#include <cstddef>
#include <string>
#include <string_view>
#include <vector>

namespace akhbar::detail {

enum class Kind {
    word, phrase, field, lparen, rparen, op_or, op_and, op_not, op_near, minus, plus, end
};

struct Lexeme {
    Kind kind;
    std::string text;     // word or phrase text; field name (title, source, date, category, id, url)
    std::size_t at;       // byte offset in the query
    bool prefix = false;  // word*
    bool exact = false;   // =word, ="phrase": no expansion
};

/// The lexemes of `query` (docs/query-syntax.md), ending with Kind::end.
/// Never fails: a stray quote or operator is text.
std::vector<Lexeme> lex(std::string_view query);

/// Literal mode: every white-space separated chunk of `text` a word (the
/// analyzer drops the punctuation in it), ending with Kind::end.
std::vector<Lexeme> literal_words(std::string_view text);

/// Throws QueryError "query error at character N: what", N counting code
/// points from 1 to the one at byte `at` of `query`.
[[noreturn]] void fail_at(std::string_view query, std::size_t at, const std::string& what);

}  // namespace akhbar::detail
