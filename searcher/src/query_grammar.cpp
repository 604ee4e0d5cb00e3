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

    // `name:value`, or `name:(…)`: the field applied to every word and
    // phrase inside the parentheses (`title:(a OR b)` is
    // `title:a OR title:b`), which keep their operators.
    Node field(const Lexeme& name)
    {
        const Lexeme& value = peek();
        if (value.kind == Kind::lparen) {
            take();
            Node inner = parse_or();
            if (peek().kind != Kind::rparen) {
                fail_at(m_query, value.at, "this parenthesis is not closed");
            }
            take();
            bool any_value = false;
            Node applied = with_field(std::move(inner), name, any_value);
            if (!any_value) {
                fail_at(m_query, name.at, name.text + ": needs a value");
            }
            return applied;
        }
        if (value.kind != Kind::word && value.kind != Kind::phrase) {
            fail_at(m_query, name.at, name.text + ": needs a value");
        }
        take();
        return field_value(name.text, name.at,
                           leaf(value.kind == Kind::phrase ? Node::Type::phrase : Node::Type::word,
                                value));
    }

    // `node` (what a field's parentheses hold) with every word and phrase in
    // it made a value of field `name`; `any_value` set when there is one.
    // NEAR and fields cannot be inside: a title term has no positions, and a
    // field inside another has no meaning. A field other than title holds
    // one value per article (one source, one date...): there, values side
    // by side are alternatives (`source:(a b)` is `source:a OR source:b`),
    // as all of them together would match nothing.
    Node with_field(Node node, const Lexeme& name, bool& any_value)
    {
        switch (node.type) {
        case Node::Type::word:
        case Node::Type::phrase: {
            any_value = true;
            const std::size_t at = node.at;
            return field_value(name.text, at, std::move(node));
        }
        case Node::Type::near:
            fail_at(m_query, node.operators[0], name.text + ":(…) cannot hold NEAR");
        case Node::Type::field:
            fail_at(m_query, node.at, name.text + ":(…) cannot hold another field");
        default:
            break;
        }
        bool only_values = true;
        for (Node& child : node.children) {
            only_values = only_values && (child.type == Node::Type::word ||
                                          child.type == Node::Type::phrase);
            child = with_field(std::move(child), name, any_value);
        }
        if (node.type == Node::Type::group && name.text != "title" && only_values &&
            node.children.size() > 1) {
            node.type = Node::Type::any_of;
            for (std::size_t i = 1; i < node.children.size(); ++i) {
                node.operators.push_back(node.children[i].at);
            }
        }
        return node;
    }

    // The field `name` (its name at byte `at`) with value `value`, a word or
    // phrase; a date's value checked.
    Node field_value(const std::string& name, std::size_t at, Node value)
    {
        Node node = branch(Node::Type::field, at, name);
        if (name == "date") {
            node.dates = parse_date_span(value.text);
            if (!node.dates) {
                fail_at(m_query, value.at, date_error("date:", value.text, true));
            }
            if (node.dates->from && node.dates->to && *node.dates->from > *node.dates->to) {
                fail_at(m_query, value.at,
                        "date range ends before it starts: " + quote_for_message(value.text));
            }
        }
        node.children.push_back(std::move(value));
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
