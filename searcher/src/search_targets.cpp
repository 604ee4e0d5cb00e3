#include "search_targets.hpp"

#include <algorithm>
#include <fstream>
#include <iterator>

#include "akhbar/common/index_layout.hpp"
#include "akhbar/common/index_metadata.hpp"

namespace akhbar::detail {

namespace {

std::string join(const std::vector<std::string>& parts, std::string_view separator)
{
    std::string out;
    for (const std::string& part : parts) {
        out += out.empty() ? "" : separator;
        out += part;
    }
    return out;
}

void combine(OpenTargets& out)
{
    out.db = Xapian::Database();
    for (const auto& h : out.handles) {
        out.db.add_database(h);
    }
}

}  // namespace

// The bytes that change on disk when a local target or the list of targets
// does: glass writes its version file (iamglass: revision, UUID, table roots)
// anew at each commit, a rebuild or a compaction swaps in a directory with
// another one, and `akhbar-index --shard-by` renames a new stub over the old
// one when it adds a shard. One small read per file, cheap enough for every
// query; opening every target to compare UUIDs and revisions is not. (Remote
// targets are followed by Xapian's own reopen().)
std::string disk_state(const std::vector<std::string>& stubs, const std::vector<SearchTarget>& targets)
{
    std::string state;
    const auto add = [&state](const std::string& file) {
        state += file;
        state += '\0';
        std::ifstream in(file, std::ios::binary);
        state.append(std::istreambuf_iterator<char>(in), std::istreambuf_iterator<char>());
        state += '\0';
    };
    for (const std::string& stub : stubs) {
        add(stub);
    }
    for (const auto& target : targets) {
        if (!target.remote) {
            add(target.path + "/iamglass");
        }
    }
    return state;
}

std::string describe_failure(const SearchTarget& target, const Xapian::Error& e)
{
    if (target.remote) {
        return target.name + " did not answer: " + e.get_msg();
    }
    if (std::string_view(e.get_type()) == "DatabaseNotFoundError") {
        return "no database at " + target.name + " (index articles with akhbar-index first)";
    }
    return "cannot open database " + target.name + ": " + e.get_msg();
}

OpenTargets open_all(const SearcherOptions& options)
{
    if (before_opening_for_test) {
        before_opening_for_test();
    }
    OpenTargets out;
    std::vector<SearchTarget> specs;
    for (const std::string& spec : options.databases) {
        for (auto& target : expand_database(spec, &out.stubs)) {
            specs.push_back(std::move(target));
        }
    }
    for (auto& target : specs) {
        Xapian::Database one;
        schema::IndexInfo info;
        Xapian::doccount documents = 0;
        try {
            one = open_target(target, options.timeout);
            info = schema::read_index_info(one);
            documents = one.get_doccount();
        } catch (const Xapian::Error& e) {
            if (!options.allow_partial) {
                throw IndexError(describe_failure(target, e));
            }
            out.unavailable.push_back(describe_failure(target, e));
            continue;
        }
        if (!schema::require_compatible(info, documents, target.name)) {
            throw IndexError(target.name + " is not an Akhbar database (it has no \"" +
                             std::string(schema::META_SCHEMA) + "\" metadata)");
        }
        if (!out.profile.empty() && info.profile != out.profile) {
            throw IndexError(target.name + " was built with analyzer profile \"" + info.profile +
                             "\", the other databases with \"" + out.profile +
                             "\": they cannot be searched as one");
        }
        out.profile = info.profile;
        if (!target.remote &&
            one.get_metadata(std::string(schema::META_ROLE)) == schema::ROLE_SPELLING) {
            out.spelling.push_back(one);
        }
        out.targets.push_back(std::move(target));
        out.handles.push_back(one);
    }
    if (out.targets.empty()) {
        throw IndexError("no shard could be opened; " + join(out.unavailable, "; "));
    }
    combine(out);
    return out;
}

void SearchTargets::open()
{
    m_opened = open_all(m_options);
    m_opened_hook(m_opened.profile);
    m_state = disk_state(m_opened.stubs, m_opened.targets);
    // A commit between opening and reading the state would leave the
    // handles a revision behind a state that looks current: move them to
    // the latest revision, which is the state's or newer (newer only
    // costs one more opening at the next call).
    try {
        for (std::size_t i = 0; i < m_opened.targets.size(); ++i) {
            if (!m_opened.targets[i].remote) {
                m_opened.handles[i].reopen();
            }
        }
    } catch (const Xapian::Error&) {
        m_state.reset();  // open again at the next call
    }
}

// When anything changed on disk since the targets were opened, opens them
// again, so the call answers from the latest committed revision. A target
// that cannot be opened while the disk changes under the opening (a rebuild
// or a compaction swapping its directory after the state was read) is tried
// again, up to max_attempts times: the change is a writer's, not a fault of
// the database.
void SearchTargets::refresh()
{
    if (m_state && disk_state(m_opened.stubs, m_opened.targets) == *m_state) {
        return;
    }
    // The old lists: a target left out as unavailable must still be watched.
    const std::vector<std::string> stubs = m_opened.stubs;
    const std::vector<SearchTarget> targets = m_opened.targets;
    for (int attempt = 1;; ++attempt) {
        const std::string before = disk_state(stubs, targets);
        const bool last = attempt >= Searcher::max_attempts;
        try {
            open();
        } catch (const IndexError&) {
            if (last || disk_state(stubs, targets) == before) {
                throw;
            }
            continue;
        }
        // With allow_partial a target that failed is left out, not thrown for.
        if (m_opened.unavailable.empty() || last || disk_state(stubs, targets) == before) {
            return;
        }
    }
}

void SearchTargets::leave_out_down(const Xapian::NetworkError& e)
{
    std::vector<std::string> failed;
    std::vector<SearchTarget> targets;
    std::vector<Xapian::Database> handles;
    for (std::size_t i = 0; i < m_opened.targets.size(); ++i) {
        try {
            if (m_opened.targets[i].remote) {
                m_opened.handles[i].keep_alive();
            }
            targets.push_back(m_opened.targets[i]);
            handles.push_back(m_opened.handles[i]);
        } catch (const Xapian::Error& probe) {
            failed.push_back(describe_failure(m_opened.targets[i], probe));
        }
    }
    if (failed.empty()) {
        throw IndexError("search failed: " + e.get_description());
    }
    if (!m_options.allow_partial || targets.empty()) {
        throw IndexError("shard " + join(failed, "; "));
    }
    m_opened.targets = std::move(targets);
    m_opened.handles = std::move(handles);
    m_opened.unavailable.insert(m_opened.unavailable.end(), failed.begin(), failed.end());
    combine(m_opened);
    m_narrowed_hook();
}

bool SearchTargets::reopen()
{
    // Local targets are followed as by every call (refresh()); remote ones
    // through Xapian's reopen(); targets that were down are tried again.
    const std::optional<std::string> seen = m_state;
    const bool remote_changed = on_latest_revision([&] {
        bool changed = false;
        for (std::size_t i = 0; i < m_opened.targets.size(); ++i) {
            if (m_opened.targets[i].remote) {
                changed = m_opened.handles[i].reopen() || changed;
            }
        }
        return changed;
    });
    if (m_state != seen) {
        return true;  // opened again by refresh()
    }
    if (!remote_changed && m_opened.unavailable.empty()) {
        return false;
    }
    m_state.reset();
    on_latest_revision([] { return true; });
    return true;
}

bool SearchTargets::any_remote() const
{
    return std::any_of(m_opened.targets.begin(), m_opened.targets.end(),
                       [](const auto& target) { return target.remote; });
}

bool SearchTargets::remote(Xapian::docid did) const
{
    return m_opened.targets[index_layout::split_docid(did, m_opened.handles.size()).database].remote;
}

std::vector<std::string> SearchTargets::names() const
{
    std::vector<std::string> names;
    for (const auto& target : m_opened.targets) {
        names.push_back(target.name);
    }
    return names;
}

void SearchTargets::mark(SearchResult& result) const
{
    result.partial = !m_opened.unavailable.empty();
    result.unavailable = m_opened.unavailable;
}

}  // namespace akhbar::detail
