#include "work_dirs.hpp"

#include <fcntl.h>
#include <signal.h>
#include <stdio.h>
#include <unistd.h>

#include <algorithm>
#include <cerrno>
#include <cstdlib>
#include <cstring>
#include <string>
#include <system_error>

#include "akhbar/common/error.hpp"

namespace fs = std::filesystem;

namespace akhbar::detail {

namespace {

constexpr std::string_view WORK_SUFFIX = ".build-";

fs::path parent_of(const fs::path& p)
{
    return p.has_parent_path() ? p.parent_path() : fs::path(".");
}

// A work directory `<name>.build-<pid>` whose process is gone. (A PID reused
// by another process keeps its directory until that one ends: harmless.)
bool is_stale_work_dir(const std::string& name)
{
    const auto at = name.rfind(WORK_SUFFIX);
    if (at == std::string::npos) {
        return false;
    }
    const char* digits = name.c_str() + at + WORK_SUFFIX.size();
    char* end = nullptr;
    const long pid = std::strtol(digits, &end, 10);
    return end != digits && *end == '\0' && pid > 0 && pid != getpid() &&
           kill(static_cast<pid_t>(pid), 0) != 0 && errno == ESRCH;
}

}  // namespace

void sync_directory(const fs::path& dir)
{
    const int fd = ::open(dir.c_str(), O_RDONLY | O_DIRECTORY | O_CLOEXEC);
    if (fd < 0) {
        throw fs::filesystem_error("cannot open directory to sync it", dir,
                                   std::error_code(errno, std::generic_category()));
    }
    const int rc = ::fsync(fd);
    const int error = errno;
    ::close(fd);
    if (rc != 0) {
        throw fs::filesystem_error("cannot sync directory", dir,
                                   std::error_code(error, std::generic_category()));
    }
}

void replace_file(const fs::path& target, std::string_view content)
{
    const fs::path tmp = target.string() + ".tmp";
    const int fd = ::open(tmp.c_str(), O_WRONLY | O_CREAT | O_TRUNC | O_CLOEXEC, 0644);
    bool ok = fd >= 0;
    std::size_t done = 0;
    while (ok && done < content.size()) {
        const ssize_t n = ::write(fd, content.data() + done, content.size() - done);
        ok = n > 0 || (n < 0 && errno == EINTR);
        done += n > 0 ? static_cast<std::size_t>(n) : 0;
    }
    ok = ok && ::fsync(fd) == 0;
    if (fd >= 0) {
        ok = ::close(fd) == 0 && ok;
    }
    if (!ok) {
        throw IndexError("cannot write " + tmp.string() + ": " + std::strerror(errno));
    }
    fs::rename(tmp, target);
    sync_directory(parent_of(target));
}

void swap_into_place(const fs::path& fresh, const fs::path& target)
{
    if (!fs::exists(target)) {
        fs::rename(fresh, target);
        sync_directory(parent_of(target));
        return;
    }
#ifdef RENAME_EXCHANGE
    if (renameat2(AT_FDCWD, fresh.c_str(), AT_FDCWD, target.c_str(), RENAME_EXCHANGE) == 0) {
        sync_directory(parent_of(target));
        fs::remove_all(fresh);  // now holds the old database
        return;
    }
#endif
    const fs::path old = target.string() + ".old-" + std::to_string(getpid());
    fs::rename(target, old);
    fs::rename(fresh, target);
    sync_directory(parent_of(target));
    fs::remove_all(old);
}

bool rename_into_place(const fs::path& fresh, const fs::path& target)
{
    // rename(2) replaces an empty directory and refuses a non-empty one.
    if (::rename(fresh.c_str(), target.c_str()) != 0) {
        if (errno == ENOTEMPTY || errno == EEXIST) {
            return false;
        }
        throw fs::filesystem_error("cannot rename", fresh, target,
                                   std::error_code(errno, std::generic_category()));
    }
    sync_directory(parent_of(target));
    return true;
}

void remove_stale_work_dirs(const fs::path& target)
{
    std::error_code ec;
    const std::string stem = target.filename().string() + std::string(WORK_SUFFIX);
    for (const auto& entry : fs::directory_iterator(parent_of(target), ec)) {
        const std::string name = entry.path().filename().string();
        if (name.starts_with(stem) && is_stale_work_dir(name)) {
            fs::remove_all(entry.path(), ec);
        }
    }
}

void remove_stale_work_dirs_in(const fs::path& dir)
{
    std::error_code ec;
    for (const auto& entry : fs::directory_iterator(dir, ec)) {
        if (is_stale_work_dir(entry.path().filename().string())) {
            fs::remove_all(entry.path(), ec);
        }
    }
}

fs::path work_dir_for(const fs::path& target)
{
    return target.string() + std::string(WORK_SUFFIX) + std::to_string(getpid());
}

bool is_database(const fs::path& dir)
{
    return fs::exists(dir / "iamglass");
}

bool is_incomplete_database(const fs::path& dir)
{
    std::error_code ec;
    if (!fs::is_directory(dir, ec) || is_database(dir)) {
        return false;
    }
    // Glass creates the directory, `flintlock`, its tables (`*.glass`), and
    // writes `iamglass` last, through a temporary file (`v.tmp`). An empty
    // directory is left alone: the user may have made it, and a rename
    // replaces it anyway.
    bool any = false;
    for (const auto& entry : fs::directory_iterator(dir, ec)) {
        any = true;
        const std::string name = entry.path().filename().string();
        const bool glass_file = name == "flintlock" || name.ends_with(".glass") ||
                                name.ends_with(".tmp");
        if (!glass_file || !entry.is_regular_file(ec)) {
            return false;
        }
    }
    return any && !ec;
}

bool is_work_dir_name(std::string_view name)
{
    return name.find(WORK_SUFFIX) != std::string_view::npos;
}

std::optional<std::string> prepare_database_dir(
    const fs::path& target, const std::function<void(Xapian::WritableDatabase&)>& init)
{
    std::optional<std::string> repaired;
    if (is_incomplete_database(target)) {
        fs::remove_all(target);
        repaired = target.string() +
                   ": removed an incomplete database left by a killed run (no iamglass; it held "
                   "no committed article)";
    }
    if (!fs::exists(target)) {
        // Xapian writes `iamglass` last: created in place, a kill could leave
        // a directory that no run can open. Created aside, it appears whole.
        const fs::path fresh = work_dir_for(target);
        fs::remove_all(fresh);
        {
            Xapian::WritableDatabase db(fresh.string(), Xapian::DB_CREATE);
            init(db);
            db.commit();
        }
        if (!rename_into_place(fresh, target)) {
            fs::remove_all(fresh);  // another run created it meanwhile
        }
    }
    return repaired;
}

std::vector<std::string> database_dirs(const fs::path& dir)
{
    std::vector<std::string> names;
    for (const auto& entry : fs::directory_iterator(dir)) {
        std::string name = entry.path().filename().string();
        if (entry.is_directory() && is_database(entry.path()) && !is_work_dir_name(name)) {
            names.push_back(std::move(name));
        }
    }
    std::sort(names.begin(), names.end());
    return names;
}

}  // namespace akhbar::detail
