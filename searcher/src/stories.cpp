#include "stories.hpp"

#include <algorithm>

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

std::vector<std::string> story_members(const Xapian::Document& doc)
{
    return schema::decode_story_members(doc.get_value(schema::SLOT_STORY_MEMBERS));
}

std::vector<std::string> story_members(const Xapian::Database& db, std::string_view id)
{
    const auto did = document_of(db, id);
    return did ? story_members(db.get_document(*did)) : std::vector<std::string>{};
}

Xapian::Query members_query(const std::vector<std::string>& ids)
{
    std::vector<Xapian::Query> terms;
    terms.reserve(ids.size());
    for (const std::string& id : ids) {
        terms.emplace_back(std::string(schema::PREFIX_ID) + id);
    }
    return Xapian::Query(Xapian::Query::OP_OR, terms.begin(), terms.end());
}

Story story_of(const Xapian::Database& db, const Xapian::Document& doc, std::string_view id)
{
    Story story;
    std::string key = doc.get_value(schema::SLOT_STORY);
    if (key.empty()) {
        return story;
    }
    for (const std::string& member : story_members(doc)) {  // in the key's order
        if (member == id) {
            continue;
        }
        const auto did = document_of(db, member);
        if (!did) {
            continue;  // deleted since this revision was read
        }
        const Xapian::Document copy = db.get_document(*did);
        if (copy.get_value(schema::SLOT_STORY) != key) {
            continue;
        }
        schema::StoredArticle a = schema::decode(copy.get_data());
        story.copies.push_back({std::move(a.id), std::move(a.source), a.date, std::move(a.title)});
    }
    story.key = std::move(key);
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
    const Xapian::Document kept_doc = kept.get_document();
    const std::vector<std::string> ids = story_members(kept_doc);
    Xapian::Enquire enquire(db);
    enquire.set_query(Xapian::Query(Xapian::Query::OP_FILTER, query, members_query(ids)));
    configure(enquire);
    const Xapian::MSet members = enquire.get_mset(0, static_cast<Xapian::doccount>(ids.size()));
    const auto key_of = [&](const Xapian::MSetIterator& m) {
        return score_key(order.lucene_weight ? static_cast<float>(m.get_weight()) : m.get_weight());
    };
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
