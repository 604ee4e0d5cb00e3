// The crash loop (issue #15): the real akhbar-index killed with SIGKILL at
// random moments, in the single-database and the month-sharded layout. After
// each kill: the database opens (Xapian and akhbar-search), every article of
// a run that completed before the kill is still there, the ids seen never
// shrink, a sharded directory has its layout recorded, and a re-run completes
// with every article and leaves no work directory behind.
//
// Seeded: the seed is printed; AKHBAR_CRASH_SEED=N repeats a run and
// AKHBAR_CRASH_KILLS=N sets the kills per layout (default 20). ctest label
// `crash` (`ctest -L crash`).

#include <fcntl.h>
#include <signal.h>
#include <spawn.h>
#include <sys/file.h>
#include <sys/wait.h>
#include <unistd.h>
#include <zlib.h>

#include <algorithm>
#include <chrono>
#include <cstdlib>
#include <filesystem>
#include <fstream>
#include <iostream>
#include <random>
#include <set>
#include <string>
#include <vector>

#include <boost/test/unit_test.hpp>
#include <nlohmann/json.hpp>
#include <xapian.h>

#include "akhbar/common/terms.hpp"
#include "support/process.hpp"
#include "support/temp_dir.hpp"

extern char** environ;

namespace fs = std::filesystem;
using akhbar::test::run_process;
using akhbar::test::TempDir;
using Ids = std::set<std::string>;

namespace {

const std::string INDEX = AKHBAR_INDEX;
const std::string SEARCH = AKHBAR_SEARCH;
// Four runs of ten articles each (the first forty of the sample, twelve
// months): every run of the sharded layout makes new month shards.
constexpr int BATCHES = 4;
// What marks a work directory as the indexer's own (indexer/src/work_dirs.cpp).
constexpr const char* MARKER = ".akhbar-work";
constexpr int ARTICLES_PER_BATCH = 10;

unsigned long env_number(const char* name, unsigned long fallback)
{
    const char* value = std::getenv(name);
    return value != nullptr && *value != '\0' ? std::strtoul(value, nullptr, 10) : fallback;
}

struct Batch {
    fs::path file;
    Ids ids;
};

std::vector<Batch> write_batches(const TempDir& dir)
{
    const std::string sample = std::string(AKHBAR_TEST_DATA_DIR) + "/ant_shards_sample.jsonl.gz";
    gzFile in = gzopen(sample.c_str(), "rb");
    BOOST_TEST_REQUIRE(in != nullptr, "cannot read " << sample);
    std::vector<Batch> batches(BATCHES);
    std::vector<std::string> contents(BATCHES);
    std::string line;
    char buffer[65536];
    int count = 0;
    while (count < BATCHES * ARTICLES_PER_BATCH && gzgets(in, buffer, sizeof buffer) != nullptr) {
        line += buffer;
        if (line.back() != '\n') {
            continue;  // a line longer than the buffer
        }
        const int b = count / ARTICLES_PER_BATCH;
        batches[b].ids.insert(nlohmann::json::parse(line).at("id").get<std::string>());
        contents[b] += line;
        line.clear();
        ++count;
    }
    gzclose(in);
    for (int b = 0; b < BATCHES; ++b) {
        batches[b].file = dir.write("in/b" + std::to_string(b) + ".jsonl", contents[b]);
    }
    return batches;
}

// The article ids in the database; throws what Xapian throws when it cannot
// be opened.
Ids ids_in(const fs::path& db)
{
    const Xapian::Database xdb(db.string());
    const std::string prefix(akhbar::schema::PREFIX_ID);
    Ids ids;
    for (auto it = xdb.allterms_begin(prefix); it != xdb.allterms_end(prefix); ++it) {
        ids.insert((*it).substr(prefix.size()));
    }
    return ids;
}

bool includes(const Ids& all, const Ids& part)
{
    return std::includes(all.begin(), all.end(), part.begin(), part.end());
}

std::string missing(const Ids& all, const Ids& part)
{
    std::string out;
    for (const std::string& id : part) {
        if (!all.contains(id)) {
            out += (out.empty() ? "" : ", ") + id;
        }
    }
    return out;
}

// Work directories (`*.build-PID`) beside the database or inside it.
std::vector<std::string> work_dirs(const fs::path& db)
{
    std::vector<std::string> found;
    for (const fs::path& dir : {db.parent_path(), db}) {
        if (!fs::is_directory(dir)) {
            continue;
        }
        for (const auto& entry : fs::directory_iterator(dir)) {
            if (entry.path().filename().string().find(".build-") != std::string::npos) {
                found.push_back(entry.path().string());
            }
        }
    }
    return found;
}

// A PID that no process has now: a child that has exited and been reaped.
pid_t dead_pid()
{
    pid_t pid = 0;
    char* argv[] = {const_cast<char*>("/bin/true"), nullptr};
    BOOST_TEST_REQUIRE(posix_spawn(&pid, argv[0], nullptr, nullptr, argv, environ) == 0);
    waitpid(pid, nullptr, 0);
    return pid;
}

bool layout_recorded(const fs::path& db)
{
    std::ifstream stub(db / "XAPIANDB");
    const std::string text((std::istreambuf_iterator<char>(stub)),
                           std::istreambuf_iterator<char>());
    return text.find("# akhbar-shard-by: month\n") != std::string::npos;
}

void crash_loop(bool sharded)
{
    const unsigned long seed = env_number("AKHBAR_CRASH_SEED", std::random_device{}());
    const unsigned long kills = env_number("AKHBAR_CRASH_KILLS", 20);
    const std::string layout = sharded ? "month-sharded" : "single";
    std::cout << "crash loop, " << layout << " layout: AKHBAR_CRASH_SEED=" << seed
              << " AKHBAR_CRASH_KILLS=" << kills << std::endl;
    std::mt19937_64 random(seed);
    // Commit every few articles where the indexer writes in place, so that
    // kills also land between commits of one run.
    setenv("XAPIAN_FLUSH_THRESHOLD", "4", 1);

    const TempDir dir;
    const std::vector<Batch> batches = write_batches(dir);
    const fs::path db = dir / "db";
    // Kills fall anywhere in a run: within three quarters of the longest
    // re-run after a kill (a whole run's work, about), shrunk by a third after
    // each run that ended before its kill, so that most runs are killed before
    // they end however loaded the machine is.
    int window_ms = sharded ? 300 : 100;
    Ids committed;  // articles of the runs that completed (exit 0)
    Ids seen;       // what the database held after the last kill
    unsigned long killed = 0;
    // Until `kills` runs were killed before they ended (a run may end before
    // its kill comes), or ten times as many runs.
    for (unsigned long i = 0; killed < kills && i < 10 * kills; ++i) {
        const auto b = static_cast<int>(i % BATCHES);
        if (b == 0) {
            // A fresh database every few kills: the first run of one is where
            // the layout and the first shards are created.
            fs::remove_all(db);
            committed.clear();
            seen.clear();
        }
        std::vector<std::string> args = {INDEX, "-q", "--db", db.string()};
        if (sharded && b == 0) {
            args.insert(args.end(), {"--shard-by", "month"});  // later runs keep the layout
        }
        args.push_back(batches[b].file.string());
        const int delay = std::uniform_int_distribution<int>(0, window_ms)(random);
        BOOST_TEST_CONTEXT("AKHBAR_CRASH_SEED=" << seed << ", " << layout << ", kill " << i
                                                << " at " << delay << " ms into run " << b
                                                << " of a fresh database")
        {
            bool signalled = false;
            const auto outcome =
                akhbar::test::run_process_with_signal(args, "", SIGKILL, delay, signalled);
            if (signalled) {
                ++killed;
            } else {
                BOOST_TEST(outcome.exit_code == 0, outcome.err);
                committed.insert(batches[b].ids.begin(), batches[b].ids.end());
                window_ms = std::max(5, window_ms * 2 / 3);
            }

            if (!fs::exists(db)) {
                BOOST_TEST(committed.empty(), "the database is gone");
            } else {
                if (sharded) {
                    BOOST_TEST(layout_recorded(db),
                               "a sharded directory without its layout (XAPIANDB)");
                }
                try {
                    const Ids ids = ids_in(db);
                    BOOST_TEST(includes(ids, committed),
                               "committed articles lost: " << missing(ids, committed));
                    BOOST_TEST(includes(ids, seen), "articles lost: " << missing(ids, seen));
                    seen = ids;
                } catch (const Xapian::Error& e) {
                    BOOST_ERROR("the database does not open: " << e.get_description());
                }
                const auto search =
                    run_process({SEARCH, "--db", db.string(), "--limit", "1", "تونس"});
                BOOST_TEST(search.exit_code == 0, "akhbar-search: " << search.err);
            }

            const auto start = std::chrono::steady_clock::now();
            const auto rerun = run_process(args);
            const auto took = std::chrono::steady_clock::now() - start;
            if (signalled) {
                window_ms = std::max(window_ms, static_cast<int>(std::chrono::duration_cast<
                                                                     std::chrono::milliseconds>(
                                                                     took * 3 / 4)
                                                                     .count()));
            }
            BOOST_TEST(rerun.exit_code == 0, "the re-run failed: " << rerun.err);
            committed.insert(batches[b].ids.begin(), batches[b].ids.end());
            try {
                seen = ids_in(db);
                BOOST_TEST(includes(seen, committed),
                           "articles missing after the re-run: " << missing(seen, committed));
            } catch (const Xapian::Error& e) {
                BOOST_ERROR("the database does not open after the re-run: " << e.get_description());
            }
            if (sharded) {
                BOOST_TEST(layout_recorded(db), "the re-run lost the sharded layout");
            }
            for (const std::string& left : work_dirs(db)) {
                BOOST_ERROR("work directory left after the re-run: " << left);
            }
        }
    }
    std::cout << "crash loop, " << layout << " layout: " << killed << " runs killed before they "
              << "ended" << std::endl;
    BOOST_TEST(killed >= kills, "only " << killed << " runs could be killed before they ended");
}

}  // namespace

BOOST_AUTO_TEST_SUITE(crash)

BOOST_AUTO_TEST_CASE(killed_single_database_runs_lose_nothing_committed)
{
    crash_loop(false);
}

BOOST_AUTO_TEST_CASE(killed_month_sharded_runs_lose_nothing_committed)
{
    crash_loop(true);
}

// A run killed during the spelling rewrite, or while building a new shard,
// leaves `NAME.build-PID-XXXXXX` inside the sharded directory, marked with
// `.akhbar-work`; the next run removes those whose marker nobody has locked
// and keeps those of live runs (the lock, not the PID, tells).
BOOST_AUTO_TEST_CASE(work_directories_of_dead_runs_are_removed)
{
    const TempDir dir;
    const std::vector<Batch> batches = write_batches(dir);
    const fs::path db = dir / "db";
    BOOST_TEST_REQUIRE(run_process({INDEX, "-q", "--db", db.string(), "--shard-by", "month",
                                    batches[0].file.string()})
                           .exit_code == 0);
    const std::string dead = std::to_string(dead_pid());
    const std::vector<fs::path> stale = {
        dir.write("db/spelling.build-" + dead + "/" + MARKER, ""),
        dir.write("db/2017-01.build-" + dead + "-a1b2c3/" + MARKER, ""),
        dir.write("db/2099-01.build-" + dead + ".build-" + dead + "/" + MARKER, ""),
        dir.write("db.build-" + dead + "/" + MARKER, ""),
    };
    dir.write("db/2017-01.build-" + dead + "-a1b2c3/shard0/postlist.glass", "x");
    // A live run's, even under a PID that is dead here (another PID namespace).
    const fs::path live = dir.write("db/spelling.build-" + dead + "-live/" + MARKER, "");
    const int held = ::open(live.c_str(), O_RDWR | O_CLOEXEC);
    BOOST_TEST_REQUIRE(::flock(held, LOCK_EX) == 0);

    const auto r = run_process({INDEX, "-q", "--db", db.string(), batches[1].file.string()});
    BOOST_TEST(r.exit_code == 0, r.err);
    for (const fs::path& file : stale) {
        BOOST_TEST(!fs::exists(file.parent_path()), file.parent_path() << " is still there");
    }
    BOOST_TEST(fs::exists(live), "the work directory of a live process was removed");
    ::close(held);
    BOOST_TEST(ids_in(db).size() == 2U * ARTICLES_PER_BATCH);
}

// On d7b6081 any `<db>.build-<digits>` whose "PID" was not a live process
// was removed, with whatever the user kept in it; `.old-` likewise must not
// be taken for ours without the marker.
BOOST_AUTO_TEST_CASE(a_users_directory_named_like_a_work_directory_is_kept)
{
    const TempDir dir;
    const std::vector<Batch> batches = write_batches(dir);
    const std::string dead = std::to_string(dead_pid());
    BOOST_TEST_REQUIRE(run_process({INDEX, "-q", "--db", (dir / "sharded").string(),
                                    "--shard-by", "month", batches[0].file.string()})
                           .exit_code == 0);
    const std::vector<fs::path> users = {
        dir.write("news.build-" + dead + "/notes.txt", "precious"),
        dir.write("news.old-" + dead + "/notes.txt", "precious"),
        dir.write("sharded/2017-01.build-" + dead + "/notes.txt", "precious"),
        dir.write("sharded/spelling.old-" + dead + "/notes.txt", "precious"),
    };
    for (const std::string db : {"news", "sharded"}) {
        const auto r = run_process({INDEX, "-q", "--db", (dir / db).string(),
                                    batches[1].file.string()});
        BOOST_TEST(r.exit_code == 0, r.err);
        BOOST_TEST(r.err.empty(), r.err);
    }
    for (const fs::path& file : users) {
        BOOST_TEST(fs::exists(file), file << " was removed");
    }
}

// On d7b6081 a directory holding only files named `*.tmp`, `*.glass` or
// `flintlock` was taken for an incomplete database and removed; kept, it
// must not be swapped away by a bulk build either.
BOOST_AUTO_TEST_CASE(a_directory_of_tmp_files_is_kept)
{
    const TempDir dir;
    const std::vector<Batch> batches = write_batches(dir);
    BOOST_TEST_REQUIRE(run_process({INDEX, "-q", "--db", (dir / "sharded").string(),
                                    "--shard-by", "month", batches[0].file.string()})
                           .exit_code == 0);
    const std::vector<fs::path> users = {
        dir.write("single/a.tmp", "precious"),
        dir.write("sharded/notes/a.tmp", "precious"),
        dir.write("sharded/tables/notes.glass", "precious"),
    };
    for (const std::string db : {"single", "sharded"}) {
        const auto r = run_process({INDEX, "-q", "--db", (dir / db).string(),
                                    batches[1].file.string()});
        BOOST_TEST(r.err.find("removed") == std::string::npos, r.err);
        // Not written over either: a single database's path that is not one is refused.
        BOOST_TEST(r.exit_code == (db == "single" ? 1 : 0), r.err);
    }
    for (const fs::path& file : users) {
        BOOST_TEST(fs::exists(file), file << " was removed");
    }
}

// Where RENAME_EXCHANGE is missing, a swap is two renames; a kill between
// them left the database only at `<db>.old-PID`, which no run looked at: the
// next one started an empty database. Now it is renamed back, with a
// message; beside a database that is in place, it is removed.
BOOST_AUTO_TEST_CASE(an_old_database_left_by_a_kill_between_renames_is_restored)
{
    const TempDir dir;
    const std::vector<Batch> batches = write_batches(dir);
    const std::string dead = std::to_string(dead_pid());
    for (const std::string db : {"lost", "kept"}) {
        BOOST_TEST_REQUIRE(run_process({INDEX, "-q", "--db", (dir / db).string(),
                                        batches[0].file.string()})
                               .exit_code == 0);
    }
    const fs::path lost = dir / "lost";
    const fs::path old = dir / ("lost.old-" + dead);
    fs::rename(lost, old);
    dir.write("lost.old-" + dead + "/" + MARKER, "");
    const auto r = run_process({INDEX, "-q", "--db", lost.string(), batches[1].file.string()});
    BOOST_TEST(r.exit_code == 0, r.err);
    BOOST_TEST(r.err == "akhbar-index: " + lost.string() + ": restored from " + old.string() +
                            ", left by a run killed while swapping a new database in\n");
    BOOST_TEST(ids_in(lost).size() == 2U * ARTICLES_PER_BATCH);
    BOOST_TEST(!fs::exists(old));
    BOOST_TEST(!fs::exists(lost / MARKER));

    const fs::path stale = dir.write("kept.old-" + dead + "/" + MARKER, "").parent_path();
    const auto k = run_process({INDEX, "-q", "--db", (dir / "kept").string(),
                                batches[1].file.string()});
    BOOST_TEST(k.exit_code == 0, k.err);
    BOOST_TEST(!fs::exists(stale), stale << " is still there");
    BOOST_TEST(ids_in(dir / "kept").size() == 2U * ARTICLES_PER_BATCH);
}

// What a kill left on 58c5982 while a new shard (or a new single database)
// was being created in place: Xapian's first files and no `iamglass`. Every
// later run failed with DatabaseNotFoundError; now the leftover is removed,
// with a message, and the run completes.
BOOST_AUTO_TEST_CASE(an_incomplete_database_left_by_a_kill_is_removed_with_a_message)
{
    const TempDir dir;
    const auto article = [&](const std::string& id, const std::string& date) {
        return dir.write(id + ".jsonl", R"({"id": ")" + id + R"(", "date": ")" + date +
                                            R"(", "text": "خبر عن تونس"})" "\n");
    };
    const auto leave_incomplete = [&](const std::string& path) {
        for (const char* name : {"flintlock", "postlist.glass", "termlist.glass", "v.tmp"}) {
            dir.write(path + "/" + name, "");
        }
    };
    const std::string sharded = (dir / "sharded").string();
    BOOST_TEST_REQUIRE(run_process({INDEX, "-q", "--db", sharded, "--shard-by", "month",
                                    article("nov", "2025-11-02").string()})
                           .exit_code == 0);
    leave_incomplete("sharded/2015-12");
    const auto r =
        run_process({INDEX, "-q", "--db", sharded, article("dec", "2015-12-05").string()});
    BOOST_TEST(r.exit_code == 0, r.err);
    BOOST_TEST(r.err == "akhbar-index: " + sharded +
                            "/2015-12: removed an incomplete shard left by a killed run (no "
                            "iamglass; it held no committed article)\n");
    BOOST_TEST(ids_in(sharded) == (Ids{"dec", "nov"}));

    leave_incomplete("single");
    const std::string single = (dir / "single").string();
    const auto s =
        run_process({INDEX, "-q", "--db", single, article("one", "2015-12-05").string()});
    BOOST_TEST(s.exit_code == 0, s.err);
    BOOST_TEST(s.err == "akhbar-index: " + single +
                            ": removed an incomplete database left by a killed run (no iamglass; "
                            "it held no committed article)\n");
    BOOST_TEST(ids_in(single) == (Ids{"one"}));
    BOOST_TEST(run_process({SEARCH, "--db", sharded, "تونس"}).exit_code == 0);
}

BOOST_AUTO_TEST_SUITE_END()
