#pragma once
/// @file
/// The indexer's count of the spelling words it sees: per normalized word,
/// how often, and the forms the articles write it in (at most four per word).

#include <cstdint>
#include <string>
#include <string_view>
#include <utility>
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

/// Normalized word -> its tally: an open-addressing table over a vector of
/// entries, because the tally is looked up once per token of every article.
/// Profiled (perf, full ANT build): std::unordered_map's lookups were 6.5%
/// of the writer threads' time, most of it cache misses on its chain of
/// nodes; here a probe reads one 8-byte slot holding the upper half of the
/// word's hash, and only a slot whose half matches reads its entry.
class SpellingCounts {
public:
    using Entry = std::pair<std::string, WordTally>;

    /// The tally of `word`, added empty if missing.
    WordTally& operator[](std::string_view word);

    [[nodiscard]] bool empty() const noexcept { return m_entries.empty(); }
    [[nodiscard]] std::size_t size() const noexcept { return m_entries.size(); }
    void clear() noexcept;

    /// Entries in the order the words were first seen.
    [[nodiscard]] std::vector<Entry>::const_iterator begin() const noexcept { return m_entries.begin(); }
    [[nodiscard]] std::vector<Entry>::const_iterator end() const noexcept { return m_entries.end(); }

private:
    /// Slot: the hash's upper 32 bits, then the entry's index + 1 (0: empty).
    void grow();
    [[nodiscard]] std::size_t home(std::uint32_t hash_high) const noexcept;

    std::vector<std::uint64_t> m_slots;
    std::vector<Entry> m_entries;
    unsigned m_bits = 0;  ///< m_slots.size() == 2^m_bits
};

/// Adds `from` into `into`.
void merge_counts(SpellingCounts& into, SpellingCounts&& from);

/// The words of `counts` seen at least SPELLING_MIN_COUNT times, as the
/// lexicon stores them.
[[nodiscard]] schema::LexiconTallies lexicon_tallies(const SpellingCounts& counts);

}  // namespace akhbar::detail
