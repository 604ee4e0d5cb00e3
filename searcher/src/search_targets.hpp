#pragma once
// The search targets a Searcher runs against, kept open as one database: the
// databases `--db` names, expanded by search_target.hpp (local directories and
// tcp:// servers; a per-period shard of a sharded directory is one target
// among them). Opens them and checks they can be searched as one, follows
// what changes on disk, and leaves out targets that stop answering.
// Internal header.

#include <functional>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include <xapian.h>

#include "akhbar/common/error.hpp"
#include "akhbar/searcher/searcher.hpp"
#include "search_target.hpp"

namespace akhbar::detail {

/// The targets that answered, searched as one, and those that did not.
struct OpenTargets {
    Xapian::Database db;
    std::string profile;
    std::vector<SearchTarget> targets;
    std::vector<Xapian::Database> handles;  // one per target, same order
    std::vector<std::string> unavailable;   // "NAME: why"
    std::vector<std::string> stubs;         // stub files read to list the targets
    // Local databases holding the spelling data of a sharded directory (see
    // schema::META_ROLE); suggestions come from them alone when present.
    std::vector<Xapian::Database> spelling;
};

/// Opens every target `options` names and checks that they can be searched
/// as one (an Akhbar database of this schema, one analyzer profile). Throws
/// IndexError naming the target; with allow_partial, a target that cannot be
/// opened is listed in `unavailable` instead, unless none can be.
[[nodiscard]] OpenTargets open_all(const SearcherOptions& options);

/// The bytes that change on disk when a local target or the list of targets
/// does (their version files and the stub files), for comparing.
[[nodiscard]] std::string disk_state(const std::vector<std::string>& stubs,
                                     const std::vector<SearchTarget>& targets);

/// What went wrong with `target`, as an error message says it.
[[nodiscard]] std::string describe_failure(const SearchTarget& target, const Xapian::Error& e);

/// The targets of a Searcher, followed as they change on disk and as they
/// stop answering. Not thread-safe (Xapian handles are not).
class SearchTargets {
public:
    /// Called with the targets' analyzer profile after each opening.
    using Opened = std::function<void(const std::string& profile)>;
    /// Called when targets that stopped answering were left out: the
    /// vocabulary searched changed with them.
    using Narrowed = std::function<void()>;

    SearchTargets(Opened opened, Narrowed narrowed)
        : m_opened_hook(std::move(opened)), m_narrowed_hook(std::move(narrowed))
    {
    }

    /// Opens the targets of `options` (checked) for the first time.
    void open(SearcherOptions options)
    {
        m_options = std::move(options);
        open();
    }

    // Runs `work` on the latest committed revision (refresh()). When a
    // writer's commits overtake it (Xapian's DatabaseModifiedError: the
    // blocks of the revision it reads were reused), or a database error comes
    // with a change on disk (a directory swapped during the call), runs it
    // again on the new revision, up to max_attempts times. Xapian errors
    // become IndexErrors naming the target.
    template <class Work>
    auto on_latest_revision(Work work)
    {
        for (int attempt = 1;; ++attempt) {
            try {
                refresh();
                return leaving_out_targets_down(work);
            } catch (const Xapian::DatabaseModifiedError& e) {
                if (attempt >= Searcher::max_attempts) {
                    throw IndexError("the database changed during each of " +
                                     std::to_string(Searcher::max_attempts) + " attempts: " +
                                     e.get_description());
                }
                m_state.reset();  // a remote target may have changed: reopen all
            } catch (const Xapian::DatabaseError& e) {
                if (attempt >= Searcher::max_attempts ||
                    disk_state(m_opened.stubs, m_opened.targets) == m_state) {
                    throw IndexError("search failed: " + e.get_description());
                }
            } catch (const Xapian::Error& e) {
                throw IndexError("search failed: " + e.get_description());
            }
        }
    }

    /// Searcher::reopen(): picks up changes, asks remote targets to reopen,
    /// tries again those left out; true when something changed.
    bool reopen();

    /// The targets searched as one.
    [[nodiscard]] const Xapian::Database& db() const { return m_opened.db; }
    [[nodiscard]] const OpenTargets& opened() const { return m_opened; }
    /// How many targets answer.
    [[nodiscard]] std::size_t size() const { return m_opened.handles.size(); }
    [[nodiscard]] bool any_remote() const;
    /// Whether the document `did` of db() lives on a remote target.
    [[nodiscard]] bool remote(Xapian::docid did) const;
    /// The names of the targets that answer (paths, tcp://HOST:PORT).
    [[nodiscard]] std::vector<std::string> names() const;

    /// Marks `result` partial when some target is left out, naming them.
    void mark(SearchResult& result) const;

private:
    // Opens every target afresh: a rebuilt or compacted directory, a period shard
    // added to a sharded directory, a target that was down.
    void open();
    // What every reading call does first: opens the targets again when
    // anything changed on disk since they were opened.
    void refresh();

    // Runs `work` on the targets; when a remote target stops answering,
    // finds which (each is asked to answer within the timeout) and, with
    // allow_partial, runs it again without them.
    template <class Work>
    auto leaving_out_targets_down(Work work)
    {
        for (;;) {
            try {
                return work();
            } catch (const Xapian::NetworkError& e) {
                leave_out_down(e);
            }
        }
    }
    // Leaves out the targets that do not answer after `e`, or throws.
    void leave_out_down(const Xapian::NetworkError& e);

    SearcherOptions m_options;
    OpenTargets m_opened;
    // disk_state() of the targets as opened; none forces opening them again.
    // (Not an empty string: that is the state of remote targets without a
    // stub, which would then be reconnected to at every call.)
    std::optional<std::string> m_state;
    Opened m_opened_hook;
    Narrowed m_narrowed_hook;
};

}  // namespace akhbar::detail
