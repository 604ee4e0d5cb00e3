#include "query_tree.hpp"

namespace akhbar::detail {

namespace {

void print(const Node& node, std::string& out);

void print_all(const std::vector<Node>& nodes, std::string& out)
{
    for (std::size_t i = 0; i < nodes.size(); ++i) {
        out.append(i == 0 ? "" : " ");
        print(nodes[i], out);
    }
}

// Appends, not operator+ chains: GCC 12 warns falsely on those (PR 105651).
void print(const Node& node, std::string& out)
{
    switch (node.type) {
    case Node::Type::word:
        out.append(node.exact ? "=" : "").append(node.text).append(node.prefix ? "*" : "");
        return;
    case Node::Type::phrase:
        out.append(node.exact ? "=\"" : "\"").append(node.text).append("\"");
        return;
    case Node::Type::field:
        out.append(node.text).append(":");
        print_all(node.children, out);
        return;
    case Node::Type::group:
        if (node.children.size() == 1) {
            print(node.children[0], out);
            return;
        }
        out.append("(");
        break;
    case Node::Type::any_of:
        out.append("(OR ");
        break;
    case Node::Type::all_of:
        out.append("(AND ");
        break;
    case Node::Type::near:
        out.append("(NEAR ");
        break;
    case Node::Type::excluded:
        out.append("-");
        print_all(node.children, out);
        return;
    case Node::Type::required:
        out.append("+");
        print_all(node.children, out);
        return;
    }
    print_all(node.children, out);
    out.append(")");
}

}  // namespace

std::string to_string(const Node& node)
{
    std::string out;
    print(node, out);
    return out;
}

}  // namespace akhbar::detail
