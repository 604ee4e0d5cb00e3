#pragma once
/// @file
/// The layout of a sharded database (`akhbar-index --shard-by`), which the
/// indexer writes and the searcher reads: a directory holding one database
/// per period (a period shard: `2025-11/` or `2025/`, and `undated/`), a
/// `spelling/` database, and a Xapian stub file, XAPIANDB, listing them, so
/// that the directory opens as one database anywhere Xapian opens databases.

#include <chrono>
#include <cstddef>
#include <filesystem>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include <xapian.h>

#include "akhbar/common/enum_names.hpp"
#include "akhbar/common/shard_by.hpp"

namespace akhbar {

/// The names of ShardBy (`--shard-by`, the stub's layout line).
inline constexpr EnumNames<ShardBy, 3> SHARD_BY_NAMES{{
    {ShardBy::none, "none"},
    {ShardBy::month, "month"},
    {ShardBy::year, "year"},
}};

namespace index_layout {

/// The stub file of a sharded database, inside its directory.
inline constexpr std::string_view STUB_NAME = "XAPIANDB";
/// The period shard of articles without a date.
inline constexpr std::string_view UNDATED_SHARD = "undated";
/// The database holding the spelling data of every period shard and no
/// documents, so that suggestions need only this one local database however
/// the shards are spread (Xapian's remote protocol carries no spelling data).
inline constexpr std::string_view SPELLING_DATABASE = "spelling";

/// One line of a stub file that names a database: `KIND ARG` (Xapian's
/// kinds are auto, glass, chert and remote).
struct StubEntry {
    std::string kind;
    std::string arg;          ///< the rest of the line after the first space
    std::size_t line = 0;     ///< 1-based, for messages
    std::string text;         ///< the whole line, for messages
};

/// A stub file as written: blank lines and `#` comments left out, except
/// the comment in which akhbar-index records its period.
struct Stub {
    /// The period akhbar-index recorded, as written; nullopt in a stub file
    /// that akhbar-index did not write.
    std::optional<std::string> shard_by;
    std::vector<StubEntry> entries;
};

/// Splits the text of a stub file into its entries. Never throws: what an
/// entry may be is for the reader to say.
[[nodiscard]] Stub parse_stub(std::string_view text);

/// Reads and parses the stub file at `path`; nullopt when it cannot be read.
[[nodiscard]] std::optional<Stub> read_stub(const std::filesystem::path& path);

/// The stub file of a directory sharded by `by` holding the databases
/// `shards` (`auto NAME` lines, in this order), with the period recorded.
[[nodiscard]] std::string format_stub(ShardBy by, const std::vector<std::string>& shards);

/// What the stub file of a sharded directory says.
struct ShardLayout {
    ShardBy by = ShardBy::none;
    std::vector<std::string> shards;  ///< directory names, sorted
};

/// Reads `dir`/XAPIANDB as format_stub() writes it; nullopt when there is
/// no stub file. Throws IndexError for a stub file akhbar-index did not
/// write, or one naming an unknown period.
[[nodiscard]] std::optional<ShardLayout> read_layout(const std::filesystem::path& dir);

/// The directory name of the period shard holding articles dated `date`
/// (`2025-11` by month, `2025` by year, `undated` without a date).
[[nodiscard]] std::string period_shard_name(ShardBy by,
                                            const std::optional<std::chrono::year_month_day>& date);

/// A document of one of `n` databases opened together as one.
struct DatabaseDocid {
    std::size_t database = 0;///< 0-based, in the order the databases were added
    Xapian::docid docid = 0;  ///< in that database
};

/// Where the document `combined` of `n` databases opened together lives:
/// Xapian interleaves their document ids (combined = (docid - 1) * n +
/// database + 1). `combined` is not 0, `n` is not 0.
[[nodiscard]] DatabaseDocid split_docid(Xapian::docid combined, std::size_t n) noexcept;

/// The inverse of split_docid(), as Xapian computes it (the tests check the
/// interleave both ways with it).
[[nodiscard]] Xapian::docid combine_docid(DatabaseDocid local, std::size_t n) noexcept;

}  // namespace index_layout

}  // namespace akhbar
