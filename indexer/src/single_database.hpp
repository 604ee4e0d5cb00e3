#pragma once
/// @file
/// One Xapian database opened for writing (single_database.cpp), and what
/// its two writers share: a bulk build writes it anew (bulk_build.cpp), an
/// in-place update changes it (in_place_update.cpp).

#include <cstdint>
#include <filesystem>
#include <memory>
#include <string>
#include <vector>

#include <xapian.h>

#include "akhbar/common/analyzer.hpp"
#include "index_writer.hpp"

namespace akhbar::detail {

/// A database opened by open_single_database(), with what was decided on
/// opening it.
struct SingleDatabase {
    IndexerOptions options;
    std::filesystem::path target;
    std::string profile;
    Analyzer analyzer;
    /// In-place update: the database itself. Bulk build: the database in
    /// place, held open only for its lock.
    Xapian::WritableDatabase db;
    std::vector<std::string> repairs;  // what opening repaired after a killed run
};

/// What both writers of one database answer alike.
class SingleDatabaseWriter : public IndexWriter {
public:
    explicit SingleDatabaseWriter(SingleDatabase opened) : m_database(std::move(opened)) {}

    [[nodiscard]] bool finished() const noexcept override { return m_finished; }
    [[nodiscard]] const std::filesystem::path& path() const noexcept override
    {
        return m_database.target;
    }
    [[nodiscard]] std::string_view profile() const noexcept override
    {
        return m_database.profile;
    }
    [[nodiscard]] ShardBy shard_by() const noexcept override { return ShardBy::none; }
    [[nodiscard]] const std::vector<std::string>& repairs() const noexcept override
    {
        return m_database.repairs;
    }

protected:
    SingleDatabase m_database;
    bool m_finished = false;
};

/// The writer of a new, empty or rebuilt database.
[[nodiscard]] std::unique_ptr<IndexWriter> make_bulk_build(SingleDatabase opened);
/// The writer of a database with documents, changed in place.
[[nodiscard]] std::unique_ptr<IndexWriter> make_in_place_update(SingleDatabase opened);

/// Opens `path` for writing; IndexError naming `shown` when it is locked or
/// cannot be opened.
[[nodiscard]] Xapian::WritableDatabase open_writable(const std::filesystem::path& path, int action,
                                                     const std::filesystem::path& shown,
                                                     int block_size = 0);

/// Checks an article before anything is written: Utf8Error for a field that
/// is not UTF-8, InvalidArgument for what find_defect() finds.
void validate_article(const Article& a);

/// The largest SLOT_ADDED of `db` (0 for none).
[[nodiscard]] std::uint64_t last_added(const Xapian::Database& db);

}  // namespace akhbar::detail
