#include "akhbar/searcher/record_text.hpp"

#include <cstdio>
#include <string_view>

#include "akhbar/common/date_format.hpp"
#include "akhbar/common/quote.hpp"

namespace akhbar {

namespace {

// "name: value" (value escaped), or nothing for an empty value: as git
// show leaves out what a commit does not have.
void field(std::string& out, std::string_view name, std::string_view value)
{
    if (value.empty()) {
        return;
    }
    out += name;
    out += ": ";
    out += escape_controls(value);
    out += "\n";
}

// Text escaped line by line: its newlines stay line breaks, every other
// control is shown (escape_controls would show newlines as "\n" too).
std::string escaped_lines(std::string_view text)
{
    std::string out;
    while (!text.empty()) {
        const auto end = text.find('\n');
        out += escape_controls(text.substr(0, end));
        out += "\n";
        text.remove_prefix(end == std::string_view::npos ? text.size() : end + 1);
    }
    return out;
}

// 1234567 -> "1.2 MB": as `du -h` and `ls -lh` say sizes.
std::string human_bytes(std::uintmax_t bytes)
{
    static constexpr const char* UNITS[] = {"bytes", "kB", "MB", "GB", "TB"};
    double size = static_cast<double>(bytes);
    std::size_t unit = 0;
    while (size >= 1000 && unit + 1 < std::size(UNITS)) {
        size /= 1000;
        ++unit;
    }
    char buf[32];
    std::snprintf(buf, sizeof buf, unit == 0 ? "%.0f %s" : "%.1f %s", size, UNITS[unit]);
    return buf;
}

void counts(std::string& out, std::string_view heading, const std::vector<FacetCount>& values)
{
    if (values.empty()) {
        return;
    }
    out += "\n";
    out += heading;
    out += ":\n";
    for (const FacetCount& c : values) {
        char count[24];
        std::snprintf(count, sizeof count, "%8zu  ", c.count);
        out += count;
        out += escape_controls(c.value);
        out += "\n";
    }
}

}  // namespace

std::string format_article(const Article& article)
{
    std::string out;
    field(out, "id", article.id);
    field(out, "title", article.title);
    const std::string date = article.date ? schema::format_iso(*article.date) + " (" +
                                                std::string(to_string(article.date_source)) + ")"
                                          : "undated";
    field(out, "date", date);
    field(out, "source", article.source);
    field(out, "url", article.url);
    field(out, "category", article.category);
    out += "\n";
    out += escaped_lines(article.text);
    return out;
}

std::string format_article(const Article& article, const Story& story)
{
    std::string out;
    if (story.key) {
        field(out, "story", *story.key);
        for (const StoryCopy& c : story.copies) {
            const std::string date = c.date ? schema::format_iso(*c.date) : "undated";
            field(out, "copy", c.id + " · " + date + (c.source.empty() ? "" : " · " + c.source) +
                                   " · " + c.title);
        }
    }
    const std::string whole = format_article(article);
    // The story's lines after the article's fields, before its text.
    const auto fields_end = whole.find("\n\n");
    return whole.substr(0, fields_end + 1) + out + whole.substr(fields_end + 1);
}

std::string format_stats(const IndexStats& stats)
{
    std::string out;
    field(out, "articles", std::to_string(stats.articles));
    field(out, "undated", std::to_string(stats.undated));
    field(out, "no source", std::to_string(stats.unsourced));
    field(out, "dates", stats.first_date ? schema::format_iso(*stats.first_date) + " to " +
                                               schema::format_iso(*stats.last_date)
                                         : "none");
    field(out, "profile", stats.profile);
    field(out, "schema version", stats.schema_version);
    field(out, "analyzer version", stats.analyzer_version);
    field(out, "size on disk",
          human_bytes(stats.bytes_on_disk) + " (" + std::to_string(stats.bytes_on_disk) + " bytes)");
    for (const ShardStats& s : stats.shards) {
        std::string shard = std::to_string(s.articles) + " articles";
        if (s.revision) {
            shard += ", revision " + std::to_string(*s.revision);
        }
        if (s.bytes_on_disk) {
            shard += ", " + human_bytes(*s.bytes_on_disk);
        }
        field(out, "shard " + escape_controls(s.name), shard);
    }
    counts(out, "articles per source", stats.sources);
    counts(out, "articles per month", stats.months);
    return out;
}

}  // namespace akhbar
