#include "sharded_index.hpp"

#include <fcntl.h>
#include <sys/file.h>
#include <unistd.h>

#include <algorithm>
#include <set>

#include "akhbar/common/error.hpp"
#include "akhbar/common/profile.hpp"
#include "akhbar/common/index_metadata.hpp"
#include "akhbar/common/spelling_lexicon.hpp"
#include "akhbar/common/terms.hpp"
#include "work_dirs.hpp"

namespace fs = std::filesystem;

using akhbar::index_layout::SPELLING_DATABASE;
using akhbar::index_layout::STUB_NAME;

namespace akhbar {

namespace detail {

namespace {

constexpr std::string_view LOCK_NAME = "akhbar.lock";

fs::path target_of(const IndexerOptions& options)
{
    return options.db.empty() ? schema::default_database_path() : options.db;
}

}  // namespace

bool FileLock::acquire(const fs::path& path)
{
    release();
    m_fd = ::open(path.c_str(), O_RDWR | O_CREAT | O_CLOEXEC, 0644);
    if (m_fd >= 0 && ::flock(m_fd, LOCK_EX | LOCK_NB) != 0) {
        release();
    }
    return m_fd >= 0;
}

void FileLock::release() noexcept
{
    if (m_fd >= 0) {
        ::close(m_fd);
        m_fd = -1;
    }
}

bool ShardedIndex::wanted(const IndexerOptions& options)
{
    return options.shard_by != ShardBy::none || fs::exists(target_of(options) / STUB_NAME);
}

ShardedIndex::ShardedIndex(IndexerOptions options)
    : m_options(std::move(options)), m_root(target_of(m_options)), m_rebuild(m_options.rebuild)
{
    if (!m_options.profile.empty()) {
        (void)find_profile(m_options.profile);  // InvalidArgument before touching anything
    }
    if (m_root.has_parent_path()) {
        fs::create_directories(m_root.parent_path());
    }
    m_repairs = remove_stale_work_dirs(m_root);
    std::optional<index_layout::ShardLayout> layout = index_layout::read_layout(m_root);
    const bool single = !layout && is_database(m_root);
    if (single && !m_rebuild && Xapian::Database(m_root.string()).get_doccount() > 0) {
        throw IndexError("database " + m_root.string() +
                         " is a single database; use --rebuild with --shard-by to split it "
                         "into shards");
    }
    m_by = m_options.shard_by != ShardBy::none ? m_options.shard_by : layout->by;
    if (layout && layout->by != m_by && !m_rebuild) {
        throw IndexError("database " + m_root.string() + " is sharded by " +
                         std::string(to_string(layout->by)) + "; use --rebuild to shard it by " +
                         std::string(to_string(m_by)));
    }
    // Shards are never written inside a single database's directory: an
    // empty one is replaced as a rebuild would.
    m_rebuild = m_rebuild || single;

    // The layout is recorded before the first shard is written: a run killed
    // before its first commit must not leave a directory that the next run
    // (without --shard-by) takes for a single database.
    if (!layout && !single && create_layout()) {
        layout = index_layout::read_layout(m_root);
    }
    if (!m_lock.held()) {
        fs::create_directories(m_root);
        lock(m_root);
    }
    if (m_rebuild) {
        m_work = WorkDir(m_root);
        m_dir = m_work.path();
    } else {
        m_dir = m_root;
    }
    clean_up();
    if (!m_rebuild) {
        // Every complete shard in the directory, listed or not: a run killed
        // between renaming a new shard in and rewriting the stub leaves one
        // unlisted.
        for (const std::string& name : database_dirs(m_dir)) {
            if (name == SPELLING_DATABASE) {
                continue;
            }
            const IndexWriter& writer = period_shard(name);
            if (m_profile.empty()) {
                m_profile = std::string(writer.profile());
            } else if (writer.profile() != m_profile) {
                throw IndexError("shard " + (m_dir / name).string() + " was built with profile \"" +
                                 std::string(writer.profile()) + "\", the others with \"" +
                                 m_profile + "\"; use --rebuild");
            }
            m_existing.push_back(name);
            m_before.add_database(Xapian::Database((m_dir / name).string()));
        }
    }
    if (m_profile.empty()) {
        m_profile = m_options.profile.empty() ? std::string(DEFAULT_PROFILE) : m_options.profile;
    }
    if (!m_rebuild) {
        if (!is_database(m_dir / SPELLING_DATABASE)) {
            write_spelling();
        }
        if (!layout || layout->shards != database_dirs(m_dir)) {
            write_stub();
        }
    }
}

bool ShardedIndex::create_layout()
{
    WorkDir work(m_root);
    const fs::path& fresh = work.path();
    m_dir = fresh;
    lock(fresh);  // the lock moves with the directory
    m_profile = m_options.profile.empty() ? std::string(DEFAULT_PROFILE) : m_options.profile;
    write_spelling();
    write_stub();
    if (rename_into_place(fresh, m_root)) {
        return true;
    }
    // Something is at m_root already (shards of a run killed before this
    // version recorded layouts first, or files of the user's): use it as it is.
    m_lock.release();
    m_profile.clear();
    work.remove();
    return false;
}

void ShardedIndex::lock(const fs::path& dir)
{
    if (!m_lock.acquire(dir / LOCK_NAME)) {
        throw IndexError("database " + m_root.string() +
                         " is locked: another akhbar-index is writing to it");
    }
}

void ShardedIndex::clean_up()
{
    for (std::string& done : remove_stale_work_dirs_in(m_root)) {
        m_repairs.push_back(std::move(done));
    }
    std::vector<fs::path> incomplete;
    for (const auto& entry : fs::directory_iterator(m_root)) {
        if (!is_work_dir_name(entry.path().filename().string()) &&
            is_incomplete_database(entry.path())) {
            incomplete.push_back(entry.path());
        }
    }
    for (const fs::path& dir : incomplete) {
        fs::remove_all(dir);
        m_repairs.push_back(dir.string() +
                            ": removed an incomplete shard left by a killed run (no iamglass; it "
                            "held no committed article)");
    }
}

ShardedIndex::~ShardedIndex()
{
    // As every writer: what was not finished is abandoned, a rebuild's work
    // directory included (discarding the period shards alone would leave it).
    abandon_unfinished(*this);
    discard_period_shards();
}

void ShardedIndex::discard_period_shards() noexcept
{
    for (auto& [name, shard] : m_period_shards) {
        shard.writer.reset();  // abandons what it did not finish
        shard.building.remove();
    }
    m_period_shards.clear();
}

IndexWriter& ShardedIndex::period_shard(const std::string& name)
{
    auto it = m_period_shards.find(name);
    if (it == m_period_shards.end()) {
        PeriodShard shard;
        IndexerOptions o = m_options;
        o.db = m_dir / name;
        if (!is_database(o.db)) {
            // A new period shard is built aside and appears at finish(), complete.
            shard.building = WorkDir(o.db);
            o.db = shard.building.path();
        }
        // The first existing shard is opened with the profile asked for (or its
        // own); every other shard must have the same.
        o.profile = m_profile.empty() ? m_options.profile : m_profile;
        o.rebuild = false;
        o.shard_by = ShardBy::none;
        // Shards are written side by side: one writer thread each unless told.
        o.threads = m_options.threads == 0 ? 1 : m_options.threads;
        try {
            shard.writer = open_single_database(std::move(o));
        } catch (...) {
            shard.building.remove();
            throw;
        }
        it = m_period_shards.emplace(name, std::move(shard)).first;
    }
    return *it->second.writer;
}

std::string ShardedIndex::period_shard_of(const std::string& id) const
{
    if (const auto it = m_moved_to.find(id); it != m_moved_to.end()) {
        return it->second;
    }
    if (m_existing.empty()) {
        return {};
    }
    const std::string id_term = std::string(schema::PREFIX_ID) + id;
    const auto p = m_before.postlist_begin(id_term);
    if (p == m_before.postlist_end(id_term)) {
        return {};
    }
    return m_existing[index_layout::split_docid(*p, m_existing.size()).database];
}

ShardedIndex::Outcome ShardedIndex::put(const Article& article)
{
    const std::string name = index_layout::period_shard_name(m_by, article.date);
    Outcome outcome = period_shard(name).put(article);
    // An article new to its period's shard may be in another one, if its
    // date moved: it moves with it. (One already in its shard is in no other,
    // so a re-run with no changes never looks further.)
    if (outcome == Outcome::added) {
        const std::string previous = period_shard_of(article.id);
        if (!previous.empty() && previous != name) {
            (void)period_shard(previous).remove(article.id);
            outcome = Outcome::updated;
        }
    }
    m_moved_to[article.id] = name;
    m_changed = m_changed || outcome != Outcome::unchanged;
    return outcome;
}

bool ShardedIndex::remove(std::string_view id)
{
    const std::string key(id);
    const std::string name = period_shard_of(key);
    if (name.empty()) {
        return false;
    }
    m_moved_to[key].clear();
    const bool removed = period_shard(name).remove(id);
    m_changed = m_changed || removed;
    return removed;
}

std::vector<std::string> ShardedIndex::origins() const
{
    std::set<std::string> all;
    for (const auto& [name, shard] : m_period_shards) {
        for (std::string& origin : shard.writer->origins()) {
            all.insert(std::move(origin));
        }
    }
    return {all.begin(), all.end()};
}

std::vector<std::string> ShardedIndex::ids_from(std::string_view origin) const
{
    std::vector<std::string> ids;
    for (const auto& [name, shard] : m_period_shards) {
        for (std::string& id : shard.writer->ids_from(origin)) {
            ids.push_back(std::move(id));
        }
    }
    return ids;
}

void ShardedIndex::commit()
{
    for (auto& [name, shard] : m_period_shards) {
        shard.writer->commit();
    }
    write_stub();
}

void ShardedIndex::finish()
{
    m_finished = true;
    try {
        for (auto& [name, shard] : m_period_shards) {
            shard.writer->finish();
            if (!shard.building.path().empty()) {
                if (!rename_into_place(shard.building.path(), m_dir / name)) {
                    throw IndexError("cannot move the new shard " +
                                     shard.building.path().string() + " into place: " +
                                     (m_dir / name).string() + " is in the way");
                }
                shard.building = WorkDir();
            }
        }
        if (m_changed || !is_database(m_dir / SPELLING_DATABASE)) {
            write_spelling();
        }
        write_stub();
        if (m_rebuild) {
            swap_into_place(m_dir, m_root);
        }
    } catch (...) {
        abandon();
        throw;
    }
}

void ShardedIndex::abandon()
{
    m_finished = true;
    discard_period_shards();
    if (m_rebuild) {
        m_work.remove();
    }
}

std::size_t ShardedIndex::document_count() const
{
    if (m_finished) {
        // The shards' own paths may have moved (a rebuild is swapped in).
        return Xapian::Database(m_root.string()).get_doccount();
    }
    std::size_t n = 0;
    for (const auto& [name, shard] : m_period_shards) {
        n += shard.writer->document_count();
    }
    return n;
}

// Rebuilds the spelling database from every shard's lexicon (a word's
// counts added up over the shards, the written form the most written
// overall), beside the old one, and swaps it in.
void ShardedIndex::write_spelling() const
{
    schema::LexiconTallies all;
    for (const std::string& name : database_dirs(m_dir)) {
        if (name == SPELLING_DATABASE) {
            continue;
        }
        schema::merge_tallies(all,
                              schema::read_spelling_tallies(Xapian::Database((m_dir / name).string())));
    }
    const fs::path target = m_dir / SPELLING_DATABASE;
    const WorkDir work(target);
    const fs::path& fresh = work.path();
    {
        // Synced: this copy becomes the live spelling database.
        Xapian::WritableDatabase out(fresh.string(), Xapian::DB_CREATE_OR_OVERWRITE);
        schema::write_index_info(out, m_profile, find_profile(m_profile).stemmer);
        out.set_metadata(std::string(schema::META_ROLE), std::string(schema::ROLE_SPELLING));
        schema::merge_into_spelling_lexicon(out, all);
        out.commit();
    }
    swap_into_place(fresh, target);
}

// Lists every shard directory that holds a complete database, written to a
// temporary file and renamed over the old stub, so that a searcher opening
// the directory never reads half a list, nor a shard still being built.
void ShardedIndex::write_stub() const
{
    replace_file(m_dir / STUB_NAME, index_layout::format_stub(m_by, database_dirs(m_dir)));
}

}  // namespace detail

}  // namespace akhbar
