#include "akhbar/searcher/json.hpp"

#include <nlohmann/json.hpp>

#include "akhbar/common/date_format.hpp"
#include "story_json.hpp"

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

json explanation(const Explanation& e)
{
    json parts = json::array();
    for (const ScorePart& p : e.parts) {
        parts.push_back({{"word", p.word.empty() ? json(nullptr) : json(p.word)},
                         {"kind", p.kind},
                         {"terms", p.terms},
                         {"score", p.score}});
    }
    return {{"match", e.match}, {"proximity", e.proximity}, {"lead", e.lead}, {"parts", parts}};
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
        if (result.explained) {
            words.back()["stem_class"] = w.stem_class;
            words.back()["root_class"] = w.root_class;
        }
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
        hits.back()["story"] = detail::story_key_json(h.story);
        hits.back()["copies"] = detail::copies_json(h.story);
        if (h.explanation) {
            hits.back()["explanation"] = explanation(*h.explanation);
        }
    }
    json facets = json::object();
    if (result.date_facet) {
        facets["count"] = std::string(to_string(result.facet_count));
        facets["date"] = counts(result.date_facet->counts);
        facets["date_granularity"] = std::string(to_string(result.date_facet->granularity));
        facets["undated"] = result.date_facet->undated;
        facets["outside"] = result.date_facet->outside;
        facets["source"] = counts(result.source_facet);
        facets["unsourced"] = result.unsourced;
        facets["category"] = counts(result.category_facet);
        facets["uncategorized"] = result.uncategorized;
    }
    json out = json::object();
    if (!qid.empty()) {
        out["qid"] = qid;
    }
    out.update(json{{"query", {{"text", result.query}, {"words", words}}},
                      {"total", result.total},
                      {"total_exact", result.total_exact},
                      {"collapsed", result.collapsed}});
    if (result.stories) {
        out["stories"] = *result.stories;
    }
    out.update(json{{"hits", hits},
                      {"facets", result.date_facet ? facets : json(nullptr)},
                      {"suggestion", result.suggestion ? json(*result.suggestion) : json(nullptr)},
                      {"partial", result.partial},
                      {"unavailable", result.unavailable}});
    return out.dump(indent, ' ', false, json::error_handler_t::replace);
}

}  // namespace akhbar
