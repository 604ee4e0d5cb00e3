#pragma once
/// @file
/// How a database is split into period shards: what `akhbar-index
/// --shard-by` takes and IndexerOptions::shard_by holds. The layout itself
/// is index_layout.hpp's (not installed).

#include <cstdint>
#include <optional>
#include <string_view>

#include "akhbar/common/api.hpp"

namespace akhbar {

/// How a database is split into period shards (`akhbar-index --shard-by`).
enum class ShardBy : std::uint8_t {
    none,   ///< one database
    month,  ///< one database per month (`2025-11`), plus `undated`
    year,   ///< one database per year (`2025`), plus `undated`
};

/// "none", "month", "year".
[[nodiscard]] AKHBAR_API std::string_view to_string(ShardBy by) noexcept;
/// The inverse of to_string(); nullopt for anything else.
[[nodiscard]] AKHBAR_API std::optional<ShardBy> parse_shard_by(std::string_view name) noexcept;

}  // namespace akhbar
