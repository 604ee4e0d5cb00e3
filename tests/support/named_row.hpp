#pragma once
// The row of a rule table: the rule's (or case's) name, an input and the
// expected output. Printed by Boost.Test when a data-driven case fails.

#include <ostream>
#include <set>
#include <string_view>

#include <boost/test/unit_test.hpp>

namespace akhbar::test {

struct NamedRow {
    const char* name;
    const char* input;
    const char* expected;
};

inline std::ostream& operator<<(std::ostream& os, const NamedRow& row)
{
    return os << row.name << ": " << row.input << " -> " << row.expected;
}

/// Checks that every rule of `table` (anything with a `name`) has at least
/// one row in `rows` (anything with a `name`), so a rule added without a
/// test fails.
template <typename Rows, typename Table>
void check_every_rule_has_a_row(const Rows& rows, const Table& table)
{
    std::set<std::string_view> named;
    for (const auto& row : rows) {
        named.insert(row.name);
    }
    for (const auto& rule : table) {
        BOOST_TEST(named.count(rule.name) == 1U, "no test row for " << rule.name);
    }
}

}  // namespace akhbar::test
