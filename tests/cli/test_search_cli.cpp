// akhbar-search as people and scripts run it.

#include <boost/test/data/test_case.hpp>
#include <boost/test/unit_test.hpp>

#include <nlohmann/json.hpp>

#include <sstream>

#include "support/corpus_db.hpp"
#include "support/process.hpp"
#include "support/terminal.hpp"
#include "support/temp_dir.hpp"
#include "support/tsv.hpp"

using akhbar::test::run_process;
using akhbar::test::TempDir;

namespace {

const std::string SEARCH = AKHBAR_SEARCH;
const std::string INDEX = AKHBAR_INDEX;

struct Db {
    std::string path = akhbar::test::corpus_db();
};

Db& db()
{
    static Db d;
    return d;
}

using akhbar::test::contains;

}  // namespace

BOOST_AUTO_TEST_SUITE(akhbar_search_cli)

BOOST_AUTO_TEST_CASE(issue_example_json_with_month_facet)
{
    const auto r = run_process({SEARCH, "--db", db().path, "--json", "--facet-month", "2025-11", "كازاخستان"});
    BOOST_TEST(r.exit_code == 0);
    const auto json = nlohmann::json::parse(r.out);
    BOOST_TEST(json["total"] == 5);
    BOOST_TEST(json["hits"].size() == 5U);
    std::map<std::string, int> days;
    for (const auto& d : json["facets"]["date"]) {
        days[d["value"]] = d["count"];
    }
    BOOST_TEST(days.size() == 30U);
    BOOST_TEST(days["2025-11-06"] == 2);
    BOOST_TEST(days["2025-11-07"] == 1);
    BOOST_TEST(days["2025-11-11"] == 1);
    BOOST_TEST(json["facets"]["undated"] == 1);
    for (const auto& h : json["hits"]) {
        const std::string text = h["snippet"]["text"];
        for (const auto& range : h["snippet"]["highlights"]) {
            BOOST_TEST(text.substr(range[0], range[1].get<std::size_t>() - range[0].get<std::size_t>()) ==
                       "كازاخستان");
        }
    }
}

BOOST_AUTO_TEST_CASE(human_output_is_plain_when_piped)
{
    const auto r = run_process({SEARCH, "--db", db().path, "اتفاقات أبراهام"});
    BOOST_TEST(r.exit_code == 0);
    BOOST_TEST(contains(r.out, "5 articles match"));
    BOOST_TEST(contains(r.out, "[اتفاقات] [أبراهام]"));
    BOOST_TEST(!contains(r.out, "\033["));
    BOOST_TEST(contains(r.out, "By day:"));
    BOOST_TEST(contains(r.out, "undated: 1"));
}

BOOST_AUTO_TEST_CASE(batch_trec_and_timings)
{
    TempDir dir;
    const auto queries = dir.write("q.tsv", "# comment\n1\tكازاخستان\n2\tبـ5G\nbroken line\n3\t(اتفاق\n");
    const auto timings = dir / "t.tsv";
    const auto r = run_process({SEARCH, "--db", db().path, "--batch", queries.string(), "--format", "trec",
                                "--limit", "3", "--timings", timings.string()});
    BOOST_TEST(r.exit_code == 2);  // two lines could not be run
    BOOST_TEST(contains(r.err, queries.string() + ":4: expected qid<TAB>query"));
    BOOST_TEST(contains(r.err, queries.string() + ":5: query error at character 1: this parenthesis is not closed"));
    std::istringstream lines(r.out);
    std::string line;
    int n = 0;
    while (std::getline(lines, line)) {
        std::istringstream f(line);
        std::string qid, q0, doc, rank, score, tag;
        f >> qid >> q0 >> doc >> rank >> score >> tag;
        BOOST_TEST(qid == "1");
        BOOST_TEST(q0 == "Q0");
        BOOST_TEST(rank == std::to_string(++n));
        BOOST_TEST(tag == "akhbar");
    }
    BOOST_TEST(n == 3);
    const std::string t = akhbar::test::read_file(timings.string());
    BOOST_TEST(t.starts_with("1\t"));
    BOOST_TEST(contains(t, "\n2\t"));
}

BOOST_AUTO_TEST_CASE(batch_json_lines)
{
    TempDir dir;
    const auto queries = dir.write("q.tsv", "a\tكازاخستان\nb\tإسرائيل\n");
    const auto r = run_process({SEARCH, "--db", db().path, "--batch", queries.string(), "--json", "--no-facets"});
    BOOST_TEST(r.exit_code == 0);
    std::istringstream lines(r.out);
    std::string line;
    std::vector<std::string> qids;
    while (std::getline(lines, line)) {
        qids.push_back(nlohmann::json::parse(line)["qid"]);
    }
    BOOST_TEST((qids == std::vector<std::string>{"a", "b"}));
}

BOOST_AUTO_TEST_CASE(leading_minus_word_is_a_query)
{
    const auto r = run_process({SEARCH, "--db", db().path, "-كازاخستان"});
    BOOST_TEST(r.exit_code == 2);
    BOOST_TEST(contains(r.err, "a query cannot only exclude"));
}

BOOST_AUTO_TEST_CASE(errors_and_exit_codes)
{
    const auto stop = run_process({SEARCH, "--db", db().path, "في"});
    BOOST_TEST(stop.exit_code == 2);
    BOOST_TEST(stop.err == "akhbar-search: the query has only stopwords, which are not indexed: في\n");
    const auto none = run_process({SEARCH, "--db", db().path});
    BOOST_TEST(none.exit_code == 2);
    BOOST_TEST(contains(none.err, "no QUERY given"));
    const auto missing = run_process({SEARCH, "--db", "/nonexistent/akhbar.db", "x"});
    BOOST_TEST(missing.exit_code == 1);
    BOOST_TEST(missing.err ==
               "akhbar-search: no database at /nonexistent/akhbar.db (index articles with akhbar-index first)\n");
    const auto date = run_process({SEARCH, "--db", db().path, "--from", "yesterday", "x"});
    BOOST_TEST(date.exit_code == 2);
    BOOST_TEST(contains(date.err, "--from takes YYYY, YYYY-MM or YYYY-MM-DD: \"yesterday\""));
    const auto month = run_process({SEARCH, "--db", db().path, "--facet-month", "2025-13", "x"});
    BOOST_TEST(month.exit_code == 2);
    const auto empty = run_process({SEARCH, "--db", db().path, "لا يوجد شيء كهذا"});
    BOOST_TEST(empty.exit_code == 0);  // nothing matches: not an error
    BOOST_TEST(contains(empty.out, "0 articles match"));
}

BOOST_AUTO_TEST_CASE(related)
{
    const auto r = run_process({SEARCH, "--db", db().path, "--json", "--like", "001_c3a5d13f4eaa2ea5"});
    BOOST_TEST(r.exit_code == 0);
    const auto json = nlohmann::json::parse(r.out);
    BOOST_TEST(!json["hits"].empty());
    const auto unknown = run_process({SEARCH, "--db", db().path, "--like", "nope"});
    BOOST_TEST(unknown.exit_code == 1);  // as --show: the database has no such article
    BOOST_TEST(contains(unknown.err, "no article with id \"nope\""));
}

BOOST_AUTO_TEST_CASE(a_shard_that_does_not_answer)
{
    // Nothing listens on port 1 of this machine: the connection is refused.
    const std::string down = "tcp://127.0.0.1:1";
    const auto strict = run_process({SEARCH, "--db", db().path, "--db", down, "--timeout", "1000", "السلام"});
    BOOST_TEST(strict.exit_code == 1);
    BOOST_TEST(contains(strict.err, "akhbar-search: " + down + " did not answer: "), strict.err);

    const auto partial = run_process({SEARCH, "--db", db().path, "--db", down, "--partial", "--json", "السلام"});
    BOOST_TEST(partial.exit_code == 3);
    const auto json = nlohmann::json::parse(partial.out);
    BOOST_TEST(json["partial"] == true);
    BOOST_TEST(json["total"] == 5);
    BOOST_TEST_REQUIRE(json["unavailable"].size() == 1U);
    BOOST_TEST(contains(json["unavailable"][0].get<std::string>(), down));
    BOOST_TEST(contains(partial.err, "akhbar-search: partial results: " + down), partial.err);

    const auto text = run_process({SEARCH, "--db", db().path, "--db", down, "--partial", "--plain", "السلام"});
    BOOST_TEST(text.exit_code == 3);
    BOOST_TEST(contains(text.out, "Partial results: "), text.out);
    BOOST_TEST(contains(text.out, down + " did not answer"), text.out);

    const auto whole = run_process({SEARCH, "--db", db().path, "--json", "السلام"});
    BOOST_TEST(nlohmann::json::parse(whole.out)["partial"] == false);
}

BOOST_AUTO_TEST_CASE(bad_shard_options_exit_2)
{
    const auto zero = run_process({SEARCH, "--db", db().path, "--timeout", "0", "السلام"});
    BOOST_TEST(zero.exit_code == 2);
    BOOST_TEST(contains(zero.err, "--timeout must be from 1 to 3600000 milliseconds, not 0"));
    const auto ranking = run_process({SEARCH, "--db", db().path, "--ranking", "tfidf", "السلام"});
    BOOST_TEST(ranking.exit_code == 2);
    // The library's message (parse_ranking), as the C API gives it; on
    // 7702c5c the tool said "--ranking is akhbar, bm25 or lucene-bm25, not \"tfidf\"".
    BOOST_TEST(contains(ranking.err, "unknown ranking \"tfidf\" (known: akhbar, bm25, lucene-bm25)"),
               ranking.err);
    const auto address = run_process({SEARCH, "--db", "tcp://localhost", "السلام"});
    BOOST_TEST(address.exit_code == 2);
    BOOST_TEST(contains(address.err, "not a HOST:PORT address: \"localhost\""), address.err);
}

BOOST_AUTO_TEST_SUITE_END()

// Terminal safety (issue #15, point 7): stored titles, text, ids and sources,
// and queries, ids and file names given by the user, reach the terminal with
// their controls and bidi overrides escaped, in results and in messages.
namespace {

// Articles with hostile fields (JSON escapes: ESC, BEL, BS, DEL, C1 CSI, RLO).
const std::string HOSTILE_JSONL =
    R"({"id": "evil\u001b[8m", "source": "bbc\u0007", "date": "2025-11-07",)"
    R"( "title": "\u001b]0;owned\u0007كازاخستان\b\b \u202e", "text": "نص \u009b31m)"
    R"( كازاخستان \u001b[2J\u007f تنضم إلى اتفاقات أبراهام \u2067"})"
    "\n";

struct HostileDb {
    TempDir dir;
    std::string path = (dir / "db").string();
    HostileDb()
    {
        const auto input = dir.write("hostile.jsonl", HOSTILE_JSONL);
        BOOST_TEST_REQUIRE(run_process({INDEX, "--db", path, input.string()}).exit_code == 0);
    }
};

HostileDb& hostile_db()
{
    static HostileDb d;
    return d;
}

struct TerminalRow {
    const char* name;
    // "DB" and "BATCH" stand for the database and batch file, "EVIL_BATCH" for
    // the batch file under a name with ESC
    std::vector<std::string> args;
    std::string batch;              // the batch file's content
    int exit_code;
    std::string shown;  // the escaped text expected on stdout or stderr
};
std::ostream& operator<<(std::ostream& os, const TerminalRow& r) { return os << r.name; }

const TerminalRow TERMINAL_ROWS[] = {
    {"text output", {"--db", "DB", "كازاخستان"}, "", 0, "\\x1B]0;owned\\x07"},
    {"--plain", {"--db", "DB", "--plain", "كازاخستان"}, "", 0, "\\u009B31m"},
    {"TREC ids", {"--db", "DB", "--format", "trec", "كازاخستان"}, "", 0, "evil\\x1B[8m"},
    {"--like an id with ESC", {"--db", "DB", "--like", "evil\x1B[8m"}, "", 0, ""},
    {"query error echoing the query", {"--db", "DB", "كازاخستان date:\x1B[2J"}, "", 2, "\\x1B[2J"},
    {"query with C1 and RLO", {"--db", "DB", "date:\xC2\x9B" "31m\xE2\x80\xAE"}, "", 2, "\\u202E"},
    {"unknown --like id", {"--db", "DB", "--like", "nosuch\x1B[2J"}, "", 1, "nosuch\\x1B[2J"},
    {"--show an article with escapes", {"--db", "DB", "--show", "evil\x1B[8m"}, "", 0,
     "title: \\x1B]0;owned\\x07"},
    {"--show an unknown id", {"--db", "DB", "--show", "nosuch\x1B[2J"}, "", 1, "nosuch\\x1B[2J"},
    {"usage error echoing a value", {"--db", "DB", "--format", "x\x1B[2J"}, "", 2, "x\\x1B[2J"},
    {"batch line without a tab", {"--db", "DB", "--batch", "BATCH"}, "bad\x1B[2J line\n", 2,
     "\\x1B[2J"},
    {"batch query error", {"--db", "DB", "--batch", "BATCH"}, "q1\tdate:\x1B[2J\n", 2, "\\x1B[2J"},
    {"batch qid with ESC", {"--db", "DB", "--batch", "BATCH"}, "q\x1B[2J\tكازاخستان\n", 0,
     "== q\\x1B[2J"},
    {"batch file name with ESC", {"--db", "DB", "--batch", "no\x1B[2J.tsv"}, "", 1,
     "no\\x1B[2J.tsv"},
    // On d7b6081 these three printed the line, the file name and the shard raw.
    {"batch empty qid with escapes", {"--db", "DB", "--batch", "BATCH"},
     "\t\x1B]0;pwned\a\x1B[2J\n", 2,
     "empty qid (expected qid<TAB>query): \"\\t\\x1B]0;pwned\\x07\\x1B[2J\""},
    {"batch file name with ESC and an empty qid", {"--db", "DB", "--batch", "EVIL_BATCH"},
     "\tكازاخستان\n", 2, "n\\x1B[1m.tsv:1: empty qid"},
    {"batch partial results naming a shard",
     {"--db", "DB", "--db", "nodb\x1B[2J", "--partial", "--batch", "BATCH"}, "q\tكازاخستان\n", 3,
     "partial results: no database at nodb\\x1B[2J"},
};

}  // namespace

BOOST_AUTO_TEST_SUITE(akhbar_search_terminal)

BOOST_DATA_TEST_CASE(untrusted_text_is_escaped, boost::unit_test::data::make(TERMINAL_ROWS), row)
{
    TempDir dir;
    const auto batch = dir.write("batch.tsv", row.batch);
    const auto evil_batch = dir.write("n\x1B[1m.tsv", row.batch);
    std::vector<std::string> argv{SEARCH};
    for (const std::string& arg : row.args) {
        argv.push_back(arg == "DB"           ? hostile_db().path
                       : arg == "BATCH"      ? batch.string()
                       : arg == "EVIL_BATCH" ? evil_batch.string()
                                             : arg);
    }
    const auto r = run_process(argv);
    BOOST_TEST(r.exit_code == row.exit_code, r.err);
    // Piped: not one bidi isolate (issue #20).
    akhbar::test::check_terminal_safe(r.out, false);
    akhbar::test::check_terminal_safe(r.err, false);
    const std::string shown = akhbar::test::without_isolates(r.out + r.err);
    BOOST_TEST(contains(shown, row.shown), shown);
}

// JSON is for programs: strings as stored, C0 controls escaped by JSON itself
// (\u001b), the rest (C1, bidi) kept; docs/json-output.md says so.
BOOST_AUTO_TEST_CASE(json_keeps_text_as_stored)
{
    const auto r = run_process({SEARCH, "--db", hostile_db().path, "--json", "كازاخستان"});
    BOOST_TEST(r.exit_code == 0);
    for (const char c : r.out) {
        BOOST_TEST((static_cast<unsigned char>(c) >= 0x20U || c == '\n'));
    }
    const auto json = nlohmann::json::parse(r.out);
    BOOST_TEST(json["hits"][0]["id"] == "evil\x1B[8m");
    BOOST_TEST(json["hits"][0]["source"] == "bbc\x07");
}

BOOST_AUTO_TEST_SUITE_END()

// Issue #15: a query past the parser's limits is a query error (exit 2), also
// inside --batch, where the other queries still run. 60,000 open parentheses
// overflowed the parser's stack (SIGSEGV) and killed the whole batch; the
// size limit now stops them before the parser, the depth limit stops 40.
BOOST_AUTO_TEST_SUITE(akhbar_search_cli)

BOOST_AUTO_TEST_CASE(queries_past_the_limits_exit_2)
{
    const std::string huge = std::string(60000, '(') + "كازاخستان";
    const std::string huge_error = "query error: the query is 60018 bytes long, more than the limit of 4096";
    const auto crashed = run_process({SEARCH, "--db", db().path, huge});
    BOOST_TEST(crashed.exit_code == 2);
    BOOST_TEST(crashed.err == "akhbar-search: " + huge_error + "\n");
    const std::string deep = std::string(40, '(') + "كازاخستان";
    const std::string deep_error = "query error at character 33: parentheses nested deeper than the limit of 32";
    const auto nested = run_process({SEARCH, "--db", db().path, deep});
    BOOST_TEST(nested.exit_code == 2);
    BOOST_TEST(nested.err == "akhbar-search: " + deep_error + "\n");

    TempDir dir;
    const auto queries = dir.write("q.tsv", "a\tكازاخستان\nb\t" + huge + "\nc\t" + deep + "\nd\tإسرائيل\n");
    const auto batch = run_process({SEARCH, "--db", db().path, "--batch", queries.string(), "--format", "trec"});
    BOOST_TEST(batch.exit_code == 2);
    BOOST_TEST(batch.err == queries.string() + ":2: " + huge_error + "\n" + queries.string() + ":3: " + deep_error + "\n");
    BOOST_TEST(contains(batch.out, "a Q0 "), batch.out);
    BOOST_TEST(contains(batch.out, "d Q0 "), batch.out);
}

BOOST_AUTO_TEST_SUITE_END()
