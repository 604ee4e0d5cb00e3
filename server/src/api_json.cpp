#include "api_json.hpp"

#include <cstdio>

#include <nlohmann/json.hpp>

#include "akhbar/searcher/json.hpp"

namespace akhbar::server {

namespace {

using nlohmann::json;

// As akhbar::to_json: text that is not valid UTF-8 (which the indexer
// never stores) would be replaced, not a reason to fail.
std::string dump(const json& body) { return body.dump(-1, ' ', false, json::error_handler_t::replace); }

}  // namespace

std::string article_json(const Article& article, const Story& story)
{
    return to_json(article, story, -1);
}

std::string stats_json(const IndexStats& stats, std::size_t top_sources)
{
    return to_json(stats, top_sources, -1);
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
