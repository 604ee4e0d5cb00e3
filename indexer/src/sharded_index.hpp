#pragma once
/// @file
/// A database split by period (the layout: index_layout.hpp): one Akhbar
/// database per month or year, a period shard, each written by a writer of
/// its own (a bulk build when new, an in-place update when it exists).
///
/// Crash safety (a run killed at any moment): the directory appears with its
/// stub, lock and empty spelling database at once (built aside, renamed in),
/// so the layout is recorded before the first shard; a new shard is built
/// aside (`NAME.build-PID-XXXXXX`, see WorkDir) and renamed in only once
/// complete; the stub lists only complete shards. The next run removes the
/// work directories of dead runs and incomplete shards left by older
/// versions, and lists again the
/// shards a kill kept out of the stub.

#include <chrono>
#include <filesystem>
#include <map>
#include <memory>
#include <optional>
#include <string>
#include <string_view>
#include <unordered_map>
#include <vector>

#include <xapian.h>

#include "akhbar/common/index_layout.hpp"
#include "index_writer.hpp"
#include "work_dirs.hpp"

namespace akhbar::detail {

/// An exclusive flock() on a file, held while the object lives (released
/// also when a constructor that took it throws).
class FileLock {
public:
    FileLock() = default;
    ~FileLock() { release(); }
    FileLock(const FileLock&) = delete;
    FileLock& operator=(const FileLock&) = delete;

    /// Creates `path` if needed and locks it; false when another process
    /// holds it.
    [[nodiscard]] bool acquire(const std::filesystem::path& path);
    void release() noexcept;
    [[nodiscard]] bool held() const noexcept { return m_fd >= 0; }

private:
    int m_fd = -1;
};

class ShardedIndex final : public IndexWriter {
public:
    /// True when `options` ask for a sharded database, or name one.
    [[nodiscard]] static bool wanted(const IndexerOptions& options);

    explicit ShardedIndex(IndexerOptions options);
    ~ShardedIndex() override;
    ShardedIndex(const ShardedIndex&) = delete;
    ShardedIndex& operator=(const ShardedIndex&) = delete;

    Outcome put(const Article& article) override;
    bool remove(std::string_view id) override;
    [[nodiscard]] std::vector<std::string> origins() const override;
    [[nodiscard]] std::vector<std::string> ids_from(std::string_view origin) const override;
    void commit() override;
    void finish() override;
    void abandon() override;
    [[nodiscard]] std::size_t document_count() const override;
    [[nodiscard]] bool bulk() const noexcept override { return m_rebuild || m_existing.empty(); }
    [[nodiscard]] bool finished() const noexcept override { return m_finished; }
    [[nodiscard]] const std::filesystem::path& path() const noexcept override { return m_root; }
    [[nodiscard]] std::string_view profile() const noexcept override { return m_profile; }
    [[nodiscard]] ShardBy shard_by() const noexcept override { return m_by; }
    /// What opening repaired after a killed run, one message each.
    [[nodiscard]] const std::vector<std::string>& repairs() const noexcept override
    {
        return m_repairs;
    }

private:
    /// The database of one period, open in this run.
    struct PeriodShard {
        /// A new period shard is built aside, here, and renamed to its name
        /// at finish(); empty for one that existed. Declared first so that
        /// the writer is closed (and abandons) before the directory's lock
        /// is released.
        WorkDir building;
        std::unique_ptr<IndexWriter> writer;
    };

    IndexWriter& period_shard(const std::string& name);
    /// The period shard holding `id` now, or "" when none does.
    [[nodiscard]] std::string period_shard_of(const std::string& id) const;
    /// Creates the directory with its stub, lock and spelling database,
    /// aside and renamed in; false when something else appeared there.
    bool create_layout();
    void lock(const std::filesystem::path& dir);
    /// Abandons the writers of this run and removes the new period shards.
    void discard_period_shards() noexcept;
    /// Removes the leftovers of killed runs inside the directory (locked).
    void clean_up();
    void write_stub() const;
    void write_spelling() const;

    IndexerOptions m_options;
    std::filesystem::path m_root;  // what the user named
    std::filesystem::path m_dir;   // where shards are written (a work dir when rebuilding)
    detail::WorkDir m_work;        // that work dir, locked while this run builds in it
    ShardBy m_by = ShardBy::none;
    bool m_rebuild = false;
    bool m_finished = false;
    bool m_changed = false;  // anything added, updated or deleted in this run
    std::string m_profile;
    FileLock m_lock;
    std::map<std::string, PeriodShard> m_period_shards;  // open ones, by name
    std::vector<std::string> m_repairs;
    // Period shards that existed when the run started, and one database over
    // them (in this order) to find where an id was.
    std::vector<std::string> m_existing;
    Xapian::Database m_before;
    // The period shard each id written in this run went to.
    std::unordered_map<std::string, std::string> m_moved_to;
};

}  // namespace akhbar::detail
