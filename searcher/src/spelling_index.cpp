#include "spelling_index.hpp"

#include <algorithm>
#include <numeric>

#include "akhbar/common/utf8.hpp"

// Why not Xapian's Database::get_spelling_suggestion: its candidates are the
// words sharing a fragment with the misspelled one, and its fragments are
// bytes (a head of 2 bytes, trigrams of 3). An Arabic letter is 2 bytes of
// UTF-8, so the head is one letter and the candidate lists hold a large share
// of the vocabulary, each word decoded and compared (19 ms a word on ANT,
// see docs/architecture.md). Here the lexicon is a trie over code points,
// searched with one row of the edit-distance table per node (Oflazer's
// error-tolerant trie search; Schulz & Mihov call it "the classical
// approach"), a branch left as soon as its row holds nothing within the
// distance: only the few thousand nodes near the word are seen.

namespace akhbar::detail {

std::u32string lenient_code_points(std::string_view text)
{
    std::u32string out;
    std::size_t pos = 0;
    while (pos < text.size()) {
        const auto bad = utf8::find_invalid(text.substr(pos));
        const std::size_t valid_end = bad ? pos + *bad : text.size();
        while (pos < valid_end) {
            out.push_back(utf8::next(text, pos));
        }
        if (bad) {
            out.push_back(static_cast<unsigned char>(text[pos]));
            ++pos;
        }
    }
    return out;
}

SpellingIndex::SpellingIndex(const std::vector<const Xapian::Database*>& sources)
    : SpellingIndex([&] {
          std::vector<schema::LexiconWord> words;
          for (const Xapian::Database* db : sources) {
              std::vector<schema::LexiconWord> one = schema::read_spelling_lexicon(*db);
              words.insert(words.end(), std::make_move_iterator(one.begin()),
                           std::make_move_iterator(one.end()));
          }
          return words;
      }())
{
}

SpellingIndex::SpellingIndex(std::vector<schema::LexiconWord> words)
{
    // One entry per normalized word: counts added, the written form of the
    // largest count kept (the form written most over all lexicons, as near
    // as their counts tell).
    // One lexicon comes sorted already (read_spelling_lexicon's contract):
    // checked, not sorted again (a third of the build on ANT).
    const auto by_normalized = [](const auto& a, const auto& b) {
        return a.normalized < b.normalized;
    };
    if (!std::is_sorted(words.begin(), words.end(), by_normalized)) {
        std::stable_sort(words.begin(), words.end(), by_normalized);
    }
    std::vector<schema::LexiconWord> merged;
    std::vector<Count> counts;
    for (auto& w : words) {
        if (!merged.empty() && merged.back().normalized == w.normalized) {
            if (w.count > merged.back().count) {
                merged.back().written = std::move(w.written);
                merged.back().count = w.count;
            }
            counts.back() += w.count;
            continue;
        }
        counts.push_back(w.count);
        merged.push_back(std::move(w));
    }

    // Sorted by code points: the trie's order. For valid UTF-8 this is the
    // byte order already; invalid bytes decoded one by one may not keep it.
    std::vector<std::u32string> cps;
    cps.reserve(merged.size());
    for (const auto& w : merged) {
        cps.push_back(lenient_code_points(w.normalized));
    }
    std::vector<std::uint32_t> order(merged.size());
    std::iota(order.begin(), order.end(), 0U);
    const auto by_code_points = [&](std::uint32_t a, std::uint32_t b) { return cps[a] < cps[b]; };
    if (!std::is_sorted(order.begin(), order.end(), by_code_points)) {
        std::stable_sort(order.begin(), order.end(), by_code_points);
    }

    // Two byte strings can decode to the same code points (an invalid byte
    // and the letter of its value): one trie node, so one word, the more
    // counted.
    std::vector<std::u32string> sorted;
    m_words.reserve(merged.size());
    for (const std::uint32_t i : order) {
        if (!sorted.empty() && sorted.back() == cps[i]) {
            if (counts[i] <= m_words.back().count) {
                continue;
            }
            m_words.pop_back();
            sorted.pop_back();
        }
        Word w;
        w.normalized = static_cast<std::uint32_t>(m_text.size());
        w.normalized_size = static_cast<std::uint32_t>(merged[i].normalized.size());
        m_text += merged[i].normalized;
        if (merged[i].written == merged[i].normalized || merged[i].written.empty()) {
            w.written = w.normalized;
            w.written_size = w.normalized_size;
        } else {
            w.written = static_cast<std::uint32_t>(m_text.size());
            w.written_size = static_cast<std::uint32_t>(merged[i].written.size());
            m_text += merged[i].written;
        }
        w.count = counts[i];
        m_words.push_back(w);
        sorted.push_back(std::move(cps[i]));
    }
    m_nodes.emplace_back();
    build(0, sorted, 0, sorted.size(), 0);
    m_nodes.shrink_to_fit();
}

void SpellingIndex::build(std::uint32_t at, const std::vector<std::u32string>& cps, std::size_t lo,
                          std::size_t hi, std::size_t depth)
{
    // The word ending here, if any, comes first in the range (a prefix sorts
    // before its extensions); words are numbered as cps is.
    if (lo < hi && cps[lo].size() == depth) {
        m_nodes[at].word = static_cast<std::uint32_t>(lo);
        ++lo;
    }
    // Children first, all of them together, then each one's subtree.
    std::vector<std::pair<std::size_t, std::size_t>> runs;
    for (std::size_t i = lo; i < hi;) {
        std::size_t j = i + 1;
        while (j < hi && cps[j][depth] == cps[i][depth]) {
            ++j;
        }
        runs.emplace_back(i, j);
        i = j;
    }
    const auto first = static_cast<std::uint32_t>(m_nodes.size());
    m_nodes[at].first_child = first;
    m_nodes[at].children = static_cast<std::uint32_t>(runs.size());
    for (const auto& [i, j] : runs) {
        Node child;
        child.cp = cps[i][depth];
        m_nodes.push_back(child);
    }
    for (std::size_t r = 0; r < runs.size(); ++r) {
        build(first + static_cast<std::uint32_t>(r), cps, runs[r].first, runs[r].second, depth + 1);
    }
}

// One search for best(): the word's code points, one row of the
// optimal-string-alignment distance table per depth of the trie (the row of
// a node is made from its parent's and grandparent's), and the best word so
// far. Xapian's edit distance (api/editdistance.cc, Berghel & Roach's
// diagonal method with a transposition step) gave the same value as this
// table on every pair of strings over 3 letters up to 6 long and over 4
// letters up to 5 long, for limits 1 to 3 (checked exhaustively when this was
// written), so the order is Xapian's.
class SpellingIndex::Search {
public:
    Search(const SpellingIndex& index, std::u32string word, unsigned limit)
        : m_index(index), m_word(std::move(word)), m_columns(m_word.size() + 1), m_limit(limit)
    {
        m_rows.resize(m_columns);
        std::iota(m_rows.begin(), m_rows.end(), 0U);
    }

    void run()
    {
        const Node& root = m_index.m_nodes[0];
        for (std::uint32_t c = 0; c < root.children; ++c) {
            visit(root.first_child + c, 1, 0);
        }
    }

    [[nodiscard]] std::string result() const
    {
        // Xapian's rule: no suggestion when the word itself is counted more
        // often than the best correction.
        if (m_best == NONE || m_index.m_words[m_best].count < m_exact_count) {
            return {};
        }
        return std::string(m_index.normalized(m_index.m_words[m_best]));
    }

private:
    // Node `at` at `depth` (its code point is the depth-th of its words),
    // whose parent's code point is `parent_cp` (0 at depth 1).
    void visit(std::uint32_t at, std::size_t depth, char32_t parent_cp)
    {
        const Node& node = m_index.m_nodes[at];
        if (m_rows.size() < (depth + 1) * m_columns) {
            m_rows.resize((depth + 1) * m_columns);
        }
        unsigned* row = &m_rows[depth * m_columns];
        const unsigned* up = row - m_columns;
        const unsigned* up2 = depth >= 2 ? up - m_columns : nullptr;
        row[0] = static_cast<unsigned>(depth);
        unsigned least = row[0];
        for (std::size_t j = 1; j < m_columns; ++j) {
            const unsigned substitute = up[j - 1] + (node.cp == m_word[j - 1] ? 0U : 1U);
            unsigned d = std::min({up[j] + 1, row[j - 1] + 1, substitute});
            if (up2 != nullptr && j >= 2 && node.cp == m_word[j - 2] &&
                parent_cp == m_word[j - 1]) {
                d = std::min(d, up2[j - 2] + 1);
            }
            row[j] = d;
            least = std::min(least, d);
        }
        // A row holding nothing within the limit ends the branch: every cell
        // below comes from a cell of it plus something, a transposition
        // included (its source two rows up is no smaller than a cell here).
        if (least > m_limit) {
            return;
        }
        if (node.word != NONE && row[m_columns - 1] <= m_limit) {
            consider(node.word, row[m_columns - 1]);
        }
        for (std::uint32_t c = 0; c < node.children; ++c) {
            visit(node.first_child + c, depth + 1, node.cp);
        }
    }

    void consider(std::uint32_t w, unsigned distance)
    {
        const Word& word = m_index.m_words[w];
        if (distance == 0) {
            m_exact_count = word.count;
            return;
        }
        if (m_best != NONE && !better(word, distance)) {
            return;
        }
        m_best = w;
        m_best_distance = distance;
        m_limit = distance;  // nothing farther can win any more
    }

    // Xapian's order: smaller distance, then larger count, then byte order.
    [[nodiscard]] bool better(const Word& word, unsigned distance) const
    {
        const Word& best = m_index.m_words[m_best];
        if (distance != m_best_distance) {
            return distance < m_best_distance;
        }
        if (word.count != best.count) {
            return word.count > best.count;
        }
        return m_index.normalized(word) < m_index.normalized(best);
    }

    const SpellingIndex& m_index;
    std::u32string m_word;
    std::size_t m_columns;
    unsigned m_limit;
    std::vector<unsigned> m_rows;  // row d at [d * m_columns, (d + 1) * m_columns)
    std::uint32_t m_best = NONE;
    unsigned m_best_distance = 0;
    Count m_exact_count = 0;
};

std::string SpellingIndex::best(std::string_view word, unsigned max_distance) const
{
    // Xapian's bounds: no suggestion for a word of one byte, and a limit
    // below its length in bytes.
    if (word.size() <= 1 || max_distance == 0) {
        return {};
    }
    max_distance = static_cast<unsigned>(std::min<std::size_t>(max_distance, word.size() - 1));
    Search search(*this, lenient_code_points(word), max_distance);
    search.run();
    return search.result();
}

std::uint32_t SpellingIndex::node_of(const std::u32string& cps) const
{
    std::uint32_t at = 0;
    for (const char32_t cp : cps) {
        const Node& node = m_nodes[at];
        const auto begin = m_nodes.begin() + node.first_child;
        const auto end = begin + node.children;
        const auto child =
            std::lower_bound(begin, end, cp, [](const Node& n, char32_t c) { return n.cp < c; });
        if (child == end || child->cp != cp) {
            return NONE;
        }
        at = static_cast<std::uint32_t>(child - m_nodes.begin());
    }
    return at;
}

std::string SpellingIndex::written_form(std::string_view normalized) const
{
    const std::uint32_t at = node_of(lenient_code_points(normalized));
    if (at == NONE || m_nodes[at].word == NONE) {
        return std::string(normalized);
    }
    return std::string(written(m_words[m_nodes[at].word]));
}

std::vector<std::string> SpellingIndex::complete(std::string_view prefix, std::size_t limit) const
{
    if (prefix.empty() || limit == 0) {
        return {};
    }
    // The prefix's node; its subtree's words are a run of m_words (they were
    // numbered in the trie's order), from the first word below it on the
    // leftmost path to the word of its last leaf.
    const std::uint32_t at = node_of(lenient_code_points(prefix));
    if (at == NONE) {
        return {};
    }
    std::uint32_t first = at;
    while (m_nodes[first].word == NONE) {
        first = m_nodes[first].first_child;  // a node without a word has children
    }
    std::uint32_t last = at;
    while (m_nodes[last].children > 0) {
        last = m_nodes[last].first_child + m_nodes[last].children - 1;
    }
    std::vector<std::uint32_t> run(m_nodes[last].word - m_nodes[first].word + 1);
    std::iota(run.begin(), run.end(), m_nodes[first].word);
    const auto more = [&](std::uint32_t a, std::uint32_t b) {
        return m_words[a].count != m_words[b].count
                   ? m_words[a].count > m_words[b].count
                   : normalized(m_words[a]) < normalized(m_words[b]);
    };
    const std::size_t n = std::min(limit, run.size());
    std::partial_sort(run.begin(), run.begin() + static_cast<std::ptrdiff_t>(n), run.end(), more);
    std::vector<std::string> out;
    out.reserve(n);
    for (std::size_t i = 0; i < n; ++i) {
        out.emplace_back(written(m_words[run[i]]));
    }
    return out;
}

std::size_t SpellingIndex::bytes() const
{
    return m_nodes.capacity() * sizeof(Node) + m_words.capacity() * sizeof(Word) +
           m_text.capacity();
}

}  // namespace akhbar::detail
