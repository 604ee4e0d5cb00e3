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

unsigned spelling_distance(std::string_view word)
{
    const std::size_t letters = lenient_code_points(word).size();
    if (letters <= SPELLING_NONE_UP_TO) {
        return 0;
    }
    return letters <= SPELLING_ONE_EDIT_UP_TO ? 1 : SPELLING_DISTANCE;
}

std::optional<std::string> suggestion(const SearchTargets& targets, SpellingIndexCache& index,
                                      std::string_view query, const ParsedQuery& parsed,
                                      const HasHits& has_hits, const Xapian::MSet* mset)
{
    std::string suggested(query);
    bool changed = false;
    std::size_t lookups = 0;
    // Words are in query order: each is looked for after the one before, so
    // that a word typed inside an earlier one is not the one replaced.
    std::size_t cursor = 0;
    for (const QueryWord& w : parsed.words) {
        const std::size_t at = w.text.empty() ? std::string::npos : suggested.find(w.text, cursor);
        if (at != std::string::npos) {
            cursor = at + w.text.size();
        }
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
        const SpellingIndex& words = index.of(targets.opened());
        const std::string fix = words.best(w.normalized, spelling_distance(w.normalized));
        // Suggestions are normalized words, so one never differs from the
        // query only by hamza or diacritics; shown as the articles write
        // them (الجزائر, not the normalized الجزاير).
        if (fix.empty() || fix == w.normalized || at == std::string::npos) {
            continue;
        }
        const std::string written = words.written_form(fix);
        suggested.replace(at, w.text.size(), written);
        cursor = at + written.size();
        changed = true;
    }
    if (!changed || !has_hits(suggested)) {
        return std::nullopt;
    }
    return suggested;
}

}  // namespace akhbar::detail
