#pragma once
// The row of a rule table: the rule's (or case's) name, an input and the
// expected output. Printed by Boost.Test when a data-driven case fails.

#include <ostream>

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

}  // namespace akhbar::test
