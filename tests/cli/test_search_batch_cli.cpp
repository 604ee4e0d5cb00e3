// akhbar-search --batch as a long-lived reader, and the bounds of its number
// options (issue #15).

#include <boost/test/data/test_case.hpp>
#include <boost/test/unit_test.hpp>

#include <fcntl.h>
#include <poll.h>
#include <spawn.h>
#include <sys/stat.h>
#include <sys/wait.h>
#include <unistd.h>

#include <nlohmann/json.hpp>

#include <cerrno>
#include <chrono>
#include <filesystem>
#include <sstream>
#include <stdexcept>
#include <thread>

#include "support/process.hpp"
#include "support/temp_dir.hpp"
#include "support/tsv.hpp"

extern char** environ;

using akhbar::test::run_process;
using akhbar::test::TempDir;

namespace {

const std::string SEARCH = AKHBAR_SEARCH;
const std::string INDEX = AKHBAR_INDEX;
/// Longest wait for one answer of the child: generous, for loaded CI
/// machines; only a broken build ever waits that long.
constexpr int ANSWER_TIMEOUT_MS = 60'000;

bool contains(const std::string& s, const std::string& part)
{
    return s.find(part) != std::string::npos;
}

// An `akhbar-search --batch FIFO` child: the test writes one query line at a
// time into the FIFO and reads the answer before it writes the next, so that
// what an indexer does between two queries is known exactly.
class BatchChild {
public:
    BatchChild(std::vector<std::string> argv, const std::string& fifo, const std::string& err)
    {
        if (::pipe(m_out) != 0) {
            throw std::runtime_error("pipe failed");
        }
        posix_spawn_file_actions_t actions;
        posix_spawn_file_actions_init(&actions);
        posix_spawn_file_actions_addopen(&actions, 0, "/dev/null", O_RDONLY, 0);
        posix_spawn_file_actions_adddup2(&actions, m_out[1], 1);
        posix_spawn_file_actions_addclose(&actions, m_out[0]);
        posix_spawn_file_actions_addopen(&actions, 2, err.c_str(), O_WRONLY | O_CREAT | O_TRUNC,
                                         0644);
        std::vector<char*> args;
        for (auto& a : argv) {
            args.push_back(a.data());
        }
        args.push_back(nullptr);
        const int rc = posix_spawn(&m_pid, args[0], &actions, nullptr, args.data(), environ);
        posix_spawn_file_actions_destroy(&actions);
        ::close(m_out[1]);
        if (rc != 0) {
            throw std::runtime_error("cannot start " + argv.at(0));
        }
        // Opening a FIFO for writing waits for its reader; without blocking,
        // so that a child that died first fails the test instead of hanging it.
        for (int waited = 0; m_in < 0; waited += 10) {
            m_in = ::open(fifo.c_str(), O_WRONLY | O_NONBLOCK);
            if (m_in < 0 && (errno != ENXIO || waited > ANSWER_TIMEOUT_MS || exited())) {
                throw std::runtime_error("the batch never opened its queries");
            }
            std::this_thread::sleep_for(std::chrono::milliseconds(10));
        }
        ::fcntl(m_in, F_SETFL, ::fcntl(m_in, F_GETFL) & ~O_NONBLOCK);
    }
    BatchChild(const BatchChild&) = delete;
    BatchChild& operator=(const BatchChild&) = delete;
    ~BatchChild()
    {
        if (m_in >= 0) {
            ::close(m_in);
        }
        ::close(m_out[0]);
        if (m_status < 0) {
            ::kill(m_pid, SIGKILL);
            int status = 0;
            ::waitpid(m_pid, &status, 0);
        }
    }

    // Sends one line; false when it could not be written.
    bool send(const std::string& line)
    {
        const std::string data = line + "\n";
        return ::write(m_in, data.data(), data.size()) == static_cast<ssize_t>(data.size());
    }

    // Sends one line; returns the answer's line ("" when none came).
    std::string ask(const std::string& line) { return send(line) ? next_line() : ""; }

    // Closes the queries; returns the exit code.
    int finish()
    {
        ::close(m_in);
        m_in = -1;
        while (!next_line().empty()) {
        }
        int status = 0;
        ::waitpid(m_pid, &status, 0);
        m_status = WIFEXITED(status) ? WEXITSTATUS(status) : 128 + WTERMSIG(status);
        return m_status;
    }

private:
    bool exited()
    {
        int status = 0;
        if (::waitpid(m_pid, &status, WNOHANG) == m_pid) {
            m_status = WIFEXITED(status) ? WEXITSTATUS(status) : 128 + WTERMSIG(status);
            return true;
        }
        return false;
    }

    std::string next_line()
    {
        for (;;) {
            if (const auto nl = m_buffer.find('\n'); nl != std::string::npos) {
                std::string line = m_buffer.substr(0, nl);
                m_buffer.erase(0, nl + 1);
                return line;
            }
            pollfd p{m_out[0], POLLIN, 0};
            if (::poll(&p, 1, ANSWER_TIMEOUT_MS) <= 0) {
                return "";
            }
            char chunk[65536];
            const ssize_t n = ::read(m_out[0], chunk, sizeof chunk);
            if (n <= 0) {
                return "";
            }
            m_buffer.append(chunk, static_cast<std::size_t>(n));
        }
    }

    pid_t m_pid = -1;
    int m_out[2] = {-1, -1};
    int m_in = -1;
    int m_status = -1;
    std::string m_buffer;
};

std::string article(int n)
{
    return R"({"id": "a)" + std::to_string(n) + R"(", "title": "خبر )" + std::to_string(n) +
           R"(", "text": "تقرير عن السلام والمفاوضات رقم )" + std::to_string(n) +
           R"("})"
           "\n";
}

std::size_t total_of(const std::string& answer)
{
    const auto json = nlohmann::json::parse(answer);
    return json.at("total").get<std::size_t>();
}

}  // namespace

BOOST_AUTO_TEST_SUITE(akhbar_search_batch_cli)

// On commit 58c5982 the batch answered every query from the revision it
// opened (total 1 after each commit; longer runs died with Xapian's
// DatabaseModifiedError, issue #15), and its answers sat in the output
// buffer until the end.
BOOST_AUTO_TEST_CASE(a_batch_survives_commits_and_a_rebuild)
{
    TempDir dir;
    const std::string db = (dir / "db").string();
    std::string articles = article(0);
    BOOST_TEST_REQUIRE(
        run_process({INDEX, "--db", db, dir.write("0.jsonl", articles).string()}).exit_code == 0);
    const std::string fifo = (dir / "queries").string();
    BOOST_TEST_REQUIRE(::mkfifo(fifo.c_str(), 0600) == 0);
    const std::string err = (dir / "err").string();
    BatchChild batch({SEARCH, "--db", db, "--batch", fifo, "--json", "--no-facets"}, fifo, err);
    BOOST_TEST(total_of(batch.ask("q0\tالسلام")) == 1U);

    // Each akhbar-index run adds articles in place: one commit per run.
    constexpr int COMMITS = 6;
    for (int commit = 1; commit <= COMMITS; ++commit) {
        std::string more;
        for (int k = 0; k < 10; ++k) {
            more += article(commit * 10 + k);
        }
        const auto file = dir.write(std::to_string(commit) + ".jsonl", more);
        BOOST_TEST_REQUIRE(run_process({INDEX, "--db", db, file.string()}).exit_code == 0);
        const std::string answer = batch.ask("q" + std::to_string(commit) + "\tالسلام");
        BOOST_TEST_REQUIRE(!answer.empty(), "no answer after commit "
                                                << commit << ": " << akhbar::test::read_file(err));
        BOOST_TEST(total_of(answer) == 1U + 10U * static_cast<std::size_t>(commit));
    }

    // A rebuild from one file swaps a database of 3 articles in.
    const auto three = dir.write("three.jsonl", article(100) + article(101) + article(102));
    BOOST_TEST_REQUIRE(run_process({INDEX, "--db", db, "--rebuild", three.string()}).exit_code ==
                       0);
    const std::string answer = batch.ask("rebuilt\tالسلام");
    BOOST_TEST_REQUIRE(!answer.empty(), akhbar::test::read_file(err));
    BOOST_TEST(total_of(answer) == 3U);
    BOOST_TEST(nlohmann::json::parse(answer)["qid"] == "rebuilt");

    BOOST_TEST(batch.finish() == 0);
    BOOST_TEST(akhbar::test::read_file(err).empty(), akhbar::test::read_file(err));
}

// A line the index fails (here: the database deleted under the run) is
// reported with its FILE:LINE and the next lines still run; exit 1. On
// d7b6081 the IndexError ended the whole batch at that line.
BOOST_AUTO_TEST_CASE(a_batch_goes_on_after_an_index_error)
{
    TempDir dir;
    const std::string db = (dir / "db").string();
    const auto one = dir.write("1.jsonl", article(1));
    BOOST_TEST_REQUIRE(run_process({INDEX, "--db", db, one.string()}).exit_code == 0);
    const std::string fifo = (dir / "queries").string();
    BOOST_TEST_REQUIRE(::mkfifo(fifo.c_str(), 0600) == 0);
    const std::string err = (dir / "err").string();
    BatchChild batch({SEARCH, "--db", db, "--batch", fifo, "--json", "--no-facets"}, fifo, err);
    BOOST_TEST(total_of(batch.ask("a\tالسلام")) == 1U);

    std::filesystem::remove_all(db);
    BOOST_TEST_REQUIRE(batch.send("b\tالسلام"));
    // Waits for the report of line 2 (an event, not a time: 20 s is a bound).
    const std::string reported = fifo + ":2: no database at " + db;
    for (int i = 0; i < 2000 && !contains(akhbar::test::read_file(err), reported); ++i) {
        std::this_thread::sleep_for(std::chrono::milliseconds(10));
    }
    BOOST_TEST_REQUIRE(contains(akhbar::test::read_file(err), reported),
                       akhbar::test::read_file(err));

    BOOST_TEST_REQUIRE(run_process({INDEX, "--db", db, one.string()}).exit_code == 0);
    const std::string answer = batch.ask("c\tالسلام");
    BOOST_TEST_REQUIRE(!answer.empty(), akhbar::test::read_file(err));
    BOOST_TEST(nlohmann::json::parse(answer)["qid"] == "c");
    BOOST_TEST(batch.finish() == 1);
}

// An empty qid cannot be told from the next query's in a run file, and
// printed pretty JSON among JSON Lines on commit 58c5982: the line is skipped
// with its FILE:LINE, the rest run, exit 2 (as for any line that cannot be
// run).
BOOST_AUTO_TEST_CASE(a_batch_line_with_an_empty_qid_is_skipped)
{
    TempDir dir;
    const std::string db = (dir / "db").string();
    BOOST_TEST_REQUIRE(
        run_process({INDEX, "--db", db, dir.write("a.jsonl", article(1) + article(2)).string()})
            .exit_code == 0);
    const auto queries = dir.write("q.tsv", "a\tالسلام\n\tالسلام\nb\tتقرير\n");
    const auto r = run_process({SEARCH, "--db", db, "--batch", queries.string(), "--json"});
    BOOST_TEST(r.exit_code == 2);
    BOOST_TEST(
        contains(r.err, queries.string() + ":2: empty qid (expected qid<TAB>query): \"\\tالسلام\""),
        r.err);
    std::istringstream lines(r.out);
    std::string line;
    std::vector<std::string> qids;
    while (std::getline(lines, line)) {
        BOOST_TEST_REQUIRE(nlohmann::json::accept(line), "not a JSON line: " << line);
        qids.push_back(nlohmann::json::parse(line)["qid"]);
    }
    BOOST_TEST((qids == std::vector<std::string>{"a", "b"}));
}

// --timings writes one line per query answered: qid, milliseconds, matches,
// then the six stages' milliseconds, which add up to no more than the whole
// (issue #18: the stages show where a slow query goes).
BOOST_AUTO_TEST_CASE(timings_give_matches_and_stages_per_query)
{
    TempDir dir;
    const std::string db = (dir / "db").string();
    BOOST_TEST_REQUIRE(run_process({INDEX, "--db", db,
                                    dir.write("a.jsonl", article(1) + article(2) + article(3))
                                        .string()})
                           .exit_code == 0);
    const auto queries = dir.write("q.tsv", "a\tالسلام\nb\tفي\nc\tخبر 2\n");
    const auto timings = dir / "t.tsv";
    const auto r = run_process(
        {SEARCH, "--db", db, "--batch", queries.string(), "--timings", timings.string()});
    BOOST_TEST(r.exit_code == 2);  // b has only a stopword: refused, not timed
    std::vector<std::vector<std::string>> rows;
    std::istringstream lines(akhbar::test::read_file(timings.string()));
    for (std::string line; std::getline(lines, line);) {
        std::istringstream fields(line);
        rows.emplace_back();
        for (std::string field; std::getline(fields, field, '\t');) {
            rows.back().push_back(field);
        }
    }
    BOOST_TEST_REQUIRE(rows.size() == 2U);
    BOOST_TEST(rows[0].at(0) == "a");
    BOOST_TEST(rows[0].at(2) == "3");  // every article speaks of السلام
    BOOST_TEST(rows[1].at(0) == "c");
    BOOST_TEST(rows[1].at(2) == "3");  // an OR: خبر is in every title
    for (const auto& row : rows) {
        BOOST_TEST_REQUIRE(row.size() == 9U);
        double stages = 0;
        for (std::size_t i = 3; i < row.size(); ++i) {
            BOOST_TEST(std::stod(row[i]) >= 0);
            stages += std::stod(row[i]);
        }
        BOOST_TEST(stages <= std::stod(row[1]));
        BOOST_TEST(std::stod(row[4]) > 0);  // the match always runs
    }
}

// On commit 58c5982 a batch whose results missed a shard exited 0.
BOOST_AUTO_TEST_CASE(a_partial_batch_exits_3)
{
    TempDir dir;
    const std::string db = (dir / "db").string();
    BOOST_TEST_REQUIRE(
        run_process({INDEX, "--db", db, dir.write("a.jsonl", article(1)).string()}).exit_code == 0);
    const auto queries = dir.write("q.tsv", "a\tالسلام\nb\tتقرير\n");
    const std::string down = "tcp://127.0.0.1:1";  // nothing listens: refused at once
    const auto r = run_process({SEARCH, "--db", db, "--db", down, "--partial", "--batch",
                                queries.string(), "--format", "trec"});
    BOOST_TEST(r.exit_code == 3);
    BOOST_TEST(contains(r.out, "a Q0 a1 1 "), r.out);
    BOOST_TEST(contains(r.out, "b Q0 a1 1 "), r.out);
    // Named once, not once per query.
    const std::string named = "akhbar-search: partial results: " + down;
    const auto first = r.err.find(named);
    BOOST_TEST(first != std::string::npos, r.err);
    BOOST_TEST(r.err.find(named, first + 1) == std::string::npos, r.err);

    // A line that cannot be run weighs more: exit 2.
    const auto bad = dir.write("bad.tsv", "a\tالسلام\nbroken\n");
    BOOST_TEST(run_process({SEARCH, "--db", db, "--db", down, "--partial", "--batch", bad.string()})
                   .exit_code == 2);
}

struct BoundRow {
    const char* name;
    std::vector<std::string> args;
    const char* message;
};

std::ostream& operator<<(std::ostream& os, const BoundRow& row) { return os << row.name; }

// Out-of-range numbers exit 2 with a message naming the option and the value
// as written; on commit 58c5982, --limit -1 meant everything, --offset -1
// nothing, and --timeout -1 or 2147483648 no timeout at all (exit 0).
const BoundRow BOUND_ROWS[] = {
    {"limit_minus_one", {"--limit", "-1"}, "--limit must be from 1 to 10000, not -1"},
    {"limit_zero", {"--limit", "0"}, "--limit must be from 1 to 10000, not 0"},
    {"limit_too_many", {"--limit", "10001"}, "--limit must be from 1 to 10000, not 10001"},
    {"limit_not_a_number", {"--limit", "ten"}, "--limit is not a whole number: \"ten\""},
    {"limit_plus_sign", {"--limit", "+5"}, "--limit is not a whole number: \"+5\""},
    {"limit_past_64_bits",
     {"--limit", "99999999999999999999"},
     "--limit is out of range: \"99999999999999999999\""},
    {"offset_minus_one",
     {"--offset", "-1"},
     "--offset must be at least 0, with offset + limit at most 100000, not -1"},
    // On d7b6081: "--offset: offset must be from 0 to 99999", yet 99999 is
    // refused with the default limit; and a long value was shown whole.
    {"offset_too_deep",
     {"--offset", "100000"},
     "--offset must be at least 0, with offset + limit at most 100000, not 100000"},
    {"limit_long_value",
     {"--limit", std::string(80, 'x')},
     "--limit is not a whole number: "
     "\"xxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxx…\"\n"},
    {"page_too_deep",
     {"--offset", "99995", "--limit", "10"},
     "offset + limit must be at most 100000, not 99995 + 10"},
    {"snippet_minus",
     {"--snippet-chars", "-5"},
     "--snippet-chars must be from 1 to 10000, not -5"},
    {"snippet_too_long",
     {"--snippet-chars", "10001"},
     "--snippet-chars must be from 1 to 10000, not 10001"},
    {"timeout_minus_one",
     {"--timeout", "-1"},
     "--timeout must be from 1 to 3600000 milliseconds, not -1"},
    {"timeout_2_pow_31",
     {"--timeout", "2147483648"},
     "--timeout must be from 1 to 3600000 milliseconds, not 2147483648"},
    {"timeout_zero",
     {"--timeout", "0"},
     "--timeout must be from 1 to 3600000 milliseconds, not 0"},
    {"like_limit_minus_one",
     {"--like", "a1", "--limit", "-1"},
     "--limit must be from 1 to 10000, not -1"},
    {"batch_limit_minus_one",
     {"--batch", "/dev/null", "--limit", "-1"},
     "--limit must be from 1 to 10000, not -1"},
};

BOOST_DATA_TEST_CASE(numbers_out_of_bounds_exit_2, boost::unit_test::data::make(BOUND_ROWS), row)
{
    static TempDir dir;
    static const std::string db = [] {
        const std::string path = (dir / "db").string();
        BOOST_TEST_REQUIRE(
            run_process({INDEX, "--db", path, dir.write("a.jsonl", article(1)).string()})
                .exit_code == 0);
        return path;
    }();
    std::vector<std::string> argv{SEARCH, "--db", db};
    argv.insert(argv.end(), row.args.begin(), row.args.end());
    argv.push_back("السلام");
    const auto r = run_process(argv);
    BOOST_TEST(r.exit_code == 2);
    BOOST_TEST(contains(r.err, std::string("akhbar-search: ") + row.message), r.err);
}

BOOST_AUTO_TEST_CASE(numbers_at_their_bounds_are_accepted)
{
    TempDir dir;
    const std::string db = (dir / "db").string();
    BOOST_TEST_REQUIRE(
        run_process({INDEX, "--db", db, dir.write("a.jsonl", article(1)).string()}).exit_code == 0);
    for (const std::vector<std::string>& args : {std::vector<std::string>{"--limit", "10000"},
                                                 {"--limit", "1", "--offset", "99999"},
                                                 {"--snippet-chars", "1"},
                                                 {"--snippet-chars", "10000"},
                                                 {"--timeout", "1"},
                                                 {"--timeout", "3600000"}}) {
        std::vector<std::string> argv{SEARCH, "--db", db};
        argv.insert(argv.end(), args.begin(), args.end());
        argv.push_back("السلام");
        const auto r = run_process(argv);
        BOOST_TEST(r.exit_code == 0, args[0] << " " << args[1] << ": " << r.err);
    }
}

BOOST_AUTO_TEST_SUITE_END()
