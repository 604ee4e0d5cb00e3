#pragma once
/// @file
/// The indexer's count of the spelling words it sees: per normalized word,
/// how often, and the forms the articles write it in (at most four per word).

#include <string>
#include <string_view>
#include <unordered_map>
#include <vector>

#include <xapian.h>

#include "akhbar/common/spelling_lexicon.hpp"

namespace akhbar::detail {

/// A normalized word's occurrences, and how often each form was written,
/// exactly for up to MAX_FORMS forms: so the form chosen does not depend on
/// how the articles were split over partitions or segments. A word written
/// in more forms (diacritics) keeps the most written by the Space-Saving
/// algorithm (Metwally, Agrawal & El Abbadi, 2005): a further form replaces
/// the least counted one, with its count plus one, so a form written more
/// than a quarter of the time is never lost.
/// Costs a vector (24 bytes) and, per form, 40 bytes on the heap (a
/// std::string of 32 and a count; forms over 15 bytes take more): about 80
/// bytes for a word written one way, beside its key and count.
class WordTally {
public:
    /// Forms counted per word.
    static constexpr std::size_t MAX_FORMS = 4;

    /// One occurrence, written `written`.
    void add(std::string_view written);

    /// Adds the occurrences of `other` (another partition's, another batch's).
    void merge(const WordTally& other);

    [[nodiscard]] Xapian::termcount count() const noexcept { return m_count; }

    /// The count and the most written form (equal counts: the smaller in
    /// byte order), as the lexicon stores them.
    [[nodiscard]] schema::LexiconTally lexicon_tally() const;

private:
    struct Form {
        std::string written;
        Xapian::termcount n = 0;
    };
    /// Written more often, or as often and smaller in byte order.
    static bool more_written(const Form& a, const Form& b) noexcept;

    Xapian::termcount m_count = 0;
    std::vector<Form> m_forms;
};

/// Normalized word -> its tally.
using SpellingCounts = std::unordered_map<std::string, WordTally>;

/// Adds `from` into `into`.
void merge_counts(SpellingCounts& into, SpellingCounts&& from);

/// The words of `counts` seen at least SPELLING_MIN_COUNT times, as the
/// lexicon stores them.
[[nodiscard]] schema::LexiconTallies lexicon_tallies(const SpellingCounts& counts);

}  // namespace akhbar::detail
