#pragma once
// "Did you mean": a query with its unknown words replaced by the closest
// words of the index, however the index is spread over search targets.
// Internal header.

#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include <xapian.h>

#include "query_parser.hpp"
#include "search_targets.hpp"
#include "spelling_index.hpp"

namespace akhbar::detail {

/// Spelling suggestions within this edit distance.
constexpr unsigned SPELLING_DISTANCE = 2;

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
/// suggestion from `index` (the first MAX_SPELLING_LOOKUPS such words);
/// nothing when no word changed. `mset`, when given, is the search's own: it
/// knows the frequencies of the query's terms without asking every target
/// again.
[[nodiscard]] std::optional<std::string> suggestion(const SearchTargets& targets,
                                                    SpellingIndexCache& index,
                                                    std::string_view query,
                                                    const ParsedQuery& parsed,
                                                    const Xapian::MSet* mset = nullptr);

}  // namespace akhbar::detail
