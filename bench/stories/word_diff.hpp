#pragma once
/// @file
/// A short word-level comparison of two bodies, for a person judging
/// whether two grouped articles tell one story.

#include <cstddef>
#include <string>
#include <string_view>
#include <vector>

namespace akhbar::story_bench {

/// One place where the bodies differ: the words of `a` there (`removed`)
/// and those of `b` (`added`); either may be empty.
struct DiffHunk {
    std::vector<std::string_view> removed;
    std::vector<std::string_view> added;
};

struct WordDiff {
    std::size_t words_a = 0;
    std::size_t words_b = 0;
    std::size_t common = 0;  ///< words of a longest common subsequence
    std::vector<DiffHunk> hunks;
};

/// The words (white-space separated) `a` and `b` share in order, and the
/// places they differ. Past MAX_DIFF_WORDS words (after the common start and
/// end are set aside) the rest of each is one last hunk, so that the cost stays bounded.
inline constexpr std::size_t MAX_DIFF_WORDS = 3000;
[[nodiscard]] WordDiff word_diff(std::string_view a, std::string_view b);

/// One line: the word counts, the share in common, and the first
/// `max_hunks` hunks as `-«…» +«…»`, each side cut after `max_words` words.
/// Unescaped: the words are the articles'.
[[nodiscard]] std::string summary(const WordDiff& diff, std::size_t max_hunks = 4,
                                  std::size_t max_words = 8);

}  // namespace akhbar::story_bench
