// The JSON of a stored article and of the index stats: one form for the
// command line and the HTTP API (docs/json-output.md, docs/http-api.md).

#include <algorithm>

#include <nlohmann/json.hpp>

#include "akhbar/common/date_format.hpp"
#include "akhbar/searcher/json.hpp"
#include "story_json.hpp"

namespace akhbar {

namespace {

using json = nlohmann::ordered_json;

json date_or_null(const std::optional<std::chrono::year_month_day>& date)
{
    return date ? json(schema::format_iso(*date)) : json(nullptr);
}

// Empty fields as to_json gives them in hits: null.
json text_or_null(const std::string& text)
{
    return text.empty() ? json(nullptr) : json(text);
}

// Text that is not valid UTF-8 (which the indexer never stores) is
// replaced, not a reason to fail.
std::string dump(const json& value, int indent)
{
    return value.dump(indent, ' ', false, json::error_handler_t::replace);
}

json counts(const std::vector<FacetCount>& values, std::size_t most)
{
    json out = json::array();
    for (std::size_t i = 0; i < std::min(most, values.size()); ++i) {
        out.push_back({{"value", values[i].value}, {"count", values[i].count}});
    }
    return out;
}

}  // namespace

std::string to_json(const Article& article, int indent)
{
    return dump({{"id", article.id},
                 {"title", article.title},
                 {"date", date_or_null(article.date)},
                 {"date_source", std::string(to_string(article.date_source))},
                 {"source", text_or_null(article.source)},
                 {"url", text_or_null(article.url)},
                 {"category", text_or_null(article.category)},
                 {"text", article.text}},
                indent);
}

std::string to_json(const Article& article, const Story& story, int indent)
{
    json out = json::parse(to_json(article, -1));
    out["story"] = detail::story_key_json(story);
    out["copies"] = detail::copies_json(story);
    return dump(out, indent);
}

std::string to_json(const IndexStats& stats, std::size_t top_sources, int indent)
{
    json shards = json::array();
    for (const ShardStats& s : stats.shards) {
        shards.push_back({{"name", s.name},
                          {"articles", s.articles},
                          {"revision", s.revision ? json(*s.revision) : json(nullptr)},
                          {"bytes_on_disk", s.bytes_on_disk ? json(*s.bytes_on_disk) : json(nullptr)}});
    }
    return dump({{"articles", stats.articles},
                 {"first_date", date_or_null(stats.first_date)},
                 {"last_date", date_or_null(stats.last_date)},
                 {"undated", stats.undated},
                 {"source_count", stats.sources.size()},
                 {"sources", counts(stats.sources, top_sources)},
                 {"unsourced", stats.unsourced},
                 {"months", counts(stats.months, stats.months.size())},
                 {"profile", stats.profile},
                 {"schema_version", stats.schema_version},
                 {"analyzer_version", stats.analyzer_version},
                 {"bytes_on_disk", stats.bytes_on_disk},
                 {"shards", shards}},
                indent);
}

}  // namespace akhbar
