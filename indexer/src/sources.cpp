#include "akhbar/indexer/sources.hpp"

#include <zlib.h>

#include <unistd.h>

#include <algorithm>
#include <fstream>
#include <memory>
#include <sstream>

#include <nlohmann/json.hpp>

#include "akhbar/common/error.hpp"
#include "akhbar/common/lines.hpp"
#include "akhbar/common/quote.hpp"
#include "akhbar/common/utf8.hpp"
#include "akhbar/common/dates.hpp"
#include "akhbar/indexer/plain_text.hpp"

namespace fs = std::filesystem;

namespace akhbar {

namespace {

// Messages quote values the one way every tool does (control characters,
// bidi overrides and invalid bytes escaped, cut when long).
std::string quote(std::string_view value)
{
    return quote_for_message(value);
}

Problem make_problem(const std::string& file, std::size_t line, std::string reason,
                     const std::string& what, bool skipped = true)
{
    Problem p;
    p.file = file;
    p.line = line;
    p.reason = std::move(reason);
    p.message = (line == 0 ? file : file + ":" + std::to_string(line)) + ": " + what;
    p.skipped = skipped;
    return p;
}

bool ends_with_any(const std::string& name, std::initializer_list<std::string_view> suffixes)
{
    return std::any_of(suffixes.begin(), suffixes.end(),
                       [&](std::string_view s) { return name.ends_with(s); });
}

bool is_jsonl_name(const std::string& name)
{
    return ends_with_any(name, {".jsonl", ".jsonl.gz", ".ndjson", ".ndjson.gz"});
}

bool is_plain_text_name(const std::string& name)
{
    return ends_with_any(name, {".txt", ".text"}) || name.find('.') == std::string::npos;
}

std::string describe_id(const fs::path& root, const fs::path& file)
{
    fs::path rel = root == file ? file.filename() : file.lexically_relative(root);
    rel.replace_extension();
    return rel.generic_string();
}

}  // namespace

// ---------------------------------------------------------------- manifest

Manifest Manifest::load(const fs::path& path, const std::function<void(Problem)>& report)
{
    Manifest manifest;
    manifest.m_path = path;
    const std::string file = path.string();
    std::ifstream in(path, std::ios::binary);
    if (!in) {
        report(make_problem(file, 0, "unreadable manifest", "cannot read the manifest"));
        return manifest;
    }
    static const std::vector<std::string> known{"file", "id",  "title",   "date",
                                                "source", "url", "category"};
    std::vector<std::string> columns;
    std::string line;
    std::size_t number = 0;
    while (next_data_line(in, line, number)) {
        if (const auto bad = utf8::find_invalid(line)) {
            report(make_problem(file, number, "invalid UTF-8",
                                "invalid UTF-8 at byte " + std::to_string(*bad) + ": " + quote(line)));
            continue;
        }
        std::vector<std::string> cells;
        std::stringstream row(line);
        std::string cell;
        while (std::getline(row, cell, '\t')) {
            cells.push_back(cell);
        }
        if (columns.empty()) {
            for (const auto& c : cells) {
                if (std::find(known.begin(), known.end(), c) == known.end()) {
                    report(make_problem(file, number, "bad manifest", "unknown column: " + quote(c)));
                }
            }
            if (std::find(cells.begin(), cells.end(), "file") == cells.end()) {
                report(make_problem(file, number, "bad manifest",
                                    "the header has no \"file\" column: " + quote(line)));
                return manifest;
            }
            columns = cells;
            continue;
        }
        Entry entry;
        entry.line = number;
        for (std::size_t i = 0; i < cells.size() && i < columns.size(); ++i) {
            if (!cells[i].empty()) {
                entry.fields[columns[i]] = cells[i];
            }
        }
        const auto name = entry.fields.find("file");
        if (name == entry.fields.end()) {
            report(make_problem(file, number, "bad manifest", "row has no file name: " + quote(line)));
            continue;
        }
        if (const auto date = entry.fields.find("date");
            date != entry.fields.end() && !dates::parse(date->second)) {
            report(make_problem(file, number, "unparsable date",
                                "field \"date\" is not a date: " + quote(date->second) +
                                    " (ignored)",
                                false));
            entry.fields.erase(date);
        }
        manifest.m_entries[name->second] = std::move(entry);
    }
    return manifest;
}

const Manifest::Entry* Manifest::find(const std::string& file_name) const
{
    const auto it = m_entries.find(file_name);
    return it == m_entries.end() ? nullptr : &it->second;
}

// ------------------------------------------------------------------ walking

std::vector<SourceFile> collect_sources(const std::vector<std::string>& paths,
                                        const std::function<void(Problem)>& report)
{
    std::vector<SourceFile> out;
    for (const std::string& arg : paths) {
        if (arg == "-") {
            out.push_back({"-", "-", SourceKind::jsonl, 0, "-"});
            continue;
        }
        std::error_code ec;
        const fs::path root = fs::absolute(fs::path(arg), ec).lexically_normal();
        const auto status = fs::status(root, ec);
        if (ec || !fs::exists(status)) {
            report(make_problem(arg, 0, "missing path", "no such file or directory"));
            continue;
        }
        if (fs::is_regular_file(status)) {
            const std::string name = root.filename().string();
            out.push_back({root, root.string(),
                           is_jsonl_name(name) ? SourceKind::jsonl : SourceKind::plain_text,
                           fs::file_size(root, ec), root});
            continue;
        }
        std::vector<SourceFile> found;
        for (auto it = fs::recursive_directory_iterator(
                 root, fs::directory_options::skip_permission_denied, ec);
             !ec && it != fs::recursive_directory_iterator(); it.increment(ec)) {
            const std::string name = it->path().filename().string();
            if (name.starts_with(".")) {
                if (it->is_directory()) {
                    it.disable_recursion_pending();
                }
                continue;
            }
            if (!it->is_regular_file() || name == MANIFEST_NAME) {
                continue;
            }
            const fs::path p = it->path().lexically_normal();
            if (is_jsonl_name(name)) {
                found.push_back({p, p.string(), SourceKind::jsonl, it->file_size(), root});
            } else if (is_plain_text_name(name)) {
                found.push_back({p, p.string(), SourceKind::plain_text, it->file_size(), root});
            }
        }
        if (ec) {
            report(make_problem(arg, 0, "unreadable directory", "cannot list: " + ec.message()));
        }
        std::sort(found.begin(), found.end(),
                  [](const SourceFile& a, const SourceFile& b) { return a.path < b.path; });
        out.insert(out.end(), found.begin(), found.end());
    }
    return out;
}

// -------------------------------------------------------------- plain text

namespace {

std::size_t line_of_offset(std::string_view text, std::size_t offset)
{
    return 1 + static_cast<std::size_t>(std::count(text.begin(), text.begin() + offset, '\n'));
}

void read_plain_text(const SourceFile& source, const Manifest* manifest,
                     const std::function<void(Article&&)>& sink,
                     const std::function<void(Problem)>& report)
{
    const std::string file = source.path.string();
    std::ifstream in(source.path, std::ios::binary);
    if (!in) {
        report(make_problem(file, 0, "unreadable file", "cannot read the file"));
        return;
    }
    std::ostringstream buffer;
    buffer << in.rdbuf();
    const std::string bytes = buffer.str();

    if (bytes.find('\0') != std::string::npos) {
        const auto at = bytes.find('\0');
        report(make_problem(file, line_of_offset(bytes, at), "binary file",
                            "binary file (NUL byte at byte " + std::to_string(at) + ")"));
        return;
    }
    if (const auto bad = utf8::find_invalid(bytes)) {
        const std::size_t line_start = bytes.rfind('\n', *bad) == std::string::npos
                                           ? 0
                                           : bytes.rfind('\n', *bad) + 1;
        const std::size_t line_end = bytes.find('\n', *bad);
        report(make_problem(file, line_of_offset(bytes, *bad), "invalid UTF-8",
                            "invalid UTF-8 at byte " + std::to_string(*bad) + ": " +
                                quote(std::string_view(bytes).substr(line_start, line_end - line_start))));
        return;
    }
    if (bytes.find_first_not_of(" \t\r\n") == std::string::npos) {
        report(make_problem(file, 0, "empty file", "empty file"));
        return;
    }

    plain_text::Parsed parsed = plain_text::parse(bytes);
    Article article;
    article.id = describe_id(source.root, source.path);
    article.title = std::move(parsed.title);
    article.text = std::move(parsed.text);
    article.source = std::move(parsed.source);
    if (parsed.date) {
        article.date = parsed.date;
        article.date_source = DateSource::text;
    }
    if (const Manifest::Entry* entry =
            manifest ? manifest->find(source.path.filename().string()) : nullptr) {
        for (const auto& [key, value] : entry->fields) {
            if (key == "id") {
                article.id = value;
            } else if (key == "title") {
                article.title = value;
            } else if (key == "source") {
                article.source = value;
            } else if (key == "url") {
                article.url = value;
            } else if (key == "category") {
                article.category = value;
            } else if (key == "date") {
                article.date = dates::parse(value);  // checked when the manifest was loaded
                article.date_source = DateSource::metadata;
            }
        }
    }
    if (article.text.empty() && article.title.empty()) {
        report(make_problem(file, 0, "no article text", "no article text after cleaning"));
        return;
    }
    article.origin = source.origin;
    sink(std::move(article));
}

// ------------------------------------------------------------ JSON Lines

struct GzCloser {
    void operator()(gzFile f) const noexcept { gzclose(f); }
};
using GzFile = std::unique_ptr<std::remove_pointer_t<gzFile>, GzCloser>;

// Reads one line (without its '\n') from a gz stream; false at end of input.
bool read_line(gzFile in, std::string& line)
{
    line.clear();
    char chunk[1 << 16];
    while (gzgets(in, chunk, sizeof chunk) != nullptr) {
        line += chunk;
        if (!line.empty() && line.back() == '\n') {
            line.pop_back();
            if (!line.empty() && line.back() == '\r') {
                line.pop_back();
            }
            return true;
        }
    }
    return !line.empty();
}

// Field value as a string: strings as they are, numbers printed; other types
// (objects, arrays, booleans) are reported and ignored.
std::optional<std::string> string_field(const nlohmann::json& record, const char* name,
                                        const std::string& file, std::size_t line,
                                        const std::function<void(Problem)>& report)
{
    const auto it = record.find(name);
    if (it == record.end() || it->is_null()) {
        return std::nullopt;
    }
    if (it->is_string()) {
        return it->get<std::string>();
    }
    if (it->is_number()) {
        return it->dump();
    }
    report(make_problem(file, line, "bad field",
                        std::string("field \"") + name + "\" is not a string: " +
                            quote(it->dump()) + " (ignored)",
                        false));
    return std::nullopt;
}

void read_jsonl(const SourceFile& source, const std::function<void(Article&&)>& sink,
                const std::function<void(Problem)>& report,
                const std::function<void(std::uintmax_t)>& progress)
{
    const std::string file = source.path.string();
    GzFile in(source.origin == "-" ? gzdopen(dup(STDIN_FILENO), "rb")
                                   : gzopen(source.path.c_str(), "rb"));
    if (!in) {
        report(make_problem(file, 0, "unreadable file", "cannot read the file"));
        return;
    }
    gzbuffer(in.get(), 1 << 17);
    std::string line;
    std::size_t number = 0;
    while (read_line(in.get(), line)) {
        ++number;
        if (progress && number % 64 == 0) {
            progress(static_cast<std::uintmax_t>(gzoffset(in.get())));
        }
        if (line.find_first_not_of(" \t") == std::string::npos) {
            continue;
        }
        if (const auto bad = utf8::find_invalid(line)) {
            report(make_problem(file, number, "invalid UTF-8",
                                "invalid UTF-8 at byte " + std::to_string(*bad) +
                                    " of the line: " + quote(line)));
            continue;
        }
        nlohmann::json record;
        try {
            record = nlohmann::json::parse(line);
        } catch (const nlohmann::json::parse_error& e) {
            std::string what = e.what();
            if (const auto colon = what.find("parse error"); colon != std::string::npos) {
                what = what.substr(colon);
            }
            report(make_problem(file, number, "malformed JSON",
                                "malformed JSON (" + what + "): " + quote(line)));
            continue;
        }
        if (!record.is_object()) {
            report(make_problem(file, number, "malformed JSON",
                                "not a JSON object: " + quote(line)));
            continue;
        }
        Article article;
        const auto id = string_field(record, "id", file, number, report);
        if (!id || id->find_first_not_of(" \t") == std::string::npos) {
            report(make_problem(file, number, "missing id", "missing \"id\": " + quote(line)));
            continue;
        }
        article.id = *id;
        article.title = string_field(record, "title", file, number, report).value_or("");
        auto text = string_field(record, "text", file, number, report);
        if (!text || text->empty()) {
            text = string_field(record, "body", file, number, report);
        }
        article.text = text.value_or("");
        article.source = string_field(record, "source", file, number, report).value_or("");
        article.url = string_field(record, "url", file, number, report).value_or("");
        article.category = string_field(record, "category", file, number, report).value_or("");
        if (const auto date = string_field(record, "date", file, number, report);
            date && !date->empty()) {
            if (const auto parsed = dates::parse(*date)) {
                article.date = parsed;
                article.date_source = DateSource::metadata;
            } else {
                report(make_problem(file, number, "unparsable date",
                                    "field \"date\" is not a date: " + quote(*date) +
                                        " (indexed as undated)",
                                    false));
            }
        }
        if (article.title.empty() && article.text.empty()) {
            report(make_problem(file, number, "no article text",
                                "no \"title\" or \"text\" for id " + quote(article.id)));
            continue;
        }
        article.origin = source.origin;
        sink(std::move(article));
    }
    int errnum = Z_OK;
    const char* message = gzerror(in.get(), &errnum);
    if (errnum != Z_OK && errnum != Z_STREAM_END) {
        report(make_problem(file, number + 1, "unreadable file",
                            std::string("cannot decompress: ") + message));
    }
    if (progress) {
        progress(source.size);
    }
}

}  // namespace

void read_articles(const SourceFile& source, const Manifest* manifest,
                   const std::function<void(Article&&)>& sink,
                   const std::function<void(Problem)>& report,
                   const std::function<void(std::uintmax_t)>& progress)
{
    if (source.kind == SourceKind::jsonl) {
        read_jsonl(source, sink, report, progress);
        return;
    }
    read_plain_text(source, manifest, sink, report);
    if (progress) {
        progress(source.size);
    }
}

}  // namespace akhbar
