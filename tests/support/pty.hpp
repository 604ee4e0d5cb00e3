#pragma once
// Runs a program on a terminal of its own (a pseudo-terminal), as a person
// at a terminal runs it: for tests of what a tool prints there and not into
// a pipe (isatty, the window's width).

#include <string>
#include <vector>

#include "support/process.hpp"

namespace akhbar::test {

/// Runs `argv` with standard input, output and error on a new pseudo-terminal
/// `columns` wide (0: a size the terminal does not know, as TIOCGWINSZ then
/// reports); returns its exit code and all it wrote, in `out` (the terminal
/// adds no carriage returns: output processing is off).
ProcessResult run_in_terminal(const std::vector<std::string>& argv, unsigned short columns);

}  // namespace akhbar::test
