#pragma once
// A story in JSON, as hits (to_json of a result) and articles (to_json of
// an article and its story) give it. Internal header.

#include <nlohmann/json.hpp>

#include "akhbar/common/date_format.hpp"
#include "akhbar/searcher/searcher.hpp"

namespace akhbar::detail {

/// The story key, or null for an article alone.
inline nlohmann::ordered_json story_key_json(const Story& story)
{
    return story.key ? nlohmann::ordered_json(*story.key) : nlohmann::ordered_json(nullptr);
}

/// The other copies: [{"id","source","date","title"}], empty fields null,
/// an empty array for an article alone.
inline nlohmann::ordered_json copies_json(const Story& story)
{
    using json = nlohmann::ordered_json;
    json out = json::array();
    for (const StoryCopy& c : story.copies) {
        out.push_back({{"id", c.id},
                       {"source", c.source.empty() ? json(nullptr) : json(c.source)},
                       {"date", c.date ? json(schema::format_iso(*c.date)) : json(nullptr)},
                       {"title", c.title}});
    }
    return out;
}

}  // namespace akhbar::detail
