// The checks of the indexer's options as read from text: the library's, so
// that akhbar-index and an embedder refuse the same values with the same
// message (as the searcher's request_checks.cpp does for a search).

#include <charconv>
#include <string>

#include "akhbar/common/enum_names.hpp"
#include "akhbar/common/error.hpp"
#include "akhbar/common/index_layout.hpp"
#include "akhbar/common/quote.hpp"
#include "akhbar/indexer/indexer.hpp"
#include "index_writer.hpp"

namespace akhbar {

namespace {

InvalidArgument memory_out_of_range(std::string_view given)
{
    return InvalidArgument("memory budget must be a whole number of MB from " +
                           std::to_string(MIN_MEMORY_MB) + " to " +
                           std::to_string(MAX_MEMORY_MB) + ", not " + quote_for_message(given));
}

bool memory_in_range(std::size_t mb)
{
    return mb >= MIN_MEMORY_MB && mb <= MAX_MEMORY_MB;
}

}  // namespace

ShardBy checked_shard_by(std::string_view name)
{
    return value_of(SHARD_BY_NAMES, "shard period", name);
}

std::size_t checked_memory_mb(std::string_view text)
{
    std::size_t mb = 0;
    const char* end = text.data() + text.size();
    const auto [stop, error] = std::from_chars(text.data(), end, mb);
    if (text.empty() || error != std::errc{} || stop != end || !memory_in_range(mb)) {
        throw memory_out_of_range(text);
    }
    return mb;
}

namespace detail {

void check_options(const IndexerOptions& options)
{
    if (!memory_in_range(options.memory_mb)) {
        throw memory_out_of_range(std::to_string(options.memory_mb));
    }
    // A bulk build also writes a segment per commit_every articles.
    if (options.commit_every == 0) {
        throw InvalidArgument("commit_every must be at least 1, not 0");
    }
}

}  // namespace detail

}  // namespace akhbar
