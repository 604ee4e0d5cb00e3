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

/// Removes work directories left by a build that was killed:
/// `<target>.build-<pid>` whose process is gone.
void remove_stale_work_dirs(const std::filesystem::path& target);

/// Removes the work directories inside `dir` (`<anything>.build-<pid>`, as
/// new shards, the spelling database and compaction use) whose process is
/// gone.
void remove_stale_work_dirs_in(const std::filesystem::path& dir);

/// `<target>.build-<this pid>`.
[[nodiscard]] std::filesystem::path work_dir_for(const std::filesystem::path& target);

/// True when `dir` holds a Xapian (glass) database.
[[nodiscard]] bool is_database(const std::filesystem::path& dir);

/// True when `dir` is what Xapian leaves when it is killed while creating a
/// glass database: a directory without `iamglass` holding nothing but the
/// files creation writes first (`flintlock`, `*.glass`, `*.tmp`), and at
/// least one of them. Such a directory never held a committed document.
[[nodiscard]] bool is_incomplete_database(const std::filesystem::path& dir);

/// True for the name of a work directory (`<name>.build-<pid>`).
[[nodiscard]] bool is_work_dir_name(std::string_view name);

/// Gets `target` ready to be opened as a database by a writer: an incomplete
/// database there (see above) is removed, and a missing one is created
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
