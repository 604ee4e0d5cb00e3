#include "query_parser.hpp"

#include "query_expander.hpp"
#include "query_grammar.hpp"
#include "query_lexer.hpp"

namespace akhbar::detail {

Node parse_syntax(std::string_view text, const Analyzer& analyzer, bool literal, QueryCost* cost)
{
    check_text(text);
    const std::vector<Lexeme> lexemes = literal ? literal_words(text) : lex(text);
    const QueryCost lexed = check_lexemes(text, lexemes, analyzer);
    if (cost != nullptr) {
        *cost = lexed;
    }
    return parse_tree(text, lexemes);
}

ParsedQuery parse_query(std::string_view text, bool match_all, const Analyzer& analyzer,
                        const Xapian::Database& db, bool literal, StemClasses* classes,
                        Strictness strict)
{
    ParsedQuery parsed;
    const Node tree = parse_syntax(text, analyzer, literal, &parsed.cost);
    Expander expander(analyzer, db, classes, strict, tree);
    static_cast<BuiltQuery&>(parsed) = build_query(text, tree, match_all, analyzer, db, expander);
    parsed.cost.terms = check_terms(text, parsed.query);
    return parsed;
}

}  // namespace akhbar::detail
