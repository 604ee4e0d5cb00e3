#include "akhbar/indexer/index_writer.hpp"

#include <fcntl.h>
#include <stdio.h>
#include <unistd.h>

#include <cerrno>
#include <cstdlib>
#include <cstring>
#include <unordered_map>
#include <unordered_set>

#include <xapian.h>

#include "akhbar/common/analyzer.hpp"
#include "akhbar/common/error.hpp"
#include "akhbar/common/schema.hpp"
#include "akhbar/common/utf8.hpp"

namespace fs = std::filesystem;

namespace akhbar {

namespace {

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

// Swaps two directories atomically where the kernel can (renameat2 with
// RENAME_EXCHANGE, Linux >= 3.15); otherwise two renames.
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

}  // namespace

struct IndexWriter::Impl {
    WriterOptions options;
    fs::path target;  // where the database lives
    fs::path build;   // where it is written (target, or beside it for a rebuild)
    std::string profile;
    Analyzer analyzer;
    Xapian::WritableDatabase db;
    Xapian::WritableDatabase lock_holder;  // rebuild: keeps other writers off the old one
    bool started_empty = false;
    bool finished = false;
    std::unordered_set<std::string> ids_this_session;
    std::unordered_map<std::string, Xapian::termcount> spelling;
    std::vector<Token> tokens;
    std::size_t uncommitted = 0;

    explicit Impl(WriterOptions opts)
        : options(std::move(opts)),
          target(options.db.empty() ? schema::default_database_path() : options.db),
          build(options.rebuild ? fs::path(target.string() + ".rebuild-" + std::to_string(getpid()))
                                : target)
    {
        if (!options.profile.empty()) {
            (void)find_profile(options.profile);  // InvalidArgument before touching anything
        }
        if (target.has_parent_path()) {
            std::error_code ec;
            fs::create_directories(target.parent_path(), ec);
        }
        // Xapian flushes every XAPIAN_FLUSH_THRESHOLD changes (default
        // 10000); let our own commit interval decide unless the user did.
        setenv("XAPIAN_FLUSH_THRESHOLD", std::to_string(options.commit_every + 1).c_str(), 0);
        try {
            if (options.rebuild) {
                if (fs::exists(target)) {
                    lock_holder = Xapian::WritableDatabase(target.string(), Xapian::DB_OPEN);
                }
                db = Xapian::WritableDatabase(build.string(), Xapian::DB_CREATE_OR_OVERWRITE);
            } else {
                db = Xapian::WritableDatabase(build.string(), Xapian::DB_CREATE_OR_OPEN);
            }
        } catch (const Xapian::DatabaseLockError&) {
            throw IndexError("database " + target.string() +
                             " is locked: another akhbar-index is writing to it");
        } catch (const Xapian::Error& e) {
            throw IndexError("cannot open database " + target.string() + ": " +
                             e.get_description());
        }
        const auto info = schema::read_index_info(db);
        const bool existing = schema::require_compatible(info, db.get_doccount(), target.string());
        if (existing) {
            if (!options.profile.empty() && options.profile != info.profile) {
                throw IndexError("database " + target.string() + " was built with profile \"" +
                                 info.profile + "\"; use --rebuild to change it to \"" +
                                 options.profile + "\"");
            }
            profile = info.profile;
        } else {
            profile = options.profile.empty() ? std::string(DEFAULT_PROFILE) : options.profile;
        }
        analyzer = Analyzer(profile);
        if (!existing) {
            schema::write_index_info(db, profile, analyzer.stemmer_name());
        }
        started_empty = db.get_doccount() == 0;
        if (options.all_or_nothing) {
            db.begin_transaction(false);
        }
    }

    void add_text(Xapian::Document& doc, std::string_view text, Xapian::termpos base, bool title)
    {
        analyzer.analyze(text, tokens);
        for (const Token& t : tokens) {
            if (t.stopword || t.normalized.size() > schema::MAX_TERM_BYTES) {
                continue;
            }
            const Xapian::termpos pos = base + t.position + 1;
            if (title) {
                doc.add_posting(term(schema::PREFIX_TITLE, t.normalized), pos);
                doc.add_posting(t.normalized, pos, schema::TITLE_WDF);
                doc.add_term(term(schema::PREFIX_TITLE_STEM, t.stem));
                doc.add_term(term(schema::PREFIX_STEM, t.stem), schema::TITLE_WDF);
            } else {
                doc.add_posting(t.normalized, pos);
                doc.add_term(term(schema::PREFIX_STEM, t.stem));
            }
            if (t.normalized.size() > 2 && has_letter(t.normalized)) {
                ++spelling[t.normalized];
            }
        }
    }

    Xapian::Document make_document(const Article& a, const std::string& hash)
    {
        Xapian::Document doc;
        add_text(doc, a.title, 0, true);
        const Xapian::termpos title_end = tokens.empty() ? 0 : tokens.back().position + 1;
        add_text(doc, a.text, title_end + schema::BODY_POSITION_GAP, false);

        doc.add_boolean_term(term(schema::PREFIX_ID, a.id));
        doc.add_boolean_term(origin_term(a.origin));
        if (!a.source.empty()) {
            doc.add_boolean_term(
                term(schema::PREFIX_SOURCE, analyzer.normalize(a.source)).substr(0, schema::MAX_TERM_BYTES));
            doc.add_value(schema::SLOT_SOURCE, a.source);
        }
        if (!a.category.empty()) {
            doc.add_boolean_term(
                term(schema::PREFIX_CATEGORY, analyzer.normalize(a.category)).substr(0, schema::MAX_TERM_BYTES));
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

    Xapian::docid find(const std::string& id_term)
    {
        const auto it = db.postlist_begin(id_term);
        return it == db.postlist_end(id_term) ? 0 : *it;
    }

    void validate(const Article& a) const
    {
        if (a.id.empty()) {
            throw InvalidArgument("article id is empty");
        }
        if (schema::PREFIX_ID.size() + a.id.size() > schema::MAX_TERM_BYTES) {
            throw InvalidArgument("article id is longer than " +
                                  std::to_string(schema::MAX_TERM_BYTES - 1) + " bytes: \"" +
                                  a.id.substr(0, 60) + "...\"");
        }
        for (const std::string* field :
             {&a.id, &a.title, &a.text, &a.source, &a.url, &a.category, &a.origin}) {
            utf8::validate(*field);
        }
    }

    Outcome put(const Article& a)
    {
        validate(a);
        const std::string id_term = term(schema::PREFIX_ID, a.id);
        const std::string hash = schema::content_hash(a);
        // A database that started empty can only hold ids this session added.
        Xapian::docid existing = 0;
        if (!started_empty || ids_this_session.count(a.id) != 0) {
            existing = find(id_term);
            if (existing != 0 &&
                db.get_document(existing).get_value(schema::SLOT_CONTENT_HASH) == hash) {
                return Outcome::unchanged;
            }
        }
        Xapian::Document doc = make_document(a, hash);
        Outcome outcome = Outcome::added;
        if (existing != 0) {
            db.replace_document(existing, doc);
            outcome = Outcome::updated;
        } else {
            db.add_document(doc);
            if (started_empty) {
                ids_this_session.insert(a.id);
            }
        }
        if (++uncommitted >= options.commit_every) {
            commit();
        }
        return outcome;
    }

    void flush_spelling()
    {
        for (const auto& [word, count] : spelling) {
            db.add_spelling(word, count);
        }
        spelling.clear();
    }

    void commit()
    {
        flush_spelling();
        if (!options.all_or_nothing) {
            db.commit();
        }
        uncommitted = 0;
    }
};

IndexWriter::IndexWriter(WriterOptions options) : m_impl(std::make_unique<Impl>(std::move(options)))
{
}

IndexWriter::~IndexWriter()
{
    if (m_impl && !m_impl->finished) {
        try {
            abandon();
        } catch (...) {
            // A destructor must not throw; the database stays at its last commit.
        }
    }
}

IndexWriter::Outcome IndexWriter::put(const Article& article)
{
    return m_impl->put(article);
}

bool IndexWriter::remove(std::string_view id)
{
    const std::string id_term = term(schema::PREFIX_ID, id);
    if (m_impl->find(id_term) == 0) {
        return false;
    }
    m_impl->db.delete_document(id_term);
    ++m_impl->uncommitted;
    return true;
}

std::vector<std::string> IndexWriter::origins() const
{
    std::vector<std::string> out;
    const std::string prefix(schema::PREFIX_ORIGIN);
    for (auto it = m_impl->db.allterms_begin(prefix); it != m_impl->db.allterms_end(prefix); ++it) {
        out.push_back((*it).substr(prefix.size()));
    }
    return out;
}

std::vector<std::string> IndexWriter::ids_from(std::string_view origin) const
{
    std::vector<std::string> ids;
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

void IndexWriter::commit()
{
    m_impl->commit();
}

void IndexWriter::finish()
{
    auto& impl = *m_impl;
    impl.flush_spelling();
    if (impl.options.all_or_nothing) {
        impl.db.commit_transaction();
    } else {
        impl.db.commit();
    }
    impl.finished = true;
    if (impl.options.rebuild) {
        impl.db.close();
        impl.lock_holder.close();
        swap_into_place(impl.build, impl.target);
    }
}

void IndexWriter::abandon()
{
    auto& impl = *m_impl;
    impl.finished = true;
    if (impl.options.all_or_nothing) {
        impl.db.cancel_transaction();
    }
    if (impl.options.rebuild) {
        impl.db.close();
        std::error_code ec;
        fs::remove_all(impl.build, ec);
    }
}

std::size_t IndexWriter::document_count() const
{
    return m_impl->db.get_doccount();
}

const fs::path& IndexWriter::path() const noexcept
{
    return m_impl->target;
}

std::string_view IndexWriter::profile() const noexcept
{
    return m_impl->profile;
}

}  // namespace akhbar
