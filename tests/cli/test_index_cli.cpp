// akhbar-index as people and scripts run it: summaries, exit codes, error
// text, standard input, locking, --strict, and real interruptions.

#include <boost/test/data/monomorphic.hpp>
#include <boost/test/data/test_case.hpp>
#include <boost/test/unit_test.hpp>

#include <unistd.h>

#include <xapian.h>

#include <csignal>
#include <filesystem>

#include "support/process.hpp"
#include "support/temp_dir.hpp"
#include "support/terminal.hpp"
#include "support/tsv.hpp"

namespace fs = std::filesystem;
using akhbar::test::run_process;
using akhbar::test::TempDir;

namespace {

const std::string TOOL = AKHBAR_INDEX;
const std::string CORPUS = std::string(AKHBAR_SOURCE_DIR) + "/corpus";
const std::string SAMPLE = std::string(AKHBAR_TEST_DATA_DIR) + "/ant_sample.jsonl";

bool contains(const std::string& haystack, const std::string& needle)
{
    return haystack.find(needle) != std::string::npos;
}

// The ANT sample repeated with distinct ids: enough work to interrupt.
std::string many_articles(int copies)
{
    const std::string sample = akhbar::test::read_file(SAMPLE);
    std::string out;
    for (int c = 0; c < copies; ++c) {
        std::size_t pos = 0;
        while (pos < sample.size()) {
            const auto eol = sample.find('\n', pos);
            std::string line = sample.substr(pos, eol - pos);
            const auto id = line.find("\"id\": \"");
            line.insert(id + 7, "c" + std::to_string(c) + "-");
            out += line + "\n";
            pos = eol + 1;
        }
    }
    return out;
}

// script(1) needs a pseudo-terminal; containers without /dev/pts have none.
boost::test_tools::assertion_result pseudo_terminal_available(boost::unit_test::test_unit_id)
{
    boost::test_tools::assertion_result ok(run_process({"/usr/bin/script", "-qec", "true", "/dev/null"}).exit_code == 0);
    ok.message() << "no pseudo-terminal can be allocated here (script -qec true failed)";
    return ok;
}

}  // namespace

BOOST_AUTO_TEST_SUITE(akhbar_index_cli)

BOOST_AUTO_TEST_CASE(corpus_then_no_changes)
{
    TempDir dir;
    const std::string db = (dir / "db").string();
    const auto first = run_process({TOOL, "--db", db, CORPUS});
    BOOST_TEST(first.exit_code == 0);
    BOOST_TEST(first.err.empty());  // no progress bar when not on a terminal
    BOOST_TEST(contains(first.out, db + " (profile akhbar): added 5, updated 0, deleted 0, unchanged 0, skipped 0;"));
    BOOST_TEST(contains(first.out, "5 articles in the database"));
    const auto second = run_process({TOOL, "--db", db, CORPUS});
    BOOST_TEST(second.exit_code == 0);
    BOOST_TEST(contains(second.out, "no changes, unchanged 5, skipped 0;"));
}

BOOST_AUTO_TEST_CASE(progress_bar_on_a_terminal,
                     *boost::unit_test::precondition(pseudo_terminal_available))
{
    // script(1) (util-linux, essential in Debian) runs the indexer on a
    // pseudo-terminal, where the progress bar is drawn on standard error.
    TempDir dir;
    const std::string command = TOOL + " --db " + (dir / "db").string() + " " + SAMPLE;
    const auto r = run_process({"/usr/bin/script", "-qec", command, "/dev/null"});
    BOOST_TEST(r.exit_code == 0);
    BOOST_TEST(contains(r.out, "\r["));           // the bar, redrawn in place
    // Its fields; how far it got when drawn depends on the machine's speed.
    BOOST_TEST(contains(r.out, "%  files "));
    BOOST_TEST(contains(r.out, "/1  articles "));
    BOOST_TEST(contains(r.out, "/s  left "));
    BOOST_TEST(contains(r.out, "\r\033[K"));      // and cleared before the summary
    BOOST_TEST(contains(r.out, "added 100,"));
    // With -q, or when standard error is not a terminal, there is no bar.
    const auto quiet = run_process({"/usr/bin/script", "-qec", command + " -q --rebuild", "/dev/null"});
    BOOST_TEST(!contains(quiet.out, "\r["));
}

BOOST_AUTO_TEST_CASE(default_database_from_environment)
{
    TempDir dir;
    const auto r = run_process({"/usr/bin/env", "AKHBAR_DB=" + (dir / "env.db").string(), TOOL, CORPUS});
    BOOST_TEST(r.exit_code == 0);
    BOOST_TEST(Xapian::Database((dir / "env.db").string()).get_doccount() == 5U);
}

BOOST_AUTO_TEST_CASE(bad_input_is_reported_skipped_and_exits_3)
{
    TempDir dir;
    const auto file = dir.write("in.jsonl", R"({"id": "a", "text": "نص"})" "\n"
                                            R"({"text": "بلا معرف"})" "\n"
                                            "not json\n"
                                            R"({"id": "b", "text": "نص", "date": "أمس"})" "\n");
    const auto r = run_process({TOOL, "--db", (dir / "db").string(), file.string()});
    BOOST_TEST(r.exit_code == 3);
    BOOST_TEST(contains(r.err, file.string() + R"(:2: missing "id": "{\"text\": \"بلا معرف\"}" (skipped))"));
    BOOST_TEST(contains(r.err, file.string() + ":3: malformed JSON ("));
    BOOST_TEST(contains(r.err, file.string() + R"(:4: field "date" is not a date: "أمس" (indexed as undated))"));
    BOOST_TEST(contains(r.out, "added 2,"));
    BOOST_TEST(contains(r.out, "skipped 2 (malformed JSON: 1, missing id: 1), repaired 1 (unparsable date: 1)"));
}

BOOST_AUTO_TEST_CASE(strict_stops_at_the_first_problem)
{
    TempDir dir;
    const std::string db = (dir / "db").string();
    BOOST_TEST(run_process({TOOL, "--db", db, CORPUS}).exit_code == 0);
    const auto file = dir.write("in.jsonl", R"({"id": "a", "text": "نص"})" "\n" "not json\n");
    const auto r = run_process({TOOL, "--db", db, "--strict", file.string()});
    BOOST_TEST(r.exit_code == 1);
    BOOST_TEST(contains(r.err, file.string() + ":2: malformed JSON"));
    BOOST_TEST(contains(r.err, "stopped (--strict); nothing was committed"));
    BOOST_TEST(Xapian::Database(db).get_doccount() == 5U);
}

BOOST_AUTO_TEST_CASE(standard_input)
{
    TempDir dir;
    const auto r = run_process({TOOL, "--db", (dir / "db").string(), "-"},
                               akhbar::test::read_file(SAMPLE));
    BOOST_TEST(r.exit_code == 0);
    BOOST_TEST(contains(r.out, "added 100,"));
}

BOOST_AUTO_TEST_CASE(locked_database)
{
    TempDir dir;
    const std::string db = (dir / "db").string();
    BOOST_TEST(run_process({TOOL, "--db", db, CORPUS}).exit_code == 0);
    Xapian::WritableDatabase holder(db, Xapian::DB_OPEN);
    const auto r = run_process({TOOL, "--db", db, CORPUS});
    BOOST_TEST(r.exit_code == 1);
    BOOST_TEST(r.err == "akhbar-index: database " + db +
                            " is locked: another akhbar-index is writing to it\n");
}

BOOST_AUTO_TEST_CASE(usage_errors_exit_2)
{
    BOOST_TEST(run_process({TOOL}).exit_code == 2);
    BOOST_TEST(run_process({TOOL, "--bogus", CORPUS}).exit_code == 2);
    TempDir dir;
    const auto r = run_process({TOOL, "--db", (dir / "db").string(), "--profile", "elastic", CORPUS});
    BOOST_TEST(r.exit_code == 2);
    BOOST_TEST(contains(r.err, "unknown analyzer profile \"elastic\""));
}

BOOST_AUTO_TEST_CASE(profile_mismatch_exits_1)
{
    TempDir dir;
    const std::string db = (dir / "db").string();
    BOOST_TEST(run_process({TOOL, "--db", db, "--profile", "lucene", CORPUS}).exit_code == 0);
    const auto r = run_process({TOOL, "--db", db, "--profile", "akhbar", CORPUS});
    BOOST_TEST(r.exit_code == 1);
    BOOST_TEST(contains(r.err, "was built with profile \"lucene\"; use --rebuild"));
    BOOST_TEST(run_process({TOOL, "--db", db, "--rebuild", "--profile", "akhbar", CORPUS}).exit_code == 0);
}

BOOST_AUTO_TEST_CASE(shard_by_month_then_compact)
{
    TempDir dir;
    const std::string db = (dir / "db").string();
    const fs::path october = dir.write("october.jsonl", R"({"id": "oct", "date": "2025-10-01", "text": "خبر قديم"})" "\n");
    const auto built = run_process({TOOL, "--db", db, "--shard-by", "month", CORPUS, october.string()});
    BOOST_TEST(built.exit_code == 0, built.err);
    BOOST_TEST(contains(built.out, "(profile akhbar, a shard per month): added 6"), built.out);
    BOOST_TEST(fs::exists(fs::path(db) / "XAPIANDB"));
    BOOST_TEST(Xapian::Database(db).get_doccount() == 6U);

    const auto again = run_process({TOOL, "--db", db, CORPUS, october.string()});
    BOOST_TEST(again.exit_code == 0);
    BOOST_TEST(contains(again.out, "no changes"), again.out);

    const auto compacted = run_process({TOOL, "--db", db, "--compact"});
    BOOST_TEST(compacted.exit_code == 0, compacted.err);
    BOOST_TEST(contains(compacted.out, db + "/2025-10: compacted, "), compacted.out);
    BOOST_TEST(contains(compacted.out, db + "/2025-11: left as it is (newest period: still changing)"));
    BOOST_TEST(contains(compacted.out, db + "/undated: left as it is (undated: may still change)"));
    BOOST_TEST(Xapian::Database(db).get_doccount() == 6U);
}

BOOST_AUTO_TEST_CASE(memory_budget)
{
    TempDir dir;
    const std::string db = (dir / "db").string();
    const auto zero = run_process({TOOL, "--db", db, "--memory", "0", CORPUS});
    BOOST_TEST(zero.exit_code == 2);
    BOOST_TEST(zero.err == "akhbar-index: memory budget must be a whole number of MB from 1 to "
                           "1048576, not \"0\"\ntry 'akhbar-index --help'\n");
    const auto one = run_process({TOOL, "--db", db, "--memory", "1", "-q", CORPUS});
    BOOST_TEST(one.exit_code == 0, one.err);
    BOOST_TEST(Xapian::Database(db).get_doccount() > 0U);
}

BOOST_AUTO_TEST_CASE(shard_and_compact_errors)
{
    TempDir dir;
    const std::string db = (dir / "db").string();
    const auto week = run_process({TOOL, "--db", db, "--shard-by", "week", CORPUS});
    BOOST_TEST(week.exit_code == 2);
    // The library's message (checked_shard_by); on 7702c5c the tool's own:
    // "--shard-by takes month, year or none, not \"week\"".
    BOOST_TEST(week.err ==
               "akhbar-index: unknown shard period \"week\" (known: none, month, year)\n"
               "try 'akhbar-index --help'\n");

    const auto missing = run_process({TOOL, "--db", db, "--compact"});
    BOOST_TEST(missing.exit_code == 1);
    BOOST_TEST(missing.err == "akhbar-index: no database at " + db + "\n");

    BOOST_TEST(run_process({TOOL, "--db", db, CORPUS}).exit_code == 0);
    const auto split = run_process({TOOL, "--db", db, "--shard-by", "month", CORPUS});
    BOOST_TEST(split.exit_code == 1);
    BOOST_TEST(contains(split.err, "is a single database; use --rebuild with --shard-by"), split.err);
    BOOST_TEST(run_process({TOOL, "--db", db, "--shard-by", "year", "--rebuild", CORPUS}).exit_code == 0);
    BOOST_TEST(fs::exists(fs::path(db) / "2025" / "iamglass"));
    const auto other = run_process({TOOL, "--db", db, "--shard-by", "month", CORPUS});
    BOOST_TEST(other.exit_code == 1);
    BOOST_TEST(contains(other.err, "is sharded by year; use --rebuild to shard it by month"), other.err);
}

BOOST_AUTO_TEST_CASE(ctrl_c_keeps_what_was_indexed)
{
    TempDir dir;
    const std::string db = (dir / "db").string();
    const std::string input = many_articles(30);  // 3,000 articles
    bool signalled = false;
    const auto r = akhbar::test::run_process_with_signal({TOOL, "--db", db, "-"}, input, SIGINT,
                                                         300, signalled);
    BOOST_TEST_REQUIRE(signalled, "the run finished before it could be interrupted");
    BOOST_TEST(r.exit_code == 130);
    BOOST_TEST(contains(r.err, "interrupted; what was indexed is committed"));
    const auto indexed = Xapian::Database(db).get_doccount();
    BOOST_TEST(indexed < 3000U);
    const auto rerun = run_process({TOOL, "--db", db, "-"}, input);
    BOOST_TEST(rerun.exit_code == 0);
    BOOST_TEST(Xapian::Database(db).get_doccount() == 3000U);
    BOOST_TEST(contains(rerun.out, "unchanged " + std::to_string(indexed)));
}

BOOST_AUTO_TEST_CASE(kill_leaves_an_openable_database)
{
    TempDir dir;
    const std::string db = (dir / "db").string();
    BOOST_TEST(run_process({TOOL, "--db", db, CORPUS}).exit_code == 0);
    const std::string input = many_articles(30);
    // Rebuild, killed halfway: the old database must stay as it was.
    bool signalled = false;
    akhbar::test::run_process_with_signal({TOOL, "--db", db, "--rebuild", "-"}, input, SIGKILL, 300,
                                          signalled);
    BOOST_TEST_REQUIRE(signalled);
    BOOST_TEST(Xapian::Database(db).get_doccount() == 5U);
    // The next run clears the dead run's work directory and completes.
    const auto rerun = run_process({TOOL, "--db", db, "--rebuild", "-"}, input);
    BOOST_TEST(rerun.exit_code == 0);
    BOOST_TEST(Xapian::Database(db).get_doccount() == 3000U);
    for (const auto& entry : fs::directory_iterator(dir.path())) {
        BOOST_TEST(!contains(entry.path().filename().string(), ".build-"), entry.path());
    }
}

// Standard input that stays open with no data (a producer that has sent one
// article and is waiting): Ctrl-C must end the run at once, with the article
// already received indexed. Each signal is tried on a fresh and an existing
// database (bulk and direct writing).
BOOST_DATA_TEST_CASE(signal_while_waiting_for_standard_input,
                     boost::unit_test::data::make({SIGINT, SIGTERM}) *
                         boost::unit_test::data::make({false, true}),
                     signal, existing)
{
    TempDir dir;
    const std::string db = (dir / "db").string();
    if (existing) {
        BOOST_TEST_REQUIRE(run_process({TOOL, "--db", db, CORPUS}).exit_code == 0);
    }
    akhbar::test::PipedProcess child({TOOL, "--db", db, "-"});
    // One whole article, and the start of the next one, cut off by the signal.
    child.write(R"({"id": "waiting-1", "title": "عنوان الخبر", "text": "نص وصل قبل الإشارة"})"
                "\n" R"({"id": "waiting-2", "ti)");
    BOOST_TEST_REQUIRE(child.wait_until_read(10000), "the indexer never read its input");
    usleep(100000);  // let it index the line it read (it must not need this to be correct)
    child.signal(signal);
    // Bounded wait: the old indexer ignored the signal while reading, for ever.
    const auto r = child.wait(10000);
    BOOST_TEST_REQUIRE(r.has_value(), "akhbar-index did not end within 10 s of the signal");
    BOOST_TEST(r->exit_code == 130, r->err);
    BOOST_TEST(r->err == "akhbar-index: interrupted; what was indexed is committed, run again to "
                         "complete\n");  // and nothing about the line cut short
    const Xapian::Database index(db);
    BOOST_TEST(index.get_doccount() == (existing ? 6U : 1U));
    BOOST_TEST(index.term_exists("Qwaiting-1"),
               "the article received before the signal is not in the database");
}


// File and database names are untrusted too: a name with an escape sequence
// or a bidi override reaches the terminal escaped, in problem messages and in
// the summary (issue #15, point 7).
BOOST_AUTO_TEST_CASE(hostile_file_names_are_escaped)
{
    TempDir dir;
    const auto input = dir.write("news\x1B]0;owned\x07\xE2\x80\xAE.jsonl", "not json\n");
    const std::string db = (dir.path() / "db\x1B[2J").string();
    const auto r = run_process({TOOL, "--db", db, input.string()});
    BOOST_TEST(r.exit_code == 3);
    akhbar::test::check_terminal_safe(r.out, false);
    akhbar::test::check_terminal_safe(r.err, false);
    BOOST_TEST(contains(r.err, "news\\x1B]0;owned\\x07\\u202E.jsonl:1: malformed JSON"), r.err);
    BOOST_TEST(contains(r.out, "db\\x1B[2J (profile"), r.out);
}

BOOST_AUTO_TEST_SUITE_END()
