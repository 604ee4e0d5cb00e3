// akhbar-search's "Did you mean" and --explain, as people and scripts see
// them: the same suggestion in text and JSON, and explanations whose parts
// add up to each hit's score.

#include <boost/test/unit_test.hpp>

#include <nlohmann/json.hpp>

#include <cmath>
#include <string>

#include "support/corpus_db.hpp"
#include "support/process.hpp"

using akhbar::test::contains;
using akhbar::test::corpus_db;
using akhbar::test::run_process;

namespace {

const std::string SEARCH = AKHBAR_SEARCH;

}  // namespace

BOOST_AUTO_TEST_SUITE(explain_and_spelling_cli)

BOOST_AUTO_TEST_CASE(did_you_mean_as_the_articles_write_it)
{
    // اسراييل is not in the corpus; إسرائيل (normalized اسراءيل) is.
    const auto text = run_process({SEARCH, "--db", corpus_db(), "اسراييل"});
    BOOST_TEST(text.exit_code == 0);
    BOOST_TEST(contains(text.out, "\nDid you mean: إسرائيل\n"), text.out);
    const auto json = run_process({SEARCH, "--db", corpus_db(), "--json", "اسراييل"});
    BOOST_TEST(json.exit_code == 0);
    BOOST_TEST(nlohmann::json::parse(json.out)["suggestion"] == "إسرائيل");
    // The other words as typed.
    const auto two = run_process({SEARCH, "--db", corpus_db(), "--json", "الأميركي اسراييل"});
    BOOST_TEST(nlohmann::json::parse(two.out)["suggestion"] == "الأميركي إسرائيل");
}

BOOST_AUTO_TEST_CASE(no_suggestion_that_finds_nothing)
{
    // No article of the corpus is dated 2030: the corrected query would find
    // nothing there.
    const auto r =
        run_process({SEARCH, "--db", corpus_db(), "--json", "--from", "2030-01-01", "اسراييل"});
    BOOST_TEST(r.exit_code == 0);
    BOOST_TEST(nlohmann::json::parse(r.out)["suggestion"].is_null());
    const auto text = run_process({SEARCH, "--db", corpus_db(), "--from", "2030-01-01", "اسراييل"});
    BOOST_TEST(!contains(text.out, "Did you mean"));
}

BOOST_AUTO_TEST_CASE(explain_in_text)
{
    const auto plain = run_process({SEARCH, "--db", corpus_db(), "اتفاقات أبراهام"});
    BOOST_TEST(plain.exit_code == 0);
    // Stems are --explain's, not the header's.
    BOOST_TEST(!contains(plain.out, "Query words:"));
    BOOST_TEST(!contains(plain.out, "[اتفاق ابراهام]"));
    BOOST_TEST(!contains(plain.out, " = match "));

    const auto r = run_process({SEARCH, "--db", corpus_db(), "--explain", "في اتفاقات أبراهام"});
    BOOST_TEST(r.exit_code == 0);
    BOOST_TEST(contains(r.out, "Query words:\n  في: normalized في, a stopword: not searched\n"
                               "  اتفاقات: normalized اتفاقات, stem اتفاق\n"
                               "    stem class ("),
               r.out);
    BOOST_TEST(contains(r.out, "  أبراهام: normalized ابراهام, stem ابراهام\n"), r.out);
    BOOST_TEST(contains(r.out, "   score "));
    BOOST_TEST(contains(r.out, " = match "));
    BOOST_TEST(contains(r.out, "اتفاقات · stem class: "));
}

BOOST_AUTO_TEST_CASE(explain_in_json_adds_up)
{
    const auto r =
        run_process({SEARCH, "--db", corpus_db(), "--json", "--explain", "اتفاقات أبراهام"});
    BOOST_TEST(r.exit_code == 0);
    const auto json = nlohmann::json::parse(r.out);
    BOOST_TEST_REQUIRE(!json["hits"].empty());
    BOOST_TEST(json["query"]["words"][0]["stem_class"].is_array());
    for (const auto& hit : json["hits"]) {
        double sum = 0;
        for (const auto& part : hit["explanation"]["parts"]) {
            sum += part["score"].get<double>();
        }
        const double score = hit["score"].get<double>();
        BOOST_TEST(std::abs(sum - score) <= 1e-9 * score, hit["id"] << ": " << sum << " != " << score);
    }
    const auto plain = run_process({SEARCH, "--db", corpus_db(), "--json", "اتفاقات أبراهام"});
    const auto without = nlohmann::json::parse(plain.out);
    BOOST_TEST(!without["hits"][0].contains("explanation"));
    BOOST_TEST(!without["query"]["words"][0].contains("stem_class"));
}

BOOST_AUTO_TEST_SUITE_END()
