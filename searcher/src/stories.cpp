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

}  // namespace akhbar::detail
