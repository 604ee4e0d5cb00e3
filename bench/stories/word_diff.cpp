#include "word_diff.hpp"

#include <algorithm>
#include <cstdint>
#include <cstdio>

#include "synthetic.hpp"

namespace akhbar::story_bench {

namespace {

using Words = std::vector<std::string_view>;

void add_hunk(WordDiff& diff, Words::const_iterator a0, Words::const_iterator a1,
              Words::const_iterator b0, Words::const_iterator b1)
{
    if (a0 != a1 || b0 != b1) {
        diff.hunks.push_back({Words(a0, a1), Words(b0, b1)});
    }
}

std::string side(const Words& w, std::size_t max_words)
{
    std::string out = "«";
    for (std::size_t i = 0; i < w.size() && i < max_words; ++i) {
        out += i == 0 ? "" : " ";
        out += w[i];
    }
    if (w.size() > max_words) {
        out += " …(" + std::to_string(w.size()) + " words)";
    }
    return out + "»";
}

}  // namespace

WordDiff word_diff(std::string_view a, std::string_view b)
{
    const Words wa = words(a);
    const Words wb = words(b);
    WordDiff diff;
    diff.words_a = wa.size();
    diff.words_b = wb.size();
    // The common start and end need no table.
    std::size_t head = 0;
    while (head < wa.size() && head < wb.size() && wa[head] == wb[head]) {
        ++head;
    }
    std::size_t tail = 0;
    while (tail < wa.size() - head && tail < wb.size() - head &&
           wa[wa.size() - 1 - tail] == wb[wb.size() - 1 - tail]) {
        ++tail;
    }
    diff.common = head + tail;
    const std::size_t n = std::min(wa.size() - head - tail, MAX_DIFF_WORDS);
    const std::size_t m = std::min(wb.size() - head - tail, MAX_DIFF_WORDS);
    const auto a0 = wa.begin() + static_cast<std::ptrdiff_t>(head);
    const auto b0 = wb.begin() + static_cast<std::ptrdiff_t>(head);
    // lcs[i][j]: the longest common subsequence of a[i..n) and b[j..m).
    std::vector<std::uint16_t> lcs((n + 1) * (m + 1), 0);
    const auto at = [&](std::size_t i, std::size_t j) -> std::uint16_t& { return lcs[i * (m + 1) + j]; };
    for (std::size_t i = n; i-- > 0;) {
        for (std::size_t j = m; j-- > 0;) {
            at(i, j) = a0[static_cast<std::ptrdiff_t>(i)] == b0[static_cast<std::ptrdiff_t>(j)]
                           ? static_cast<std::uint16_t>(at(i + 1, j + 1) + 1)
                           : std::max(at(i + 1, j), at(i, j + 1));
        }
    }
    diff.common += at(0, 0);
    std::size_t i = 0;
    std::size_t j = 0;
    std::size_t hi = 0;  // where the current hunk starts
    std::size_t hj = 0;
    while (i < n || j < m) {
        if (i < n && j < m && a0[static_cast<std::ptrdiff_t>(i)] == b0[static_cast<std::ptrdiff_t>(j)]) {
            add_hunk(diff, a0 + static_cast<std::ptrdiff_t>(hi), a0 + static_cast<std::ptrdiff_t>(i),
                     b0 + static_cast<std::ptrdiff_t>(hj), b0 + static_cast<std::ptrdiff_t>(j));
            ++i;
            ++j;
            hi = i;
            hj = j;
        } else if (j == m || (i < n && at(i + 1, j) >= at(i, j + 1))) {
            ++i;
        } else {
            ++j;
        }
    }
    // Whatever lies beyond the bounded part, up to the common end.
    add_hunk(diff, a0 + static_cast<std::ptrdiff_t>(hi), wa.end() - static_cast<std::ptrdiff_t>(tail),
             b0 + static_cast<std::ptrdiff_t>(hj), wb.end() - static_cast<std::ptrdiff_t>(tail));
    return diff;
}

std::string summary(const WordDiff& diff, std::size_t max_hunks, std::size_t max_words)
{
    const std::size_t longer = std::max(diff.words_a, diff.words_b);
    char head[160];
    std::snprintf(head, sizeof head, "A %zu words, B %zu; %zu in common in order (%.0f%% of the longer); %zu changes",
                  diff.words_a, diff.words_b, diff.common,
                  longer == 0 ? 100.0 : 100.0 * static_cast<double>(diff.common) / static_cast<double>(longer),
                  diff.hunks.size());
    std::string out = head;
    for (std::size_t h = 0; h < diff.hunks.size() && h < max_hunks; ++h) {
        out += h == 0 ? ": " : "; ";
        // Appended piece by piece: "-" + side(...) trips GCC 12's -Wrestrict false positive.
        out += '-';
        out += side(diff.hunks[h].removed, max_words);
        out += " +";
        out += side(diff.hunks[h].added, max_words);
    }
    if (diff.hunks.size() > max_hunks) {
        out += "; …";
    }
    return out;
}

}  // namespace akhbar::story_bench
