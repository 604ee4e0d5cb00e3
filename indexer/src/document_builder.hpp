#pragma once
/// @file
/// Article -> Xapian document: the one place that decides which terms,
/// positions, values and data an article becomes (by the schema of
/// common/terms.hpp, value_slots.hpp and record.hpp). Internal to the indexer; bench/ uses it to measure
/// Xapian's write path on exactly the documents the indexer writes.

#include <string>
#include <string_view>
#include <unordered_map>
#include <vector>

#include <xapian.h>

#include "akhbar/common/analyzer.hpp"
#include "akhbar/indexer/article.hpp"

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

    /// Adds the words seen at least SPELLING_MIN_COUNT times since the last
    /// flush to `db`'s spelling data, and forgets them.
    void flush_spelling(Xapian::WritableDatabase& db);

private:
    Analyzer m_analyzer;
    std::vector<Token> m_tokens;
    std::unordered_map<std::string, Xapian::termcount> m_spelling;
};

}  // namespace akhbar::detail
