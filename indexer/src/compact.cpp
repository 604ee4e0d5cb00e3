// akhbar::compact(): Xapian's compactor, in place, database by database.

#include <fcntl.h>
#include <sys/file.h>
#include <unistd.h>

#include <xapian.h>

#include "akhbar/common/error.hpp"
#include "akhbar/common/index_metadata.hpp"
#include "akhbar/indexer/indexer.hpp"
#include "lexicon_compactor.hpp"
#include "sharded_index.hpp"
#include "work_dirs.hpp"

namespace fs = std::filesystem;

namespace akhbar {

namespace {

std::uintmax_t bytes_in(const fs::path& dir)
{
    std::uintmax_t n = 0;
    for (const auto& e : fs::directory_iterator(dir)) {
        if (e.is_regular_file()) {
            n += e.file_size();
        }
    }
    return n;
}

// Compacts one database beside itself and swaps the copy in, holding the
// original's write lock throughout so that no indexer writes meanwhile.
CompactedDatabase compact_one(const fs::path& path, unsigned level)
{
    CompactedDatabase out;
    out.path = path;
    out.bytes_before = bytes_in(path);
    Xapian::WritableDatabase lock;
    try {
        lock = Xapian::WritableDatabase(path.string(), Xapian::DB_OPEN);
    } catch (const Xapian::DatabaseLockError&) {
        throw IndexError("database " + path.string() +
                         " is locked: another akhbar-index is writing to it");
    } catch (const Xapian::Error& e) {
        throw IndexError("cannot open database " + path.string() + ": " + e.get_description());
    }
    if (!schema::require_compatible(schema::read_index_info(lock), lock.get_doccount(),
                                    path.string())) {
        throw IndexError(path.string() + " is not an Akhbar database");
    }
    detail::WorkDir work(path);
    const fs::path& fresh = work.path();
    try {
        // One source: no metadata key is duplicated, but Akhbar compacts
        // through one function that would merge spelling lexicons right.
        detail::compact_merging_lexicons(Xapian::Database(path.string()), fresh.string(), level,
                                         schema::BLOCK_SIZE);
        detail::swap_into_place(fresh, path);
    } catch (...) {
        work.remove();
        throw;
    }
    out.bytes_after = bytes_in(path);
    return out;
}

}  // namespace

std::vector<CompactedDatabase> compact(const fs::path& db)
{
    const fs::path root = db.empty() ? schema::default_database_path() : db;
    const auto layout = index_layout::read_layout(root);
    if (!layout) {
        if (!detail::is_database(root)) {
            throw IndexError("no database at " + root.string());
        }
        return {compact_one(root, Xapian::Compactor::FULL)};
    }
    // The newest dated period still receives articles; so may `undated`.
    std::string newest;
    for (const std::string& name : layout->shards) {
        if (name != index_layout::UNDATED_SHARD && name != index_layout::SPELLING_DATABASE) {
            newest = std::max(newest, name);
        }
    }
    std::vector<CompactedDatabase> out;
    for (const std::string& name : layout->shards) {
        const fs::path shard = root / name;
        if (name == newest || name == index_layout::UNDATED_SHARD || name == index_layout::SPELLING_DATABASE) {
            CompactedDatabase kept;
            kept.path = shard;
            kept.bytes_before = kept.bytes_after = bytes_in(shard);
            kept.skipped = name == newest                  ? "newest period: still changing"
                           : name == index_layout::UNDATED_SHARD ? "undated: may still change"
                                                            : "spelling: rewritten at every run";
            out.push_back(std::move(kept));
        } else {
            out.push_back(compact_one(shard, Xapian::Compactor::FULLER));
        }
    }
    return out;
}

}  // namespace akhbar
