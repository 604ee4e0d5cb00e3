#include "work_dirs.hpp"

#include <fcntl.h>
#include <signal.h>
#include <stdio.h>
#include <unistd.h>

#include <algorithm>
#include <cerrno>
#include <cstdlib>
#include <string>

namespace fs = std::filesystem;

namespace akhbar::detail {

namespace {

constexpr std::string_view WORK_SUFFIX = ".build-";

}  // namespace

void swap_into_place(const fs::path& fresh, const fs::path& target)
{
    if (!fs::exists(target)) {
        fs::rename(fresh, target);
        return;
    }
#ifdef RENAME_EXCHANGE
    if (renameat2(AT_FDCWD, fresh.c_str(), AT_FDCWD, target.c_str(), RENAME_EXCHANGE) == 0) {
        fs::remove_all(fresh);  // now holds the old database
        return;
    }
#endif
    const fs::path old = target.string() + ".old-" + std::to_string(getpid());
    fs::rename(target, old);
    fs::rename(fresh, target);
    fs::remove_all(old);
}

void remove_stale_work_dirs(const fs::path& target)
{
    std::error_code ec;
    const fs::path dir = target.has_parent_path() ? target.parent_path() : fs::path(".");
    const std::string stem = target.filename().string() + std::string(WORK_SUFFIX);
    for (const auto& entry : fs::directory_iterator(dir, ec)) {
        const std::string name = entry.path().filename().string();
        if (!name.starts_with(stem)) {
            continue;
        }
        const auto pid = std::strtol(name.c_str() + stem.size(), nullptr, 10);
        if (pid > 0 && kill(static_cast<pid_t>(pid), 0) != 0 && errno == ESRCH) {
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

std::vector<std::string> database_dirs(const fs::path& dir)
{
    std::vector<std::string> names;
    for (const auto& entry : fs::directory_iterator(dir)) {
        std::string name = entry.path().filename().string();
        if (entry.is_directory() && is_database(entry.path()) &&
            name.find(WORK_SUFFIX) == std::string::npos) {
            names.push_back(std::move(name));
        }
    }
    std::sort(names.begin(), names.end());
    return names;
}

}  // namespace akhbar::detail
