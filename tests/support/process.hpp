#pragma once
// Runs a program as a child process with a given standard input and captures
// its exit code, standard output and standard error (for CLI tests).

#include <optional>
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

/// A child whose standard input is a pipe the test writes to as it goes (a
/// producer that is slow or silent); standard output and error go to files.
/// The destructor kills (SIGKILL) and reaps a child still running.
class PipedProcess {
public:
    explicit PipedProcess(const std::vector<std::string>& argv);
    ~PipedProcess();
    PipedProcess(const PipedProcess&) = delete;
    PipedProcess& operator=(const PipedProcess&) = delete;

    /// Writes `data` to the child's standard input.
    void write(const std::string& data);
    /// Waits until the child has taken from the pipe everything written so
    /// far (FIONREAD reports 0 bytes left in it); false after `timeout_ms`.
    bool wait_until_read(int timeout_ms);
    /// Sends `signal` to the child.
    void signal(int signal);
    /// Waits for the child to end; nullopt if it has not ended within
    /// `timeout_ms` (it is then killed).
    std::optional<ProcessResult> wait(int timeout_ms);

private:
    int m_pid = -1;
    int m_input = -1;  // write end of the pipe
    std::string m_out;
    std::string m_err;
};

}  // namespace akhbar::test
