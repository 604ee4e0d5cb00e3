#pragma once
/// @file
/// Building beside, then swapping into place: what `--rebuild` and bulk
/// builds use so that a searcher never sees a half-built database.

#include <filesystem>
#include <string>
#include <string_view>
#include <vector>

namespace akhbar::detail {

/// Swaps two directories atomically where the kernel can (renameat2 with
/// RENAME_EXCHANGE, Linux >= 3.15), otherwise with two renames; then removes
/// what was at `target` before.
void swap_into_place(const std::filesystem::path& fresh, const std::filesystem::path& target);

/// Removes work directories left by a build that was killed:
/// `<target>.build-<pid>` whose process is gone.
void remove_stale_work_dirs(const std::filesystem::path& target);

/// `<target>.build-<this pid>`.
[[nodiscard]] std::filesystem::path work_dir_for(const std::filesystem::path& target);

/// True when `dir` holds a Xapian (glass) database.
[[nodiscard]] bool is_database(const std::filesystem::path& dir);

/// Names of the subdirectories of `dir` that hold a database, work
/// directories of builds in progress left out, sorted.
[[nodiscard]] std::vector<std::string> database_dirs(const std::filesystem::path& dir);

}  // namespace akhbar::detail
