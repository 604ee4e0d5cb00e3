#include "spelling.hpp"

#include "akhbar/common/terms.hpp"

namespace akhbar::detail {

namespace {

// How often `word` was counted in `db`'s spelling data (0 when never).
Xapian::doccount spelling_frequency(const Xapian::Database& db, const std::string& word)
{
    auto it = db.spellings_begin();
    it.skip_to(word);
    return it != db.spellings_end() && *it == word ? it.get_termfreq() : 0;
}

}  // namespace

// Suggestions come from one place however the targets are spread: the
// spelling database of a sharded directory when there is one (it holds
// every period shard's spelling data). Otherwise each local database is asked
// and the candidate most frequent over all of them kept: Xapian 1.4 gives
// no suggestion over many databases at once where each alone gives one
// (seen with 20 and more month shards), and none from remote ones (its
// protocol carries no spelling data).
std::vector<const Xapian::Database*> spelling_sources(const OpenTargets& opened)
{
    std::vector<const Xapian::Database*> sources;
    if (!opened.spelling.empty()) {
        for (const auto& db : opened.spelling) {
            sources.push_back(&db);
        }
    } else {
        for (std::size_t i = 0; i < opened.handles.size(); ++i) {
            if (!opened.targets[i].remote) {
                sources.push_back(&opened.handles[i]);
            }
        }
    }
    return sources;
}

std::string spelling_suggestion(const std::vector<const Xapian::Database*>& sources,
                                const std::string& word)
{
    if (sources.size() == 1) {
        return sources.front()->get_spelling_suggestion(word, SPELLING_DISTANCE);
    }
    std::string best;
    Xapian::doccount best_freq = 0;
    for (const Xapian::Database* db : sources) {
        const std::string candidate = db->get_spelling_suggestion(word, SPELLING_DISTANCE);
        if (candidate.empty() || candidate == best) {
            continue;
        }
        Xapian::doccount freq = 0;
        for (const Xapian::Database* other : sources) {
            freq += spelling_frequency(*other, candidate);
        }
        if (freq > best_freq || (freq == best_freq && candidate < best)) {
            best = candidate;
            best_freq = freq;
        }
    }
    return best;
}

std::optional<std::string> suggestion(const SearchTargets& targets, std::string_view query,
                                      const ParsedQuery& parsed, const Xapian::MSet* mset)
{
    std::string suggested(query);
    bool changed = false;
    std::size_t lookups = 0;
    for (const QueryWord& w : parsed.words) {
        const std::string term = schema::encode_term(w.stem);
        if (w.stopword || w.stem.empty() ||
            (mset != nullptr ? mset->get_termfreq(term) : targets.db().get_termfreq(term)) > 0) {
            continue;
        }
        // Profiled (perf, ANT, 100 unknown words): 88% of the query's
        // time was in these spelling searches, about 19 ms each (11% in
        // the one-off root class table); hence MAX_SPELLING_LOOKUPS.
        if (++lookups > MAX_SPELLING_LOOKUPS) {
            break;
        }
        const std::string fix =
            spelling_suggestion(spelling_sources(targets.opened()), w.normalized);
        // Suggestions are normalized words, so one never differs from the
        // query only by hamza or diacritics.
        if (fix.empty() || fix == w.normalized) {
            continue;
        }
        const auto at = suggested.find(w.text);
        if (at != std::string::npos) {
            suggested.replace(at, w.text.size(), fix);
            changed = true;
        }
    }
    return changed ? std::optional(suggested) : std::nullopt;
}

}  // namespace akhbar::detail
