#include "spelling.hpp"

#include "akhbar/common/terms.hpp"

namespace akhbar::detail {

// Suggestions come from one place however the targets are spread: the
// spelling database of a sharded directory when there is one (it holds
// every period shard's spelling data). Otherwise the lexicon of each local
// database, their counts added (SpellingIndex); none from remote ones
// (Xapian's protocol carries no spelling data).
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

std::optional<std::string> suggestion(const SearchTargets& targets, SpellingIndexCache& index,
                                      std::string_view query, const ParsedQuery& parsed,
                                      const Xapian::MSet* mset)
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
        // A bound on the work a query of many unknown words asks for
        // (each was 19 ms with Xapian's own search, see spelling_index.cpp).
        if (++lookups > MAX_SPELLING_LOOKUPS) {
            break;
        }
        const std::string fix = index.of(targets.opened()).best(w.normalized, SPELLING_DISTANCE);
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
