// akhbar-analyze as a user runs it: output format, --json, exit codes and
// error text for bad input.

#include <boost/test/unit_test.hpp>

#include <nlohmann/json.hpp>

#include "support/process.hpp"
#include "support/terminal.hpp"

using akhbar::test::run_process;

namespace {

const std::string TOOL = AKHBAR_ANALYZE;

std::vector<std::vector<std::string>> split_lines(const std::string& out)
{
    std::vector<std::vector<std::string>> rows;
    std::size_t start = 0;
    while (start < out.size()) {
        const auto eol = out.find('\n', start);
        const std::string line = out.substr(start, eol - start);
        std::vector<std::string> cols;
        std::size_t c = 0;
        for (;;) {
            const auto tab = line.find('\t', c);
            cols.push_back(line.substr(c, tab - c));
            if (tab == std::string::npos) {
                break;
            }
            c = tab + 1;
        }
        rows.push_back(cols);
        if (eol == std::string::npos) {
            break;
        }
        start = eol + 1;
    }
    return rows;
}

}  // namespace

BOOST_AUTO_TEST_SUITE(akhbar_analyze_cli)

BOOST_AUTO_TEST_CASE(issue_example_from_stdin)
{
    const std::string input = "والمسلمين ﻛﺎزاﺧﺴﺘﺎن اتفاقیات الـ١٨\n";
    const auto r = run_process({TOOL}, input);
    BOOST_TEST(r.exit_code == 0);
    BOOST_TEST(r.err.empty());
    const auto rows = split_lines(r.out);
    BOOST_TEST_REQUIRE(rows.size() == 4U);
    const char* normalized[] = {"والمسلمين", "كازاخستان", "اتفاقيات", "18"};
    for (std::size_t i = 0; i < rows.size(); ++i) {
        BOOST_TEST_REQUIRE(rows[i].size() == 5U);
        BOOST_TEST(rows[i][1] == normalized[i]);
        const std::size_t start = std::stoul(rows[i][3]);
        const std::size_t end = std::stoul(rows[i][4]);
        BOOST_TEST(input.substr(start, end - start) == rows[i][0]);
    }
}

BOOST_AUTO_TEST_CASE(arguments_are_joined_with_spaces)
{
    const auto r = run_process({TOOL, "الكتاب", "في", "البيت"});
    BOOST_TEST(r.exit_code == 0);
    BOOST_TEST(r.out == "الكتاب\tالكتاب\tكتاب\t0\t12\n"
                        "في\tفي\t\t13\t17\n"
                        "البيت\tالبيت\tبيت\t18\t28\n");
}

BOOST_AUTO_TEST_CASE(json_output)
{
    const auto r = run_process({TOOL, "--json", "في الكتاب"});
    BOOST_TEST(r.exit_code == 0);
    const auto json = nlohmann::json::parse(r.out);
    BOOST_TEST_REQUIRE(json.is_array());
    BOOST_TEST_REQUIRE(json.size() == 2U);
    BOOST_TEST(json[0]["original"] == "في");
    BOOST_TEST(json[0]["stem"] == "");
    BOOST_TEST(json[0]["stopword"] == true);
    BOOST_TEST(json[1]["normalized"] == "الكتاب");
    BOOST_TEST(json[1]["stem"] == "كتاب");
    BOOST_TEST(json[1]["start"] == 5);
    BOOST_TEST(json[1]["end"] == 17);
    BOOST_TEST(json[1]["position"] == 1);
}

BOOST_AUTO_TEST_CASE(profile_and_stemmer_options)
{
    const auto lucene = run_process({TOOL, "--profile", "lucene", "مسؤول"});
    BOOST_TEST(lucene.exit_code == 0);
    BOOST_TEST(lucene.out == "مسؤول\tمسؤول\tمسؤول\t0\t10\n");
    const auto none = run_process({TOOL, "--stemmer", "none", "الكتاب"});
    BOOST_TEST(none.out == "الكتاب\tالكتاب\tالكتاب\t0\t12\n");
}

BOOST_AUTO_TEST_CASE(empty_input_prints_nothing)
{
    const auto r = run_process({TOOL}, "");
    BOOST_TEST(r.exit_code == 0);
    BOOST_TEST(r.out.empty());
    const auto j = run_process({TOOL, "--json"}, "  ");
    BOOST_TEST(j.exit_code == 0);
    BOOST_TEST(nlohmann::json::parse(j.out).empty());
}

BOOST_AUTO_TEST_CASE(invalid_utf8_exits_1_with_offset)
{
    const auto r = run_process({TOOL}, std::string("كتاب \xFF\xFE"));
    BOOST_TEST(r.exit_code == 1);
    BOOST_TEST(r.out.empty());
    BOOST_TEST(r.err == "akhbar-analyze: input: invalid UTF-8 at byte 9 (byte 0xFF)\n");
}

BOOST_AUTO_TEST_CASE(usage_errors_exit_2)
{
    const auto unknown_option = run_process({TOOL, "--frobnicate"});
    BOOST_TEST(unknown_option.exit_code == 2);
    BOOST_TEST(unknown_option.err.find("frobnicate") != std::string::npos);

    const auto unknown_profile = run_process({TOOL, "--profile", "elastic", "x"});
    BOOST_TEST(unknown_profile.exit_code == 2);
    BOOST_TEST(unknown_profile.err.find("unknown analyzer profile \"elastic\"") !=
               std::string::npos);

    const auto unknown_stemmer = run_process({TOOL, "--stemmer", "porter", "x"});
    BOOST_TEST(unknown_stemmer.exit_code == 2);
    BOOST_TEST(unknown_stemmer.err.find("unknown stemmer \"porter\"") != std::string::npos);
}

BOOST_AUTO_TEST_CASE(help_exits_0)
{
    const auto r = run_process({TOOL, "--help"});
    BOOST_TEST(r.exit_code == 0);
    BOOST_TEST(r.out.find("Usage: akhbar-analyze") != std::string::npos);
}

// A word may carry a bidi override or a control inside it (ICU keeps format
// characters in words): the TSV lines escape them; so do messages echoing a
// value (issue #15, point 7).
BOOST_AUTO_TEST_CASE(controls_in_words_and_messages_are_escaped)
{
    const auto r = run_process({TOOL, "كل\xE2\x80\xAEمة abc\xC2\xADxyz"});
    BOOST_TEST(r.exit_code == 0);
    akhbar::test::check_terminal_safe(r.out, false);
    BOOST_TEST(r.out.find("كل\\u202Eمة\t") == 0U, r.out);

    const auto bad_profile = run_process({TOOL, "--profile", "x\x1B[2J", "y"});
    BOOST_TEST(bad_profile.exit_code == 2);
    akhbar::test::check_terminal_safe(bad_profile.err, false);
    BOOST_TEST(bad_profile.err.find("x\\x1B[2J") != std::string::npos, bad_profile.err);
}

BOOST_AUTO_TEST_SUITE_END()
