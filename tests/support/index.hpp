#pragma once
// Building a test database through the indexer library, as akhbar-index
// does but quietly: the helpers the searcher tests share.

#include <filesystem>
#include <map>
#include <string>
#include <vector>

#include "akhbar/indexer/collection.hpp"
#include "akhbar/indexer/indexer.hpp"
#include "support/temp_dir.hpp"

namespace akhbar::test {

/// Indexes `paths` (files or folders) into `options.db`, commits, and
/// returns `options.db`. Problems in the input are not reported.
inline std::filesystem::path index_paths(const IndexerOptions& options,
                                         const std::vector<std::string>& paths)
{
    Indexer writer(options);
    IndexRunObserver quiet;
    IndexRunOptions run;
    run.paths = paths;
    (void)index_collection(writer, run, quiet);
    writer.finish();
    return options.db;
}

/// Writes the JSON Lines `articles` to `dir`/`file` and indexes that file
/// with `options` as index_paths() does, into `dir`/db when `options.db` is
/// empty; returns the database.
inline std::filesystem::path index_jsonl(const TempDir& dir, const std::string& articles,
                                         IndexerOptions options = {},
                                         const std::string& file = "articles.jsonl")
{
    if (options.db.empty()) {
        options.db = dir / "db";
    }
    return index_paths(options, {dir.write(file, articles).string()});
}

/// The JSON Lines `articles` indexed once per profile, each into its own
/// temporary folder: the folders by profile name, for as long as `dir` lives.
struct ProfileDatabases {
    TempDir dir;
    std::map<std::string, std::filesystem::path> by_profile;
    ProfileDatabases(const std::string& articles, const std::vector<std::string>& profiles)
    {
        for (const std::string& profile : profiles) {
            IndexerOptions options;
            options.db = dir / profile;
            options.profile = profile;
            by_profile[profile] = index_jsonl(dir, articles, options);
        }
    }
};

}  // namespace akhbar::test
