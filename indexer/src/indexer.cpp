#include "akhbar/indexer/indexer.hpp"

#include <fcntl.h>
#include <signal.h>
#include <stdio.h>
#include <unistd.h>

#include <algorithm>
#include <condition_variable>
#include <deque>
#include <mutex>
#include <thread>
#include <unordered_map>

#include <xapian.h>

#include "akhbar/common/analyzer.hpp"
#include "akhbar/common/error.hpp"
#include "akhbar/common/hashes.hpp"
#include "akhbar/common/index_metadata.hpp"
#include "akhbar/common/terms.hpp"
#include "akhbar/common/value_slots.hpp"
#include "akhbar/common/utf8.hpp"
#include "document_builder.hpp"
#include "sharded_index.hpp"
#include "work_dirs.hpp"

namespace fs = std::filesystem;

namespace akhbar {

namespace {

// The largest SLOT_ADDED of `db` (0 for none). Not the last document id: a
// bulk build that met an id twice numbered both, and kept one document.
std::uint64_t last_added(const Xapian::Database& db)
{
    const std::string bound = db.get_value_upper_bound(schema::SLOT_ADDED);
    return bound.empty() ? 0 : static_cast<std::uint64_t>(Xapian::sortable_unserialise(bound));
}

using detail::DocumentBuilder;
using detail::origin_term;
using detail::remove_stale_work_dirs;
using detail::swap_into_place;
using detail::term;

constexpr std::size_t SHARD_QUEUE_CAPACITY = 64;

static_assert(MAX_ID_BYTES + schema::PREFIX_ID.size() == schema::MAX_TERM_BYTES,
              "the id term must fit Xapian's term limit");

/// Shards of a bulk build are written with glass's largest blocks (fewer
/// block splits: writes measured 18% faster than with the default 8 KB,
/// bench/index_stages.cpp); the compactor writes the final database with
/// the default 8 KB blocks, which queries read best.
constexpr int SHARD_BLOCK_SIZE = 65536;

Xapian::docid find_document(const Xapian::Database& db, const std::string& id_term)
{
    const auto it = db.postlist_begin(id_term);
    return it == db.postlist_end(id_term) ? 0 : *it;
}

Xapian::WritableDatabase open_writable(const fs::path& path, int action, const fs::path& shown,
                                       int block_size = 0)
{
    try {
        return Xapian::WritableDatabase(path.string(), action, block_size);
    } catch (const Xapian::DatabaseLockError&) {
        throw IndexError("database " + shown.string() +
                         " is locked: another akhbar-index is writing to it");
    } catch (const Xapian::Error& e) {
        throw IndexError("cannot open database " + shown.string() + ": " + e.get_description());
    }
}

// One shard of a bulk build: a thread with its own database and analyzer,
// fed through a bounded queue.
class Shard {
public:
    Shard(fs::path path, const Analyzer& analyzer, std::string_view profile,
          std::size_t commit_every)
        : m_path(std::move(path)),
          m_builder(analyzer),
          m_commit_every(commit_every),
          m_db(open_writable(m_path, Xapian::DB_CREATE_OR_OVERWRITE | Xapian::DB_NO_SYNC, m_path,
                             SHARD_BLOCK_SIZE))
    {
        schema::write_index_info(m_db, profile, analyzer.stemmer_name());
        m_thread = std::thread([this] { run(); });
    }

    Shard(const Shard&) = delete;
    Shard& operator=(const Shard&) = delete;

    ~Shard()
    {
        if (m_thread.joinable()) {
            close_queue();
            m_thread.join();
        }
    }

    void push(Article article, std::string hash, bool replace, std::uint64_t added)
    {
        enqueue({std::move(article), std::move(hash), replace ? Action::replace : Action::add, added});
    }

    /// Deletes the article with this id (written to this shard earlier).
    void remove(const std::string& id)
    {
        Article a;
        a.id = id;
        enqueue({std::move(a), {}, Action::remove});
    }

    /// Drains the queue, commits and closes the shard database.
    void close()
    {
        close_queue();
        m_thread.join();
        std::unique_lock lock(m_mutex);
        rethrow_locked();
    }

    [[nodiscard]] const fs::path& path() const noexcept { return m_path; }

    /// Articles waiting or being written; the feeder gives new articles to
    /// the least busy shard.
    [[nodiscard]] std::size_t backlog()
    {
        std::lock_guard lock(m_mutex);
        return m_queue.size() + (m_working ? 1 : 0);
    }

private:
    enum class Action : std::uint8_t { add, replace, remove };

    struct Item {
        Article article;
        std::string hash;
        Action action = Action::add;
        std::uint64_t added = 0;  // DocumentBuilder::build()
    };

    void enqueue(Item item)
    {
        std::unique_lock lock(m_mutex);
        m_not_full.wait(lock, [&] { return m_queue.size() < SHARD_QUEUE_CAPACITY || m_error; });
        rethrow_locked();
        m_queue.push_back(std::move(item));
        m_not_empty.notify_one();
    }

    void close_queue()
    {
        std::lock_guard lock(m_mutex);
        m_closing = true;
        m_not_empty.notify_one();
    }

    void rethrow_locked()
    {
        if (m_error) {
            std::rethrow_exception(m_error);
        }
    }

    void run()
    {
        try {
            std::size_t since_commit = 0;
            for (;;) {
                Item item;
                {
                    std::unique_lock lock(m_mutex);
                    m_working = false;
                    m_not_empty.wait(lock, [&] { return !m_queue.empty() || m_closing; });
                    if (m_queue.empty()) {
                        break;
                    }
                    item = std::move(m_queue.front());
                    m_queue.pop_front();
                    m_working = true;
                    m_not_full.notify_one();
                }
                const std::string id_term = term(schema::PREFIX_ID, item.article.id);
                if (item.action == Action::remove) {
                    m_db.delete_document(id_term);
                } else if (item.action == Action::replace) {
                    m_db.replace_document(id_term, m_builder.build(item.article, item.hash, item.added));
                } else {
                    m_db.add_document(m_builder.build(item.article, item.hash, item.added));
                }
                if (++since_commit >= m_commit_every) {
                    m_builder.flush_spelling(m_db);
                    m_db.commit();
                    since_commit = 0;
                }
            }
            m_builder.flush_spelling(m_db);
            m_db.commit();
            m_db.close();
        } catch (...) {
            std::lock_guard lock(m_mutex);
            m_error = std::current_exception();
            m_queue.clear();
            m_not_full.notify_all();
        }
    }

    fs::path m_path;
    DocumentBuilder m_builder;
    std::size_t m_commit_every;
    Xapian::WritableDatabase m_db;
    std::mutex m_mutex;
    std::condition_variable m_not_empty;
    std::condition_variable m_not_full;
    std::deque<Item> m_queue;
    bool m_closing = false;
    bool m_working = false;
    std::exception_ptr m_error;
    std::thread m_thread;
};

unsigned shard_count(unsigned requested)
{
    if (requested != 0) {
        return requested;
    }
    const unsigned cores = std::thread::hardware_concurrency();
    return std::clamp(cores, 1U, 8U);
}

}  // namespace

namespace detail {

// One Xapian database: written in place (direct) or built in bulk and
// swapped in (see indexer.hpp).
struct SingleIndex {
    using Outcome = Indexer::Outcome;

    IndexerOptions options;
    fs::path target;
    std::string profile;
    Analyzer analyzer;
    // Direct mode: the database itself. Bulk mode: the database in place,
    // held open only for its lock.
    Xapian::WritableDatabase db;
    bool is_bulk = false;
    bool finished = false;
    std::size_t uncommitted = 0;
    std::unique_ptr<DocumentBuilder> builder;  // direct mode
    // Bulk mode.
    detail::WorkDir work;  // where a bulk build writes, locked while it does
    fs::path work_dir;
    std::vector<std::unique_ptr<Shard>> shards;
    struct BulkEntry {
        std::string hash;
        std::size_t shard;
    };
    std::unordered_map<std::string, BulkEntry> bulk_entries;  // id -> where it went
    std::size_t next_shard = 0;
    // The last SLOT_ADDED given: articles are numbered in the order they come.
    std::uint64_t added = 0;
    std::vector<std::string> repairs;  // what opening repaired after a killed run

    explicit SingleIndex(IndexerOptions opts)
        : options(std::move(opts)),
          target(options.db.empty() ? schema::default_database_path() : options.db)
    {
        if (!options.profile.empty()) {
            (void)find_profile(options.profile);  // InvalidArgument before touching anything
        }
        if (target.has_parent_path()) {
            fs::create_directories(target.parent_path());
        }
        repairs = remove_stale_work_dirs(target);
        // A new database is created with its metadata: killed before any
        // article, it is still an (empty) Akhbar database.
        const std::string new_profile =
            options.profile.empty() ? std::string(DEFAULT_PROFILE) : options.profile;
        const auto init = [&](Xapian::WritableDatabase& fresh) {
            schema::write_index_info(fresh, new_profile, find_profile(new_profile).stemmer);
        };
        if (auto repaired = detail::prepare_database_dir(target, init)) {
            repairs.push_back(std::move(*repaired));
        }
        // Xapian flushes every XAPIAN_FLUSH_THRESHOLD changes (default
        // 10000); let our own commit interval decide unless the user did.
        setenv("XAPIAN_FLUSH_THRESHOLD", std::to_string(options.commit_every + 1).c_str(), 0);

        db = open_writable(target, Xapian::DB_CREATE_OR_OPEN, target);
        const auto info = schema::read_index_info(db);
        const bool existing = !options.rebuild &&
                              schema::require_compatible(info, db.get_doccount(), target.string());
        if (existing && !options.profile.empty() && options.profile != info.profile) {
            throw IndexError("database " + target.string() + " was built with profile \"" +
                             info.profile + "\"; use --rebuild to change it to \"" +
                             options.profile + "\"");
        }
        if (existing) {
            profile = info.profile;
        } else if (!options.profile.empty()) {
            profile = options.profile;
        } else if (options.rebuild && !info.profile.empty()) {
            profile = info.profile;  // a rebuild keeps the profile unless told otherwise
        } else {
            profile = std::string(DEFAULT_PROFILE);
        }
        analyzer = Analyzer(profile);

        is_bulk = options.rebuild || db.get_doccount() == 0;
        added = is_bulk ? 0 : last_added(db);  // an update continues the order
        if (is_bulk) {
            work = detail::WorkDir(target);
            work_dir = work.path();
            const unsigned n = shard_count(options.threads);
            for (unsigned i = 0; i < n; ++i) {
                shards.push_back(std::make_unique<Shard>(work_dir / ("shard" + std::to_string(i)),
                                                         analyzer, profile, options.commit_every));
            }
        } else {
            builder = std::make_unique<DocumentBuilder>(analyzer);
            if (options.all_or_nothing) {
                db.begin_transaction(false);
            }
        }
    }

    static void validate(const Article& a)
    {
        for (const std::string* field :
             {&a.id, &a.title, &a.text, &a.source, &a.url, &a.category, &a.origin}) {
            utf8::validate(*field);  // Utf8Error, with the offset, for embedders
        }
        if (const auto defect = find_defect(a)) {
            throw InvalidArgument("article " + defect->what);
        }
    }

    Outcome put_bulk(const Article& a, std::string hash)
    {
        // A new article goes to the shard with the shortest queue: a shard
        // busy committing must not hold up the others (hashing ids to shards
        // left one core idle whenever its shard flushed). A repeated id goes
        // where its first version went, to replace it there.
        const auto [it, inserted] = bulk_entries.try_emplace(a.id);
        BulkEntry& entry = it->second;
        if (!inserted && entry.hash == hash) {
            return Outcome::unchanged;
        }
        if (inserted) {
            entry.shard = least_busy_shard();
        }
        entry.hash = hash;
        shards[entry.shard]->push(a, std::move(hash), !inserted, ++added);
        return inserted ? Outcome::added : Outcome::updated;
    }

    // Ties go round the shards, so that idle shards share the work.
    std::size_t least_busy_shard()
    {
        std::size_t best = 0;
        std::size_t best_backlog = SIZE_MAX;
        for (std::size_t k = 0; k < shards.size() && best_backlog > 0; ++k) {
            const std::size_t i = (next_shard + k) % shards.size();
            const std::size_t backlog = shards[i]->backlog();
            if (backlog < best_backlog) {
                best = i;
                best_backlog = backlog;
            }
        }
        next_shard = best + 1;
        return best;
    }

    Outcome put_direct(const Article& a, const std::string& hash)
    {
        const std::string id_term = term(schema::PREFIX_ID, a.id);
        const Xapian::docid existing = find_document(db, id_term);
        if (existing != 0 && db.get_document(existing).get_value(schema::SLOT_CONTENT_HASH) == hash) {
            return Outcome::unchanged;
        }
        Xapian::Document doc = builder->build(a, hash, ++added);
        if (existing != 0) {
            db.replace_document(existing, doc);
        } else {
            db.add_document(doc);
        }
        if (++uncommitted >= options.commit_every) {
            commit();
        }
        return existing != 0 ? Outcome::updated : Outcome::added;
    }

    void commit()
    {
        if (is_bulk) {
            return;  // shards commit on their own
        }
        builder->flush_spelling(db);
        if (!options.all_or_nothing) {
            db.commit();
        }
        uncommitted = 0;
    }

    void finish_bulk()
    {
        for (auto& shard : shards) {
            shard->close();
        }
        Xapian::Database combined;
        for (const auto& shard : shards) {
            combined.add_database(Xapian::Database(shard->path().string()));
        }
        const fs::path merged = work_dir / "merged";
        // FULL packs blocks tightly but leaves room for later updates.
        combined.compact(merged.string(), Xapian::Compactor::FULL, schema::BLOCK_SIZE);
        combined.close();
        {
            // The compactor keeps shard 0's metadata; write ours explicitly.
            Xapian::WritableDatabase out(merged.string(), Xapian::DB_OPEN);
            schema::write_index_info(out, profile, analyzer.stemmer_name());
            out.commit();
        }
        // Swap while still holding the old database's lock, then let it go.
        swap_into_place(merged, target);
        db.close();
        work.remove();
    }

    void discard_bulk() noexcept
    {
        shards.clear();  // joins the threads
        work.remove();
    }

    Outcome put(const Article& article)
    {
        validate(article);
        std::string hash = schema::content_hash(article);
        return is_bulk ? put_bulk(article, std::move(hash)) : put_direct(article, hash);
    }

    bool remove(std::string_view id)
    {
        if (is_bulk) {
            // Nothing is in place yet; an article of this run is deleted in
            // its shard.
            const auto it = bulk_entries.find(std::string(id));
            if (it == bulk_entries.end()) {
                return false;
            }
            shards[it->second.shard]->remove(it->first);
            bulk_entries.erase(it);
            return true;
        }
        const std::string id_term = term(schema::PREFIX_ID, id);
        if (find_document(db, id_term) == 0) {
            return false;
        }
        db.delete_document(id_term);
        ++uncommitted;
        return true;
    }

    [[nodiscard]] std::vector<std::string> origins() const
    {
        std::vector<std::string> out;
        if (is_bulk) {
            return out;
        }
        const std::string prefix(schema::PREFIX_ORIGIN);
        for (auto it = db.allterms_begin(prefix); it != db.allterms_end(prefix); ++it) {
            out.push_back((*it).substr(prefix.size()));
        }
        return out;
    }

    [[nodiscard]] std::vector<std::string> ids_from(std::string_view origin) const
    {
        std::vector<std::string> ids;
        if (is_bulk) {
            return ids;
        }
        const std::string origin_t = origin_term(std::string(origin));
        const std::string id_prefix(schema::PREFIX_ID);
        for (auto it = db.postlist_begin(origin_t); it != db.postlist_end(origin_t); ++it) {
            auto terms = db.termlist_begin(*it);
            terms.skip_to(id_prefix);
            if (terms != db.termlist_end(*it) && (*terms).starts_with(id_prefix)) {
                ids.push_back((*terms).substr(id_prefix.size()));
            }
        }
        return ids;
    }

    void finish()
    {
        finished = true;
        if (is_bulk) {
            try {
                finish_bulk();
            } catch (...) {
                discard_bulk();
                throw;
            }
            return;
        }
        builder->flush_spelling(db);
        if (options.all_or_nothing) {
            db.commit_transaction();
        } else {
            db.commit();
        }
    }

    void abandon()
    {
        finished = true;
        if (is_bulk) {
            discard_bulk();
            return;
        }
        if (options.all_or_nothing) {
            db.cancel_transaction();
        }
    }

    [[nodiscard]] std::size_t document_count() const
    {
        if (is_bulk && !finished) {
            return bulk_entries.size();
        }
        if (is_bulk) {
            return Xapian::Database(target.string()).get_doccount();
        }
        return db.get_doccount();
    }
};

}  // namespace detail

namespace {

// The public API throws akhbar errors only: a Xapian error that escapes the
// implementation (disk full, a database removed underneath) becomes an
// IndexError with Xapian's description.
template <class F>
auto guarded(F f) -> decltype(f())
{
    try {
        return f();
    } catch (const Xapian::Error& e) {
        throw IndexError(e.get_description());
    }
}

}  // namespace

struct Indexer::Impl {
    std::unique_ptr<detail::SingleIndex> single;
    std::unique_ptr<detail::ShardedIndex> sharded;
};

Indexer::Indexer(IndexerOptions options) : m_impl(std::make_unique<Impl>())
{
    if (detail::ShardedIndex::wanted(options)) {
        m_impl->sharded =
            guarded([&] { return std::make_unique<detail::ShardedIndex>(std::move(options)); });
    } else {
        m_impl->single =
            guarded([&] { return std::make_unique<detail::SingleIndex>(std::move(options)); });
    }
}

Indexer::~Indexer()
{
    const bool done = m_impl && (m_impl->sharded ? m_impl->sharded->finished()
                                                  : m_impl->single->finished);
    if (m_impl && !done) {
        try {
            abandon();
        } catch (...) {
            // A destructor must not throw; the database stays at its last commit.
        }
    }
}

Indexer::Outcome Indexer::put(const Article& article)
{
    return guarded([&] {
        return m_impl->sharded ? m_impl->sharded->put(article) : m_impl->single->put(article);
    });
}

bool Indexer::remove(std::string_view id)
{
    return guarded([&] { return m_impl->sharded ? m_impl->sharded->remove(id) : m_impl->single->remove(id); });
}

std::vector<std::string> Indexer::origins() const
{
    return guarded([&] { return m_impl->sharded ? m_impl->sharded->origins() : m_impl->single->origins(); });
}

std::vector<std::string> Indexer::ids_from(std::string_view origin) const
{
    return guarded([&] {
        return m_impl->sharded ? m_impl->sharded->ids_from(origin) : m_impl->single->ids_from(origin);
    });
}

void Indexer::commit()
{
    guarded([&] { m_impl->sharded ? m_impl->sharded->commit() : m_impl->single->commit(); });
}

void Indexer::finish()
{
    guarded([&] { m_impl->sharded ? m_impl->sharded->finish() : m_impl->single->finish(); });
}

void Indexer::abandon()
{
    guarded([&] { m_impl->sharded ? m_impl->sharded->abandon() : m_impl->single->abandon(); });
}

std::size_t Indexer::document_count() const
{
    return guarded([&] {
        return m_impl->sharded ? m_impl->sharded->document_count() : m_impl->single->document_count();
    });
}

bool Indexer::bulk() const noexcept
{
    return m_impl->sharded ? m_impl->sharded->bulk() : m_impl->single->is_bulk;
}

const fs::path& Indexer::path() const noexcept
{
    return m_impl->sharded ? m_impl->sharded->path() : m_impl->single->target;
}

std::string_view Indexer::profile() const noexcept
{
    return m_impl->sharded ? m_impl->sharded->profile() : m_impl->single->profile;
}

const std::vector<std::string>& Indexer::repairs() const noexcept
{
    return m_impl->sharded ? m_impl->sharded->repairs() : m_impl->single->repairs;
}

ShardBy Indexer::shard_by() const noexcept
{
    return m_impl->sharded ? m_impl->sharded->shard_by() : ShardBy::none;
}

}  // namespace akhbar
