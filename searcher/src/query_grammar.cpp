#include "query_grammar.hpp"

#include <string>
#include <utility>

#include "akhbar/common/quote.hpp"

namespace akhbar::detail {

namespace {

Node leaf(Node::Type type, const Lexeme& l)
{
    Node node;
    node.type = type;
    node.text = l.text;
    node.at = l.at;
    node.prefix = l.prefix;
    node.exact = l.exact;
    return node;
}

Node branch(Node::Type type, std::size_t at, std::string text = {})
{
    Node node;
    node.type = type;
    node.at = at;
    node.text = std::move(text);
    return node;
}

bool ends_operand(Kind k)
{
    return k == Kind::end || k == Kind::rparen || k == Kind::op_or;
}

class Grammar {
public:
    Grammar(std::string_view query, const std::vector<Lexeme>& lexemes)
        : m_query(query), m_lexemes(lexemes)
    {
    }

    Node run()
    {
        Node top = parse_or();
        if (peek().kind == Kind::rparen) {
            fail_at(m_query, peek().at, "this parenthesis was not opened");
        }
        if (peek().kind != Kind::end) {
            fail_at(m_query, peek().at, "unexpected " + quote_for_message(peek().text));
        }
        return top;
    }

private:
    const Lexeme& peek() const { return m_lexemes[m_next]; }
    const Lexeme& take() { return m_lexemes[m_next++]; }

    Node parse_or()
    {
        if (peek().kind == Kind::op_or) {
            fail_at(m_query, peek().at, "OR needs something before it");
        }
        return joined(parse_group(), Kind::op_or, Node::Type::any_of, &Grammar::parse_group);
    }

    // Juxtaposed items.
    Node parse_group()
    {
        Node group = branch(Node::Type::group, peek().at);
        while (!ends_operand(peek().kind)) {
            const Kind k = peek().kind;
            if (k == Kind::op_and || k == Kind::op_near) {
                fail_at(m_query, peek().at, peek().text + " needs something before it");
            }
            group.children.push_back(parse_and());
        }
        return group;
    }

    Node parse_and()
    {
        return joined(parse_unary(), Kind::op_and, Node::Type::all_of, &Grammar::parse_unary);
    }

    Node parse_unary()
    {
        const Kind unary = peek().kind;
        if (unary != Kind::op_not && unary != Kind::minus && unary != Kind::plus) {
            return parse_near();
        }
        const Lexeme& op = take();
        if (ends_operand(peek().kind)) {
            fail_at(m_query, op.at, op.text + " needs something after it");
        }
        // NOT and - take one operand; + takes a NEAR whole (`+a NEAR b`).
        Node node = branch(unary == Kind::plus ? Node::Type::required : Node::Type::excluded,
                           op.at, op.text);
        node.children.push_back(unary == Kind::plus ? parse_near() : parse_primary());
        return node;
    }

    // An operand, or operands joined by NEAR.
    Node parse_near()
    {
        return joined(parse_primary(), Kind::op_near, Node::Type::near, &Grammar::parse_primary);
    }

    // `first` and the operands that `op` joins to it (each read by `operand`)
    // as one node of `type`, or `first` alone.
    Node joined(Node first, Kind op, Node::Type type, Node (Grammar::*operand)())
    {
        if (peek().kind != op) {
            return first;
        }
        Node node = branch(type, peek().at);
        node.children.push_back(std::move(first));
        while (peek().kind == op) {
            const Lexeme& sign = take();
            const Kind k = peek().kind;
            if (op == Kind::op_near && k != Kind::word && k != Kind::phrase) {
                fail_at(m_query, sign.at, "NEAR joins words or phrases");
            }
            if (ends_operand(k)) {
                fail_at(m_query, sign.at, sign.text + " needs something after it");
            }
            node.operators.push_back(sign.at);
            node.children.push_back((this->*operand)());
        }
        return node;
    }

    Node parse_primary()
    {
        const Lexeme& lexeme = take();
        switch (lexeme.kind) {
        case Kind::lparen: {
            Node inner = parse_or();
            if (peek().kind != Kind::rparen) {
                fail_at(m_query, lexeme.at, "this parenthesis is not closed");
            }
            take();
            return inner;
        }
        case Kind::word:
            return leaf(Node::Type::word, lexeme);
        case Kind::phrase:
            return leaf(Node::Type::phrase, lexeme);
        case Kind::field:
            return field(lexeme);
        case Kind::rparen:
            fail_at(m_query, lexeme.at, "this parenthesis was not opened");
        default:
            fail_at(m_query, lexeme.at, "unexpected " + quote_for_message(lexeme.text));
        }
    }

    Node field(const Lexeme& name)
    {
        const Lexeme& value = peek();
        if (value.kind != Kind::word && value.kind != Kind::phrase) {
            fail_at(m_query, name.at, name.text + ": needs a value");
        }
        take();
        Node node = branch(Node::Type::field, name.at, name.text);
        node.children.push_back(
            leaf(value.kind == Kind::phrase ? Node::Type::phrase : Node::Type::word, value));
        if (name.text == "date") {
            node.dates = parse_date_span(value.text);
            if (!node.dates) {
                fail_at(m_query, value.at,
                        "date: takes YYYY, YYYY-MM or YYYY-MM-DD, or a range A..B: " +
                            quote_for_message(value.text));
            }
            if (node.dates->from && node.dates->to && *node.dates->from > *node.dates->to) {
                fail_at(m_query, value.at,
                        "date range ends before it starts: " + quote_for_message(value.text));
            }
        }
        return node;
    }

    std::string_view m_query;
    const std::vector<Lexeme>& m_lexemes;
    std::size_t m_next = 0;
};

}  // namespace

Node parse_tree(std::string_view query, const std::vector<Lexeme>& lexemes)
{
    return Grammar(query, lexemes).run();
}

}  // namespace akhbar::detail
