// The checks of the indexer's options as read from text: the library's, so
// that akhbar-index and an embedder refuse the same values with the same
// message (as the searcher's request_checks.cpp does for a search).

#include <string>

#include "akhbar/common/error.hpp"
#include "akhbar/common/quote.hpp"
#include "akhbar/indexer/indexer.hpp"

namespace akhbar {

ShardBy checked_shard_by(std::string_view name)
{
    if (const auto by = parse_shard_by(name)) {
        return *by;
    }
    std::string known;
    for (const ShardBy by : {ShardBy::none, ShardBy::month, ShardBy::year}) {
        known += (known.empty() ? "" : ", ") + std::string(to_string(by));
    }
    throw InvalidArgument("unknown shard period " + quote_for_message(name) + " (known: " + known +
                          ")");
}

}  // namespace akhbar
