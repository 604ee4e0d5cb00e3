#pragma once
/// @file
/// The two printed forms of a token list, shared by akhbar-analyze and tests.

#include <span>
#include <string>

#include "akhbar/common/analyzer.hpp"

namespace akhbar {

/// One line per token: original, normalized, stem (empty for a stopword),
/// start, end, separated by TAB, each line ending in '\n'. Controls and bidi
/// overrides inside a word are escaped by escape_controls() (quote.hpp).
[[nodiscard]] std::string tokens_to_tsv(std::span<const Token> tokens);

/// A JSON array of objects {original, normalized, stem, start, end, position,
/// stopword}; `stem` is "" for a stopword, as in the TSV form.
[[nodiscard]] std::string tokens_to_json(std::span<const Token> tokens);

}  // namespace akhbar
