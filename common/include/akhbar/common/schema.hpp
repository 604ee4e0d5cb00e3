#pragma once
/// @file
/// The index schema: what the indexer writes and the searcher reads. Term
/// prefixes follow Xapian's conventions (Q unique id, S title, Z stemmed,
/// D/M/Y date, X... for our own fields).

#include <chrono>
#include <cstdint>
#include <filesystem>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include <xapian.h>

#include "akhbar/common/analyzer.hpp"
#include "akhbar/common/article.hpp"

namespace akhbar::schema {

/// Bumped whenever the layout below changes meaning.
inline constexpr std::uint32_t SCHEMA_VERSION = 3;  // 2: SLOT_LEAD_END; 3: SLOT_TIE_KEY

// Term prefixes.
inline constexpr std::string_view PREFIX_ID = "Q";            ///< boolean: article id
inline constexpr std::string_view PREFIX_ORIGIN = "XO";       ///< boolean: source file
inline constexpr std::string_view PREFIX_TITLE = "S";         ///< stems of title words (no positions)
inline constexpr std::string_view PREFIX_SOURCE = "XS";       ///< boolean: normalized source name
inline constexpr std::string_view PREFIX_CATEGORY = "XC";     ///< boolean: normalized category
inline constexpr std::string_view PREFIX_YEAR = "Y";          ///< boolean: YYYY
inline constexpr std::string_view PREFIX_MONTH = "M";         ///< boolean: YYYYMM
inline constexpr std::string_view PREFIX_DAY = "D";           ///< boolean: YYYYMMDD
inline constexpr std::string_view TERM_UNDATED = "XUNDATED";  ///< boolean: no date known
// Unprefixed terms are the stems of title and body words, with positions
// (title first, then BODY_POSITION_GAP, then body). Stopwords are not indexed.
// Stem terms (unprefixed and S) are stored in the compact encoding below.

/// Title words count this many times in the unprefixed terms, so a
/// title match outranks the same word in the body under BM25.
inline constexpr Xapian::termcount TITLE_WDF = 3;
/// Body positions start after the title's, with this gap, so that phrases
/// never match across the title/body boundary.
inline constexpr Xapian::termpos BODY_POSITION_GAP = 100;
/// Xapian rejects terms over 245 bytes; longer words are not indexed.
inline constexpr std::size_t MAX_TERM_BYTES = 240;
/// Block size of the databases searchers open (glass's default).
inline constexpr int BLOCK_SIZE = 8192;

// Value slots.
inline constexpr Xapian::valueno SLOT_DATE = 0;          ///< "YYYYMMDD", absent when undated
inline constexpr Xapian::valueno SLOT_SOURCE = 1;        ///< source as written
inline constexpr Xapian::valueno SLOT_CONTENT_HASH = 2;  ///< 16 hex digits, see content_hash()
/// The last term position of the article's lead, in decimal: its title and
/// the first paragraph of its body. Absent when the body is one paragraph
/// (nothing sets a lead apart from the rest) or has no indexed word.
inline constexpr Xapian::valueno SLOT_LEAD_END = 3;
/// tie_key() of the article's id: equal scores are ordered by it, so that
/// results do not depend on document ids (how the collection was sharded,
/// which writer thread took an article) nor on where its files were.
inline constexpr Xapian::valueno SLOT_TIE_KEY = 4;
/// Profile `lucene` only: the order the article was added to its database
/// (Xapian::sortable_serialise of 1, 2, ... within one build; an update
/// continues from the largest value given). Its equal scores are ordered by it,
/// as Lucene orders equal scores by document number, which is that order.
inline constexpr Xapian::valueno SLOT_ADDED = 5;

// Database metadata keys.
inline constexpr std::string_view META_SCHEMA = "akhbar.schema_version";
inline constexpr std::string_view META_PROFILE = "akhbar.profile";
inline constexpr std::string_view META_STEMMER = "akhbar.stemmer";
inline constexpr std::string_view META_ANALYZER = "akhbar.analyzer_version";
inline constexpr std::string_view META_WRITER = "akhbar.version";
/// "spelling" on the spelling database of a sharded directory, which holds
/// the spelling data of all its shards and no documents; absent elsewhere.
inline constexpr std::string_view META_ROLE = "akhbar.role";
inline constexpr std::string_view ROLE_SPELLING = "spelling";

using akhbar::DateSource;
using akhbar::to_string;
/// What a search result shows without the original files: stored as the
/// Xapian document data.
using StoredArticle = akhbar::Article;

/// Serializes an article for the document data (a versioned, length-prefixed
/// binary record; Xapian compresses document data itself).
[[nodiscard]] std::string encode(const StoredArticle& article);

/// Inverse of encode(); throws IndexError on a record it cannot read.
[[nodiscard]] StoredArticle decode(std::string_view data);

/// A stable 64-bit hash (FNV-1a) of everything encode() stores, as 16 hex
/// digits: equal hashes mean the indexed article would not change.
[[nodiscard]] std::string content_hash(const StoredArticle& article);

/// The SLOT_TIE_KEY value of the article with id `id`: FNV-1a of the id, as
/// 16 hex digits. (Not the id itself: ids share prefixes by source, and ties
/// would then favour some sources. Not content_hash(): it covers the file an
/// article was read from, so copies of one collection would order ties
/// apart.)
[[nodiscard]] std::string tie_key(std::string_view id);

/// "YYYY-MM-DD".
[[nodiscard]] std::string format_iso(std::chrono::year_month_day date);

/// "YYYYMMDD", the SLOT_DATE value and D term suffix.
[[nodiscard]] std::string format_compact(std::chrono::year_month_day date);

/// Compact term encoding. Xapian keys every posting, position list and
/// termlist entry by its term's bytes, and an Arabic letter takes two bytes in
/// UTF-8; stems are therefore stored with each Arabic letter U+0621..U+064A as
/// the single byte 0x80 + (cp - U+0621), every other code point as its UTF-8.
/// The mapping is injective and decodable (the single bytes are UTF-8
/// continuation bytes, which never start a UTF-8 sequence) and preserves
/// prefixes, so prefix queries work on encoded terms. Measured on ANT (41,686
/// articles): the compacted index goes from 210 MB to 182 MB and indexing gets
/// faster.
inline constexpr char32_t COMPACT_FIRST = 0x0621;  // ARABIC LETTER HAMZA
inline constexpr char32_t COMPACT_LAST = 0x064A;   // ARABIC LETTER YEH

/// Encodes a (valid UTF-8) stem as stored in the index.
[[nodiscard]] std::string encode_term(std::string_view utf8);

/// Decodes an encoded term back to UTF-8 (terms of other prefixes, which are
/// plain UTF-8 or ASCII, pass through unchanged).
[[nodiscard]] std::string decode_term(std::string_view term);

/// What a database records about how it was built.
struct IndexInfo {
    std::string schema_version;
    std::string profile;
    std::string stemmer;
    std::string analyzer_version;
    std::string writer_version;
};

/// Reads the metadata of `db`.
[[nodiscard]] IndexInfo read_index_info(const Xapian::Database& db);

/// Records this build's schema, analyzer version and writer version, and
/// `profile`/`stemmer`, in `db`.
void write_index_info(Xapian::WritableDatabase& db, std::string_view profile,
                      std::string_view stemmer);

/// Throws IndexError naming `path` when `info` was written by an
/// incompatible schema or analyzer version, or is missing on a database
/// that has documents (not an Akhbar database). Returns false for a
/// database with no metadata and no documents (a new one).
bool require_compatible(const IndexInfo& info, Xapian::doccount documents,
                        const std::string& path);

/// Calls `emit(term, position, in_title, token)` for every positional term
/// the index holds for an article: the encoded stem of each token that is
/// not a stopword, the title's first (from position 1), then the body's
/// after a gap of BODY_POSITION_GAP (so phrases never cross from one to the
/// other). The indexer writes exactly these; the searcher recomputes them
/// from the stored text where reading position lists costs more (remote
/// shards: one network round trip per list). `tokens` is scratch space.
template <class Emit>
void for_each_positional_term(const Analyzer& analyzer, std::string_view title,
                              std::string_view text, std::vector<Token>& tokens, Emit&& emit)
{
    const auto emit_all = [&](Xapian::termpos base, bool in_title) {
        for (const Token& t : tokens) {
            if (t.stopword || t.stem.empty() || t.stem.size() > MAX_TERM_BYTES) {
                continue;
            }
            emit(encode_term(t.stem), base + t.position + 1, in_title, t);
        }
    };
    analyzer.analyze(title, tokens);
    emit_all(0, true);
    const Xapian::termpos title_end = tokens.empty() ? 0 : tokens.back().position + 1;
    analyzer.analyze(text, tokens);
    emit_all(title_end + BODY_POSITION_GAP, false);
}

/// Where the first paragraph of `text` ends (the byte offset of its line
/// break) when another paragraph with text follows it; nullopt when the text
/// is a single paragraph. Leading blank lines are not a paragraph.
[[nodiscard]] std::optional<std::size_t> first_paragraph_end(std::string_view text);

/// The database used when no --db is given: $AKHBAR_DB if set, otherwise
/// $XDG_DATA_HOME/akhbar/default.db, otherwise ~/.local/share/akhbar/default.db.
[[nodiscard]] std::filesystem::path default_database_path();

}  // namespace akhbar::schema
