// akhbar-search's text page on a terminal and in a pipe (issue #20, Output
// and Counts): bidi isolates and wrapping on a terminal only, colour as
// ripgrep decides it (--color, NO_COLOR, TERM=dumb), the date chart within
// the width, the table, URLs, the matches without a source, no stems.

#include <boost/test/unit_test.hpp>

#include <nlohmann/json.hpp>

#include <sstream>
#include <string>
#include <vector>

#include "support/process.hpp"
#include "support/pty.hpp"
#include "support/temp_dir.hpp"
#include "support/terminal.hpp"

using akhbar::test::lines_of;
using akhbar::test::run_in_terminal;
using akhbar::test::run_process;
using akhbar::test::TempDir;

namespace {

const std::string SEARCH = AKHBAR_SEARCH;
const std::string INDEX = AKHBAR_INDEX;
const std::string ENV = "/usr/bin/env";
const std::string FSI = "\xE2\x81\xA8";
const std::string PDI = "\xE2\x81\xA9";
const std::string QUERY = "اتفاقات أبراهام";  // 5 matches, 3 without a source, 1 undated

struct Db {
    TempDir dir;
    std::string path;
    explicit Db(const std::string& corpus) : path((dir / "db").string())
    {
        BOOST_TEST_REQUIRE(run_process({INDEX, "--db", path, corpus}).exit_code == 0);
    }
};

const std::string& news_db()
{
    static const Db db(std::string(AKHBAR_SOURCE_DIR) + "/corpus");
    return db.path;
}

// ANT articles have URLs.
const std::string& ant_db()
{
    static const Db db(std::string(AKHBAR_TEST_DATA_DIR) + "/ant_sample.jsonl");
    return db.path;
}

bool contains(const std::string& s, const std::string& part)
{
    return s.find(part) != std::string::npos;
}

// Columns a line takes: code points, less the printers' isolates and SGR
// escapes and the Arabic marks (harakat), which take none.
std::size_t columns(const std::string& line)
{
    const std::string shown = akhbar::test::without_isolates(line);
    std::size_t n = 0;
    for (std::size_t i = 0; i < shown.size(); ++i) {
        if (shown[i] == '\033') {
            i = shown.find('m', i);
            continue;
        }
        const auto byte = static_cast<unsigned char>(shown[i]);
        if ((byte & 0xC0U) == 0x80U) {
            continue;  // a continuation byte
        }
        const bool haraka = byte == 0xD9 && i + 1 < shown.size() &&
                            static_cast<unsigned char>(shown[i + 1]) >= 0x8B &&
                            static_cast<unsigned char>(shown[i + 1]) <= 0x9F;
        n += haraka ? 0 : 1;
    }
    return n;
}

// `env` akhbar-search ARGS: TERM=xterm, no NO_COLOR and no COLUMNS unless
// `env` says otherwise ("NAME=VALUE" items, or "-u" then NAME).
std::vector<std::string> command(const std::vector<std::string>& env,
                                 const std::vector<std::string>& args)
{
    std::vector<std::string> argv{ENV, "-u", "NO_COLOR", "-u", "COLUMNS"};
    std::vector<std::string> assignments{"TERM=xterm"};
    for (std::size_t i = 0; i < env.size(); ++i) {
        const bool unset = env[i] == "-u" && i + 1 < env.size();
        const std::string name = unset ? env[i + 1] : env[i].substr(0, env[i].find('='));
        if (name == "TERM") {
            assignments.erase(assignments.begin());
        }
        if (unset) {
            argv.insert(argv.end(), {"-u", env[++i]});  // options before assignments
        } else {
            assignments.push_back(env[i]);
        }
    }
    argv.insert(argv.end(), assignments.begin(), assignments.end());
    argv.push_back(SEARCH);
    argv.insert(argv.end(), args.begin(), args.end());
    return argv;
}

// akhbar-search on a terminal `width` columns wide, with `env` as command().
akhbar::test::ProcessResult on_terminal(unsigned short width, const std::vector<std::string>& env,
                                        const std::vector<std::string>& args)
{
    return run_in_terminal(command(env, args), width);
}

// akhbar-search into a pipe, with `env` as command().
akhbar::test::ProcessResult piped(const std::vector<std::string>& env,
                                  const std::vector<std::string>& args)
{
    return run_process(command(env, args));
}

// The lines from "By day" to the end of the date facet.
std::vector<std::string> chart_lines(const std::string& out)
{
    std::vector<std::string> chart;
    bool in_chart = false;
    for (const std::string& line : lines_of(out)) {
        in_chart = in_chart ? !line.empty() : line.starts_with("By day");
        if (in_chart) {
            chart.push_back(line);
        }
    }
    return chart;
}

// `out` without the printer's own colour codes (the only escapes it writes).
std::string without_colour(std::string out)
{
    for (const std::string code : {"\033[1;33m", "\033[0m"}) {
        for (auto at = out.find(code); at != std::string::npos; at = out.find(code)) {
            out.erase(at, code.size());
        }
    }
    return out;
}

bool has_colour(const std::string& out)
{
    return contains(out, "\033[1;33m");
}

}  // namespace

BOOST_AUTO_TEST_SUITE(akhbar_search_output)

BOOST_AUTO_TEST_CASE(piped_output_has_no_isolates_and_its_ids_work_with_like)
{
    const auto r = piped({}, {"--db", news_db(), QUERY});
    BOOST_TEST_REQUIRE(r.exit_code == 0, r.err);
    akhbar::test::check_terminal_safe(r.out, false);
    BOOST_TEST(!contains(r.out, "\033["));
    // "   2025-11-06 · الشرق · 002_9f15b159de594b2e · score 4.560": the id cut from it.
    const auto at = r.out.find("002_");
    BOOST_TEST_REQUIRE(at != std::string::npos);
    const std::string id = r.out.substr(at, r.out.find(' ', at) - at);
    BOOST_TEST(id == "002_9f15b159de594b2e");
    const auto like = piped({}, {"--db", news_db(), "--like", id});
    BOOST_TEST(like.exit_code == 0, like.err);
    BOOST_TEST(lines_of(like.out).at(0).ends_with(" match related:002_9f15b159de594b2e"), like.out);
    akhbar::test::check_terminal_safe(like.out, false);
}

BOOST_AUTO_TEST_CASE(on_a_terminal_fields_are_isolated_and_highlights_coloured)
{
    const auto r = on_terminal(100, {}, {"--db", news_db(), QUERY});
    BOOST_TEST_REQUIRE(r.exit_code == 0, r.out);
    akhbar::test::check_terminal_safe(without_colour(r.out), true);
    // Each field of the metadata line one unit, whatever its script.
    BOOST_TEST(contains(r.out, "   " + FSI + "2025-11-06" + PDI + " · " + FSI + "الشرق" + PDI + " · " + FSI +
                                   "002_9f15b159de594b2e" + PDI + " · score "),
               r.out);
    BOOST_TEST(has_colour(r.out));
    BOOST_TEST(!contains(r.out, "[اتفاقات]"));
}

BOOST_AUTO_TEST_CASE(no_color_and_a_dumb_terminal_turn_colour_off)
{
    const std::vector<std::string> args{"--db", news_db(), QUERY};
    BOOST_TEST(has_colour(on_terminal(100, {}, args).out));
    for (const std::vector<std::string>& env :
         {std::vector<std::string>{"NO_COLOR=1"}, {"TERM=dumb"}, {"-u", "TERM"}}) {
        const auto r = on_terminal(100, env, args);
        BOOST_TEST(r.exit_code == 0);
        BOOST_TEST(!contains(r.out, "\033["), env.front());
        BOOST_TEST(contains(r.out, "[اتفاقات] [أبراهام]"), env.front());
    }
    // NO_COLOR counts only with a value (no-color.org).
    BOOST_TEST(has_colour(on_terminal(100, {"NO_COLOR="}, args).out));
    // --color never on a terminal; --color always over NO_COLOR.
    BOOST_TEST(!has_colour(on_terminal(100, {}, {"--db", news_db(), "--color", "never", QUERY}).out));
    BOOST_TEST(has_colour(on_terminal(100, {"NO_COLOR=1"}, {"--db", news_db(), "--color", "always", QUERY}).out));
}

BOOST_AUTO_TEST_CASE(color_always_into_a_pipe)
{
    const auto r = piped({}, {"--db", news_db(), "--color", "always", QUERY});
    BOOST_TEST(r.exit_code == 0);
    BOOST_TEST(has_colour(r.out));
    BOOST_TEST(!contains(r.out, FSI));  // isolates are for terminals, not for colour
    BOOST_TEST(!has_colour(piped({}, {"--db", news_db(), "--color", "auto", QUERY}).out));
}

BOOST_AUTO_TEST_CASE(plain_prints_on_a_terminal_what_a_pipe_gets)
{
    const auto plain = on_terminal(60, {}, {"--db", news_db(), "--plain", QUERY});
    BOOST_TEST(plain.exit_code == 0);
    BOOST_TEST(plain.out == piped({}, {"--db", news_db(), QUERY}).out);
}

BOOST_AUTO_TEST_CASE(output_options_that_do_not_apply_are_usage_errors)
{
    struct Case {
        std::vector<std::string> args;
        std::string err;
    };
    for (const Case& c : std::vector<Case>{
             {{"--color", "yes"}, "akhbar-search: --color is auto, always or never, not \"yes\"\ntry 'akhbar-search --help'\n"},
             {{"--facets", "bars"}, "akhbar-search: --facets is auto, chart or table, not \"bars\"\ntry 'akhbar-search --help'\n"},
             {{"--plain", "--color", "always"},
              "akhbar-search: --plain turns colour off: it does not go with --color always\ntry 'akhbar-search --help'\n"},
             {{"--facets", "table", "--no-facets"},
              "akhbar-search: --facets draws the facets that --no-facets skips: give one of them\ntry 'akhbar-search --help'\n"},
             {{"--facets", "chart", "--json"},
              "akhbar-search: --facets lays out the text output, not --format json\ntry 'akhbar-search --help'\n"},
         }) {
        std::vector<std::string> args{"--db", news_db()};
        args.insert(args.end(), c.args.begin(), c.args.end());
        args.push_back(QUERY);
        const auto r = piped({}, args);
        BOOST_TEST(r.exit_code == 2, c.err);
        BOOST_TEST(r.err == c.err);
        BOOST_TEST(r.out.empty());
    }
}

BOOST_AUTO_TEST_CASE(the_chart_fits_columns_40_and_100)
{
    for (const std::size_t width : {40U, 100U}) {
        const auto r = piped({"COLUMNS=" + std::to_string(width)},
                             {"--db", news_db(), "--facets", "chart", QUERY});
        BOOST_TEST_REQUIRE(r.exit_code == 0, r.err);
        const auto chart = chart_lines(r.out);
        BOOST_TEST(chart.size() == 7U, r.out);  // not a line per day
        BOOST_TEST(chart.at(0) == "By day, 2025-11-01 to 2025-11-30:");
        BOOST_TEST(chart.at(5) == "  total 4 · most 2 (2025-11-06)");
        BOOST_TEST(chart.at(6) == "  undated: 1");
        for (const std::string& line : chart) {
            BOOST_TEST(columns(line) <= width, width << ": " << line);
        }
        // The day numbers under their days: two columns a day when they fit.
        BOOST_TEST(chart.at(4).starts_with(width == 40 ? "  1   5    10" : "  1       5         10"),
                   chart.at(4));
    }
}

BOOST_AUTO_TEST_CASE(on_a_terminal_nothing_is_wider_than_it)
{
    for (const unsigned short width : {static_cast<unsigned short>(40), static_cast<unsigned short>(60)}) {
        const auto r = on_terminal(width, {}, {"--db", news_db(), "--snippet-chars", "400", QUERY});
        BOOST_TEST_REQUIRE(r.exit_code == 0, r.out);
        const auto lines = lines_of(r.out);
        for (std::size_t i = 1; i < lines.size(); ++i) {  // the header line holds the query
            BOOST_TEST(columns(lines[i]) <= width, width << ": " << lines[i]);
        }
        BOOST_TEST(chart_lines(r.out).size() == 7U);  // the chart, by default on a terminal
    }
    // Without a window size, $COLUMNS.
    const auto r = on_terminal(0, {"COLUMNS=50"}, {"--db", news_db(), QUERY});
    for (const std::string& line : chart_lines(r.out)) {
        BOOST_TEST(columns(line) <= 50U, line);
    }
}

BOOST_AUTO_TEST_CASE(snippets_are_not_wrapped_into_a_pipe)
{
    const auto r = piped({"COLUMNS=40"}, {"--db", news_db(), QUERY});
    std::size_t widest = 0;
    for (const std::string& line : lines_of(r.out)) {
        widest = std::max(widest, columns(line));
    }
    BOOST_TEST(widest > 100U);
}

BOOST_AUTO_TEST_CASE(the_table_has_a_line_per_day)
{
    const std::string expected_start = "\nBy day:\n  2025-11-01 0\n  2025-11-02 0\n";
    const auto table = on_terminal(80, {}, {"--db", news_db(), "--facets", "table", QUERY});
    BOOST_TEST(contains(table.out, expected_start), table.out);
    BOOST_TEST(contains(table.out, "\n  2025-11-06 2\n  2025-11-07 1\n"));
    BOOST_TEST(contains(table.out, "\n  2025-11-30 0\n  undated: 1\n"));
    // The default into a pipe, for scripts.
    const auto r = piped({}, {"--db", news_db(), QUERY});
    BOOST_TEST(contains(r.out, expected_start));
    BOOST_TEST(chart_lines(r.out).size() == 32U);  // heading, 30 days, undated
    BOOST_TEST(!contains(piped({}, {"--db", news_db(), "--no-facets", QUERY}).out, "By day"));
}

BOOST_AUTO_TEST_CASE(the_header_shows_the_query_not_its_stems)
{
    const auto r = piped({}, {"--db", news_db(), QUERY});
    BOOST_TEST(lines_of(r.out).at(0) == "5 articles match " + QUERY);
    // The stems stay in JSON.
    const auto json = nlohmann::json::parse(piped({}, {"--db", news_db(), "--json", QUERY}).out);
    BOOST_TEST(json["query"]["words"][0]["stem"] == "اتفاق");
}

BOOST_AUTO_TEST_CASE(matches_without_a_source_are_counted)
{
    const auto r = piped({}, {"--db", news_db(), QUERY});
    BOOST_TEST(contains(r.out, "\nBy source:\n  الشرق: 1\n  بوابة الوفد: 1\n  no source: 3\n"), r.out);
    const auto json = nlohmann::json::parse(piped({}, {"--db", news_db(), "--json", QUERY}).out);
    BOOST_TEST(json["facets"]["unsourced"] == 3);
    std::size_t sum = json["facets"]["unsourced"];
    for (const auto& c : json["facets"]["source"]) {
        sum += c["count"].get<std::size_t>();
    }
    BOOST_TEST(sum == json["total"].get<std::size_t>());
}

BOOST_AUTO_TEST_CASE(a_hit_shows_its_url)
{
    const auto json = nlohmann::json::parse(
        piped({}, {"--db", ant_db(), "--json", "--limit", "1", "الفيلم"}).out);
    BOOST_TEST_REQUIRE(json["hits"].size() == 1U);
    const std::string url = json["hits"][0]["url"];
    BOOST_TEST_REQUIRE(url.starts_with("http"));
    const auto r = piped({}, {"--db", ant_db(), "--limit", "1", "الفيلم"});
    BOOST_TEST(r.exit_code == 0);
    const auto lines = lines_of(r.out);
    // Title, metadata, then the URL on a line of its own.
    std::size_t title = 0;
    while (title < lines.size() && !lines[title].starts_with("1. ")) {
        ++title;
    }
    BOOST_TEST_REQUIRE(title + 2 < lines.size());
    BOOST_TEST(lines[title + 2] == "   " + url);
    // On a terminal, one isolated unit.
    const auto t = on_terminal(200, {}, {"--db", ant_db(), "--limit", "1", "الفيلم"});
    BOOST_TEST(contains(t.out, "\n   " + FSI + url + PDI + "\n"), t.out);
}

BOOST_AUTO_TEST_SUITE_END()
