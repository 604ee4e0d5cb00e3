#pragma once
/// @file
/// What `--db` names, as a list of shards: a database directory, a sharded
/// directory or Xapian stub file (expanded line by line, so that each shard
/// can be named in errors and left out when it is down), or a database served
/// by xapian-tcpsrv (`tcp://HOST:PORT`).

#include <chrono>
#include <functional>
#include <string>
#include <vector>

#include <xapian.h>

namespace akhbar::detail {

struct ShardSpec {
    /// As the user knows it: a path, or tcp://HOST:PORT.
    std::string name;
    bool remote = false;
    std::string path;  ///< local
    std::string host;  ///< remote
    unsigned port = 0;
};

/// Expands one `--db` value. Throws InvalidArgument for a malformed
/// tcp:// address or stub line (naming the file and line). The stub files
/// read on the way (a sharded directory's XAPIANDB among them) are added to
/// `stubs` when given: when one changes, so may the list of shards.
[[nodiscard]] std::vector<ShardSpec> expand_database(const std::string& spec,
                                                     std::vector<std::string>* stubs = nullptr);

/// Opens one shard; remote ones with `timeout` for connecting and for each
/// reply. Throws what Xapian throws.
[[nodiscard]] Xapian::Database open_shard(const ShardSpec& shard, std::chrono::milliseconds timeout);

/// Called, when set, as the Searcher starts opening its shards (at
/// construction and whenever the disk changed): lets a test change the disk
/// at that moment, as a writer's swap may. Empty in the tools.
extern std::function<void()> before_opening_for_test;

}  // namespace akhbar::detail
