#include "akhbar/indexer/sources.hpp"

#include <algorithm>

#include "problem.hpp"
#include "source_readers.hpp"

namespace fs = std::filesystem;

namespace akhbar {

namespace {

using detail::make_problem;

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

}  // namespace

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
            if (std::error_code dir_ec; it->is_directory(dir_ec)) {
                // The iterator would skip it silently (or, without
                // skip_permission_denied, end the whole walk): look first.
                const fs::directory_iterator probe(it->path(), dir_ec);
                if (dir_ec) {
                    report(make_problem(it->path().string(), 0, "unreadable directory",
                                        "cannot read the directory: " + dir_ec.message() +
                                            "; nothing under it is indexed"));
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

void read_articles(const SourceFile& source, const Manifest* manifest, const ArticleSink& sink,
                   const std::function<void(Problem)>& report,
                   const std::function<void(std::uintmax_t)>& progress,
                   const std::atomic<bool>* cancel)
{
    if (source.kind == SourceKind::jsonl) {
        detail::read_jsonl(source, sink, report, progress, cancel);
        return;
    }
    detail::read_plain_text(source, manifest, sink, report);
    if (progress) {
        progress(source.size);
    }
}

void read_articles(const SourceFile& source, const Manifest* manifest,
                   const std::function<void(Article&&)>& sink,
                   const std::function<void(Problem)>& report,
                   const std::function<void(std::uintmax_t)>& progress)
{
    read_articles(
        source, manifest, [&](Article&& article, std::size_t /*line*/) { sink(std::move(article)); },
        report, progress);
}

}  // namespace akhbar
