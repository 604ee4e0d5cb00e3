// Facet counting (facets.hpp) from the values a match counted: the
// granularity the span of dates calls for, every period listed, undated and
// outside matches; sources by count. One named row per rule.

#include <boost/test/data/test_case.hpp>
#include <boost/test/unit_test.hpp>

#include <optional>
#include <ostream>
#include <string>
#include <vector>

#include <xapian.h>

#include "akhbar/common/date_format.hpp"
#include "akhbar/indexer/indexer.hpp"
#include "akhbar/common/value_slots.hpp"
#include "facets.hpp"
#include "support/temp_dir.hpp"

namespace bdata = boost::unit_test::data;
using namespace std::chrono;

namespace {

struct DateRow {
    const char* name;
    std::vector<std::string> dates;  // SLOT_DATE values of the dated matches
    std::size_t total;               // matches, dated or not
    std::optional<year_month> month;
    const char* expected;  // summary()
};

std::ostream& operator<<(std::ostream& os, const DateRow& row)
{
    return os << row.name;
}

// Makes `spy` count `values`, as a match of documents holding them would.
void count(Xapian::ValueCountMatchSpy& spy, Xapian::valueno slot,
           const std::vector<std::string>& values)
{
    for (const std::string& v : values) {
        Xapian::Document doc;
        doc.add_value(slot, v);
        spy(doc, 1.0);
    }
}

// "GRANULARITY FIRST..LAST (PERIODS) counted N undated N outside N".
std::string summary(const akhbar::DateFacet& f)
{
    std::size_t counted = 0;
    for (const auto& c : f.counts) {
        counted += c.count;
    }
    std::string out(akhbar::to_string(f.granularity));
    if (!f.counts.empty()) {
        out += " " + f.counts.front().value + ".." + f.counts.back().value;
    }
    return out + " (" + std::to_string(f.counts.size()) + ") counted " + std::to_string(counted) +
           " undated " + std::to_string(f.undated) + " outside " + std::to_string(f.outside);
}

// clang-format off
const DateRow DATE_ROWS[] = {
    {"one month: each of its days", {"20251107", "20251109"}, 3, std::nullopt,
     "day 2025-11-01..2025-11-30 (30) counted 2 undated 1 outside 0"},
    {"up to 62 days: days first to last", {"20250101", "20250304"}, 2, std::nullopt,
     "day 2025-01-01..2025-03-04 (63) counted 2 undated 0 outside 0"},
    {"over 62 days: months", {"20250101", "20250305"}, 2, std::nullopt,
     "month 2025-01..2025-03 (3) counted 2 undated 0 outside 0"},
    {"up to 36 months: months", {"20200115", "20230115", "20230116"}, 3, std::nullopt,
     "month 2020-01..2023-01 (37) counted 3 undated 0 outside 0"},
    {"over 36 months: years", {"20200115", "20230215"}, 2, std::nullopt,
     "year 2020..2023 (4) counted 2 undated 0 outside 0"},
    {"given month: its days, others outside", {"20251107", "20251201"}, 2, year{2025} / 11,
     "day 2025-11-01..2025-11-30 (30) counted 1 undated 0 outside 1"},
    {"no dates: no periods", {}, 2, std::nullopt,
     "day (0) counted 0 undated 2 outside 0"},
    {"not a date: undated", {"20251345", "20251107"}, 2, std::nullopt,
     "day 2025-11-01..2025-11-30 (30) counted 1 undated 1 outside 0"},
};
// clang-format on

}  // namespace

BOOST_AUTO_TEST_SUITE(facets)

BOOST_DATA_TEST_CASE(date_facet, bdata::make(DATE_ROWS), row)
{
    Xapian::ValueCountMatchSpy spy(akhbar::schema::SLOT_DATE);
    count(spy, akhbar::schema::SLOT_DATE, row.dates);
    BOOST_TEST(summary(akhbar::detail::date_facet(akhbar::detail::counted(spy), row.total,
                                                  row.month)) == row.expected);
}

BOOST_AUTO_TEST_CASE(sources_by_count_then_name)
{
    Xapian::ValueCountMatchSpy spy(akhbar::schema::SLOT_SOURCE);
    count(spy, akhbar::schema::SLOT_SOURCE, {"b", "c", "b", "a"});
    std::string listed;
    for (const auto& c : akhbar::detail::source_facet(akhbar::detail::counted(spy))) {
        listed += c.value + "=" + std::to_string(c.count) + " ";
    }
    BOOST_TEST(listed == "b=2 a=1 c=1 ");
}

namespace {

// An in-memory database of `n` articles with the word "w", every third also
// with "x"; dated 2025-11-01.. but every fourth undated and one with a value
// that is not a date; from sources "a", "ب" and "c" in turn but every fifth
// without one. In memory, or at `path` (glass) when given.
Xapian::WritableDatabase articles(int n, const std::string& path = {})
{
    Xapian::WritableDatabase db = path.empty()
                                      ? Xapian::WritableDatabase(path, Xapian::DB_BACKEND_INMEMORY)
                                      : Xapian::WritableDatabase(path, Xapian::DB_CREATE);
    for (int i = 0; i < n; ++i) {
        Xapian::Document doc;
        doc.add_term("w");
        if (i % 3 == 0) {
            doc.add_term("x", 5);
        }
        if (i == 1) {
            doc.add_value(akhbar::schema::SLOT_DATE, "20251345");
        } else if (i % 4 != 3) {
            doc.add_value(akhbar::schema::SLOT_DATE,
                          akhbar::schema::format_compact(year{2025} / 11 / (i % 28 + 1)));
        }
        if (i % 5 != 4) {
            const char* const sources[] = {"a", "ب", "c"};
            doc.add_value(akhbar::schema::SLOT_SOURCE, sources[i % 3]);
        }
        db.add_document(doc);
    }
    return db;
}

// The facets of `query` over `handles` searched as one, counted by facet
// tables or, without, by reading values (ValueCountMatchSpy):
// "total N exact|estimated undated N dates VALUE=N... sources VALUE=N...".
std::string counted(const std::vector<Xapian::Database>& handles, const Xapian::Query& query,
                    bool by_table)
{
    Xapian::Database db;
    for (const auto& h : handles) {
        db.add_database(h);
    }
    akhbar::detail::FacetTables tables;
    akhbar::detail::FacetCounter facets;
    facets.count(query, db, handles, tables.of(handles, !by_table));
    akhbar::SearchResult result;
    facets.fill(result, year{2025} / 11);
    std::string out = "total " + std::to_string(result.total) +
                      (result.total_exact ? " exact" : " estimated") + " undated " +
                      std::to_string(result.date_facet->undated) + " dates";
    for (const auto& c : result.date_facet->counts) {
        out += c.count > 0 ? " " + c.value.substr(8) + "=" + std::to_string(c.count) : "";
    }
    out += " sources";
    for (const auto& c : result.source_facet) {
        out += " " + c.value + "=" + std::to_string(c.count);
    }
    return out;
}

struct CountRow {
    const char* name;
    std::vector<int> sizes;  // articles(n) per database
    Xapian::Query query;
    const char* expected;  // counted()
};

std::ostream& operator<<(std::ostream& os, const CountRow& row)
{
    return os << row.name;
}

// clang-format off
const CountRow COUNT_ROWS[] = {
    {"one database: undated, not a date, no source", {9}, Xapian::Query("w"),
     "total 9 exact undated 3 dates 01=1 03=1 05=1 06=1 07=1 09=1 sources a=3 c=3 ب=2"},
    {"one database, some of it", {9}, Xapian::Query("x"),
     "total 3 exact undated 1 dates 01=1 07=1 sources a=3"},
    {"no match", {9}, Xapian::Query("y"), "total 0 exact undated 0 dates sources"},
    {"found by the matcher (a value range)", {9},
     Xapian::Query(Xapian::Query::OP_VALUE_GE, akhbar::schema::SLOT_DATE, "20251106"),
     "total 4 exact undated 1 dates 06=1 07=1 09=1 sources c=2 a=1 ب=1"},
    {"several databases, one empty", {9, 0, 5}, Xapian::Query("w"),
     "total 14 exact undated 5 dates 01=2 03=2 05=2 06=1 07=1 09=1 "
     "sources a=5 c=4 ب=3"},
};
// clang-format on

}  // namespace

BOOST_DATA_TEST_CASE(table_counts_as_values_read, bdata::make(COUNT_ROWS), row)
{
    std::vector<Xapian::Database> handles;
    for (const int n : row.sizes) {
        handles.push_back(articles(n));
    }
    BOOST_TEST(counted(handles, row.query, true) == row.expected);
    BOOST_TEST(counted(handles, row.query, false) == row.expected);
}

namespace {

// The facets of "w" over `db` counted through `tables`: "TOTAL undated N
// SOURCE=N...".
std::string counted_by(akhbar::detail::FacetTables& tables, const Xapian::Database& db)
{
    const std::vector<Xapian::Database> handles{db};
    akhbar::detail::FacetCounter facets;
    facets.count(Xapian::Query("w"), db, handles, tables.of(handles, false));
    akhbar::SearchResult result;
    facets.fill(result, std::nullopt);
    std::string out = std::to_string(result.total) + " undated " +
                      std::to_string(result.date_facet->undated);
    for (const auto& c : result.source_facet) {
        out += " " + c.value + "=" + std::to_string(c.count);
    }
    return out;
}

}  // namespace

BOOST_AUTO_TEST_CASE(tables_forgotten_follow_adds_and_deletes)
{
    Xapian::WritableDatabase db = articles(9);
    akhbar::detail::FacetTables tables;
    BOOST_TEST(counted_by(tables, db) == "9 undated 3 a=3 c=3 ب=2");
    Xapian::Document doc;
    doc.add_term("w");
    doc.add_value(akhbar::schema::SLOT_SOURCE, "c");
    db.add_document(doc);
    db.add_document(doc);
    db.delete_document(1);  // an "a"
    // Uncommitted, the revision is the same: the table misses the new
    // documents' sources.
    BOOST_TEST(counted_by(tables, db) == "10 undated 5 c=3 a=2 ب=2");
    tables.forget();
    BOOST_TEST(counted_by(tables, db) == "10 undated 5 c=5 a=2 ب=2");
}

// A new revision is seen without forget(): whoever reopened the handle.
BOOST_AUTO_TEST_CASE(tables_follow_a_new_revision)
{
    akhbar::test::TempDir dir;
    Xapian::WritableDatabase db = articles(9, (dir / "db").string());
    db.commit();
    akhbar::detail::FacetTables tables;
    BOOST_TEST(counted_by(tables, db) == "9 undated 3 a=3 c=3 ب=2");
    Xapian::Document doc;
    doc.add_term("w");
    doc.add_value(akhbar::schema::SLOT_DATE, "20251108");
    db.add_document(doc);
    db.commit();
    BOOST_TEST(counted_by(tables, db) == "10 undated 3 a=3 c=3 ب=2");  // not "undated 4"
}

// A Searcher forgets its tables when its database changes on disk.
BOOST_AUTO_TEST_CASE(searcher_counts_the_latest_revision)
{
    akhbar::test::TempDir dir;
    akhbar::IndexerOptions options;
    options.db = dir / "db";
    const auto article = [](const char* id, const char* source) {
        akhbar::Article a;
        a.id = id;
        a.text = "خبر عن السلام";
        a.source = source;
        a.date = year{2025} / 11 / 7;
        return a;
    };
    {
        akhbar::Indexer indexer(options);
        indexer.put(article("a", "الأولى"));
        indexer.put(article("b", "الثانية"));
        indexer.finish();
    }
    const akhbar::Searcher searcher({options.db.string()});
    akhbar::SearchRequest request;
    request.query = "السلام";
    const auto facets = [&] {
        const akhbar::SearchResult r = searcher.search(request);
        std::string out = std::to_string(r.total) + " " + r.date_facet->counts[6].value + "=" +
                          std::to_string(r.date_facet->counts[6].count);
        for (const auto& c : r.source_facet) {
            out += " " + c.value + "=" + std::to_string(c.count);
        }
        return out;
    };
    BOOST_TEST(facets() == "2 2025-11-07=2 الأولى=1 الثانية=1");
    {
        akhbar::Indexer indexer(options);
        indexer.put(article("c", "الثالثة"));
        indexer.put(article("d", "الثالثة"));
        BOOST_TEST(indexer.remove("a"));
        indexer.finish();
    }
    BOOST_TEST(facets() == "3 2025-11-07=3 الثالثة=2 الثانية=1");
}

BOOST_AUTO_TEST_SUITE_END()
