#pragma once
/// @file
/// The spelling lexicon of a database: the words its articles use, as the
/// analyzer normalizes them, with how often they occur and the spelling the
/// articles write most. "Did you mean" and search-as-you-type completions
/// read it; the indexer writes it.

#include <span>
#include <string>
#include <string_view>
#include <unordered_map>
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

// ---- The writing side (the indexer) ----

/// Metadata key of the lexicon's format ("1 BUCKETS"); a database without it
/// keeps its words in Xapian's spelling table (as earlier versions wrote it),
/// which read_spelling_lexicon() then reads, with `written` = `normalized`.
inline constexpr std::string_view META_LEXICON = "akhbar.lexicon";
/// Prefix of the lexicon's bucket keys: META_LEXICON + "." + 4 hex digits.
inline constexpr std::string_view META_LEXICON_BUCKET = "akhbar.lexicon.";
/// Buckets a new lexicon is split into (words hashed by FNV-1a): an update
/// rewrites only the buckets its words fall in.
inline constexpr unsigned LEXICON_BUCKETS = 4096;

/// A normalized word's tally, as the indexer adds it into a lexicon.
struct LexiconTally {
    std::string written;                  ///< the form written most (never empty once counted)
    Xapian::termcount count = 0;          ///< occurrences of the normalized word
    Xapian::termcount written_count = 0;  ///< occurrences of `written` (an estimate)

    friend bool operator==(const LexiconTally&, const LexiconTally&) = default;
};

/// Normalized word -> its tally.
using LexiconTallies = std::unordered_map<std::string, LexiconTally>;

/// Adds `from` into `into`: counts add up (saturating); the written form is
/// the one with the larger written count (equal: the smaller in byte order),
/// its count added up when both name the same form.
void merge_tally(LexiconTally& into, const LexiconTally& from);

/// Adds every tally of `from` into `into` (merge_tally() for a word in both).
void merge_tallies(LexiconTallies& into, const LexiconTallies& from);

/// The lexicon of `db` with the written forms' counts: what a merge needs.
/// Throws IndexError when a bucket is not in the format written here.
[[nodiscard]] LexiconTallies read_spelling_tallies(const Xapian::Database& db);

/// Merges `tallies` into the lexicon of `db`, rewriting only the buckets that
/// hold one of its words; a database whose words are in Xapian's spelling
/// table is converted first (the table is left as it is, and unread from
/// then on). Does not commit. Throws IndexError on a lexicon of another
/// format version.
void merge_into_spelling_lexicon(Xapian::WritableDatabase& db, const LexiconTallies& tallies);

/// Whether `key` is one of the lexicon's metadata keys.
[[nodiscard]] bool is_lexicon_key(std::string_view key);

/// The value of lexicon metadata `key` when several databases merged by
/// Xapian's compactor hold it (Compactor::resolve_duplicate_metadata): the
/// buckets merged entry by entry; the format key when all agree. Throws
/// IndexError when they do not (lexicons of different bucket counts).
[[nodiscard]] std::string merge_lexicon_metadata(std::string_view key,
                                                 std::span<const std::string> tags);

}  // namespace akhbar::schema
