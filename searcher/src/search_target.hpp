#pragma once
/// @file
/// A search target: one database a search runs against, as `--db` names it
/// — a database directory, a period shard of a sharded directory or a line
/// of a Xapian stub file (expanded line by line, so that each target can be
/// named in errors and left out when it is down), or a database served by
/// xapian-tcpsrv (`tcp://HOST:PORT`). SearchTargets (search_targets.hpp)
/// opens a list of them as one database.

#include <chrono>
#include <functional>
#include <string>
#include <vector>

#include <xapian.h>

namespace akhbar::detail {

struct SearchTarget {
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
/// `stubs` when given: when one changes, so may the list of targets.
[[nodiscard]] std::vector<SearchTarget> expand_database(const std::string& spec,
                                                      std::vector<std::string>* stubs = nullptr);

/// Opens one target; remote ones with `timeout` for connecting and for each
/// reply. Throws what Xapian throws.
[[nodiscard]] Xapian::Database open_target(const SearchTarget& target,
                                           std::chrono::milliseconds timeout);

/// Called, when set, as the Searcher starts opening its targets (at
/// construction and whenever the disk changed): lets a test change the disk
/// at that moment, as a writer's swap may. Empty in the tools.
extern std::function<void()> before_opening_for_test;

}  // namespace akhbar::detail
