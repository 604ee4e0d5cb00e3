#pragma once
/// @file
/// What an Akhbar database records about how it was built (schema, analyzer
/// and writer versions, profile), the checks a reader makes of it, and where
/// the default database lives.

#include <cstdint>
#include <filesystem>
#include <string>
#include <string_view>

#include <xapian.h>

namespace akhbar::schema {

/// Bumped whenever the terms (terms.hpp), the value slots (value_slots.hpp)
/// or the stored record (record.hpp) change meaning.
inline constexpr std::uint32_t SCHEMA_VERSION = 3;  // 2: SLOT_LEAD_END; 3: SLOT_TIE_KEY

/// Block size of the databases searchers open (glass's default).
inline constexpr int BLOCK_SIZE = 8192;

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

/// Reads the metadata of the database at `path` (a directory, a sharded
/// directory or a stub file, as Xapian opens them), checked by
/// require_compatible(). Throws IndexError when there is no database there,
/// it cannot be opened, or it is not a compatible Akhbar database.
[[nodiscard]] IndexInfo read_database_info(const std::filesystem::path& path);

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

/// The database used when no --db is given: $AKHBAR_DB if set, otherwise
/// $XDG_DATA_HOME/akhbar/default.db, otherwise ~/.local/share/akhbar/default.db.
[[nodiscard]] std::filesystem::path default_database_path();

}  // namespace akhbar::schema
