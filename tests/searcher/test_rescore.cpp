// The rescoring of the top hits on position vectors (rescore.hpp): how close
// consecutive query words stand, the share of them in the lead, and which
// part of the match a page fetches. One named row per rule.

#include <boost/test/data/test_case.hpp>
#include <boost/test/unit_test.hpp>

#include <ostream>

#include <xapian.h>

#include "akhbar/common/analyzer.hpp"
#include "akhbar/common/terms.hpp"
#include "rescore.hpp"
#include "support/index.hpp"

namespace bdata = boost::unit_test::data;
using akhbar::detail::WordPositions;

namespace {

struct PositionsRow {
    const char* name;
    WordPositions positions;
    double expected;
};

std::ostream& operator<<(std::ostream& os, const PositionsRow& row)
{
    return os << row.name;
}

// clang-format off
const PositionsRow PROXIMITY_ROWS[] = {
    {"adjacent pair counts 1",            {{1}, {2}},              1.0},
    {"pair 2 apart counts 1/2",           {{1}, {3}},              0.5},
    {"pair 3 apart counts 1/3",           {{1}, {4}},              1.0 / 3},
    {"pair PROXIMITY_SPAN apart nothing", {{1}, {5}},              0.0},
    {"either order counts",               {{5}, {4}},              1.0},
    {"closest of several positions",      {{1, 10, 20}, {12, 30}}, 0.5},
    {"same position counts nothing",      {{3}, {3}},              0.0},
    {"absent word counts nothing",        {{1}, {}},               0.0},
    {"mean over consecutive pairs",       {{1}, {2}, {10}},        0.5},
    {"only consecutive words pair",       {{1}, {10}, {2}},        0.0},
};

const PositionsRow LEAD_ROWS[] = {
    {"every word in the lead",       {{1}, {3}},        1.0},
    {"lead end inclusive",           {{5}},             1.0},
    {"half the words",               {{1}, {9}},        0.5},
    {"absent word is not in it",     {{}, {2}},         0.5},
    {"first position decides",       {{2, 9}, {6, 7}},  0.5},
    {"no word in the lead",          {{6}, {7}},        0.0},
};
// clang-format on

constexpr Xapian::termpos LEAD_END = 5;

}  // namespace

BOOST_AUTO_TEST_SUITE(rescore)

BOOST_DATA_TEST_CASE(proximity, bdata::make(PROXIMITY_ROWS), row)
{
    BOOST_TEST(akhbar::detail::proximity(row.positions) == row.expected,
               boost::test_tools::tolerance(1e-12));
}

BOOST_DATA_TEST_CASE(lead_share, bdata::make(LEAD_ROWS), row)
{
    BOOST_TEST(akhbar::detail::lead_share(row.positions, LEAD_END) == row.expected,
               boost::test_tools::tolerance(1e-12));
}

BOOST_AUTO_TEST_CASE(closest_is_zero_when_a_word_is_absent)
{
    BOOST_TEST(akhbar::detail::closest({}, {1}) == 0U);
    BOOST_TEST(akhbar::detail::closest({7}, {}) == 0U);
    BOOST_TEST(akhbar::detail::closest({2, 40}, {37, 90}) == 3U);
}

BOOST_AUTO_TEST_CASE(a_page_in_the_window_fetches_the_whole_window)
{
    using akhbar::detail::RESCORE_WINDOW;
    using akhbar::detail::window_for;
    // Pages within the window are cut from the whole window, reordered.
    BOOST_TEST(window_for(0, 10).rescore);
    BOOST_TEST(window_for(0, 10).first == 0U);
    BOOST_TEST(window_for(0, 10).count == RESCORE_WINDOW);
    BOOST_TEST(window_for(RESCORE_WINDOW - 1, 1).count == RESCORE_WINDOW);
    // A page reaching past the window's end: the window and what follows.
    BOOST_TEST(window_for(RESCORE_WINDOW - 10, 20).first == 0U);
    BOOST_TEST(window_for(RESCORE_WINDOW - 10, 20).count == RESCORE_WINDOW + 10);
    // A page after the window: just the page, in the match's order.
    BOOST_TEST(!window_for(RESCORE_WINDOW, 10).rescore);
    BOOST_TEST(window_for(RESCORE_WINDOW, 10).first == RESCORE_WINDOW);
    BOOST_TEST(window_for(RESCORE_WINDOW, 10).count == 10U);
}

// A hit's positions are read term by term for a few terms and from its term
// list for many (rescore.cpp): both must give every word the same positions,
// a term counting for several words and words with several terms included.
BOOST_AUTO_TEST_CASE(positions_by_lookup_equal_positions_by_term_list)
{
    using akhbar::detail::PositionRead;
    akhbar::test::TempDir dir;
    const auto db_path = akhbar::test::index_jsonl(
        dir,
        R"({"id": "a", "title": "مفاوضات السلام", "text": "بدأت المفاوضات في تونس. السلام قريب والمفاوضات مستمرة في تونس."})"
        "\n"
        R"({"id": "b", "title": "تقرير", "text": "لا ذكر هنا للكلمات المطلوبة سوى تونس."})"
        "\n");
    const Xapian::Database db(db_path.string());
    const akhbar::Analyzer analyzer("akhbar");
    const auto term = [&](const char* word) {
        return akhbar::schema::encode_term(analyzer.analyze(word).at(0).stem);
    };
    // word 0: مفاوضات; word 1: السلام or تونس; word 2: تونس again; and a term
    // that no document has.
    const akhbar::detail::WordsOfTerm words = {
        {term("مفاوضات"), {0}}, {term("السلام"), {1}}, {term("تونس"), {1, 2}}, {term("غائب"), {0}}};
    std::size_t seen = 0;
    for (auto it = db.postlist_begin(""); it != db.postlist_end(""); ++it) {
        const auto by_lookup = local_word_positions(db, *it, words, 3, PositionRead::by_lookup);
        const auto by_list = local_word_positions(db, *it, words, 3, PositionRead::by_term_list);
        BOOST_TEST((by_lookup == by_list), "document " << *it);
        for (const auto& p : by_lookup) {
            BOOST_TEST(std::is_sorted(p.begin(), p.end()));
            seen += p.size();
        }
    }
    // a: مفاوضات 3 times, السلام 2 and تونس 2 for word 1, تونس 2 for word 2;
    // b: تونس once for words 1 and 2.
    BOOST_TEST(seen == 3U + 4U + 2U + 2U);
}

BOOST_AUTO_TEST_SUITE_END()
