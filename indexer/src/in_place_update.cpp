// An in-place update: a database with documents changed where it is, one
// thread, committing every `commit_every` articles (or only at finish() in
// all_or_nothing mode: one Xapian transaction). Before each commit, the
// story keys of what the articles written since touched are regrouped
// (stories.hpp), so that every commit holds them right.

#include <algorithm>
#include <cstdlib>
#include <optional>
#include <unordered_set>

#include "akhbar/common/hashes.hpp"
#include "akhbar/common/story_signature.hpp"
#include "akhbar/common/terms.hpp"
#include "akhbar/common/value_slots.hpp"
#include "document_builder.hpp"
#include "single_database.hpp"
#include "stories.hpp"

namespace akhbar::detail {

namespace {

// Xapian commits on its own at its flush threshold (XAPIAN_FLUSH_THRESHOLD
// changes, read from the environment as glass reads it): a commit before
// the story keys were regrouped. The writer commits itself one change before.
std::size_t changes_before_xapian_commits(std::size_t commit_every)
{
    const char* p = std::getenv("XAPIAN_FLUSH_THRESHOLD");
    long threshold = p != nullptr ? std::atol(p) : 0;
    if (threshold <= 0) {
        threshold = 10000;  // glass's default
    }
    const auto before = static_cast<std::size_t>(std::max(threshold - 1, 1L));
    return commit_every == 0 ? before : std::min(commit_every, before);
}

class InPlaceUpdate final : public SingleDatabaseWriter {
public:
    explicit InPlaceUpdate(SingleDatabase opened)
        : SingleDatabaseWriter(std::move(opened)),
          m_builder(m_database.analyzer),
          m_added(last_added(m_database.db)),  // an update continues the order
          m_commit_every(changes_before_xapian_commits(m_database.options.commit_every))
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
        const Xapian::docid existing = schema::document_of(db, a.id).value_or(0);
        if (existing != 0) {
            const Xapian::Document old = db.get_document(existing);
            if (old.get_value(schema::SLOT_CONTENT_HASH) == hash) {
                return Outcome::unchanged;
            }
            note_old_story(old);
        }
        StoryGraph& graph = story_graph();
        Xapian::Document doc = m_builder.build(a, hash, ++m_added);
        Xapian::docid did = existing;
        if (existing != 0) {
            db.replace_document(existing, doc);
        } else {
            did = db.add_document(doc);
        }
        if (const auto sig = story::unserialise(doc.get_value(schema::SLOT_STORY_SIGNATURE))) {
            graph.put(did, *sig,
                      story::filing(doc.get_value(schema::SLOT_SOURCE), doc.get_value(schema::SLOT_DATE)));
        } else {
            graph.remove(did);
        }
        m_seeds.insert(did);
        if (++m_uncommitted >= m_commit_every) {
            commit();
        }
        return existing != 0 ? Outcome::updated : Outcome::added;
    }

    bool remove(std::string_view id) override
    {
        const Xapian::docid did = schema::document_of(m_database.db, id).value_or(0);
        if (did == 0) {
            return false;
        }
        note_old_story(m_database.db.get_document(did));
        story_graph().remove(did);
        m_database.db.delete_document(did);
        m_seeds.erase(did);
        if (++m_uncommitted >= m_commit_every) {
            commit();
        }
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
        write_story_keys();
        m_builder.flush_spelling(m_database.db);
        if (!m_database.options.all_or_nothing) {
            m_database.db.commit();
        }
        m_uncommitted = 0;
    }

    void finish() override
    {
        m_finished = true;
        write_story_keys();
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
        } else {
            // Xapian commits what is pending when the database is closed:
            // with its keys.
            write_story_keys();
        }
    }

    [[nodiscard]] std::size_t document_count() const override
    {
        return m_database.db.get_doccount();
    }

    [[nodiscard]] bool bulk() const noexcept override { return false; }

private:
    // Built at the first change of the run, from the database as it was
    // committed, and kept current by put() and remove().
    StoryGraph& story_graph()
    {
        if (!m_graph) {
            m_graph.emplace(m_database.db);
        }
        return *m_graph;
    }

    // A document about to be replaced or deleted: the story it was in must
    // be regrouped (it may split, or its earliest article change).
    void note_old_story(const Xapian::Document& old)
    {
        std::string members = old.get_value(schema::SLOT_STORY_MEMBERS);
        if (!members.empty()) {
            m_old_stories.insert(std::move(members));
        }
    }

    // Regroups what the run changed since the last commit. In a transaction
    // of its own (unless the whole run is one), so that Xapian's own
    // flushing never commits half of the keys.
    void write_story_keys()
    {
        if (m_seeds.empty() && m_old_stories.empty()) {
            return;
        }
        Xapian::WritableDatabase& db = m_database.db;
        const std::vector<Xapian::docid> seeds(m_seeds.begin(), m_seeds.end());
        const std::vector<StoryKeyChange> changes = regroup(db, *m_graph, seeds, m_old_stories);
        const bool own_transaction = !m_database.options.all_or_nothing;
        if (own_transaction) {
            db.begin_transaction(false);
        }
        for (const StoryKeyChange& change : changes) {
            write_story_key(db, change, change.did);
        }
        if (own_transaction) {
            db.commit_transaction();
        }
        m_seeds.clear();
        m_old_stories.clear();
    }

    DocumentBuilder m_builder;
    // The last SLOT_ADDED given: articles are numbered in the order they come.
    std::uint64_t m_added;
    std::size_t m_uncommitted = 0;
    std::size_t m_commit_every;  // changes between commits, at most
    std::optional<StoryGraph> m_graph;
    // Documents added or replaced since the last commit, and the stories
    // (SLOT_STORY_MEMBERS) of those replaced or deleted.
    std::unordered_set<Xapian::docid> m_seeds;
    std::unordered_set<std::string> m_old_stories;
};

}  // namespace

std::unique_ptr<IndexWriter> make_in_place_update(SingleDatabase opened)
{
    return std::make_unique<InPlaceUpdate>(std::move(opened));
}

}  // namespace akhbar::detail
