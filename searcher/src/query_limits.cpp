#include "query_limits.hpp"

#include <algorithm>
#include <string>
#include <utility>

#include "akhbar/common/error.hpp"
#include "akhbar/common/quote.hpp"
#include "akhbar/common/utf8.hpp"

namespace akhbar::detail {

void check_text(std::string_view text)
{
    if (text.size() > MAX_QUERY_BYTES) {
        throw QueryError(std::string(text), "query error: the query is " +
                                                std::to_string(text.size()) +
                                                " bytes long, more than the limit of " +
                                                std::to_string(MAX_QUERY_BYTES));
    }
    if (const auto bad = utf8::find_invalid(text)) {
        throw QueryError(std::string(text),
                         "query error: invalid UTF-8 at byte " + std::to_string(*bad));
    }
}

// MIN_PREFIX_LETTERS in the stem the wildcard expands (query_builder: the
// last word's that is not a stopword; none at all is the builder's error).
void check_prefix(std::string_view query, const Lexeme& l, const Analyzer& analyzer)
{
    const std::vector<Token> tokens = analyzer.analyze(l.text);
    const auto last = std::find_if(tokens.rbegin(), tokens.rend(),
                                   [](const Token& t) { return !t.stopword; });
    if (last != tokens.rend() && utf8::decode(last->stem).size() < MIN_PREFIX_LETTERS) {
        fail_at(query, l.at,
                "a word* prefix needs at least " + std::to_string(MIN_PREFIX_LETTERS) +
                    " letters, not " + quote_for_message(last->stem));
    }
}

// The values of the filter fields (source:, category:, date:, id:, url:),
// alone or in their parentheses (`source:(a b)`), are not words searched.
QueryCost check_lexemes(std::string_view query, const std::vector<Lexeme>& lexemes,
                        const Analyzer& analyzer)
{
    QueryCost cost;
    cost.bytes = query.size();  // check_text() checked it
    std::size_t depth = 0;
    bool filter_value = false;
    std::size_t filter_depth = 0;  // inside a filter's parentheses: their depth
    for (const Lexeme& l : lexemes) {
        const bool value_of_filter = std::exchange(filter_value, false) || filter_depth > 0;
        switch (l.kind) {
        case Kind::lparen:
            if (++depth > MAX_QUERY_DEPTH) {
                fail_at(query, l.at, "parentheses nested deeper than the limit of " +
                                         std::to_string(MAX_QUERY_DEPTH));
            }
            cost.depth = std::max(cost.depth, depth);
            if (value_of_filter && filter_depth == 0) {
                filter_depth = depth;
            }
            break;
        case Kind::rparen:
            if (depth == filter_depth) {
                filter_depth = 0;
            }
            depth -= depth > 0 ? 1 : 0;  // one too many is the grammar's error
            break;
        case Kind::field:
            filter_value = l.text != "title";
            break;
        case Kind::word:
        case Kind::phrase:
            if (value_of_filter) {
                break;
            }
            if (l.prefix) {
                check_prefix(query, l, analyzer);
            }
            for (const Token& t : analyzer.analyze(l.text)) {
                if (!t.stopword && ++cost.words > MAX_QUERY_WORDS) {
                    fail_at(query, l.at, "more words than the limit of " +
                                             std::to_string(MAX_QUERY_WORDS) +
                                             " (stopwords not counted)");
                }
            }
            break;
        default:
            break;
        }
    }
    return cost;
}

// Walked without recursion: `a OR b OR ...` nests one level per OR.
std::size_t check_terms(std::string_view query, const Xapian::Query& built)
{
    std::size_t terms = 0;
    std::vector<Xapian::Query> todo{built};
    while (!todo.empty()) {
        const Xapian::Query q = std::move(todo.back());
        todo.pop_back();
        if (q.get_type() == Xapian::Query::LEAF_TERM) {
            ++terms;
        } else if (q.get_type() == Xapian::Query::OP_WILDCARD) {
            terms += WILDCARD_LIMIT;
        }
        for (std::size_t i = 0; i < q.get_num_subqueries(); ++i) {
            todo.push_back(q.get_subquery(i));
        }
    }
    if (terms > MAX_QUERY_TERMS) {
        throw QueryError(std::string(query),
                         "query error: the query expands to " + std::to_string(terms) +
                             " terms, more than the limit of " + std::to_string(MAX_QUERY_TERMS) +
                             " (stem and root classes included, each word* as " +
                             std::to_string(WILDCARD_LIMIT) + ")");
    }
    return terms;
}

}  // namespace akhbar::detail
