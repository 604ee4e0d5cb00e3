#pragma once
// Writing through the API (POST /articles, DELETE /articles/{id}): the
// indexer library's Indexer and JSON Lines reader, one commit per request.

#include <cstddef>
#include <filesystem>
#include <mutex>
#include <string>
#include <string_view>
#include <vector>

#include "akhbar/indexer/collection.hpp"

namespace akhbar::server {

/// A line of a request body that could not be indexed as given.
struct WriteProblem {
    std::size_t line = 0;  ///< 1-based line of the body; 0 for the whole body
    std::string reason;    ///< short key: "malformed JSON", "bad field", ...
    std::string message;   ///< `body:LINE: what is wrong: "value"`
    bool skipped = true;   ///< false: indexed with the problem repaired
};

/// What one write request did: the indexer's counts (added, updated,
/// unchanged, deleted, skipped) and each line's problem.
struct WriteSummary {
    IndexRunSummary counts;
    std::vector<WriteProblem> problems;
};

/// Writes to one database; requests are served one at a time (the
/// database has one writer). Thread-safe.
class ArticleWriter {
public:
    explicit ArticleWriter(std::filesystem::path db) : m_db(std::move(db)) {}

    /// Adds or updates the articles of `jsonl` (the indexer's input format,
    /// an article a line, gzip allowed) and commits once. Lines that cannot
    /// be read are reported with their line number and skipped. Throws
    /// IndexError when the database cannot be written (locked by another
    /// writer: the message says so).
    WriteSummary put(std::string_view jsonl);

    /// Removes the article `id` and commits; false when there is none.
    /// Throws IndexError as put() does.
    bool remove(std::string_view id);

private:
    std::filesystem::path m_db;
    std::mutex m_mutex;
};

}  // namespace akhbar::server
