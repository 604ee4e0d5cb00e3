#include "stories.hpp"

#include <algorithm>
#include <atomic>
#include <deque>
#include <exception>
#include <map>
#include <mutex>
#include <numeric>
#include <thread>
#include <tuple>

#include "akhbar/common/index_layout.hpp"
#include "akhbar/common/record.hpp"
#include "akhbar/common/terms.hpp"
#include "akhbar/common/value_slots.hpp"

namespace akhbar::detail {

namespace {

// Union-find over document ids (path halving): a component is known once
// its edges are, whichever order they come in, and an edge inside a known
// component needs no similarity computed.
class Components {
public:
    Xapian::docid find(Xapian::docid d)
    {
        auto it = m_parent.try_emplace(d, d).first;
        while (it->second != d) {
            const auto up = m_parent.find(it->second);
            it->second = up->second;
            d = it->second;
            it = m_parent.find(d);
        }
        return d;
    }

    void join(Xapian::docid a, Xapian::docid b) { m_parent[find(a)] = find(b); }

private:
    std::unordered_map<Xapian::docid, Xapian::docid> m_parent;
};

// The id of document `did`: its Q term (the stored record would be read
// whole for it).
std::string article_id(const Xapian::Database& db, Xapian::docid did)
{
    const std::string prefix(schema::PREFIX_ID);
    auto terms = db.termlist_begin(did);
    terms.skip_to(prefix);
    if (terms != db.termlist_end(did) && (*terms).starts_with(prefix)) {
        return (*terms).substr(prefix.size());
    }
    return {};
}

bool document_exists(const Xapian::Database& db, Xapian::docid did)
{
    try {
        (void)db.get_document(did);  // not lazy: throws for a document deleted
        return true;
    } catch (const Xapian::DocNotFoundError&) {
        return false;
    }
}

// The ids of a story of two or more in the order of its key: by date
// (YYYYMMDD, so bytewise is by day), undated after dated, then by id. The
// first is the story's key.
std::vector<std::string> story_order(const Xapian::Database& db,
                                     const std::vector<Xapian::docid>& members)
{
    std::vector<std::tuple<bool, std::string, std::string>> keys;
    keys.reserve(members.size());
    for (const Xapian::docid d : members) {
        std::string date = db.get_document(d).get_value(schema::SLOT_DATE);
        keys.emplace_back(date.empty(), std::move(date), article_id(db, d));
    }
    std::sort(keys.begin(), keys.end());
    std::vector<std::string> ids;
    ids.reserve(keys.size());
    for (auto& k : keys) {
        ids.push_back(std::move(std::get<2>(k)));
    }
    return ids;
}

}  // namespace

StoryGraph::StoryGraph(const Xapian::Database& db)
{
    const Xapian::valueno slot = schema::SLOT_STORY_SIGNATURE;
    auto dates = db.valuestream_begin(schema::SLOT_DATE);
    auto sources = db.valuestream_begin(schema::SLOT_SOURCE);
    // The value of `values` (a stream in document order) for `did`.
    const auto value_of = [](Xapian::ValueIterator& values, Xapian::docid did) {
        if (values == Xapian::ValueIterator()) {
            return std::string();
        }
        values.skip_to(did);
        return values != Xapian::ValueIterator() && values.get_docid() == did ? *values
                                                                              : std::string();
    };
    for (auto it = db.valuestream_begin(slot); it != db.valuestream_end(slot); ++it) {
        if (const auto sig = story::unserialise(*it)) {
            const Xapian::docid did = it.get_docid();
            m_signatures.emplace(did, Member{*sig, story::filing(value_of(sources, did),
                                                                 value_of(dates, did))});
            for (std::size_t band = 0; band < story::BANDS; ++band) {
                m_base.emplace_back(story::band_key(*sig, band), it.get_docid());
            }
        }
    }
    std::sort(m_base.begin(), m_base.end());
    m_base_starts.assign((std::size_t{1} << (64U - BASE_START_SHIFT)) + 1, 0);
    std::size_t i = 0;
    for (std::size_t top = 0; top + 1 < m_base_starts.size(); ++top) {
        m_base_starts[top] = static_cast<std::uint32_t>(i);
        while (i < m_base.size() && (m_base[i].first >> BASE_START_SHIFT) == top) {
            ++i;
        }
    }
    m_base_starts.back() = static_cast<std::uint32_t>(m_base.size());
}

void StoryGraph::put(Xapian::docid did, const story::Signature& sig, const story::Filing& filing)
{
    m_signatures.insert_or_assign(did, Member{sig, filing});
    for (std::size_t band = 0; band < story::BANDS; ++band) {
        m_added[story::band_key(sig, band)].push_back(did);
    }
}

void StoryGraph::remove(Xapian::docid did)
{
    m_signatures.erase(did);
}

std::vector<Xapian::docid> StoryGraph::documents() const
{
    std::vector<Xapian::docid> out;
    out.reserve(m_signatures.size());
    for (const auto& [did, member] : m_signatures) {
        out.push_back(did);
    }
    return out;
}

bool StoryGraph::similar(Xapian::docid a, Xapian::docid b) const
{
    const Member& x = m_signatures.at(a);
    const Member& y = m_signatures.at(b);
    return story::similarity(x.signature, y.signature) >= story::threshold(x.filing, y.filing);
}

std::vector<StoryKeyChange> regroup(const Xapian::Database& db, const StoryGraph& graph,
                                    const std::vector<Xapian::docid>& seeds,
                                    const std::unordered_set<std::string>& old_stories)
{
    // Breadth-first over the graph's edges and over the stories the reached
    // documents held before: what is reached is a union of whole components
    // of the graph now and of whole stories as they were, so every document
    // outside it keeps both its component and its key.
    Components components;
    std::unordered_map<Xapian::docid, std::string> reached;  // -> its members value now
    std::deque<Xapian::docid> queue;
    std::unordered_set<std::string> expanded;
    const auto reach = [&](Xapian::docid d) {
        if (reached.try_emplace(d).second) {
            queue.push_back(d);
        }
    };
    const auto expand = [&](const std::string& members) {
        if (!members.empty() && expanded.insert(members).second) {
            for (const std::string& id : schema::decode_story_members(members)) {
                if (const auto d = schema::document_of(db, id)) {
                    reach(*d);  // none when deleted since
                }
            }
        }
    };
    for (const std::string& members : old_stories) {
        expand(members);
    }
    for (const Xapian::docid d : seeds) {
        if (graph.has(d) || document_exists(db, d)) {
            reach(d);
        }
    }
    // A fresh build holds no story yet: no document to read for one.
    const bool stories_held = db.get_value_freq(schema::SLOT_STORY_MEMBERS) != 0;
    while (!queue.empty()) {
        const Xapian::docid u = queue.front();
        queue.pop_front();
        if (stories_held) {
            std::string members = db.get_document(u).get_value(schema::SLOT_STORY_MEMBERS);
            expand(members);
            reached[u] = std::move(members);
        }
        graph.for_each_candidate(u, [&](Xapian::docid v) {
            if (components.find(u) != components.find(v) && graph.similar(u, v)) {
                components.join(u, v);
                reach(v);
            }
        });
    }

    std::map<Xapian::docid, std::vector<Xapian::docid>> by_root;  // ordered: output is stable
    for (const auto& [d, key] : reached) {
        by_root[components.find(d)].push_back(d);
    }
    std::vector<StoryKeyChange> changes;
    for (auto& [root, members] : by_root) {
        std::string key;
        std::string value;
        if (members.size() > 1) {
            const std::vector<std::string> ids = story_order(db, members);
            key = ids.front();
            value = schema::encode_story_members(ids);
        }
        std::sort(members.begin(), members.end());
        for (const Xapian::docid d : members) {
            if (reached[d] != value) {
                changes.push_back({d, key, value});
            }
        }
    }
    return changes;
}

void write_story_key(Xapian::WritableDatabase& db, const StoryKeyChange& change,
                     Xapian::docid local_did)
{
    Xapian::Document doc = db.get_document(local_did);
    if (change.key.empty()) {
        doc.remove_value(schema::SLOT_STORY);
        doc.remove_value(schema::SLOT_STORY_MEMBERS);
    } else {
        doc.add_value(schema::SLOT_STORY, change.key);
        doc.add_value(schema::SLOT_STORY_MEMBERS, change.members);
    }
    db.replace_document(local_did, doc);
}

std::size_t group_segments(const std::vector<std::filesystem::path>& segments, unsigned threads)
{
    std::vector<StoryKeyChange> changes;
    {
        Xapian::Database all;
        for (const std::filesystem::path& segment : segments) {
            all.add_database(Xapian::Database(segment.string()));
        }
        const StoryGraph graph(all);
        changes = regroup(all, graph, graph.documents(), {});
    }  // closed before the segments are written
    std::vector<std::vector<std::pair<Xapian::docid, const StoryKeyChange*>>> by_segment(
        segments.size());
    for (const StoryKeyChange& change : changes) {
        const index_layout::DatabaseDocid local =
            index_layout::split_docid(change.did, segments.size());
        by_segment[local.database].emplace_back(local.docid, &change);
    }
    // Values only: a document whose terms changed would have all its
    // positions read (Xapian 1.4's Document::Internal::need_terms()), 6 s
    // for ANT's 4,727 then. The segments are written by `threads` threads,
    // the largest share first.
    std::vector<std::size_t> order(segments.size());
    std::iota(order.begin(), order.end(), std::size_t{0});
    std::sort(order.begin(), order.end(), [&](std::size_t a, std::size_t b) {
        return by_segment[a].size() > by_segment[b].size();
    });
    std::atomic<std::size_t> next{0};
    std::mutex error_mutex;
    std::exception_ptr error;
    const auto work = [&] {
        try {
            for (std::size_t k = next++; k < order.size() && !by_segment[order[k]].empty();
                 k = next++) {
                const std::size_t i = order[k];
                Xapian::WritableDatabase db(segments[i].string(),
                                            Xapian::DB_OPEN | Xapian::DB_NO_SYNC);
                for (const auto& [local, change] : by_segment[i]) {
                    write_story_key(db, *change, local);
                }
                db.commit();
            }
        } catch (...) {
            const std::lock_guard lock(error_mutex);
            error = std::current_exception();
            next = order.size();  // the others stop after their segment
        }
    };
    std::vector<std::thread> pool;
    for (unsigned t = 1; t < std::max(threads, 1U); ++t) {
        pool.emplace_back(work);
    }
    work();
    for (std::thread& t : pool) {
        t.join();
    }
    if (error) {
        std::rethrow_exception(error);
    }
    return changes.size();
}

}  // namespace akhbar::detail
