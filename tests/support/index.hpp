#pragma once
// Building a test database through the indexer library, as akhbar-index
// does but quietly: the one helper the searcher tests share.

#include <filesystem>
#include <string>
#include <vector>

#include "akhbar/indexer/collection.hpp"
#include "akhbar/indexer/indexer.hpp"

namespace akhbar::test {

/// Indexes `paths` (files or folders) into `options.db`, commits, and
/// returns `options.db`. Problems in the input are not reported.
inline std::filesystem::path index_paths(const IndexerOptions& options,
                                         const std::vector<std::string>& paths)
{
    Indexer writer(options);
    RunObserver quiet;
    RunOptions run;
    run.paths = paths;
    (void)index_collection(writer, run, quiet);
    writer.finish();
    return options.db;
}

}  // namespace akhbar::test
