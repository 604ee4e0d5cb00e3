// An in-place update: a database with documents changed where it is, one
// thread, committing every `commit_every` articles (or only at finish() in
// all_or_nothing mode: one Xapian transaction).

#include "akhbar/common/hashes.hpp"
#include "akhbar/common/terms.hpp"
#include "akhbar/common/value_slots.hpp"
#include "document_builder.hpp"
#include "single_database.hpp"

namespace akhbar::detail {

namespace {

Xapian::docid find_document(const Xapian::Database& db, const std::string& id_term)
{
    const auto it = db.postlist_begin(id_term);
    return it == db.postlist_end(id_term) ? 0 : *it;
}

class InPlaceUpdate final : public SingleDatabaseWriter {
public:
    explicit InPlaceUpdate(SingleDatabase opened)
        : SingleDatabaseWriter(std::move(opened)),
          m_builder(m_database.analyzer),
          m_added(last_added(m_database.db))  // an update continues the order
    {
        if (m_database.options.all_or_nothing) {
            m_database.db.begin_transaction(false);
        }
    }

    // Also when an owner's constructor throws after opening this writer.
    ~InPlaceUpdate() override { abandon_unfinished(*this); }
    InPlaceUpdate(const InPlaceUpdate&) = delete;
    InPlaceUpdate& operator=(const InPlaceUpdate&) = delete;

    Outcome put(const Article& a) override
    {
        validate_article(a);
        const std::string hash = schema::content_hash(a);
        Xapian::WritableDatabase& db = m_database.db;
        const std::string id_term = term(schema::PREFIX_ID, a.id);
        const Xapian::docid existing = find_document(db, id_term);
        if (existing != 0 &&
            db.get_document(existing).get_value(schema::SLOT_CONTENT_HASH) == hash) {
            return Outcome::unchanged;
        }
        Xapian::Document doc = m_builder.build(a, hash, ++m_added);
        if (existing != 0) {
            db.replace_document(existing, doc);
        } else {
            db.add_document(doc);
        }
        if (++m_uncommitted >= m_database.options.commit_every) {
            commit();
        }
        return existing != 0 ? Outcome::updated : Outcome::added;
    }

    bool remove(std::string_view id) override
    {
        const std::string id_term = term(schema::PREFIX_ID, id);
        if (find_document(m_database.db, id_term) == 0) {
            return false;
        }
        m_database.db.delete_document(id_term);
        ++m_uncommitted;
        return true;
    }

    [[nodiscard]] std::vector<std::string> origins() const override
    {
        std::vector<std::string> out;
        const Xapian::Database& db = m_database.db;
        const std::string prefix(schema::PREFIX_ORIGIN);
        for (auto it = db.allterms_begin(prefix); it != db.allterms_end(prefix); ++it) {
            out.push_back((*it).substr(prefix.size()));
        }
        return out;
    }

    [[nodiscard]] std::vector<std::string> ids_from(std::string_view origin) const override
    {
        std::vector<std::string> ids;
        const Xapian::Database& db = m_database.db;
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

    void commit() override
    {
        m_builder.flush_spelling(m_database.db);
        if (!m_database.options.all_or_nothing) {
            m_database.db.commit();
        }
        m_uncommitted = 0;
    }

    void finish() override
    {
        m_finished = true;
        m_builder.flush_spelling(m_database.db);
        if (m_database.options.all_or_nothing) {
            m_database.db.commit_transaction();
        } else {
            m_database.db.commit();
        }
    }

    void abandon() override
    {
        m_finished = true;
        if (m_database.options.all_or_nothing) {
            m_database.db.cancel_transaction();
        }
    }

    [[nodiscard]] std::size_t document_count() const override
    {
        return m_database.db.get_doccount();
    }

    [[nodiscard]] bool bulk() const noexcept override { return false; }

private:
    DocumentBuilder m_builder;
    // The last SLOT_ADDED given: articles are numbered in the order they come.
    std::uint64_t m_added;
    std::size_t m_uncommitted = 0;
};

}  // namespace

std::unique_ptr<IndexWriter> make_in_place_update(SingleDatabase opened)
{
    return std::make_unique<InPlaceUpdate>(std::move(opened));
}

}  // namespace akhbar::detail
