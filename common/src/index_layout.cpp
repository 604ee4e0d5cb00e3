#include "akhbar/common/index_layout.hpp"

#include <algorithm>
#include <fstream>
#include <sstream>

#include "akhbar/common/error.hpp"
#include "akhbar/common/date_format.hpp"

namespace fs = std::filesystem;

namespace akhbar {

std::string_view to_string(ShardBy by) noexcept
{
    return name_of(SHARD_BY_NAMES, by);
}

std::optional<ShardBy> parse_shard_by(std::string_view name) noexcept
{
    return find_value(SHARD_BY_NAMES, name);
}

namespace index_layout {

namespace {

// The stub file's own line saying how akhbar-index sharded the directory;
// Xapian takes lines starting with '#' as comments.
constexpr std::string_view LAYOUT_TAG = "# akhbar-shard-by: ";

}  // namespace

// Xapian's stub format: `KIND ARG` lines; blank lines and `#` comments.
Stub parse_stub(std::string_view text)
{
    Stub stub;
    std::istringstream in{std::string(text)};
    std::string line;
    std::size_t number = 0;
    while (std::getline(in, line)) {
        ++number;
        if (line.starts_with(LAYOUT_TAG)) {
            stub.shard_by = line.substr(LAYOUT_TAG.size());
            continue;
        }
        if (line.empty() || line[0] == '#') {
            continue;
        }
        const auto space = line.find(' ');
        StubEntry entry;
        entry.kind = line.substr(0, space);
        entry.arg = space == std::string::npos ? "" : line.substr(space + 1);
        entry.line = number;
        entry.text = std::move(line);
        stub.entries.push_back(std::move(entry));
    }
    return stub;
}

std::optional<Stub> read_stub(const fs::path& path)
{
    std::ifstream in(path);
    if (!in) {
        return std::nullopt;
    }
    std::ostringstream text;
    text << in.rdbuf();
    return parse_stub(text.str());
}

std::string format_stub(ShardBy by, const std::vector<std::string>& shards)
{
    std::ostringstream out;
    out << "# Akhbar sharded database, one shard per " << to_string(by)
        << "; written by akhbar-index.\n"
        << "# Xapian opens this directory as one database (stub file format).\n"
        << LAYOUT_TAG << to_string(by) << "\n";
    for (const std::string& name : shards) {
        out << "auto " << name << "\n";
    }
    return out.str();
}

std::optional<ShardLayout> read_layout(const fs::path& dir)
{
    const fs::path path = dir / STUB_NAME;
    const std::optional<Stub> stub = read_stub(path);
    if (!stub) {
        return std::nullopt;
    }
    if (!stub->shard_by) {
        throw IndexError(path.string() +
                         " is a Xapian stub file that akhbar-index did not write: index into "
                         "another directory, or remove it");
    }
    const auto by = parse_shard_by(*stub->shard_by);
    if (!by || *by == ShardBy::none) {
        throw IndexError(path.string() + ": unknown shard period: \"" + *stub->shard_by + "\"");
    }
    ShardLayout layout;
    layout.by = *by;
    for (const StubEntry& entry : stub->entries) {
        if (entry.kind == "auto") {
            layout.shards.push_back(entry.arg);
        }
    }
    std::sort(layout.shards.begin(), layout.shards.end());
    return layout;
}

std::string period_shard_name(ShardBy by, const std::optional<std::chrono::year_month_day>& date)
{
    if (!date) {
        return std::string(UNDATED_SHARD);
    }
    const std::string iso = schema::format_iso(*date);  // YYYY-MM-DD
    return by == ShardBy::year ? iso.substr(0, 4) : iso.substr(0, 7);
}

DatabaseDocid split_docid(Xapian::docid combined, std::size_t n) noexcept
{
    return {(combined - 1) % n, static_cast<Xapian::docid>((combined - 1) / n + 1)};
}

Xapian::docid combine_docid(DatabaseDocid local, std::size_t n) noexcept
{
    return static_cast<Xapian::docid>((local.docid - 1) * n + local.database + 1);
}

}  // namespace index_layout

}  // namespace akhbar
