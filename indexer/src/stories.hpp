#pragma once
/// @file
/// Story keys: which articles of a database are copies of one story, and the
/// key each holds (SLOT_STORY and SLOT_STORY_MEMBERS, see value_slots.hpp). A story
/// is a connected component of the graph whose edges join two articles that
/// share an LSH band key (story::band_key) and whose signatures agree at
/// story::SIMILARITY_THRESHOLD or more; its key is the id of its earliest
/// article (by date, undated last, then id bytewise), held by each member of
/// a story of two or more and by no article alone.
///
/// Both writers of one database keep the keys right at every commit: a bulk
/// build groups all its segments at once before they are merged
/// (group_segments), an in-place update regroups what the articles of the
/// run touched (StoryGraph + regroup + write_story_keys). Band keys live in
/// memory only, never in the index (see docs/stories.md).

#include <algorithm>
#include <cstdint>
#include <filesystem>
#include <string>
#include <unordered_map>
#include <unordered_set>
#include <utility>
#include <vector>

#include <xapian.h>

#include "akhbar/common/story_signature.hpp"

namespace akhbar::detail {

/// The signatures of a database's articles and their LSH band keys, in
/// memory: the edges of the story graph, found without comparing each
/// article with every other. Kept current by put() and remove() as a writer
/// changes the database.
class StoryGraph {
public:
    /// Reads every signature of `db` and its article's filing (one pass
    /// over the value streams of SLOT_STORY_SIGNATURE, SLOT_DATE and
    /// SLOT_SOURCE); a signature of another length counts as none.
    explicit StoryGraph(const Xapian::Database& db);

    /// Document `did` has signature `sig` and was filed as `filing` now
    /// (added or replaced).
    void put(Xapian::docid did, const story::Signature& sig, const story::Filing& filing);
    /// Document `did` has no signature now (deleted, or an empty body).
    void remove(Xapian::docid did);

    /// True when document `did` has a signature.
    [[nodiscard]] bool has(Xapian::docid did) const { return m_signatures.contains(did); }

    /// Every document with a signature, in no particular order.
    [[nodiscard]] std::vector<Xapian::docid> documents() const;

    /// Calls `f(v)` for each document v other than `did` sharing a band key
    /// with it (once per shared band: a caller skips what it has seen);
    /// nothing when `did` has no signature.
    template <class F>
    void for_each_candidate(Xapian::docid did, F&& f) const;

    /// True when `a` and `b` (both with signatures) are an edge of the graph
    /// given that they share a band: their similarity reaches the threshold
    /// for their filings (story::threshold()).
    [[nodiscard]] bool similar(Xapian::docid a, Xapian::docid b) const;

private:
    using BandEntry = std::pair<std::uint64_t, Xapian::docid>;
    static constexpr unsigned BASE_START_SHIFT = 48;

    void index_bands(Xapian::docid did, const story::Signature& sig);

    struct Member {
        story::Signature signature;
        story::Filing filing;
    };
    std::unordered_map<Xapian::docid, Member> m_signatures;
    // The band keys read at construction, sorted (16 bytes an entry: a hash
    // map of vectors measured several times that); those of documents put
    // since are in m_added. Entries of a document replaced or deleted since
    // stay and are skipped: their band key no longer matches the signature.
    std::vector<BandEntry> m_base;
    // Where the entries whose key starts with each 16 bits begin in m_base
    // (and, last, its end): a search there looks at a dozen entries, where a
    // binary search of all of them missed the cache at each step (half the
    // grouping's time on ANT).
    std::vector<std::uint32_t> m_base_starts;
    std::unordered_map<std::uint64_t, std::vector<Xapian::docid>> m_added;
};

/// A document whose story values are to change.
struct StoryKeyChange {
    Xapian::docid did = 0;
    std::string key;      ///< what SLOT_STORY must hold ("" for an article alone)
    std::string members;  ///< what SLOT_STORY_MEMBERS must hold (likewise)
};

/// The documents of `db` whose story values are wrong once `seeds`
/// (documents added or changed) were written and the stories whose
/// SLOT_STORY_MEMBERS values are `old_stories` (read from documents replaced
/// or deleted, before) changed: the components of `graph` reached from the
/// seeds and from the members of those stories, transitively through every
/// story a reached document held (a deletion or an update can split a story
/// or move its key), regrouped. Seeds not in `db` are skipped. `graph` must
/// hold the signatures of `db` as it is now.
[[nodiscard]] std::vector<StoryKeyChange> regroup(const Xapian::Database& db,
                                                  const StoryGraph& graph,
                                                  const std::vector<Xapian::docid>& seeds,
                                                  const std::unordered_set<std::string>& old_stories);

/// Writes `change` into `db`: the two values, through glass's modification
/// shortcut (get_document, then replace_document of the same document),
/// which rewrites neither terms nor positions when only values changed.
void write_story_key(Xapian::WritableDatabase& db, const StoryKeyChange& change,
                     Xapian::docid local_did);

/// A bulk build's grouping, before the compactor merges `segments`: groups
/// every article of the segments opened together as one database, and
/// writes and commits the keys into each segment (split_docid() maps the
/// documents back), `threads` segments at a time. Returns the number of
/// articles whose key was written.
std::size_t group_segments(const std::vector<std::filesystem::path>& segments, unsigned threads);

template <class F>
void StoryGraph::for_each_candidate(Xapian::docid did, F&& f) const
{
    const auto it = m_signatures.find(did);
    if (it == m_signatures.end()) {
        return;
    }
    const story::Signature& sig = it->second.signature;
    const auto current = [&](Xapian::docid v, std::size_t band, std::uint64_t key) {
        if (v == did) {
            return false;
        }
        const auto s = m_signatures.find(v);
        return s != m_signatures.end() && story::band_key(s->second.signature, band) == key;
    };
    for (std::size_t band = 0; band < story::BANDS; ++band) {
        const std::uint64_t key = story::band_key(sig, band);
        const std::size_t top = key >> BASE_START_SHIFT;
        const auto end = m_base.begin() + m_base_starts[top + 1];
        auto lo = std::lower_bound(m_base.begin() + m_base_starts[top], end, BandEntry{key, 0});
        for (; lo != end && lo->first == key; ++lo) {
            if (current(lo->second, band, key)) {
                f(lo->second);
            }
        }
        if (const auto added = m_added.find(key); added != m_added.end()) {
            for (const Xapian::docid v : added->second) {
                if (current(v, band, key)) {
                    f(v);
                }
            }
        }
    }
}

}  // namespace akhbar::detail
