#pragma once
/// @file
/// Writes articles into an Akhbar database: one Xapian document per article,
/// keyed by its id, replaced only when its content changed.

#include <cstddef>
#include <cstdint>
#include <filesystem>
#include <memory>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "akhbar/common/shard_by.hpp"
#include "akhbar/indexer/article.hpp"

namespace akhbar {

/// As parse_shard_by() (akhbar/common/shard_by.hpp), for a name given by a
/// user (`--shard-by`): throws InvalidArgument
/// `unknown shard period "week" (known: none, month, year)`.
[[nodiscard]] AKHBAR_API ShardBy checked_shard_by(std::string_view name);

inline constexpr std::size_t DEFAULT_MEMORY_MB = 256;
inline constexpr std::size_t MIN_MEMORY_MB = 1;
inline constexpr std::size_t MAX_MEMORY_MB = std::size_t{1} << 20U;  // 1 TB

/// IndexerOptions::memory_mb from text (`--memory`): a whole number from
/// MIN_MEMORY_MB to MAX_MEMORY_MB, else InvalidArgument
/// `memory budget must be a whole number of MB from 1 to 1048576, not "x"`.
[[nodiscard]] AKHBAR_API std::size_t checked_memory_mb(std::string_view text);

struct IndexerOptions {
    /// The database directory; empty means schema::default_database_path().
    std::filesystem::path db;
    /// Analyzer profile for a new database; empty keeps an existing
    /// database's own profile (or the default for a new one). Naming a
    /// profile other than an existing database's is an IndexError unless
    /// `rebuild` is set.
    std::string profile;
    /// Build a fresh database beside the old one; finish() swaps it in.
    bool rebuild = false;
    /// Commit nothing unless finish() is reached (one Xapian transaction).
    bool all_or_nothing = false;
    /// Articles between commits (a commit is what survives a crash); at
    /// least 1, else the Indexer throws InvalidArgument.
    /// Xapian also flushes on its own every XAPIAN_FLUSH_THRESHOLD changes
    /// (default 10000), an environment variable it reads when a database is
    /// opened; the library leaves the environment alone. akhbar-index sets
    /// it to `commit_every + 1` (unless set) so that only these commits
    /// flush; an embedder may do the same before constructing an Indexer.
    std::size_t commit_every = 20000;
    /// A fresh build's memory for what its threads buffer between flushes,
    /// in MB (shared by them; estimated from the terms and positions of the
    /// articles buffered): each thread writes its buffer into a new segment
    /// when it holds its share, or `commit_every` articles. Between
    /// MIN_MEMORY_MB and MAX_MEMORY_MB, else InvalidArgument. A sharded
    /// build gives each shard being written this budget.
    std::size_t memory_mb = DEFAULT_MEMORY_MB;
    /// Threads for a fresh build (0: one per core, at most 8). See below.
    unsigned threads = 0;
    /// Write one database per period into the directory `db`, with a Xapian
    /// stub file `db/XAPIANDB` listing them, so that `db` opens as one
    /// database anywhere Xapian opens databases. Each article goes to the
    /// shard of its date (undated ones to `undated`); each shard is written
    /// as a database of its own (bulk when new, in place when it exists), so
    /// re-runs stay incremental per shard, and an article whose date moved
    /// to another period moves with it. `none` keeps an existing sharded
    /// database sharded as it is; changing an existing database's layout
    /// needs `rebuild`.
    ShardBy shard_by = ShardBy::none;
    /// Open a database that exists, never create one (to delete from it:
    /// `akhbar-index --delete`): IndexError `no database at PATH` when there
    /// is none.
    bool existing_only = false;
};

/// What compact() did to one database or shard.
struct CompactedDatabase {
    std::filesystem::path path;
    std::uintmax_t bytes_before = 0;
    std::uintmax_t bytes_after = 0;  ///< == bytes_before when skipped
    /// Empty when compacted; otherwise why not ("newest period: still
    /// changing").
    std::string skipped;
};

/// Compacts with Xapian's compactor, in place: a sharded database's shards
/// that no longer change (every period but the newest, and not `undated`)
/// are packed fully (Xapian::Compactor::FULLER, the smallest form, meant for
/// databases that will not be updated again: updating one later works but
/// splits blocks); a single database is packed with FULL, which leaves room
/// for updates. Each compacted copy is built beside the original and swapped
/// in while the original's write lock is held. Throws IndexError when a
/// database is locked by a writer or is not an Akhbar database.
[[nodiscard]] AKHBAR_API std::vector<CompactedDatabase> compact(const std::filesystem::path& db);

/// The database writer.
///
/// Two ways of writing, chosen at construction:
///  - direct: an existing database with documents is updated in place, one
///    thread, committing every `commit_every` articles;
///  - bulk: a fresh build (no database yet, an empty one, or `rebuild`) is
///    written as one partition per thread, articles routed by id, and merged by
///    Xapian's compactor into a fully packed database at finish(), which is
///    then swapped into place. Until then the path holds the old database
///    (rebuild) or an empty one. origins(), ids_from() and remove() see only
///    what is in place, so they have nothing to do in a fresh build.
///
/// Ownership: an Indexer owns its database handle (and, in a bulk build, its
/// worker threads and work directory); the Articles it is given are copied.
///
/// Thread-safety: one Indexer per database, used from one thread;
/// Xapian's lock makes a second writer on the same database fail with
/// IndexError ("locked"). Readers may search the database meanwhile and see
/// each commit after reopening.
class AKHBAR_API Indexer {
public:
    enum class Outcome { added, updated, unchanged };

    /// Opens or creates the database. Throws IndexError when it is locked,
    /// is not an Akhbar database, or was built with another profile or
    /// schema/analyzer version (and `rebuild` is not set); InvalidArgument
    /// for an unknown profile.
    explicit Indexer(IndexerOptions options);
    ~Indexer();
    Indexer(const Indexer&) = delete;
    Indexer& operator=(const Indexer&) = delete;

    /// Adds the article, or replaces the one with its id when the content
    /// differs. Throws InvalidArgument for what find_defect() finds (an
    /// empty id, an id over MAX_ID_BYTES; Utf8Error for a field that is not
    /// valid UTF-8).
    Outcome put(const Article& article);

    /// Deletes the article with this id; false when there is none.
    bool remove(std::string_view id);

    /// Origins (source files) recorded in the database.
    [[nodiscard]] std::vector<std::string> origins() const;

    /// Ids of the articles that came from `origin`.
    [[nodiscard]] std::vector<std::string> ids_from(std::string_view origin) const;

    /// Makes everything so far durable (not in all_or_nothing mode, where
    /// only finish() commits; in a bulk build, partitions commit on their own).
    void commit();

    /// Commits; a bulk build is compacted and swapped into place (atomically
    /// on Linux: renameat2 RENAME_EXCHANGE) and the old database removed.
    void finish();

    /// Gives up: uncommitted changes are dropped (a rebuild's new database
    /// is removed, the old one is untouched).
    void abandon();

    /// Articles in the database (in a bulk build: added so far).
    [[nodiscard]] std::size_t document_count() const;

    /// True for a bulk build (see above).
    [[nodiscard]] bool bulk() const noexcept;
    [[nodiscard]] const std::filesystem::path& path() const noexcept;
    [[nodiscard]] std::string_view profile() const noexcept;
    /// How the database is sharded (none for a single database).
    [[nodiscard]] ShardBy shard_by() const noexcept;
    /// What opening the database repaired, one message each for the user:
    /// leftovers of a killed run that no later run could otherwise open (an
    /// incomplete database or shard, which never holds a committed article).
    /// Empty normally. (Work directories of dead runs are removed silently.)
    [[nodiscard]] const std::vector<std::string>& repairs() const noexcept;

private:
    struct Impl;
    std::unique_ptr<Impl> m_impl;
};

}  // namespace akhbar
