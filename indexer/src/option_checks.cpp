// The checks of the indexer's options as read from text: the library's, so
// that akhbar-index and an embedder refuse the same values with the same
// message (as the searcher's request_checks.cpp does for a search).

#include "akhbar/common/enum_names.hpp"
#include "akhbar/common/index_layout.hpp"
#include "akhbar/indexer/indexer.hpp"

namespace akhbar {

ShardBy checked_shard_by(std::string_view name)
{
    return value_of(SHARD_BY_NAMES, "shard period", name);
}

}  // namespace akhbar
