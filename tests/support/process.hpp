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

/// Like run_process, but sends `signal` to the child after `delay_ms` if it is
/// still running then; `signalled` tells whether it was.
ProcessResult run_process_with_signal(const std::vector<std::string>& argv,
                                      const std::string& input, int signal, int delay_ms,
                                      bool& signalled);

}  // namespace akhbar::test
