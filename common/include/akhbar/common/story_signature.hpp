#pragma once
/// @file
/// Near-duplicate detection for story keys: a MinHash signature of an
/// article's body, the similarity two signatures estimate, and the LSH band
/// keys that find an article's candidate copies without comparing it with
/// every other.
///
/// The signature is computed over the set of word shingles (SHINGLE_WORDS
/// consecutive words, by the analyzer's normalized form, stopwords included:
/// text reuse shows in function words too) of the body: the title is left
/// out, since a republished story usually gets a new headline. Each of
/// SIGNATURE_HASHES hash functions keeps the smallest hash of any shingle;
/// two signatures agree at a place with probability equal to the Jaccard
/// similarity of the two shingle sets (Broder 1997), so the share of places
/// where they agree estimates it. Each place keeps 16 bits of its minimum
/// (b-bit MinHash, Li & König 2010): two different minima agree by chance
/// once in 65,536, a bias far below the estimate's own spread.

#include <array>
#include <cstddef>
#include <cstdint>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "akhbar/common/analyzer.hpp"

namespace akhbar::story {

/// Words per shingle. A body shorter than this is one shingle of all its words.
inline constexpr std::size_t SHINGLE_WORDS = 3;
/// Hash functions in a signature.
inline constexpr std::size_t SIGNATURE_HASHES = 64;
/// LSH: the signature's first BANDS * BAND_ROWS places, cut into BANDS bands
/// of BAND_ROWS places; two articles are candidates when all the places of
/// at least one band agree. For a pair of Jaccard similarity s the chance of
/// that is 1 - (1 - s^BAND_ROWS)^BANDS: 0.44 at 0.3, 0.75 at 0.4, 0.94 at
/// 0.5, 0.99 at 0.6.
inline constexpr std::size_t BAND_ROWS = 3;
inline constexpr std::size_t BANDS = 21;
static_assert(BANDS * BAND_ROWS <= SIGNATURE_HASHES);

/// Two articles whose signatures agree at this share of places or more are
/// copies of one story (chosen by bench/stories; see docs/stories.md)...
inline constexpr double SIMILARITY_THRESHOLD = 0.6;
/// ...unless they are one outlet's articles of two different days: then
/// this. An outlet that writes about a story again the next day puts a new
/// lead over the previous day's text, kept whole as background: a new
/// article whose body is mostly the old one (at 0.60, 19 of 31 such pairs
/// read were different news; docs/stories.md, "Precision").
inline constexpr double FOLLOW_UP_THRESHOLD = 0.9;

/// Who filed an article and when, as grouping compares them.
struct Filing {
    std::uint64_t source = 0;  ///< a hash of the source as written; 0: none
    std::uint32_t day = 0;     ///< YYYYMMDD; 0: undated
};

/// The filing of an article whose source is `source` (as written) and
/// whose date is `yyyymmdd` (SLOT_DATE's form; empty when undated).
[[nodiscard]] Filing filing(std::string_view source, std::string_view yyyymmdd) noexcept;

/// True when articles filed as `a` and `b` are one source's articles of two
/// known, different days.
[[nodiscard]] bool follow_up(const Filing& a, const Filing& b) noexcept;

/// The share of places two signatures must agree at for their articles,
/// filed as `a` and `b`, to be one story: FOLLOW_UP_THRESHOLD for a
/// follow_up(), SIMILARITY_THRESHOLD otherwise.
[[nodiscard]] double threshold(const Filing& a, const Filing& b) noexcept;

/// A body's signature: SIGNATURE_HASHES places of 16 bits.
using Signature = std::array<std::uint16_t, SIGNATURE_HASHES>;

/// The signature of a body analyzed into `tokens` (Analyzer::analyze, with
/// `normalized` filled); nullopt when no token has a normalized form (an
/// empty body: nothing to compare, so never part of a story).
[[nodiscard]] std::optional<Signature> signature(const std::vector<Token>& tokens);

/// The share of places where `a` and `b` agree: 0 to 1, an estimate of the
/// Jaccard similarity of their shingle sets.
[[nodiscard]] double similarity(const Signature& a, const Signature& b) noexcept;

/// Band `band`'s key (0 <= band < BANDS): equal for two signatures whose
/// places in the band all agree (and, by chance, once in about 2^64 otherwise).
[[nodiscard]] std::uint64_t band_key(const Signature& s, std::size_t band) noexcept;

/// The signature as stored in SLOT_STORY_SIGNATURE: 2 bytes per place,
/// little-endian.
[[nodiscard]] std::string serialise(const Signature& s);

/// The signature stored as serialise() writes it; nullopt for a value of
/// another length (a database written by another version: no signature).
[[nodiscard]] std::optional<Signature> unserialise(std::string_view value) noexcept;

}  // namespace akhbar::story
