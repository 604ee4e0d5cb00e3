#include "stories.hpp"

#include <algorithm>
#include <map>

#include "akhbar/common/record.hpp"
#include "akhbar/common/terms.hpp"
#include "akhbar/common/value_slots.hpp"

namespace akhbar::detail {

std::vector<std::string> story_members(const Xapian::Document& doc)
{
    return schema::decode_story_members(doc.get_value(schema::SLOT_STORY_MEMBERS));
}

std::vector<std::string> story_members(const Xapian::Database& db, std::string_view id)
{
    const auto did = schema::document_of(db, id);
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
        const auto did = schema::document_of(db, member);
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

std::vector<Xapian::MSetIterator> stand_ins(const Xapian::Database& db, const Xapian::Query& query,
                                            const Xapian::MSet& mset, const Ordering& order,
                                            bool any_remote,
                                            const std::function<void(Xapian::Enquire&)>& configure)
{
    std::vector<Xapian::MSetIterator> hits;
    hits.reserve(mset.size());
    if (db.size() == 1 && !any_remote && order.sort == SortOrder::relevance &&
        !order.lucene_weight) {
        // One database, ranked by Xapian's weights: its match orders by the
        // weight, then the tie key, as ranks_before() does, and the weights
        // of copies are summed alike, equal to the bit: the collapse kept
        // the first member already.
        for (auto m = mset.begin(); m != mset.end(); ++m) {
            hits.push_back(m);
        }
        return hits;
    }
    // The hits whose story may have another matching member, by key.
    std::map<std::string, std::size_t> open;
    std::vector<std::string> ids;
    for (auto m = mset.begin(); m != mset.end(); ++m) {
        hits.push_back(m);
        const std::string key = m.get_collapse_key();
        if (key.empty() || (!any_remote && m.get_collapse_count() == 0)) {
            continue;  // alone, or no other member matched
        }
        open.emplace(key, hits.size() - 1);
        const std::vector<std::string> members = story_members(m.get_document());
        ids.insert(ids.end(), members.begin(), members.end());
    }
    if (open.empty()) {
        return hits;
    }
    // One match over the members of all these stories: a member's weight is
    // the one the search gave it (the filter adds none, the statistics are
    // the search's).
    Xapian::Enquire enquire(db);
    enquire.set_query(Xapian::Query(Xapian::Query::OP_FILTER, query, members_query(ids)));
    configure(enquire);
    const Xapian::MSet members = enquire.get_mset(0, static_cast<Xapian::doccount>(ids.size()));
    const auto key_of = [&](const Xapian::MSetIterator& m) {
        return score_key(order.lucene_weight ? static_cast<float>(m.get_weight()) : m.get_weight());
    };
    struct Best {
        std::string date;
        std::string tie;
        long long key = 0;
    };
    std::map<std::string, Best> best;
    for (const auto& [key, at] : open) {
        const Xapian::Document doc = hits[at].get_document();
        best[key] = {doc.get_value(schema::SLOT_DATE), doc.get_value(order.tie_slot),
                     key_of(hits[at])};
    }
    for (auto m = members.begin(); m != members.end(); ++m) {
        const Xapian::Document doc = m.get_document();
        const auto story = open.find(doc.get_value(schema::SLOT_STORY));
        if (story == open.end()) {
            continue;  // its key changed since the members were read
        }
        Best& b = best[story->first];
        std::string date = doc.get_value(schema::SLOT_DATE);
        std::string tie = doc.get_value(order.tie_slot);
        const long long k = key_of(m);
        if (ranks_before(order, date, k, tie, b.date, b.key, b.tie)) {
            hits[story->second] = m;
            b = {std::move(date), std::move(tie), k};
        }
    }
    return hits;
}

}  // namespace akhbar::detail
