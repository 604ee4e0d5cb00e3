#include "work_dirs.hpp"

#include <fcntl.h>
#include <stdio.h>
#include <sys/file.h>
#include <unistd.h>

#include <algorithm>
#include <cerrno>
#include <cstdlib>
#include <cstring>
#include <set>
#include <string>
#include <system_error>
#include <utility>

#include "akhbar/common/error.hpp"

namespace fs = std::filesystem;

namespace akhbar::detail {

namespace {

constexpr std::string_view WORK_SUFFIX = ".build-";
constexpr std::string_view OLD_SUFFIX = ".old-";
constexpr const char* MARKER = ".akhbar-work";

fs::path parent_of(const fs::path& p)
{
    return p.has_parent_path() ? p.parent_path() : fs::path(".");
}

// Opens `dir`'s marker (creating it when asked) and locks it; -1 when it is
// missing or, with `wait` false, locked by a live process.
int lock_marker(const fs::path& dir, bool create, bool wait)
{
    const fs::path marker = dir / MARKER;
    const int fd = ::open(marker.c_str(), (create ? O_CREAT : 0) | O_RDWR | O_CLOEXEC, 0644);
    if (fd < 0) {
        if (create) {
            throw fs::filesystem_error("cannot create", marker,
                                       std::error_code(errno, std::generic_category()));
        }
        return -1;
    }
    int rc = 0;
    while ((rc = ::flock(fd, LOCK_EX | (wait ? 0 : LOCK_NB))) != 0 && errno == EINTR) {
    }
    if (rc != 0) {
        ::close(fd);
        return -1;
    }
    return fd;
}

// The marker goes with the work directory into place; it has no use there,
// unless the place is itself a work directory.
void drop_marker(const fs::path& dir)
{
    std::error_code ec;
    if (!is_work_dir_name(dir.filename().string())) {
        fs::remove(dir / MARKER, ec);
    }
}

// Removes a marked directory, the marker last: killed halfway, the rest is
// still recognisably ours.
void remove_marked(const fs::path& dir)
{
    std::error_code ec;
    for (const auto& entry : fs::directory_iterator(dir, ec)) {
        if (entry.path().filename() != MARKER) {
            fs::remove_all(entry.path());
        }
    }
    fs::remove_all(dir);
}

// What to do with one leftover, `parent/name`; the marker's lock is held
// meanwhile, so that no other run takes the same leftover at once.
void clean_leftover(const fs::path& parent, const std::string& name,
                    std::vector<std::string>& done)
{
    const fs::path path = parent / name;
    const int fd = lock_marker(path, false, false);
    if (fd < 0) {
        // Not ours, or its run is alive. An empty one goes (rmdir(2) removes
        // nothing else): a kill between mkdtemp() and the marker, or between
        // the marker's removal and the rmdir, leaves one.
        if (!fs::exists(path / MARKER)) {
            ::rmdir(path.c_str());
        }
        return;
    }
    std::error_code ec;
    const auto old_at = name.rfind(OLD_SUFFIX);
    const auto build_at = name.rfind(WORK_SUFFIX);
    const bool old = old_at != std::string::npos && (build_at == std::string::npos ||
                                                     old_at > build_at);
    const fs::path target = parent / name.substr(0, old_at);
    if (old && !fs::exists(target, ec) && !ec) {
        fs::rename(path, target, ec);
        if (!ec) {
            sync_directory(parent);
            drop_marker(target);
            done.push_back(target.string() + ": restored from " + path.string() +
                           ", left by a run killed while swapping a new database in");
        }
    } else {
        try {
            remove_marked(path);
        } catch (const fs::filesystem_error&) {
            // Left for a later run; this one need not fail for it.
        }
    }
    ::close(fd);
}

std::vector<std::string> clean_leftovers(const fs::path& parent, const std::string& only)
{
    std::vector<std::string> names;
    std::error_code ec;
    for (const auto& entry : fs::directory_iterator(parent, ec)) {
        std::string name = entry.path().filename().string();
        const bool of_target =
            only.empty() || name.starts_with(only + std::string(WORK_SUFFIX)) ||
            name.starts_with(only + std::string(OLD_SUFFIX));
        if (of_target && is_work_dir_name(name) && entry.is_directory(ec)) {
            names.push_back(std::move(name));
        }
    }
    std::vector<std::string> done;
    for (const std::string& name : names) {
        clean_leftover(parent, name, done);
    }
    return done;
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
        drop_marker(target);
        return;
    }
    // The old database is marked and locked before it moves aside: a run
    // killed before it is gone leaves it for the next run to remove, or,
    // killed between the two renames below, to put back. (When `target` is
    // itself a work directory, the WorkDir that owns it holds the lock.)
    const int lock = lock_marker(target, true, false);
    // A work directory swapped into (a new shard's, built in bulk) must stay
    // marked: `fresh` gets the same marker (a hard link, so its owner's lock
    // holds on both) and so keeps it across the swap.
    ::link((target / MARKER).c_str(), (fresh / MARKER).c_str());
    try {
        fs::path old = fresh;
#ifdef RENAME_EXCHANGE
        if (renameat2(AT_FDCWD, fresh.c_str(), AT_FDCWD, target.c_str(), RENAME_EXCHANGE) != 0)
#endif
        {
            old = target.string() + std::string(OLD_SUFFIX) + std::to_string(getpid());
            fs::rename(target, old);
            fs::rename(fresh, target);
        }
        sync_directory(parent_of(target));
        drop_marker(target);
        remove_marked(old);
    } catch (...) {
        if (lock >= 0) {
            ::close(lock);
        }
        throw;
    }
    if (lock >= 0) {
        ::close(lock);
    }
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
    drop_marker(target);
    return true;
}

WorkDir::WorkDir(const fs::path& target)
{
    std::string name = target.string() + std::string(WORK_SUFFIX) + std::to_string(getpid()) +
                       "-XXXXXX";
    if (::mkdtemp(name.data()) == nullptr) {
        throw fs::filesystem_error("cannot create a work directory", name,
                                   std::error_code(errno, std::generic_category()));
    }
    m_path = name;
    try {
        m_lock = lock_marker(m_path, true, true);
    } catch (const fs::filesystem_error& e) {
        std::error_code ec;
        fs::remove_all(m_path, ec);
        if (e.code() != std::errc::no_such_file_or_directory) {
            throw;
        }
        // Another run's clean-up took it for an empty leftover: once more.
        *this = WorkDir(target);
    }
}

WorkDir::WorkDir(WorkDir&& other) noexcept
    : m_path(std::move(other.m_path)), m_lock(std::exchange(other.m_lock, -1))
{
}

WorkDir& WorkDir::operator=(WorkDir&& other) noexcept
{
    if (this != &other) {
        release();
        m_path = std::move(other.m_path);
        m_lock = std::exchange(other.m_lock, -1);
    }
    return *this;
}

WorkDir::~WorkDir()
{
    release();
}

void WorkDir::remove() noexcept
{
    if (!m_path.empty()) {
        try {
            remove_marked(m_path);
        } catch (const fs::filesystem_error&) {
            // A later run removes what is left: the marker is still there.
        }
    }
    release();
}

void WorkDir::release() noexcept
{
    if (m_lock >= 0) {
        ::close(m_lock);
        m_lock = -1;
    }
}

std::vector<std::string> remove_stale_work_dirs(const fs::path& target)
{
    return clean_leftovers(parent_of(target), target.filename().string());
}

std::vector<std::string> remove_stale_work_dirs_in(const fs::path& dir)
{
    return clean_leftovers(dir, "");
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
    // Glass creates the directory, `flintlock`, its tables, and writes
    // `iamglass` last, through `v.tmp`. Anything else (a user's file, even an
    // empty directory) means the directory is not what a killed run left.
    static const std::set<std::string, std::less<>> glass_files = {
        "flintlock",      "postlist.glass", "termlist.glass", "position.glass", "docdata.glass",
        "record.glass",   "spelling.glass", "synonym.glass",  "v.tmp",
    };
    bool lock_file = false;
    for (const auto& entry : fs::directory_iterator(dir, ec)) {
        const std::string name = entry.path().filename().string();
        if (!glass_files.contains(name) || !entry.is_regular_file(ec)) {
            return false;
        }
        lock_file = lock_file || name == "flintlock";
    }
    return lock_file && !ec;
}

bool is_work_dir_name(std::string_view name)
{
    return name.find(WORK_SUFFIX) != std::string_view::npos ||
           name.find(OLD_SUFFIX) != std::string_view::npos;
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
    std::error_code ec;
    for (const auto& entry : fs::directory_iterator(target, ec)) {
        if (entry.path().filename() != MARKER && !is_database(target)) {
            throw IndexError(target.string() +
                             " is not a database and not empty: move what it holds away, or "
                             "choose another --db");
        }
    }
    if (!fs::exists(target)) {
        // Xapian writes `iamglass` last: created in place, a kill could leave
        // a directory that no run can open. Created aside, it appears whole.
        WorkDir fresh(target);
        {
            Xapian::WritableDatabase db(fresh.path().string(), Xapian::DB_CREATE);
            init(db);
            db.commit();
        }
        if (!rename_into_place(fresh.path(), target)) {
            fresh.remove();  // another run created it meanwhile
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
