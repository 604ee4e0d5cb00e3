#include "corpus.hpp"

#include <cstdio>
#include <iostream>
#include <thread>

#include "akhbar/common/analyzer.hpp"
#include "akhbar/common/date_format.hpp"
#include "akhbar/indexer/sources.hpp"

namespace akhbar::story_bench {

std::vector<Article> read_jsonl(const std::vector<std::string>& files)
{
    std::vector<Article> out;
    for (const std::string& file : files) {
        const SourceFile source{file, file, SourceKind::jsonl, 0, file};
        read_articles(
            source, nullptr, [&](Article&& a) { out.push_back(std::move(a)); },
            // Problem::message quotes its values escaped (quote_for_message).
            [](const Problem& p) { std::cerr << "akhbar-story-bench: " << p.message << "\n"; });
    }
    return out;
}

std::vector<std::optional<story::Signature>> signatures(const std::vector<const std::string*>& texts)
{
    std::vector<std::optional<story::Signature>> out(texts.size());
    constexpr std::size_t THREADS = 2;
    const Analyzer analyzer;
    std::vector<std::thread> workers;
    for (std::size_t t = 0; t < THREADS; ++t) {
        workers.emplace_back([&, t, mine = analyzer] {
            std::vector<Token> tokens;
            for (std::size_t i = t; i < texts.size(); i += THREADS) {
                mine.analyze(*texts[i], tokens);
                out[i] = story::signature(tokens);
            }
        });
    }
    for (std::thread& w : workers) {
        w.join();
    }
    return out;
}

std::vector<std::optional<story::Signature>> signatures(const std::vector<Article>& articles)
{
    std::vector<const std::string*> texts;
    texts.reserve(articles.size());
    for (const Article& a : articles) {
        texts.push_back(&a.text);
    }
    return signatures(texts);
}

std::vector<story::Filing> filings(const std::vector<Article>& articles)
{
    std::vector<story::Filing> out;
    out.reserve(articles.size());
    for (const Article& a : articles) {
        out.push_back(story::filing(a.source, a.date ? schema::format_compact(*a.date) : std::string()));
    }
    return out;
}

std::string day(const Article& article)
{
    if (!article.date) {
        return "undated";
    }
    char out[16];
    std::snprintf(out, sizeof out, "%04d-%02u-%02u", static_cast<int>(article.date->year()),
                  static_cast<unsigned>(article.date->month()), static_cast<unsigned>(article.date->day()));
    return out;
}

bool earlier(const Article& a, const Article& b) noexcept
{
    if (a.date.has_value() != b.date.has_value()) {
        return a.date.has_value();
    }
    if (a.date && *a.date != *b.date) {
        return *a.date < *b.date;
    }
    return a.id < b.id;
}

}  // namespace akhbar::story_bench
