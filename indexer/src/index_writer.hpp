#pragma once
/// @file
/// The one interface behind the Indexer facade. Three ways of writing
/// implement it: a bulk build of one database (bulk_build.cpp), an in-place
/// update of one database (in_place_update.cpp), and a sharded index of one
/// database per period (sharded_index.cpp), which writes each period shard
/// through a writer of the first two kinds. See indexer.hpp for what each
/// call means; implementations may throw Xapian errors, which the facade
/// turns into IndexError.

#include <filesystem>
#include <memory>
#include <string>
#include <string_view>
#include <vector>

#include "akhbar/indexer/indexer.hpp"

namespace akhbar::detail {

class IndexWriter {
public:
    using Outcome = Indexer::Outcome;

    virtual ~IndexWriter() = default;

    virtual Outcome put(const Article& article) = 0;
    virtual bool remove(std::string_view id) = 0;
    [[nodiscard]] virtual std::vector<std::string> origins() const = 0;
    [[nodiscard]] virtual std::vector<std::string> ids_from(std::string_view origin) const = 0;
    virtual void commit() = 0;
    virtual void finish() = 0;
    virtual void abandon() = 0;
    [[nodiscard]] virtual std::size_t document_count() const = 0;

    /// True for a fresh build, written aside and swapped in at finish().
    [[nodiscard]] virtual bool bulk() const noexcept = 0;
    /// True once finish() or abandon() was called.
    [[nodiscard]] virtual bool finished() const noexcept = 0;
    [[nodiscard]] virtual const std::filesystem::path& path() const noexcept = 0;
    [[nodiscard]] virtual std::string_view profile() const noexcept = 0;
    [[nodiscard]] virtual ShardBy shard_by() const noexcept = 0;
    [[nodiscard]] virtual const std::vector<std::string>& repairs() const noexcept = 0;
};

/// The writer `options` ask for: a sharded index when they ask for one or
/// name one, otherwise a bulk build or an in-place update of one database.
/// InvalidArgument for options out of range (option_checks.cpp).
[[nodiscard]] std::unique_ptr<IndexWriter> open_index_writer(IndexerOptions options);

/// InvalidArgument, with the message of the option read from text, for an
/// option out of its range.
void check_options(const IndexerOptions& options);

/// The writer of one database: a bulk build when it is new, empty or to be
/// rebuilt, otherwise an in-place update.
[[nodiscard]] std::unique_ptr<IndexWriter> open_single_database(IndexerOptions options);

/// Abandons what `writer` did not finish, for destructors: never throws (the
/// database stays at its last commit).
void abandon_unfinished(IndexWriter& writer) noexcept;

}  // namespace akhbar::detail
