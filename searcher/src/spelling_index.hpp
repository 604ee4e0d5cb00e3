#pragma once
// The spelling lexicon of a Searcher's databases, held in memory as a trie
// over code points: the closest word to a misspelled one ("did you mean"),
// and the words starting with a prefix (completions). Internal header.

#include <cstddef>
#include <cstdint>
#include <string>
#include <string_view>
#include <vector>

#include <xapian.h>

#include "akhbar/common/spelling_lexicon.hpp"

namespace akhbar::detail {

/// The words of one or several lexicons, counts added for a word several
/// hold. Immutable once built; safe to read from several threads.
class SpellingIndex {
public:
    /// Occurrences of a word, added over lexicons.
    using Count = std::uint64_t;

    /// An empty index: no suggestion, no completion.
    SpellingIndex() : SpellingIndex(std::vector<schema::LexiconWord>{}) {}
    /// The words of `words`, in any order; one normalized word given several
    /// times counts the sum and keeps the written form of its largest count.
    explicit SpellingIndex(std::vector<schema::LexiconWord> words);
    /// The lexicons of `sources` (schema::read_spelling_lexicon), merged.
    explicit SpellingIndex(const std::vector<const Xapian::Database*>& sources);

    /// The word (normalized) that Xapian's Database::get_spelling_suggestion
    /// would suggest for `word` if it compared every word of the index:
    /// the smallest edit distance (code points, an adjacent transposition
    /// counting one), then the largest count, then the first in byte order;
    /// none when `word` itself is counted more often than that. Empty when
    /// there is none within `max_distance` (which, as Xapian does, is at most
    /// the length of `word` in bytes less one). Never throws on invalid
    /// UTF-8: a byte that starts no well-formed sequence is one code point.
    [[nodiscard]] std::string best(std::string_view word, unsigned max_distance) const;

    /// The form the articles write most of the index's word `normalized`
    /// (as best() gives it); `normalized` itself when the index has no
    /// written form for it (a database of Xapian's spelling table) or does
    /// not hold it.
    [[nodiscard]] std::string written_form(std::string_view normalized) const;

    /// Up to `limit` words whose normalized form starts with `prefix`
    /// (normalized, compared by code points), the most counted first (ties
    /// in byte order), as the articles write them. None for an empty prefix.
    [[nodiscard]] std::vector<std::string> complete(std::string_view prefix,
                                                    std::size_t limit) const;

    /// How many words.
    [[nodiscard]] std::size_t size() const { return m_words.size(); }
    /// Bytes held (the trie, the words and their text).
    [[nodiscard]] std::size_t bytes() const;

private:
    static constexpr std::uint32_t NONE = UINT32_MAX;

    // A trie node: the code point leading to it, its children (contiguous,
    // in code point order) and the word ending at it, if any.
    struct Node {
        char32_t cp = 0;
        std::uint32_t first_child = 0;
        std::uint32_t children = 0;
        std::uint32_t word = NONE;
    };
    // A word: offsets into m_text.
    struct Word {
        std::uint32_t normalized = 0;
        std::uint32_t written = 0;
        std::uint32_t normalized_size = 0;
        std::uint32_t written_size = 0;
        Count count = 0;
    };
    class Search;

    [[nodiscard]] std::string_view normalized(const Word& w) const
    {
        return std::string_view(m_text).substr(w.normalized, w.normalized_size);
    }
    [[nodiscard]] std::string_view written(const Word& w) const
    {
        return std::string_view(m_text).substr(w.written, w.written_size);
    }
    // Makes the children of node `at` from the words `cps[lo, hi)` (sorted,
    // sharing their first `depth` code points), then theirs.
    // The node reached by `cps` from the root; NONE when there is none.
    [[nodiscard]] std::uint32_t node_of(const std::u32string& cps) const;
    void build(std::uint32_t at, const std::vector<std::u32string>& cps, std::size_t lo,
               std::size_t hi, std::size_t depth);

    std::vector<Node> m_nodes;  // m_nodes[0] is the root
    std::vector<Word> m_words;  // in trie (code point) order
    std::string m_text;
};

/// `text`'s code points, a byte that starts no well-formed UTF-8 sequence
/// taken as the code point of its value (as Xapian's Utf8Iterator does).
[[nodiscard]] std::u32string lenient_code_points(std::string_view text);

}  // namespace akhbar::detail
