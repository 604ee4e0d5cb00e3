#include "spelling_tally.hpp"

#include <algorithm>
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

void merge_counts(SpellingCounts& into, SpellingCounts&& from)
{
    if (into.empty()) {
        into = std::move(from);
        return;
    }
    for (auto& [word, tally] : from) {
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
