#pragma once
// Story keys written by hand into a test database (the indexer's grouping
// is another unit): SLOT_STORY and SLOT_STORY_MEMBERS on each member, as
// value_slots.hpp defines them, and a small collection of copies for the
// tests of searching stories.

#include <algorithm>
#include <filesystem>
#include <map>
#include <string>
#include <tuple>
#include <vector>

#include <xapian.h>

#include "akhbar/common/record.hpp"
#include "akhbar/common/terms.hpp"
#include "akhbar/common/value_slots.hpp"

namespace akhbar::test {

/// Gives each article of `keys` (id -> story key) its story key and the
/// ids of its story (the members of `keys` with that key, in the key's
/// order: by date, undated last, then id), in the databases `dbs`, the
/// shards of one collection: the order is taken over all of them, so every
/// shard holds the same list, as the indexer writes it. The others are left
/// alone (no key: alone). Returns how many it found.
inline std::size_t write_story_keys(const std::vector<std::filesystem::path>& dbs,
                                    const std::map<std::string, std::string>& keys)
{
    std::vector<Xapian::WritableDatabase> shards;
    for (const auto& db : dbs) {
        shards.emplace_back(db.string());
    }
    const auto document = [](Xapian::WritableDatabase& w, const std::string& id) -> Xapian::docid {
        const std::string id_term = std::string(schema::PREFIX_ID) + id;
        const auto it = w.postlist_begin(id_term);
        return it == w.postlist_end(id_term) ? 0 : *it;
    };
    std::map<std::string, std::vector<std::tuple<bool, std::string, std::string>>> stories;
    for (const auto& [id, key] : keys) {
        std::string date;
        for (auto& w : shards) {
            if (const Xapian::docid did = document(w, id); did != 0) {
                date = w.get_document(did).get_value(schema::SLOT_DATE);
            }
        }
        stories[key].emplace_back(date.empty(), date, id);
    }
    std::size_t found = 0;
    for (auto& [key, story] : stories) {
        std::sort(story.begin(), story.end());
        std::vector<std::string> ids;
        for (const auto& member : story) {
            ids.push_back(std::get<2>(member));
        }
        const std::string members = schema::encode_story_members(ids);
        for (const std::string& id : ids) {
            for (auto& w : shards) {
                const Xapian::docid did = document(w, id);
                if (did == 0) {
                    continue;
                }
                ++found;
                Xapian::Document doc = w.get_document(did);
                doc.add_value(schema::SLOT_STORY, key);
                doc.add_value(schema::SLOT_STORY_MEMBERS, members);
                w.replace_document(did, doc);
            }
        }
    }
    for (auto& w : shards) {
        w.commit();
    }
    return found;
}

/// The same for a collection in one database.
inline std::size_t write_story_keys(const std::filesystem::path& db,
                                    const std::map<std::string, std::string>& keys)
{
    return write_story_keys(std::vector<std::filesystem::path>{db}, keys);
}

/// Seven articles about a climate summit: story "a1" (a1 from رويترز, a2
/// and a3 from الشرق, its two sections, one text), story "c1" (c1 from
/// رويترز, c2 three months later without a source), and b1, d1 alone.
inline const std::string STORY_ARTICLES =
    R"({"id": "a1", "source": "رويترز", "date": "2025-11-03", "title": "قمة المناخ تبدأ في بيليم", "text": "انطلقت قمة المناخ في مدينة بيليم البرازيلية بمشاركة واسعة من قادة العالم"}
{"id": "a2", "source": "الشرق", "date": "2025-11-04", "category": "دولي", "title": "بدء قمة المناخ", "text": "انطلقت قمة المناخ في مدينة بيليم البرازيلية بمشاركة واسعة من قادة العالم"}
{"id": "a3", "source": "الشرق", "date": "2025-11-04", "category": "بيئة", "title": "قمة المناخ في البرازيل", "text": "انطلقت قمة المناخ في مدينة بيليم البرازيلية بمشاركة واسعة من قادة العالم"}
{"id": "b1", "source": "الجزيرة", "date": "2025-11-05", "title": "خلاف حول تمويل المناخ", "text": "اختلف المفاوضون في قمة المناخ حول تمويل الدول النامية وخطط خفض الانبعاثات"}
{"id": "c1", "source": "رويترز", "date": "2025-11-10", "title": "ختام قمة المناخ", "text": "اختتمت قمة المناخ أعمالها ببيان يدعو إلى خفض الانبعاثات بسرعة أكبر"}
{"id": "c2", "date": "2026-02-10", "title": "بيان قمة المناخ", "text": "اختتمت قمة المناخ أعمالها ببيان يدعو إلى خفض الانبعاثات بسرعة أكبر"}
{"id": "d1", "source": "الجزيرة", "date": "2025-11-06", "title": "أسعار النفط", "text": "ارتفعت أسعار النفط في الأسواق العالمية مع تراجع المخزونات"}
)";

/// The story keys of STORY_ARTICLES, for write_story_keys().
inline const std::map<std::string, std::string> STORY_KEYS = {
    {"a1", "a1"}, {"a2", "a1"}, {"a3", "a1"}, {"c1", "c1"}, {"c2", "c1"}};

}  // namespace akhbar::test
