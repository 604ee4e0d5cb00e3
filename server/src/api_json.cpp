#include "api_json.hpp"

#include <algorithm>
#include <cstdio>

#include <nlohmann/json.hpp>

#include "akhbar/common/date_format.hpp"

namespace akhbar::server {

namespace {

using nlohmann::json;

json date_or_null(const std::optional<std::chrono::year_month_day>& date)
{
    return date ? json(schema::format_iso(*date)) : json(nullptr);
}

// Empty fields as akhbar::to_json gives them in hits: null.
json text_or_null(const std::string& text) { return text.empty() ? json(nullptr) : json(text); }

// As akhbar::to_json: text that is not valid UTF-8 (which the indexer
// never stores) would be replaced, not a reason to fail.
std::string dump(const json& body) { return body.dump(-1, ' ', false, json::error_handler_t::replace); }

}  // namespace

std::string article_json(const Article& article)
{
    return dump({{"id", article.id},
                 {"title", article.title},
                 {"date", date_or_null(article.date)},
                 {"date_source", std::string(to_string(article.date_source))},
                 {"source", text_or_null(article.source)},
                 {"url", text_or_null(article.url)},
                 {"category", text_or_null(article.category)},
                 {"text", article.text}});
}

std::string stats_json(const IndexStats& stats, std::size_t top_sources)
{
    json sources = json::array();
    for (std::size_t i = 0; i < std::min(top_sources, stats.sources.size()); ++i) {
        sources.push_back({{"value", stats.sources[i].value}, {"count", stats.sources[i].count}});
    }
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
                 {"sources", sources},
                 {"profile", stats.profile},
                 {"schema_version", stats.schema_version},
                 {"analyzer_version", stats.analyzer_version},
                 {"bytes_on_disk", stats.bytes_on_disk},
                 {"shards", shards}});
}

std::string write_summary_json(const WriteSummary& summary)
{
    json problems = json::array();
    for (const WriteProblem& p : summary.problems) {
        problems.push_back({{"line", p.line},
                            {"reason", p.reason},
                            {"message", p.message},
                            {"skipped", p.skipped}});
    }
    const IndexRunSummary& counts = summary.counts;
    return dump({{"added", counts.added},
                 {"updated", counts.updated},
                 {"unchanged", counts.unchanged},
                 {"removed", counts.deleted},
                 {"skipped", counts.skipped},
                 {"problems", problems}});
}

std::string analysis_json(const std::string& profile, const std::string& tokens)
{
    // tokens_to_json prints one token a line, for a terminal: on one line here.
    return dump({{"profile", profile}, {"tokens", json::parse(tokens)}});
}

std::string health_json(const std::string& why)
{
    json body = {{"status", "ok"}, {"databases_open", why.empty()}};
    if (!why.empty()) {
        body["error"] = why;
    }
    return dump(body);
}

std::string completions_json(const std::string& prefix, const std::vector<std::string>& words)
{
    return dump(json{{"prefix", prefix}, {"completions", words}});
}

std::string with_took_ms(std::string json, double ms)
{
    // Spliced in rather than parsed and dumped again: a page of hits with
    // snippets is most of the answer's bytes.
    char field[48];
    std::snprintf(field, sizeof field, ",\"took_ms\":%.3f}", ms);
    const auto end = json.rfind('}');
    if (end != std::string::npos) {
        json.replace(end, 1, field);
    }
    return json;
}

}  // namespace akhbar::server
