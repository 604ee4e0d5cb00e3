#pragma once
/// @file
/// The spelling lexicon of a database: the words its articles use, as the
/// analyzer normalizes them, with how often they occur and the spelling the
/// articles write most. "Did you mean" and search-as-you-type completions
/// read it; the indexer writes it.

#include <string>
#include <vector>

#include <xapian.h>

namespace akhbar::schema {

/// One word of the lexicon.
struct LexiconWord {
    std::string normalized;  ///< as the analyzer's normalizer gives it
    std::string written;     ///< the form the articles write most (may equal `normalized`)
    Xapian::termcount count = 0;  ///< occurrences counted by the indexer

    friend bool operator==(const LexiconWord&, const LexiconWord&) = default;
};

/// The lexicon of `db`, sorted by `normalized` (byte order), one entry per
/// normalized word. Empty when `db` holds none.
[[nodiscard]] std::vector<LexiconWord> read_spelling_lexicon(const Xapian::Database& db);

}  // namespace akhbar::schema
