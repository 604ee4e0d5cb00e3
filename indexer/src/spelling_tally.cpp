#include "spelling_tally.hpp"

#include <algorithm>
#include <functional>
#include <limits>
#include <utility>
#include <vector>

namespace akhbar::detail {

namespace {

/// The lexicon keeps words seen at least this often (in a bulk build's
/// whole run, in an update's commit batch): typos and one-off strings
/// rarely repeat, and most distinct words are seen once.
constexpr Xapian::termcount SPELLING_MIN_COUNT = 2;

Xapian::termcount saturating_add(Xapian::termcount a, Xapian::termcount b)
{
    const Xapian::termcount max = std::numeric_limits<Xapian::termcount>::max();
    return a > max - b ? max : a + b;
}

}  // namespace

bool WordTally::more_written(const Form& a, const Form& b) noexcept
{
    return a.n != b.n ? a.n > b.n : a.written < b.written;
}

void WordTally::add(std::string_view written)
{
    m_count = saturating_add(m_count, 1);
    for (Form& f : m_forms) {
        if (f.written == written) {
            f.n = saturating_add(f.n, 1);
            return;
        }
    }
    if (m_forms.size() < MAX_FORMS) {
        m_forms.push_back({std::string(written), 1});
        return;
    }
    // Space-Saving: the new form takes the least counted one's place, and
    // its count plus one.
    Form& least = *std::min_element(m_forms.begin(), m_forms.end(),
                                    [](const Form& a, const Form& b) { return a.n < b.n; });
    least.written.assign(written);
    least.n = saturating_add(least.n, 1);
}

void WordTally::merge(const WordTally& other)
{
    m_count = saturating_add(m_count, other.m_count);
    for (const Form& f : other.m_forms) {
        const auto same = std::find_if(m_forms.begin(), m_forms.end(),
                                       [&](const Form& g) { return g.written == f.written; });
        if (same != m_forms.end()) {
            same->n = saturating_add(same->n, f.n);
        } else {
            m_forms.push_back(f);
        }
    }
    if (m_forms.size() > MAX_FORMS) {
        // Keep the most written (in byte order among equals: the same forms
        // whatever order the tallies are merged in).
        std::sort(m_forms.begin(), m_forms.end(), more_written);
        m_forms.resize(MAX_FORMS);
    }
}

schema::LexiconTally WordTally::lexicon_tally() const
{
    if (m_forms.empty()) {
        return {{}, m_count, 0};
    }
    const Form& best = *std::min_element(m_forms.begin(), m_forms.end(), more_written);
    return {best.written, m_count, best.n};
}

namespace {

constexpr unsigned FIRST_BITS = 12;  ///< 4,096 slots to start with

static_assert(sizeof(std::size_t) == 8, "the slots take the upper half of a 64-bit hash");

std::uint32_t hash_high(std::string_view word) noexcept
{
    return static_cast<std::uint32_t>(std::hash<std::string_view>{}(word) >> 32U);
}

std::uint32_t high_of(std::uint64_t slot) noexcept
{
    return static_cast<std::uint32_t>(slot >> 32U);
}

std::size_t index_of(std::uint64_t slot) noexcept
{
    return static_cast<std::size_t>(slot & 0xFFFFFFFFU) - 1;
}

}  // namespace

std::size_t SpellingCounts::home(std::uint32_t high) const noexcept
{
    // The hash's top bits choose the slot, so growing needs no rehash of
    // the words.
    return high >> (32U - m_bits);
}

WordTally& SpellingCounts::operator[](std::string_view word)
{
    if (m_slots.empty()) {
        m_bits = FIRST_BITS;
        m_slots.assign(std::size_t{1} << m_bits, 0);
    }
    const std::uint32_t high = hash_high(word);
    const std::size_t mask = m_slots.size() - 1;
    std::size_t at = home(high);
    for (;; at = (at + 1) & mask) {
        const std::uint64_t slot = m_slots[at];
        if (slot == 0) {
            break;
        }
        if (high_of(slot) == high) {
            Entry& e = m_entries[index_of(slot)];
            if (e.first == word) {
                return e.second;
            }
        }
    }
    m_entries.emplace_back(std::string(word), WordTally{});
    m_slots[at] = (std::uint64_t{high} << 32U) | m_entries.size();
    if (m_entries.size() * 2 > m_slots.size()) {
        grow();  // at most half full: probes stay short
    }
    return m_entries.back().second;
}

void SpellingCounts::grow()
{
    std::vector<std::uint64_t> old = std::exchange(m_slots, {});
    ++m_bits;
    m_slots.assign(std::size_t{1} << m_bits, 0);
    const std::size_t mask = m_slots.size() - 1;
    for (const std::uint64_t slot : old) {
        if (slot != 0) {
            std::size_t at = home(high_of(slot));
            while (m_slots[at] != 0) {
                at = (at + 1) & mask;
            }
            m_slots[at] = slot;
        }
    }
}

void SpellingCounts::clear() noexcept
{
    m_slots.clear();
    m_slots.shrink_to_fit();
    m_entries.clear();
    m_entries.shrink_to_fit();
    m_bits = 0;
}

void merge_counts(SpellingCounts& into, SpellingCounts&& from)
{
    if (into.empty()) {
        into = std::move(from);
        return;
    }
    for (const auto& [word, tally] : from) {
        into[word].merge(tally);
    }
    from.clear();
}

schema::LexiconTallies lexicon_tallies(const SpellingCounts& counts)
{
    schema::LexiconTallies out;
    for (const auto& [word, tally] : counts) {
        if (tally.count() >= SPELLING_MIN_COUNT) {
            out.emplace(word, tally.lexicon_tally());
        }
    }
    return out;
}

}  // namespace akhbar::detail
