#include "stories.hpp"

#include <algorithm>

#include "akhbar/common/hashes.hpp"
#include "akhbar/common/record.hpp"
#include "akhbar/common/terms.hpp"
#include "akhbar/common/value_slots.hpp"

namespace akhbar::detail {

std::optional<Xapian::docid> document_of(const Xapian::Database& db, std::string_view id)
{
    std::string id_term(schema::PREFIX_ID);
    id_term += id;
    if (id.empty() || id_term.size() > schema::MAX_TERM_BYTES) {
        return std::nullopt;
    }
    const auto it = db.postlist_begin(id_term);
    if (it == db.postlist_end(id_term)) {
        return std::nullopt;
    }
    return *it;
}

std::optional<std::string> story_key(const Xapian::Database& db, std::string_view id)
{
    const auto did = document_of(db, id);
    if (!did) {
        return std::nullopt;
    }
    std::string key = db.get_document(*did).get_value(schema::SLOT_STORY);
    return key.empty() ? std::nullopt : std::optional(std::move(key));
}

Story story_of(const Xapian::Database& db, const std::string& key, std::string_view id)
{
    Story story;
    if (key.empty()) {
        return story;
    }
    story.key = key;
    const std::string term = schema::story_term(key);
    for (auto it = db.postlist_begin(term); it != db.postlist_end(term); ++it) {
        const Xapian::Document doc = db.get_document(*it);
        if (doc.get_value(schema::SLOT_STORY) != key) {
            continue;
        }
        schema::StoredArticle a = schema::decode(doc.get_data());
        if (a.id == id) {
            continue;
        }
        story.copies.push_back({std::move(a.id), std::move(a.source), a.date, std::move(a.title)});
    }
    std::sort(story.copies.begin(), story.copies.end(), [](const StoryCopy& a, const StoryCopy& b) {
        if (a.date != b.date) {
            return a.date && (!b.date || *a.date < *b.date);  // undated last
        }
        return a.id < b.id;
    });
    return story;
}

Xapian::MSetIterator stand_in(const Xapian::Database& db, const Xapian::Query& query,
                              const Xapian::MSetIterator& kept, const Ordering& order,
                              bool any_remote,
                              const std::function<void(Xapian::Enquire&)>& configure)
{
    const std::string key = kept.get_collapse_key();
    if (key.empty() || (!any_remote && kept.get_collapse_count() == 0)) {
        return kept;  // alone, or no other member matched
    }
    const std::string term = schema::story_term(key);
    Xapian::Enquire enquire(db);
    enquire.set_query(Xapian::Query(Xapian::Query::OP_FILTER, query, Xapian::Query(term)));
    configure(enquire);
    const Xapian::MSet members = enquire.get_mset(0, db.get_termfreq(term));
    const auto key_of = [&](const Xapian::MSetIterator& m) {
        return score_key(order.lucene_weight ? static_cast<float>(m.get_weight()) : m.get_weight());
    };
    const Xapian::Document kept_doc = kept.get_document();
    Xapian::MSetIterator best = kept;
    std::string best_date = kept_doc.get_value(schema::SLOT_DATE);
    std::string best_tie = kept_doc.get_value(order.tie_slot);
    long long best_key = key_of(kept);
    for (auto m = members.begin(); m != members.end(); ++m) {
        const Xapian::Document doc = m.get_document();
        if (doc.get_value(schema::SLOT_STORY) != key) {
            continue;
        }
        std::string date = doc.get_value(schema::SLOT_DATE);
        std::string tie = doc.get_value(order.tie_slot);
        const long long k = key_of(m);
        if (ranks_before(order, date, k, tie, best_date, best_key, best_tie)) {
            best = m;
            best_date = std::move(date);
            best_tie = std::move(tie);
            best_key = k;
        }
    }
    return best;
}

}  // namespace akhbar::detail
