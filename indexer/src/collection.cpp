#include "akhbar/indexer/collection.hpp"

#include <filesystem>
#include <functional>
#include <set>
#include <unordered_map>

#include "akhbar/common/error.hpp"
#include "akhbar/common/quote.hpp"

namespace fs = std::filesystem;

namespace akhbar {

namespace {

struct Interrupted {};

bool is_under(const std::string& path, const std::vector<fs::path>& roots)
{
    const fs::path p(path);
    for (const fs::path& root : roots) {
        const auto rel = p.lexically_relative(root);
        if (!rel.empty() && *rel.begin() != "..") {
            return true;
        }
    }
    return false;
}

class CollectionRun {
public:
    CollectionRun(Indexer& writer, const IndexRunOptions& options, IndexRunObserver& observer)
        : m_writer(writer), m_options(options), m_observer(observer)
    {
    }

    IndexRunSummary run()
    {
        const auto start = std::chrono::steady_clock::now();
        const auto sources = collect_sources(m_options.paths, [this](Problem p) { report(p); });
        m_progress.files_total = sources.size();
        for (const SourceFile& s : sources) {
            m_progress.bytes_total += s.size;
        }
        try {
            for (const SourceFile& source : sources) {
                read_source(source);
                ++m_progress.files_done;
                ++m_summary.files;
                m_observer.on_progress(m_progress);
            }
            if (m_options.prune) {
                prune(sources);
            }
        } catch (const Interrupted&) {
            m_summary.interrupted = true;
        }
        m_writer.commit();
        m_summary.elapsed = std::chrono::steady_clock::now() - start;
        return m_summary;
    }

private:
    void report(const Problem& problem)
    {
        if (m_options.strict) {
            throw CorpusError(problem.file, problem.line,
                              problem.message.substr(problem.message.find(": ") + 2));
        }
        if (problem.skipped) {
            ++m_summary.skipped;
            ++m_summary.skipped_reasons[problem.reason];
            m_file_had_skips = true;
        } else {
            ++m_summary.repaired;
            ++m_summary.repaired_reasons[problem.reason];
        }
        m_observer.on_problem(problem);
    }

    const Manifest* manifest_for(const SourceFile& source)
    {
        if (source.kind != SourceKind::plain_text) {
            return nullptr;
        }
        const fs::path dir = source.path.parent_path();
        auto it = m_manifests.find(dir.string());
        if (it == m_manifests.end()) {
            std::optional<Manifest> manifest;
            const fs::path candidate = dir / MANIFEST_NAME;
            if (fs::exists(candidate)) {
                manifest = Manifest::load(candidate, [this](Problem p) { report(p); });
            }
            it = m_manifests.emplace(dir.string(), std::move(manifest)).first;
        }
        return it->second ? &*it->second : nullptr;
    }

    void read_source(const SourceFile& source)
    {
        m_file_had_skips = false;
        const std::uintmax_t bytes_before = m_progress.bytes_done;
        std::set<std::string> ids;
        const std::size_t origin_index = m_origins.size();
        m_origins.push_back(source.path.string());
        read_articles(
            source, manifest_for(source),
            [&](Article&& article, std::size_t line) {
                note_id(article.id, origin_index, line);
                ids.insert(article.id);
                m_summary.count(m_writer.put(article));
                ++m_progress.articles;
                m_observer.on_progress(m_progress);
            },
            [this](Problem p) { report(p); },
            [&](std::uintmax_t bytes) {
                m_progress.bytes_done = bytes_before + bytes;
                m_observer.on_progress(m_progress);
            },
            m_options.cancel);
        if (m_options.cancel != nullptr && m_options.cancel->load()) {
            // The source may be incomplete: it must not count as read
            // cleanly (prune would delete what was not read).
            throw Interrupted{};
        }
        m_progress.bytes_done = bytes_before + source.size;
        if (!m_file_had_skips) {
            m_clean_sources[source.origin] = std::move(ids);
        }
    }

    // Two articles with one id in a run: the later one is indexed (as a
    // re-run would replace the earlier), and the user is told where both are.
    void note_id(const std::string& id, std::size_t origin_index, std::size_t line)
    {
        const auto [it, inserted] =
            m_seen_ids.try_emplace(std::hash<std::string>{}(id), Place{origin_index, line});
        if (inserted) {
            return;
        }
        const Place earlier = it->second;
        it->second = Place{origin_index, line};
        Problem p;
        p.file = m_origins[origin_index];
        p.line = line;
        p.reason = "duplicate id";
        p.message = place(origin_index, line) + ": id " + quote_for_message(id) + " was already read at " +
                    place(earlier.origin, earlier.line) + "; this later article replaces it";
        p.skipped = false;
        report(p);
    }

    [[nodiscard]] std::string place(std::size_t origin_index, std::size_t line) const
    {
        const std::string& file = m_origins[origin_index];
        return line == 0 ? file : file + ":" + std::to_string(line);
    }

    void prune(const std::vector<SourceFile>& sources)
    {
        std::vector<fs::path> roots;
        for (const SourceFile& s : sources) {
            if (s.origin != "-") {
                roots.push_back(s.root);
            }
        }
        for (const std::string& origin : m_writer.origins()) {
            if (origin == "-" || origin.starts_with("#") || !is_under(origin, roots)) {
                continue;
            }
            const auto clean = m_clean_sources.find(origin);
            const bool gone = !fs::exists(origin);
            if (!gone && clean == m_clean_sources.end()) {
                continue;  // read with problems (or not an article file now): keep its articles
            }
            for (const std::string& id : m_writer.ids_from(origin)) {
                if (gone || clean->second.count(id) == 0) {
                    if (m_options.cancel != nullptr && m_options.cancel->load()) {
                        throw Interrupted{};
                    }
                    m_summary.deleted += m_writer.remove(id) ? 1 : 0;
                }
            }
        }
    }

    Indexer& m_writer;
    const IndexRunOptions& m_options;
    IndexRunObserver& m_observer;
    IndexRunSummary m_summary;
    Progress m_progress;
    bool m_file_had_skips = false;
    std::unordered_map<std::string, std::optional<Manifest>> m_manifests;
    std::unordered_map<std::string, std::set<std::string>> m_clean_sources;
    struct Place {
        std::size_t origin;  // index into m_origins
        std::size_t line;
    };
    std::vector<std::string> m_origins;  // the files read, in order
    // Keyed by a 64-bit hash of the id, not the id (up to 239 bytes): the
    // map holds every article of a run. Two ids of one hash would be told as
    // a duplicate; among 10 million ids the chance is about 3 in a million.
    std::unordered_map<std::size_t, Place> m_seen_ids;
};

}  // namespace

IndexRunSummary index_collection(Indexer& writer, const IndexRunOptions& options,
                                 IndexRunObserver& observer)
{
    return CollectionRun(writer, options, observer).run();
}

}  // namespace akhbar
