// The documents a query matches, read from its terms' posting lists
// (matching_documents.hpp): the same documents as Xapian's matcher finds,
// for each operator read, and none for the operators left to the matcher.

#include <boost/test/data/test_case.hpp>
#include <boost/test/unit_test.hpp>

#include <functional>
#include <ostream>
#include <string>
#include <vector>

#include <xapian.h>

#include "matching_documents.hpp"

namespace bdata = boost::unit_test::data;
using Query = Xapian::Query;

namespace {

// Documents 1..12: "a" in every second, "b" in every third, "c" in every
// fourth, "d" in none; the value "v" in slot 0 of every fifth; document 7
// deleted.
Xapian::WritableDatabase documents()
{
    Xapian::WritableDatabase db(std::string(), Xapian::DB_BACKEND_INMEMORY);
    for (int i = 1; i <= 12; ++i) {
        Xapian::Document doc;
        doc.add_term("all");
        for (const auto& [term, every] : {std::pair{"a", 2}, {"b", 3}, {"c", 4}}) {
            if (i % every == 0) {
                doc.add_posting(term, static_cast<Xapian::termpos>(i));
            }
        }
        if (i % 5 == 0) {
            doc.add_value(0, "v");
        }
        db.add_document(doc);
    }
    db.delete_document(7);
    return db;
}

// "1 2 3" or "matcher" (left to Xapian's matcher).
std::string found(const std::optional<akhbar::detail::DocumentSet>& set)
{
    if (!set) {
        return "matcher";
    }
    std::string out;
    set->for_each([&](Xapian::docid did) { out += (out.empty() ? "" : " ") + std::to_string(did); });
    return out;
}

std::string matched(const Query& query, const Xapian::Database& db)
{
    Xapian::Enquire enquire(db);
    enquire.set_query(query);
    enquire.set_docid_order(Xapian::Enquire::ASCENDING);
    enquire.set_weighting_scheme(Xapian::BoolWeight());
    std::string out;
    for (const Xapian::docid did : enquire.get_mset(0, db.get_doccount())) {
        out += (out.empty() ? "" : " ") + std::to_string(did);
    }
    return out;
}

struct Row {
    const char* name;
    std::function<Query()> query;
    const char* expected;
};

std::ostream& operator<<(std::ostream& os, const Row& row)
{
    return os << row.name;
}

const Query A("a");
const Query B("b");
const Query C("c");

// clang-format off
const Row ROWS[] = {
    {"term", [] { return A; }, "2 4 6 8 10 12"},
    {"absent term", [] { return Query("d"); }, ""},
    {"or", [] { return Query(Query::OP_OR, B, C); }, "3 4 6 8 9 12"},
    {"synonym", [] { return Query(Query::OP_SYNONYM, B, C); }, "3 4 6 8 9 12"},
    {"max", [] { return Query(Query::OP_MAX, B, C); }, "3 4 6 8 9 12"},
    {"and", [] { return Query(Query::OP_AND, A, B); }, "6 12"},
    {"filter", [] { return Query(Query::OP_FILTER, A, C); }, "4 8 12"},
    {"and_not of three",
     [] {
         const std::vector<Query> parts{Query("all"), B, C};
         return Query(Query::OP_AND_NOT, parts.begin(), parts.end());
     },
     "1 2 5 10 11"},
    {"and_maybe: the first only", [] { return Query(Query::OP_AND_MAYBE, C, B); }, "4 8 12"},
    {"scale_weight 0 still matches", [] { return Query(Query::OP_SCALE_WEIGHT, B, 0.0); },
     "3 6 9 12"},
    {"a term again inside an and",
     [] { return Query(Query::OP_OR, A, Query(Query::OP_AND, A, B)); }, "2 4 6 8 10 12"},
    {"and of ors sharing a term",
     [] { return Query(Query::OP_AND, Query(Query::OP_OR, A, B), Query(Query::OP_OR, A, C)); },
     "2 4 6 8 10 12"},
    {"match all", [] { return Query::MatchAll; }, "1 2 3 4 5 6 8 9 10 11 12"},
    {"match nothing", [] { return Query::MatchNothing; }, ""},
    {"empty query", [] { return Query(); }, ""},
    {"phrase: matcher", [] { return Query(Query::OP_PHRASE, A, B); }, "matcher"},
    {"wildcard: matcher", [] { return Query(Query::OP_WILDCARD, "a"); }, "matcher"},
    {"value range: matcher", [] { return Query(Query::OP_VALUE_RANGE, 0, "a", "z"); },
     "matcher"},
    {"inside an or: matcher",
     [] { return Query(Query::OP_OR, A, Query(Query::OP_VALUE_GE, 0, "v")); }, "matcher"},
};
// clang-format on

}  // namespace

BOOST_AUTO_TEST_SUITE(matching_documents)

BOOST_DATA_TEST_CASE(as_the_matcher_finds, bdata::make(ROWS), row)
{
    const Xapian::WritableDatabase db = documents();
    const Query query = row.query();
    const std::string got = found(akhbar::detail::matching_documents(query, db));
    BOOST_TEST(got == row.expected);
    if (got != "matcher") {
        BOOST_TEST(got == matched(query, db));
    }
}

BOOST_AUTO_TEST_SUITE_END()
