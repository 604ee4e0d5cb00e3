#pragma once
/// @file
/// Article -> Xapian document: the one place that decides which terms,
/// positions, values and data an article becomes (by the schema of
/// common/terms.hpp, value_slots.hpp and record.hpp). Internal to the indexer; bench/ uses it to measure
/// Xapian's write path on exactly the documents the indexer writes.

#include <string>
#include <string_view>
#include <vector>

#include <xapian.h>

#include "akhbar/common/analyzer.hpp"
#include "akhbar/indexer/article.hpp"
#include "spelling_tally.hpp"

namespace akhbar::detail {

/// `prefix` + `value`.
[[nodiscard]] std::string term(std::string_view prefix, std::string_view value);

/// The origin term of a source file; long paths are hashed (Xapian terms
/// are limited to schema::MAX_TERM_BYTES).
[[nodiscard]] std::string origin_term(const std::string& origin);

/// Builds documents and collects the spelling words seen since the last
/// flush. One per thread.
class DocumentBuilder {
public:
    explicit DocumentBuilder(const Analyzer& analyzer) : m_analyzer(analyzer) {}

    /// `added`: the article's place in the order of addition (SLOT_ADDED),
    /// written for the lucene profile only; 0 writes nothing.
    [[nodiscard]] Xapian::Document build(const Article& a, const std::string& hash,
                                         std::uint64_t added = 0);

    /// What Xapian keeps in memory for the last document built, once added
    /// to a WritableDatabase, until that database's next flush (estimated).
    [[nodiscard]] std::size_t buffered_bytes() const noexcept { return m_buffered_bytes; }

    /// Merges the words seen at least SPELLING_MIN_COUNT times since the last
    /// flush into `db`'s spelling lexicon (not committed), and forgets them.
    void flush_spelling(Xapian::WritableDatabase& db);

    /// The words seen since the last flush or take, with their tallies, and
    /// forgets them (a bulk build adds them up over its partitions).
    [[nodiscard]] SpellingCounts take_spelling() noexcept;

private:
    Analyzer m_analyzer;
    std::vector<Token> m_tokens;
    SpellingCounts m_spelling;
    std::size_t m_buffered_bytes = 0;
};

}  // namespace akhbar::detail
