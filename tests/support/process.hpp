#pragma once
// Runs a program as a child process with a given standard input and captures
// its exit code, standard output and standard error (for CLI tests).

#include <string>
#include <vector>

namespace akhbar::test {

struct ProcessResult {
    int exit_code = -1;  ///< exit status, or 128 + signal number
    std::string out;
    std::string err;
};

ProcessResult run_process(const std::vector<std::string>& argv, const std::string& input = {});

}  // namespace akhbar::test
