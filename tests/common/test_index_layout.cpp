#include <unistd.h>

#include <filesystem>
#include <fstream>

#include <boost/test/data/test_case.hpp>
#include <boost/test/unit_test.hpp>
#include <xapian.h>

#include "akhbar/common/error.hpp"
#include "akhbar/common/index_layout.hpp"

namespace fs = std::filesystem;
namespace layout = akhbar::index_layout;
namespace bdata = boost::unit_test::data;

using akhbar::ShardBy;

namespace {

// A directory of its own, removed at the end of the test.
struct TempDir {
    fs::path path;
    TempDir()
    {
        path = fs::temp_directory_path() / ("akhbar-layout-" + std::to_string(::getpid()));
        fs::remove_all(path);
        fs::create_directories(path);
    }
    ~TempDir() { fs::remove_all(path); }
    void write_stub(const std::string& text) const
    {
        std::ofstream(path / layout::STUB_NAME) << text;
    }
};

}  // namespace

BOOST_AUTO_TEST_SUITE(index_layout)

struct StubRow {
    const char* name;
    ShardBy by;
    std::vector<std::string> shards;
};
std::ostream& operator<<(std::ostream& os, const StubRow& r) { return os << r.name; }

const StubRow STUB_ROWS[] = {
    {"by month", ShardBy::month, {"2024-12", "2025-01", "spelling", "undated"}},
    {"by year", ShardBy::year, {"2024", "2025", "spelling"}},
    {"no shard yet", ShardBy::month, {}},
};

BOOST_DATA_TEST_CASE(stub_round_trip, bdata::make(STUB_ROWS), row)
{
    TempDir dir;
    dir.write_stub(layout::format_stub(row.by, row.shards));
    const auto read = layout::read_layout(dir.path);
    BOOST_REQUIRE(read.has_value());
    BOOST_TEST(static_cast<int>(read->by) == static_cast<int>(row.by));
    BOOST_TEST(read->shards == row.shards, boost::test_tools::per_element());
}

BOOST_AUTO_TEST_CASE(stub_is_xapian_stub_format)
{
    // What Xapian itself reads: `auto NAME` lines; the period is a comment.
    const layout::Stub stub = layout::parse_stub(layout::format_stub(ShardBy::year, {"2025"}));
    BOOST_TEST(stub.shard_by.value_or("") == "year");
    BOOST_REQUIRE_EQUAL(stub.entries.size(), 1U);
    BOOST_TEST(stub.entries[0].kind == "auto");
    BOOST_TEST(stub.entries[0].arg == "2025");
    BOOST_TEST(stub.entries[0].text == "auto 2025");
    BOOST_TEST(stub.entries[0].line == 4U);
}

BOOST_AUTO_TEST_CASE(parse_stub_keeps_other_entries_with_their_lines)
{
    const layout::Stub stub =
        layout::parse_stub("# a comment\n\nremote :127.0.0.1:3000\nglass /srv/db\nbogus\n");
    BOOST_TEST(!stub.shard_by.has_value());
    BOOST_REQUIRE_EQUAL(stub.entries.size(), 3U);
    BOOST_TEST(stub.entries[0].kind == "remote");
    BOOST_TEST(stub.entries[0].arg == ":127.0.0.1:3000");
    BOOST_TEST(stub.entries[0].line == 3U);
    BOOST_TEST(stub.entries[1].kind == "glass");
    BOOST_TEST(stub.entries[2].kind == "bogus");
    BOOST_TEST(stub.entries[2].arg == "");
    BOOST_TEST(stub.entries[2].line == 5U);
}

BOOST_AUTO_TEST_CASE(no_stub_is_no_layout)
{
    TempDir dir;
    BOOST_TEST(!layout::read_layout(dir.path).has_value());
}

struct BadStubRow {
    const char* name;
    std::string text;
    std::string error;  // what the IndexError says after the stub's path
};
std::ostream& operator<<(std::ostream& os, const BadStubRow& r) { return os << r.name; }

const BadStubRow BAD_STUB_ROWS[] = {
    {"a stub akhbar-index did not write", "auto 2025\n",
     " is a Xapian stub file that akhbar-index did not write: index into another directory, "
     "or remove it"},
    {"an unknown period", "# akhbar-shard-by: week\nauto 2025-W01\n",
     ": unknown shard period: \"week\""},
    {"period none", "# akhbar-shard-by: none\n", ": unknown shard period: \"none\""},
};

BOOST_DATA_TEST_CASE(bad_stub_is_a_clear_error, bdata::make(BAD_STUB_ROWS), row)
{
    TempDir dir;
    dir.write_stub(row.text);
    const std::string expected = (dir.path / layout::STUB_NAME).string() + row.error;
    BOOST_CHECK_EXCEPTION((void)layout::read_layout(dir.path), akhbar::IndexError,
                          [&](const akhbar::IndexError& e) {
                              BOOST_TEST(std::string(e.what()) == expected);
                              return true;
                          });
}

BOOST_AUTO_TEST_CASE(period_shard_names)
{
    using namespace std::chrono;
    const year_month_day day{year{2025}, month{11}, std::chrono::day{7}};
    BOOST_TEST(layout::period_shard_name(ShardBy::month, day) == "2025-11");
    BOOST_TEST(layout::period_shard_name(ShardBy::year, day) == "2025");
    BOOST_TEST(layout::period_shard_name(ShardBy::month, std::nullopt) == "undated");
    BOOST_TEST(layout::period_shard_name(ShardBy::year, std::nullopt) == "undated");
}

struct DocidRow {
    Xapian::docid combined;
    std::size_t n;
    std::size_t database;
    Xapian::docid docid;
};
std::ostream& operator<<(std::ostream& os, const DocidRow& r)
{
    return os << r.combined << " of " << r.n;
}

// Xapian's interleave: combined document ids go round the databases.
const DocidRow DOCID_ROWS[] = {
    {1, 1, 0, 1}, {7, 1, 0, 7},  // one database: ids unchanged
    {1, 3, 0, 1}, {2, 3, 1, 1}, {3, 3, 2, 1}, {4, 3, 0, 2}, {9, 3, 2, 3}, {10, 3, 0, 4},
};

BOOST_DATA_TEST_CASE(docid_interleave_both_ways, bdata::make(DOCID_ROWS), row)
{
    const layout::DatabaseDocid local = layout::split_docid(row.combined, row.n);
    BOOST_TEST(local.database == row.database);
    BOOST_TEST(local.docid == row.docid);
    BOOST_TEST(layout::combine_docid(local, row.n) == row.combined);
}

BOOST_AUTO_TEST_CASE(docid_interleave_round_trips)
{
    for (std::size_t n = 1; n <= 5; ++n) {
        for (Xapian::docid combined = 1; combined <= 50; ++combined) {
            BOOST_TEST(layout::combine_docid(layout::split_docid(combined, n), n) == combined);
        }
    }
}

// The rule above is Xapian's: check it against databases opened together.
BOOST_AUTO_TEST_CASE(docid_interleave_is_xapians)
{
    const std::size_t n = 3;
    Xapian::Database combined;
    for (std::size_t shard = 0; shard < n; ++shard) {
        Xapian::WritableDatabase one(std::string(), Xapian::DB_BACKEND_INMEMORY);
        for (int doc = 1; doc <= 4; ++doc) {
            Xapian::Document d;
            d.add_term("Q" + std::to_string(shard) + "-" + std::to_string(doc));
            one.add_document(d);
        }
        combined.add_database(one);
    }
    for (auto it = combined.allterms_begin("Q"); it != combined.allterms_end("Q"); ++it) {
        const Xapian::docid did = *combined.postlist_begin(*it);
        const layout::DatabaseDocid local = layout::split_docid(did, n);
        BOOST_TEST(*it == "Q" + std::to_string(local.database) + "-" + std::to_string(local.docid));
    }
}

BOOST_AUTO_TEST_CASE(shard_by_names)
{
    for (const ShardBy by : {ShardBy::none, ShardBy::month, ShardBy::year}) {
        const auto parsed = akhbar::parse_shard_by(akhbar::to_string(by));
        BOOST_REQUIRE(parsed.has_value());
        BOOST_TEST(static_cast<int>(*parsed) == static_cast<int>(by));
    }
    BOOST_TEST(!akhbar::parse_shard_by("week").has_value());
}

BOOST_AUTO_TEST_SUITE_END()
