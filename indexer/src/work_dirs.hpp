#pragma once
/// @file
/// Building beside, then swapping into place: what `--rebuild`, bulk builds
/// and new shards use so that a searcher never sees a half-built database,
/// and what a run does first to clean up after one that was killed.

#include <filesystem>
#include <functional>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include <xapian.h>

namespace akhbar::detail {

/// Swaps two directories atomically where the kernel can (renameat2 with
/// RENAME_EXCHANGE, Linux >= 3.15), otherwise with two renames; then removes
/// what was at `target` before. The parent directory is synced, so that the
/// swap survives a power loss.
void swap_into_place(const std::filesystem::path& fresh, const std::filesystem::path& target);

/// Renames `fresh` to `target` in one step (rename(2)) when `target` does not
/// exist or is an empty directory, and syncs the parent directory; false,
/// with nothing renamed, when `target` holds something.
[[nodiscard]] bool rename_into_place(const std::filesystem::path& fresh,
                                     const std::filesystem::path& target);

/// fsync()s a directory, making the renames done in it durable.
void sync_directory(const std::filesystem::path& dir);

/// Replaces the file `target` with `content`: written to `<target>.tmp`,
/// synced, renamed over `target`, and the directory synced, so that a reader
/// or a crash sees the old content or the new, never part of one. Throws
/// IndexError when the file cannot be written.
void replace_file(const std::filesystem::path& target, std::string_view content);

/// A work directory this process builds in: `<target>.build-<pid>-<random>`,
/// created new (mkdtemp: never someone else's), holding a marker file
/// (`.akhbar-work`) on which this object keeps an flock(LOCK_EX) until it is
/// destroyed or released. The kernel drops the lock when the process dies,
/// so a marker whose lock can be taken is what a killed run left, whatever
/// its PID namespace. Only directories so marked are ever removed as
/// leftovers. The marker is dropped when the directory is renamed into place.
class WorkDir {
public:
    WorkDir() = default;
    explicit WorkDir(const std::filesystem::path& target);
    WorkDir(WorkDir&& other) noexcept;
    WorkDir& operator=(WorkDir&& other) noexcept;
    WorkDir(const WorkDir&) = delete;
    WorkDir& operator=(const WorkDir&) = delete;
    ~WorkDir();

    [[nodiscard]] const std::filesystem::path& path() const noexcept { return m_path; }
    /// Removes the directory (the marker last, so that a kill meanwhile
    /// leaves it recognisable) and lets go of the lock.
    void remove() noexcept;
    /// Lets go of the lock (the directory has been renamed in or removed).
    void release() noexcept;

private:
    std::filesystem::path m_path;
    int m_lock = -1;
};

/// Cleans up after runs killed while building beside `target`, and returns
/// what it did that the user should know:
/// - `<target>.build-*` holding a marker nobody has locked is removed;
/// - `<target>.old-*` (the old database, moved aside by swap_into_place
///   where RENAME_EXCHANGE is missing) holding a marker nobody has locked is
///   renamed back to `target` when `target` is missing (with a message),
///   removed otherwise.
/// Anything without the marker, such as a user's directory named alike, is
/// left alone, unless empty (rmdir: a kill right after mkdtemp leaves one).
std::vector<std::string> remove_stale_work_dirs(const std::filesystem::path& target);

/// The same for every `<name>.build-*` and `<name>.old-*` inside `dir` (new
/// shards, the spelling database and compaction work there).
std::vector<std::string> remove_stale_work_dirs_in(const std::filesystem::path& dir);

/// True when `dir` holds a Xapian (glass) database.
[[nodiscard]] bool is_database(const std::filesystem::path& dir);

/// True when `dir` is what Xapian leaves when it is killed while creating a
/// glass database: a directory without `iamglass` holding `flintlock` and
/// otherwise only files glass itself names (its tables `postlist.glass` and
/// the like, and `v.tmp`, the version file before its rename). Such a
/// directory never held a committed document; any other file makes it not
/// ours.
[[nodiscard]] bool is_incomplete_database(const std::filesystem::path& dir);

/// True for the name of a work directory (`<name>.build-*`) or of an old
/// database moved aside during a swap (`<name>.old-*`).
[[nodiscard]] bool is_work_dir_name(std::string_view name);

/// Gets `target` ready to be opened as a database by a writer: an incomplete
/// database there (see above) is removed, any other directory holding files
/// but no database is refused (IndexError: never written over), and a
/// missing one is created
/// beside it, given `init` (its metadata), committed and renamed in, so that
/// a kill never leaves half of one at `target`. Returns what was repaired,
/// for the user, or nullopt.
std::optional<std::string> prepare_database_dir(
    const std::filesystem::path& target,
    const std::function<void(Xapian::WritableDatabase&)>& init);

/// Names of the subdirectories of `dir` that hold a database, work
/// directories of builds in progress left out, sorted.
[[nodiscard]] std::vector<std::string> database_dirs(const std::filesystem::path& dir);

}  // namespace akhbar::detail
