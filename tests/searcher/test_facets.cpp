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
#include "akhbar/common/value_slots.hpp"
#include "facets.hpp"

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
    BOOST_TEST(summary(akhbar::detail::date_facet(spy, row.total, row.month)) == row.expected);
}

BOOST_AUTO_TEST_CASE(sources_by_count_then_name)
{
    Xapian::ValueCountMatchSpy spy(akhbar::schema::SLOT_SOURCE);
    count(spy, akhbar::schema::SLOT_SOURCE, {"b", "c", "b", "a"});
    std::string listed;
    for (const auto& c : akhbar::detail::source_facet(spy)) {
        listed += c.value + "=" + std::to_string(c.count) + " ";
    }
    BOOST_TEST(listed == "b=2 a=1 c=1 ");
}

// An in-memory database of `n` articles with the word "w", the first two
// also with "x" (so that a ranking pass for a page of 2 may stop early),
// dated 2025-11-01.. and from sources "a" and "b" in turn.
Xapian::WritableDatabase articles(int n)
{
    Xapian::WritableDatabase db(std::string(), Xapian::DB_BACKEND_INMEMORY);
    for (int i = 0; i < n; ++i) {
        Xapian::Document doc;
        doc.add_term("w");
        if (i < 2) {
            doc.add_term("x", 5);
        }
        doc.add_value(akhbar::schema::SLOT_DATE,
                      akhbar::schema::format_compact(year{2025} / 11 / (i % 28 + 1)));
        doc.add_value(akhbar::schema::SLOT_SOURCE, i % 2 == 0 ? "a" : "b");
        db.add_document(doc);
    }
    return db;
}

// Counts the facets of "w OR x" over `db` as the searcher does, with a ranked
// page of 2: "CHECK_AT_LEAST total N date N source a=N b=N".
std::string counted(const Xapian::Database& db, std::size_t databases)
{
    const Xapian::Query query(Xapian::Query::OP_OR, Xapian::Query("w"), Xapian::Query("x"));
    Xapian::Enquire enquire(db);
    enquire.set_query(query);
    akhbar::detail::FacetCounter facets;
    const Xapian::doccount check = facets.attach(enquire, query, db, databases, 2);
    const Xapian::MSet ranked = enquire.get_mset(0, 2, check);
    akhbar::SearchResult result;
    result.total = facets.totals(ranked).get_matches_estimated();
    facets.fill(result, year{2025} / 11);
    std::size_t dated = 0;
    for (const auto& c : result.date_facet->counts) {
        dated += c.count;
    }
    std::string out = std::to_string(check) + " total " + std::to_string(result.total) +
                      " date " + std::to_string(dated) + " source";
    for (const auto& c : result.source_facet) {
        out += " " + c.value + "=" + std::to_string(c.count);
    }
    return out;
}

BOOST_AUTO_TEST_CASE(one_database_counts_in_the_match_of_every_document)
{
    // The ranking pass checks every document, so its spies see every match.
    BOOST_TEST(counted(articles(9), 1) == "9 total 9 date 9 source a=5 b=4");
}

BOOST_AUTO_TEST_CASE(several_databases_count_in_a_pass_of_their_own)
{
    // The ranking pass stops at its page (check_at_least unchanged); the
    // counts and the total come from the counting pass over every match.
    Xapian::Database both;
    both.add_database(articles(5));
    both.add_database(articles(4));
    BOOST_TEST(counted(both, 2) == "2 total 9 date 9 source a=5 b=4");
}

BOOST_AUTO_TEST_SUITE_END()
