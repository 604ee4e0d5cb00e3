#pragma once
/// @file
/// What a collection holds, as Searcher::stats() counts it: for a status
/// page (`GET /stats` of akhbar-serve) and `akhbar-index --stats`.

#include <chrono>
#include <cstddef>
#include <cstdint>
#include <optional>
#include <string>
#include <vector>

#include "akhbar/searcher/searcher.hpp"

namespace akhbar {

/// One database searched (a local directory or a tcp:// server).
struct ShardStats {
    std::string name;  ///< as the user knows it: a path, or tcp://HOST:PORT
    std::size_t articles = 0;
    /// Xapian's revision of the database: each commit adds one. None for a
    /// remote shard (Xapian 1.4's remote protocol does not tell it).
    std::optional<std::uint64_t> revision;
    /// Bytes of the files of a local database; none for a remote shard.
    std::optional<std::uintmax_t> bytes_on_disk;
};

/// The collection searched, at the latest committed revision.
struct IndexStats {
    std::size_t articles = 0;
    /// The first and last publication day of the dated articles; none when
    /// no article is dated.
    std::optional<std::chrono::year_month_day> first_date;
    std::optional<std::chrono::year_month_day> last_date;
    std::size_t undated = 0;
    /// Articles per source, most first, then by name (every source).
    std::vector<FacetCount> sources;
    /// Articles without a source: `sources`' counts and this add up to
    /// `articles`, as `undated` and `months`' counts do.
    std::size_t unsourced = 0;
    /// Dated articles per month ("YYYY-MM"), oldest first, months without
    /// articles left out.
    std::vector<FacetCount> months;
    /// How the databases were built (schema::IndexInfo of the first one;
    /// the Searcher checked the others agree).
    std::string profile;
    std::string schema_version;
    std::string analyzer_version;
    std::vector<ShardStats> shards;
    /// Sum of the shards' bytes_on_disk (local shards only).
    std::uintmax_t bytes_on_disk = 0;
};

}  // namespace akhbar
