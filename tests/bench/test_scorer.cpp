// The relevance scorer (bench/relevance/scorer.cpp) against hand-computed
// examples, including the Qur'an QA 2023 rule for no-answer questions.

#include <boost/test/unit_test.hpp>

#include <sstream>

#include "scorer.hpp"

using namespace akhbar::eval;

namespace {

Report run_score(const std::string& qrels, const std::string& run)
{
    std::istringstream q(qrels);
    std::istringstream r(run);
    return score(read_qrels(q), read_run(r), 10);
}

}  // namespace

BOOST_AUTO_TEST_SUITE(scorer)

BOOST_AUTO_TEST_CASE(average_precision_divides_by_all_relevant)
{
    // Relevant: a, b, c. Ranked: a (1), x (2), b (3). AP = (1/1 + 2/3) / 3.
    const auto r = run_score("1 0 a 1\n1 0 b 1\n1 0 c 1\n",
                             "1 Q0 a 1 9 t\n1 Q0 x 2 8 t\n1 Q0 b 3 7 t\n");
    BOOST_TEST(r.official.map == (1.0 + 2.0 / 3.0) / 3.0, boost::test_tools::tolerance(1e-12));
    BOOST_TEST(r.official.mrr == 1.0);
    BOOST_TEST(r.official.success == 1.0);
}

BOOST_AUTO_TEST_CASE(reciprocal_rank_of_the_first_relevant)
{
    const auto r = run_score("1 0 a 1\n", "1 Q0 x 1 9 t\n1 Q0 y 2 8 t\n1 Q0 a 3 7 t\n");
    BOOST_TEST(r.official.mrr == 1.0 / 3.0, boost::test_tools::tolerance(1e-12));
    BOOST_TEST(r.official.map == 1.0 / 3.0, boost::test_tools::tolerance(1e-12));
}

BOOST_AUTO_TEST_CASE(depth_ten_and_rank_order)
{
    // Rows out of order are sorted by rank; a relevant id at rank 11 does not count.
    std::string run;
    for (int k = 11; k >= 1; --k) {
        run += "1 Q0 " + std::string(k == 11 ? "a" : "x" + std::to_string(k)) + " " + std::to_string(k) + " 1 t\n";
    }
    const auto r = run_score("1 0 a 1\n", run);
    BOOST_TEST(r.official.map == 0.0);
    BOOST_TEST(r.official.success == 0.0);
}

BOOST_AUTO_TEST_CASE(no_answer_questions)
{
    const std::string qrels = "1 0 -1 1\n2 0 -1 1\n3 0 -1 1\n4 0 a 1\n";
    // 1: exactly one -1 row: 1. 2: -1 plus another row: 0. 3: absent: 0. 4: a at 2: 1/2.
    const auto r = run_score(qrels, "1 Q0 -1 1 1 t\n2 Q0 -1 1 1 t\n2 Q0 b 2 1 t\n4 Q0 x 1 1 t\n4 Q0 a 2 1 t\n");
    BOOST_TEST(r.official.questions == 4U);
    BOOST_TEST(r.official.map == (1.0 + 0 + 0 + 0.5) / 4, boost::test_tools::tolerance(1e-12));
    BOOST_TEST(r.official.mrr == (1.0 + 0 + 0 + 0.5) / 4, boost::test_tools::tolerance(1e-12));
    BOOST_TEST(r.answerable.questions == 1U);
    BOOST_TEST(r.answerable.map == 0.5, boost::test_tools::tolerance(1e-12));
}

BOOST_AUTO_TEST_CASE(duplicates_count_once_and_missing_questions_score_zero)
{
    const auto r = run_score("1 0 a 1\n2 0 b 1\n", "1 Q0 a 1 1 t\n1 Q0 a 2 1 t\n");
    BOOST_TEST(r.official.map == 0.5, boost::test_tools::tolerance(1e-12));  // q1: 1, q2: 0
}

BOOST_AUTO_TEST_CASE(only_judged_questions_count)
{
    // bench/relevance/run.sh scores one run of all outlets' queries against
    // each outlet's qrels: the other outlets' rows must not count.
    const std::string run = "a-k0 Q0 x 1 1 t\na-k0 Q0 a 2 1 t\nb-k0 Q0 b 1 1 t\nb-k1 Q0 y 1 1 t\n";
    const auto outlet_a = run_score("a-k0 0 a 1\n", run);
    BOOST_TEST(outlet_a.official.questions == 1U);
    BOOST_TEST(outlet_a.official.mrr == 0.5, boost::test_tools::tolerance(1e-12));
    const auto outlet_b = run_score("b-k0 0 b 1\nb-k1 0 c 1\n", run);
    BOOST_TEST(outlet_b.official.questions == 2U);
    BOOST_TEST(outlet_b.official.mrr == 0.5, boost::test_tools::tolerance(1e-12));
    BOOST_TEST(outlet_b.official.success == 0.5, boost::test_tools::tolerance(1e-12));
}

BOOST_AUTO_TEST_CASE(malformed_lines_name_their_number)
{
    std::istringstream bad("1 0 a 1\nbroken\n");
    BOOST_CHECK_EXCEPTION(read_qrels(bad), std::runtime_error, [](const std::runtime_error& e) {
        return std::string(e.what()).starts_with("qrels line 2:");
    });
}

BOOST_AUTO_TEST_SUITE_END()
