#pragma once
// "Did you mean": a query with its unknown words replaced by the closest
// words of the index, however the index is spread over search targets.
// Internal header.

#include <cstddef>
#include <functional>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include <xapian.h>

#include "query_parser.hpp"
#include "search_targets.hpp"
#include "spelling_index.hpp"

namespace akhbar::detail {

/// Spelling suggestions within this edit distance at most (spelling_distance()).
constexpr unsigned SPELLING_DISTANCE = 2;
/// Words of up to this many letters get no suggestion, and words of up to
/// SPELLING_ONE_EDIT_UP_TO letters suggestions one edit away; longer ones,
/// SPELLING_DISTANCE. Measured on ANT v2.1 (bench/spelling_limits.cpp: a
/// one- and a two-edit typo of each word written 10 or 100 times or more):
/// a suggestion for a one-edit typo is the word typed 24% / 36% of the time
/// for 3 letters (mostly another short word: قوم -> يوم), 38% / 56% for 4,
/// 55% / 73% for 5; a second edit adds more wrong suggestions than right
/// ones up to 6 letters for the first sample (41% / 59% right at 6, 51% /
/// 69% at 7). Four letters keep one edit: most Arabic stems have three or
/// four, and the frequent words are the ones searched for.
constexpr std::size_t SPELLING_NONE_UP_TO = 3;
constexpr std::size_t SPELLING_ONE_EDIT_UP_TO = 6;

/// The edit distance a suggestion for `word` (normalized) may be at: by its
/// length in code points, as above.
[[nodiscard]] unsigned spelling_distance(std::string_view word);

/// Whether a query (a suggestion) matches at least one article, run as the
/// search it corrects is run (its request's filters and flags).
using HasHits = std::function<bool(const std::string& query)>;

/// The databases that hold the spelling data of `opened`: its spelling
/// databases when it has some, otherwise each local target.
[[nodiscard]] std::vector<const Xapian::Database*> spelling_sources(const OpenTargets& opened);

/// The SpellingIndex of a Searcher's targets: the lexicons of their
/// spelling_sources(), counts added, read at the first call that needs it
/// after they were opened (forget()). Not thread-safe.
class SpellingIndexCache {
public:
    /// The index of `opened`, made now if not yet.
    [[nodiscard]] const SpellingIndex& of(const OpenTargets& opened)
    {
        if (!m_index) {
            m_index.emplace(spelling_sources(opened));
        }
        return *m_index;
    }

    /// The targets were opened again or narrowed: their words changed.
    void forget() { m_index.reset(); }

private:
    std::optional<SpellingIndex> m_index;
};

/// `query` with each word of `parsed` missing from `targets` replaced by its
/// suggestion from `index` (the first MAX_SPELLING_LOOKUPS such words), as
/// the articles write it most, the other words kept as typed; nothing when
/// no word changed or when the corrected query has no hits (`has_hits`).
/// `mset`, when given, is the search's own: it knows the frequencies of the
/// query's terms without asking every target again.
[[nodiscard]] std::optional<std::string> suggestion(const SearchTargets& targets,
                                                    SpellingIndexCache& index,
                                                    std::string_view query,
                                                    const ParsedQuery& parsed,
                                                    const HasHits& has_hits,
                                                    const Xapian::MSet* mset = nullptr);

}  // namespace akhbar::detail
