#include "article_writer.hpp"

#include <sys/mman.h>
#include <unistd.h>

#include <cerrno>
#include <cstring>
#include <limits>

#include "akhbar/common/error.hpp"
#include "akhbar/indexer/indexer.hpp"
#include "akhbar/indexer/sources.hpp"

namespace akhbar::server {

namespace {

// What the body's articles record as their origin: not a file, so that
// `akhbar-index --prune PATH` (which prunes origins under PATH) leaves them.
constexpr std::string_view BODY_ORIGIN = "http";
// More articles than a body can hold (each takes a line of at least a few
// bytes): the writer's periodic commits never come.
constexpr std::size_t ONE_COMMIT = std::numeric_limits<std::size_t>::max() / 2;

// The body as a file the indexer's reader opens by path: an anonymous
// memory file, so that the body is read by exactly the code that reads
// akhbar-index's input (line numbers, limits, gzip) and never touches disk.
class BodyFile {
public:
    explicit BodyFile(std::string_view body) : m_fd(::memfd_create("akhbar-body", MFD_CLOEXEC))
    {
        if (m_fd < 0) {
            throw Error(std::string("cannot hold the request body: ") + std::strerror(errno));
        }
        for (std::size_t done = 0; done < body.size();) {
            const ssize_t n = ::write(m_fd, body.data() + done, body.size() - done);
            if (n < 0 && errno == EINTR) {
                continue;
            }
            if (n <= 0) {
                ::close(m_fd);
                throw Error(std::string("cannot hold the request body: ") + std::strerror(errno));
            }
            done += static_cast<std::size_t>(n);
        }
    }
    ~BodyFile() { ::close(m_fd); }
    BodyFile(const BodyFile&) = delete;
    BodyFile& operator=(const BodyFile&) = delete;

    [[nodiscard]] std::string path() const { return "/proc/self/fd/" + std::to_string(m_fd); }

private:
    int m_fd;
};

// The reader's problem said of the body: "body:LINE: …" for "FILE:LINE: …".
WriteProblem body_problem(const Problem& p)
{
    WriteProblem out{p.line, p.reason, p.message, p.skipped};
    const std::string place = p.line == 0 ? p.file : p.file + ":" + std::to_string(p.line);
    if (out.message.starts_with(place)) {
        out.message = (p.line == 0 ? "body" : "body:" + std::to_string(p.line)) +
                      out.message.substr(place.size());
    }
    return out;
}

}  // namespace

WriteSummary ArticleWriter::put(std::string_view jsonl)
{
    const std::lock_guard lock(m_mutex);
    const BodyFile body(jsonl);
    SourceFile source;
    source.path = body.path();
    source.origin = BODY_ORIGIN;
    source.kind = SourceKind::jsonl;
    source.size = jsonl.size();

    IndexerOptions options;
    options.db = m_db;
    // One commit per request, at finish(): readers never see part of one.
    // (akhbar-serve also raises Xapian's own flush threshold.)
    options.commit_every = ONE_COMMIT;
    Indexer writer(options);
    WriteSummary summary;
    read_articles(
        source, nullptr,
        [&](Article&& article, std::size_t) { summary.counts.count(writer.put(article)); },
        [&](const Problem& p) {
            summary.counts.skipped += p.skipped ? 1 : 0;
            summary.problems.push_back(body_problem(p));
        });
    writer.finish();
    return summary;
}

bool ArticleWriter::remove(std::string_view id)
{
    const std::lock_guard lock(m_mutex);
    IndexerOptions options;
    options.db = m_db;
    Indexer writer(options);
    const bool removed = writer.remove(id);
    writer.finish();
    return removed;
}

}  // namespace akhbar::server
