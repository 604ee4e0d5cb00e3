#include "support/process.hpp"

#include <fcntl.h>
#include <sys/ioctl.h>
#include <spawn.h>
#include <sys/wait.h>
#include <unistd.h>

#include <csignal>
#include <cstdlib>
#include <filesystem>
#include <stdexcept>

#include "support/tsv.hpp"

extern char** environ;

namespace akhbar::test {

namespace {

// A temporary file removed on scope exit.
struct TempFile {
    std::string path;
    explicit TempFile(const std::string& content)
    {
        std::string pattern =
            (std::filesystem::temp_directory_path() / "akhbar-test-XXXXXX").string();
        const int fd = mkstemp(pattern.data());
        if (fd < 0) {
            throw std::runtime_error("mkstemp failed");
        }
        std::size_t done = 0;
        while (done < content.size()) {
            const ssize_t n = ::write(fd, content.data() + done, content.size() - done);
            if (n <= 0) {
                ::close(fd);
                throw std::runtime_error("write to temporary file failed");
            }
            done += static_cast<std::size_t>(n);
        }
        ::close(fd);
        path = pattern;
    }
    TempFile(const TempFile&) = delete;
    TempFile& operator=(const TempFile&) = delete;
    ~TempFile() { std::filesystem::remove(path); }
};

// Starts argv[0] with `actions` (which it destroys); throws when it cannot.
pid_t spawn(const std::vector<std::string>& argv, posix_spawn_file_actions_t& actions)
{
    std::vector<char*> args;
    for (const auto& a : argv) {
        args.push_back(const_cast<char*>(a.c_str()));
    }
    args.push_back(nullptr);
    pid_t pid = 0;
    const int rc = posix_spawn(&pid, args[0], &actions, nullptr, args.data(), environ);
    posix_spawn_file_actions_destroy(&actions);
    if (rc != 0) {
        throw std::runtime_error("cannot start " + argv.at(0));
    }
    return pid;
}

}  // namespace

// Standard streams go through files, not pipes: no deadlock however much the
// child writes, and no polling loop to get wrong.
ProcessResult run_process(const std::vector<std::string>& argv, const std::string& input)
{
    bool signalled = false;
    return run_process_with_signal(argv, input, 0, -1, signalled);
}

ProcessResult run_process_with_signal(const std::vector<std::string>& argv,
                                      const std::string& input, int signal, int delay_ms,
                                      bool& signalled)
{
    const TempFile in(input);
    const TempFile out("");
    const TempFile err("");

    posix_spawn_file_actions_t actions;
    posix_spawn_file_actions_init(&actions);
    posix_spawn_file_actions_addopen(&actions, 0, in.path.c_str(), O_RDONLY, 0);
    posix_spawn_file_actions_addopen(&actions, 1, out.path.c_str(), O_WRONLY | O_TRUNC, 0);
    posix_spawn_file_actions_addopen(&actions, 2, err.path.c_str(), O_WRONLY | O_TRUNC, 0);

    const pid_t pid = spawn(argv, actions);
    int status = 0;
    signalled = false;
    if (delay_ms >= 0) {
        for (int waited = 0; waited < delay_ms; waited += 10) {
            if (waitpid(pid, &status, WNOHANG) == pid) {
                goto done;
            }
            usleep(10000);
        }
        kill(pid, signal);
        signalled = true;
    }
    while (waitpid(pid, &status, 0) < 0) {
    }
done:
    ProcessResult result;
    result.exit_code = WIFEXITED(status) ? WEXITSTATUS(status) : 128 + WTERMSIG(status);
    result.out = read_file(out.path);
    result.err = read_file(err.path);
    return result;
}

namespace {

std::string empty_temp_file()
{
    std::string pattern = (std::filesystem::temp_directory_path() / "akhbar-test-XXXXXX").string();
    const int fd = mkstemp(pattern.data());
    if (fd < 0) {
        throw std::runtime_error("mkstemp failed");
    }
    ::close(fd);
    return pattern;
}

}  // namespace

PipedProcess::PipedProcess(const std::vector<std::string>& argv)
    : m_out(empty_temp_file()), m_err(empty_temp_file())
{
    int fds[2];
    if (pipe2(fds, O_CLOEXEC) != 0) {
        throw std::runtime_error("pipe failed");
    }
    posix_spawn_file_actions_t actions;
    posix_spawn_file_actions_init(&actions);
    posix_spawn_file_actions_adddup2(&actions, fds[0], 0);
    posix_spawn_file_actions_addopen(&actions, 1, m_out.c_str(), O_WRONLY | O_TRUNC, 0);
    posix_spawn_file_actions_addopen(&actions, 2, m_err.c_str(), O_WRONLY | O_TRUNC, 0);
    m_input = fds[1];
    try {
        m_pid = spawn(argv, actions);
    } catch (...) {
        ::close(fds[0]);
        ::close(m_input);
        throw;
    }
    ::close(fds[0]);
}

PipedProcess::~PipedProcess()
{
    if (m_input >= 0) {
        ::close(m_input);
    }
    if (m_pid > 0) {
        kill(m_pid, SIGKILL);
        int status = 0;
        waitpid(m_pid, &status, 0);
    }
    std::filesystem::remove(m_out);
    std::filesystem::remove(m_err);
}

void PipedProcess::write(const std::string& data)
{
    std::size_t done = 0;
    while (done < data.size()) {
        const ssize_t n = ::write(m_input, data.data() + done, data.size() - done);
        if (n <= 0) {
            throw std::runtime_error("write to the child's standard input failed");
        }
        done += static_cast<std::size_t>(n);
    }
}

bool PipedProcess::wait_until_read(int timeout_ms)
{
    for (int waited = 0; waited <= timeout_ms; waited += 10) {
        int left = 0;
        if (ioctl(m_input, FIONREAD, &left) == 0 && left == 0) {
            return true;
        }
        usleep(10000);
    }
    return false;
}

void PipedProcess::signal(int signal)
{
    kill(m_pid, signal);
}

std::optional<ProcessResult> PipedProcess::wait(int timeout_ms)
{
    int status = 0;
    for (int waited = 0;; waited += 10) {
        if (waitpid(m_pid, &status, WNOHANG) == m_pid) {
            break;
        }
        if (waited >= timeout_ms) {
            return std::nullopt;  // the destructor kills it
        }
        usleep(10000);
    }
    m_pid = -1;
    ProcessResult result;
    result.exit_code = WIFEXITED(status) ? WEXITSTATUS(status) : 128 + WTERMSIG(status);
    result.out = read_file(m_out);
    result.err = read_file(m_err);
    return result;
}

}  // namespace akhbar::test
