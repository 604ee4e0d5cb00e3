#include "akhbar/searcher/json.hpp"

#include <nlohmann/json.hpp>

#include "akhbar/common/date_format.hpp"

namespace akhbar {

namespace {

using json = nlohmann::ordered_json;

json ranges(const std::vector<Highlight>& highlights)
{
    json out = json::array();
    for (const Highlight& h : highlights) {
        out.push_back({h.start, h.end});
    }
    return out;
}

json counts(const std::vector<FacetCount>& values)
{
    json out = json::array();
    for (const FacetCount& c : values) {
        out.push_back({{"value", c.value}, {"count", c.count}});
    }
    return out;
}

}  // namespace

std::string to_json(const SearchResult& result, int indent, std::string_view qid)
{
    json words = json::array();
    for (const QueryWord& w : result.words) {
        words.push_back({{"text", w.text},
                         {"normalized", w.normalized},
                         {"stem", w.stopword ? json(nullptr) : json(w.stem)},
                         {"stopword", w.stopword},
                         {"variants", w.variants}});
    }
    json hits = json::array();
    for (const Hit& h : result.hits) {
        hits.push_back({{"rank", h.rank},
                        {"id", h.id},
                        {"title", h.title.text},
                        {"title_highlights", ranges(h.title.highlights)},
                        {"date", h.date ? json(schema::format_iso(*h.date)) : json(nullptr)},
                        {"date_source", std::string(to_string(h.date_source))},
                        {"source", h.source.empty() ? json(nullptr) : json(h.source)},
                        {"url", h.url.empty() ? json(nullptr) : json(h.url)},
                        {"category", h.category.empty() ? json(nullptr) : json(h.category)},
                        {"score", h.score},
                        {"snippet", {{"text", h.snippet.text}, {"highlights", ranges(h.snippet.highlights)}}}});
    }
    json facets = json::object();
    if (result.date_facet) {
        facets["date"] = counts(result.date_facet->counts);
        facets["date_granularity"] = std::string(to_string(result.date_facet->granularity));
        facets["undated"] = result.date_facet->undated;
        facets["outside"] = result.date_facet->outside;
        facets["source"] = counts(result.source_facet);
        facets["category"] = counts(result.category_facet);
    }
    json out = json::object();
    if (!qid.empty()) {
        out["qid"] = qid;
    }
    out.update(json{{"query", {{"text", result.query}, {"words", words}}},
                      {"total", result.total},
                      {"total_exact", result.total_exact},
                      {"hits", hits},
                      {"facets", result.date_facet ? facets : json(nullptr)},
                      {"suggestion", result.suggestion ? json(*result.suggestion) : json(nullptr)},
                      {"partial", result.partial},
                      {"unavailable", result.unavailable}});
    return out.dump(indent, ' ', false, json::error_handler_t::replace);
}

}  // namespace akhbar
