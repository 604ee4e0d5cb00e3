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
#include "akhbar/common/schema.hpp"
#include "akhbar/common/utf8.hpp"

namespace fs = std::filesystem;

namespace akhbar {

namespace {

/// Spelling data keeps words seen at least this often in one commit batch:
/// typos and one-off strings rarely repeat, and adding a word to Xapian's
/// spelling table is the costliest part of indexing it (measured: 30% of the
/// time when every word was added, 15% with this threshold).
constexpr Xapian::termcount SPELLING_MIN_COUNT = 2;
constexpr std::size_t SHARD_QUEUE_CAPACITY = 64;

std::string term(std::string_view prefix, std::string_view value)
{
    std::string t;
    t.reserve(prefix.size() + value.size());
    t += prefix;
    t += value;
    return t;
}

// Origins can be long paths; Xapian terms cannot. Long ones are hashed.
std::string origin_term(const std::string& origin)
{
    const std::string t = term(schema::PREFIX_ORIGIN, origin);
    if (t.size() <= schema::MAX_TERM_BYTES) {
        return t;
    }
    schema::StoredArticle key;
    key.origin = origin;
    std::string hashed = "#";
    hashed += schema::content_hash(key);  // not "#" + ...: GCC 12 -Wrestrict false positive
    return term(schema::PREFIX_ORIGIN, hashed);
}

bool has_letter(std::string_view word)
{
    for (const char c : word) {
        if (c < '0' || c > '9') {
            return true;
        }
    }
    return false;
}

Xapian::docid find_document(const Xapian::Database& db, const std::string& id_term)
{
    const auto it = db.postlist_begin(id_term);
    return it == db.postlist_end(id_term) ? 0 : *it;
}

// Swaps two directories atomically where the kernel can (renameat2 with
// RENAME_EXCHANGE, Linux >= 3.15), otherwise with two renames; then removes
// what was at `target` before.
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

// Work directories left by a build that was killed: `<target>.build-<pid>`
// whose process is gone.
void remove_stale_work_dirs(const fs::path& target)
{
    std::error_code ec;
    const fs::path dir = target.has_parent_path() ? target.parent_path() : fs::path(".");
    const std::string stem = target.filename().string() + ".build-";
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

Xapian::WritableDatabase open_writable(const fs::path& path, int action, const fs::path& shown)
{
    try {
        return Xapian::WritableDatabase(path.string(), action);
    } catch (const Xapian::DatabaseLockError&) {
        throw IndexError("database " + shown.string() +
                         " is locked: another akhbar-index is writing to it");
    } catch (const Xapian::Error& e) {
        throw IndexError("cannot open database " + shown.string() + ": " + e.get_description());
    }
}

// Article -> Xapian document, plus the spelling words seen since the last
// flush. One per thread.
class DocumentBuilder {
public:
    explicit DocumentBuilder(const Analyzer& analyzer) : m_analyzer(analyzer) {}

    Xapian::Document build(const Article& a, const std::string& hash)
    {
        Xapian::Document doc;
        add_text(doc, a.title, 0, true);
        const Xapian::termpos title_end = m_tokens.empty() ? 0 : m_tokens.back().position + 1;
        add_text(doc, a.text, title_end + schema::BODY_POSITION_GAP, false);

        doc.add_boolean_term(term(schema::PREFIX_ID, a.id));
        doc.add_boolean_term(origin_term(a.origin));
        if (!a.source.empty()) {
            doc.add_boolean_term(term(schema::PREFIX_SOURCE, m_analyzer.normalize(a.source))
                                     .substr(0, schema::MAX_TERM_BYTES));
            doc.add_value(schema::SLOT_SOURCE, a.source);
        }
        if (!a.category.empty()) {
            doc.add_boolean_term(term(schema::PREFIX_CATEGORY, m_analyzer.normalize(a.category))
                                     .substr(0, schema::MAX_TERM_BYTES));
        }
        if (a.date) {
            const std::string day = schema::format_compact(*a.date);
            doc.add_boolean_term(term(schema::PREFIX_YEAR, day.substr(0, 4)));
            doc.add_boolean_term(term(schema::PREFIX_MONTH, day.substr(0, 6)));
            doc.add_boolean_term(term(schema::PREFIX_DAY, day));
            doc.add_value(schema::SLOT_DATE, day);
        } else {
            doc.add_boolean_term(std::string(schema::TERM_UNDATED));
        }
        doc.add_value(schema::SLOT_CONTENT_HASH, hash);
        doc.set_data(schema::encode(a));
        return doc;
    }

    void flush_spelling(Xapian::WritableDatabase& db)
    {
        for (const auto& [word, count] : m_spelling) {
            if (count >= SPELLING_MIN_COUNT) {
                db.add_spelling(word, count);
            }
        }
        m_spelling.clear();
    }

private:
    // One positional term per token: its stem (Lucene's ArabicAnalyzer also
    // indexes stems only). Phrases then match across spelling variants and
    // affixes, and each document carries half the terms it would with
    // separate word and stem terms, which is what Xapian's write speed and
    // index size depend on.
    void add_text(Xapian::Document& doc, std::string_view text, Xapian::termpos base, bool title)
    {
        m_analyzer.analyze(text, m_tokens);
        for (const Token& t : m_tokens) {
            if (t.stopword || t.stem.empty() || t.stem.size() > schema::MAX_TERM_BYTES) {
                continue;
            }
            const Xapian::termpos pos = base + t.position + 1;
            const std::string stem = schema::encode_term(t.stem);
            if (title) {
                // Title positions live in the unprefixed terms; S terms only
                // say "in the title" (for title: queries).
                doc.add_term(term(schema::PREFIX_TITLE, stem));
                doc.add_posting(stem, pos, schema::TITLE_WDF);
            } else {
                doc.add_posting(stem, pos);
            }
            if (t.normalized.size() > 2 && has_letter(t.normalized)) {
                ++m_spelling[t.normalized];
            }
        }
    }

    Analyzer m_analyzer;
    std::vector<Token> m_tokens;
    std::unordered_map<std::string, Xapian::termcount> m_spelling;
};

// One shard of a bulk build: a thread with its own database and analyzer,
// fed through a bounded queue.
class Shard {
public:
    Shard(fs::path path, const Analyzer& analyzer, std::string_view profile,
          std::size_t commit_every)
        : m_path(std::move(path)),
          m_builder(analyzer),
          m_commit_every(commit_every),
          m_db(open_writable(m_path, Xapian::DB_CREATE_OR_OVERWRITE | Xapian::DB_NO_SYNC, m_path))
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

    void push(Article article, std::string hash, bool replace)
    {
        std::unique_lock lock(m_mutex);
        m_not_full.wait(lock, [&] { return m_queue.size() < SHARD_QUEUE_CAPACITY || m_error; });
        rethrow_locked();
        m_queue.push_back({std::move(article), std::move(hash), replace});
        m_not_empty.notify_one();
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

private:
    struct Item {
        Article article;
        std::string hash;
        bool replace;
    };

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
                    m_not_empty.wait(lock, [&] { return !m_queue.empty() || m_closing; });
                    if (m_queue.empty()) {
                        break;
                    }
                    item = std::move(m_queue.front());
                    m_queue.pop_front();
                    m_not_full.notify_one();
                }
                Xapian::Document doc = m_builder.build(item.article, item.hash);
                const std::string id_term = term(schema::PREFIX_ID, item.article.id);
                if (item.replace) {
                    m_db.replace_document(id_term, doc);
                } else {
                    m_db.add_document(doc);
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

struct Indexer::Impl {
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
    fs::path work_dir;
    std::vector<std::unique_ptr<Shard>> shards;
    std::unordered_map<std::string, std::string> bulk_hashes;  // id -> content hash

    explicit Impl(IndexerOptions opts)
        : options(std::move(opts)),
          target(options.db.empty() ? schema::default_database_path() : options.db)
    {
        if (!options.profile.empty()) {
            (void)find_profile(options.profile);  // InvalidArgument before touching anything
        }
        if (target.has_parent_path()) {
            fs::create_directories(target.parent_path());
        }
        remove_stale_work_dirs(target);
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
        if (is_bulk) {
            work_dir = target.string() + ".build-" + std::to_string(getpid());
            fs::remove_all(work_dir);
            fs::create_directories(work_dir);
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

    void validate(const Article& a) const
    {
        if (a.id.empty()) {
            throw InvalidArgument("article id is empty");
        }
        if (schema::PREFIX_ID.size() + a.id.size() > schema::MAX_TERM_BYTES) {
            throw InvalidArgument("article id is longer than " +
                                  std::to_string(schema::MAX_TERM_BYTES - schema::PREFIX_ID.size()) +
                                  " bytes: \"" + a.id.substr(0, 60) + "...\"");
        }
        for (const std::string* field :
             {&a.id, &a.title, &a.text, &a.source, &a.url, &a.category, &a.origin}) {
            utf8::validate(*field);
        }
    }

    Outcome put_bulk(const Article& a, std::string hash)
    {
        Outcome outcome = Outcome::added;
        const auto [it, inserted] = bulk_hashes.try_emplace(a.id, hash);
        if (!inserted) {
            if (it->second == hash) {
                return Outcome::unchanged;
            }
            it->second = hash;
            outcome = Outcome::updated;
        }
        Shard& shard = *shards[std::hash<std::string>{}(a.id) % shards.size()];
        shard.push(a, std::move(hash), outcome == Outcome::updated);
        return outcome;
    }

    Outcome put_direct(const Article& a, const std::string& hash)
    {
        const std::string id_term = term(schema::PREFIX_ID, a.id);
        const Xapian::docid existing = find_document(db, id_term);
        if (existing != 0 && db.get_document(existing).get_value(schema::SLOT_CONTENT_HASH) == hash) {
            return Outcome::unchanged;
        }
        Xapian::Document doc = builder->build(a, hash);
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
        combined.compact(merged.string(), Xapian::Compactor::FULL);
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
        fs::remove_all(work_dir);
    }

    void discard_bulk() noexcept
    {
        shards.clear();  // joins the threads
        std::error_code ec;
        fs::remove_all(work_dir, ec);
    }
};

Indexer::Indexer(IndexerOptions options)
    : m_impl(std::make_unique<Impl>(std::move(options)))
{
}

Indexer::~Indexer()
{
    if (m_impl && !m_impl->finished) {
        try {
            abandon();
        } catch (...) {
            // A destructor must not throw; the database stays at its last commit.
        }
    }
}

Indexer::Outcome Indexer::put(const Article& article)
{
    m_impl->validate(article);
    std::string hash = schema::content_hash(article);
    return m_impl->is_bulk ? m_impl->put_bulk(article, std::move(hash))
                           : m_impl->put_direct(article, hash);
}

bool Indexer::remove(std::string_view id)
{
    auto& impl = *m_impl;
    if (impl.is_bulk) {
        return false;  // nothing is in place yet
    }
    const std::string id_term = term(schema::PREFIX_ID, id);
    if (find_document(impl.db, id_term) == 0) {
        return false;
    }
    impl.db.delete_document(id_term);
    ++impl.uncommitted;
    return true;
}

std::vector<std::string> Indexer::origins() const
{
    std::vector<std::string> out;
    if (m_impl->is_bulk) {
        return out;
    }
    const std::string prefix(schema::PREFIX_ORIGIN);
    for (auto it = m_impl->db.allterms_begin(prefix); it != m_impl->db.allterms_end(prefix); ++it) {
        out.push_back((*it).substr(prefix.size()));
    }
    return out;
}

std::vector<std::string> Indexer::ids_from(std::string_view origin) const
{
    std::vector<std::string> ids;
    if (m_impl->is_bulk) {
        return ids;
    }
    const std::string origin_t = origin_term(std::string(origin));
    auto& db = m_impl->db;
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

void Indexer::commit()
{
    m_impl->commit();
}

void Indexer::finish()
{
    auto& impl = *m_impl;
    impl.finished = true;
    if (impl.is_bulk) {
        try {
            impl.finish_bulk();
        } catch (...) {
            impl.discard_bulk();
            throw;
        }
        return;
    }
    impl.builder->flush_spelling(impl.db);
    if (impl.options.all_or_nothing) {
        impl.db.commit_transaction();
    } else {
        impl.db.commit();
    }
}

void Indexer::abandon()
{
    auto& impl = *m_impl;
    impl.finished = true;
    if (impl.is_bulk) {
        impl.discard_bulk();
        return;
    }
    if (impl.options.all_or_nothing) {
        impl.db.cancel_transaction();
    }
}

std::size_t Indexer::document_count() const
{
    if (m_impl->is_bulk && !m_impl->finished) {
        return m_impl->bulk_hashes.size();
    }
    if (m_impl->is_bulk) {
        return Xapian::Database(m_impl->target.string()).get_doccount();
    }
    return m_impl->db.get_doccount();
}

bool Indexer::bulk() const noexcept
{
    return m_impl->is_bulk;
}

const fs::path& Indexer::path() const noexcept
{
    return m_impl->target;
}

std::string_view Indexer::profile() const noexcept
{
    return m_impl->profile;
}

}  // namespace akhbar
