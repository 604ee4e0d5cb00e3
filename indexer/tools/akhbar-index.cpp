// akhbar-index: builds and updates an Akhbar database from news files.
// Exit codes: 0 done, 1 error (nothing more was committed), 2 usage error,
// 3 done but some input was skipped or repaired (see the messages; with
// --delete, an id that is not in the database), 130 interrupted (the
// database holds what was committed).

#include <signal.h>
#include <unistd.h>

#include <atomic>
#include <chrono>
#include <csignal>
#include <cstdio>
#include <cstdlib>
#include <fstream>
#include <iostream>
#include <string>
#include <vector>

#include <boost/program_options.hpp>

#include "akhbar/common/error.hpp"
#include "akhbar/common/lines.hpp"
#include "akhbar/common/quote.hpp"
#include "akhbar/common/usage.hpp"
#include "akhbar/common/version.hpp"
#include "akhbar/indexer/collection.hpp"
#include "akhbar/searcher/index_stats.hpp"
#include "akhbar/searcher/json.hpp"
#include "akhbar/searcher/record_text.hpp"
#include "akhbar/searcher/searcher.hpp"

namespace po = boost::program_options;

namespace {

std::atomic<bool> g_cancel{false};

extern "C" void on_signal(int /*signal*/)
{
    g_cancel.store(true);
}

std::string human_duration(double seconds)
{
    char buf[32];
    if (seconds < 60) {
        std::snprintf(buf, sizeof buf, "%.0fs", seconds);
    } else {
        std::snprintf(buf, sizeof buf, "%dm%02ds", static_cast<int>(seconds) / 60,
                      static_cast<int>(seconds) % 60);
    }
    return buf;
}

// Problems go to standard error as they come; a progress bar is drawn on
// standard error only when it is a terminal.
class ConsoleObserver final : public akhbar::IndexRunObserver {
public:
    explicit ConsoleObserver(bool bar) : m_bar(bar), m_start(std::chrono::steady_clock::now()) {}

    void on_problem(const akhbar::Problem& problem) override
    {
        clear_bar();
        std::cerr << akhbar::escape_controls(problem.message) << (problem.skipped ? " (skipped)" : "") << "\n";
    }

    void on_progress(const akhbar::Progress& p) override
    {
        if (!m_bar) {
            return;
        }
        const auto now = std::chrono::steady_clock::now();
        if (now - m_last < std::chrono::milliseconds(100)) {
            return;
        }
        m_last = now;
        const double elapsed = std::chrono::duration<double>(now - m_start).count();
        const double fraction =
            p.bytes_total > 0 ? static_cast<double>(p.bytes_done) / static_cast<double>(p.bytes_total)
                              : 0.0;
        constexpr int WIDTH = 30;
        const int filled = static_cast<int>(fraction * WIDTH);
        std::string bar(static_cast<std::size_t>(filled), '=');
        bar.resize(WIDTH, ' ');
        const double rate = elapsed > 0 ? static_cast<double>(p.articles) / elapsed : 0.0;
        std::string eta = "?";
        if (fraction > 0.01) {
            eta = human_duration(elapsed * (1 - fraction) / fraction);
        }
        char line[200];
        std::snprintf(line, sizeof line, "\r[%s] %3.0f%%  files %zu/%zu  articles %zu  %.0f/s  left %s ",
                      bar.c_str(), fraction * 100, p.files_done, p.files_total, p.articles, rate,
                      eta.c_str());
        std::cerr << line << std::flush;
        m_drawn = true;
    }

    void clear_bar()
    {
        if (m_drawn) {
            std::cerr << "\r\033[K";
            m_drawn = false;
        }
    }

private:
    bool m_bar;
    bool m_drawn = false;
    std::chrono::steady_clock::time_point m_start;
    std::chrono::steady_clock::time_point m_last{};
};

void print_reasons(const std::map<std::string, std::size_t>& reasons)
{
    bool first = true;
    for (const auto& [reason, count] : reasons) {
        std::cout << (first ? " (" : ", ") << reason << ": " << count;
        first = false;
    }
    if (!first) {
        std::cout << ")";
    }
}

void print_summary(const akhbar::IndexRunSummary& s, const akhbar::Indexer& writer)
{
    const double seconds = s.elapsed.count();
    const std::size_t articles = s.added + s.updated + s.unchanged;
    std::cout << akhbar::escape_controls(writer.path().string()) << " (profile " << writer.profile();
    if (writer.shard_by() != akhbar::ShardBy::none) {
        std::cout << ", a shard per " << akhbar::to_string(writer.shard_by());
    }
    std::cout << "): ";
    if (!s.changed() && !s.interrupted) {
        std::cout << "no changes";
    } else {
        std::cout << "added " << s.added << ", updated " << s.updated << ", deleted " << s.deleted;
    }
    std::cout << ", unchanged " << s.unchanged << ", skipped " << s.skipped;
    print_reasons(s.skipped_reasons);
    if (s.repaired > 0) {
        std::cout << ", repaired " << s.repaired;
        print_reasons(s.repaired_reasons);
    }
    char rate[64];
    std::snprintf(rate, sizeof rate, "%.1f", seconds > 0 ? static_cast<double>(articles) / seconds : 0.0);
    std::cout << "; " << s.files << " files, " << articles << " articles in "
              << human_duration(seconds) << " (" << rate << " articles/s); "
              << writer.document_count() << " articles in the database\n";
}

// --compact: one line per database or shard.
int run_compact(const std::string& db)
{
    std::uintmax_t before = 0;
    std::uintmax_t after = 0;
    for (const auto& c : akhbar::compact(db)) {
        before += c.bytes_before;
        after += c.bytes_after;
        std::cout << akhbar::escape_controls(c.path.string()) << ": ";
        if (c.skipped.empty()) {
            std::cout << "compacted, " << c.bytes_before << " -> " << c.bytes_after << " bytes\n";
        } else {
            std::cout << "left as it is (" << c.skipped << "), " << c.bytes_before << " bytes\n";
        }
    }
    std::cout << "total " << before << " -> " << after << " bytes\n";
    return 0;
}

// An id to delete, and where it was given ("" on the command line, else
// FILE:LINE) for the message when there is no such article.
struct IdToDelete {
    std::string id;
    std::string where;
};

// --delete-from FILE: one id a line ("-" for standard input), blank lines
// and # comments skipped. Throws std::runtime_error when FILE cannot be read.
void read_ids(const std::string& file, std::vector<IdToDelete>& ids)
{
    std::ifstream opened;
    if (file != "-") {
        opened.open(file);
        if (!opened) {
            throw std::runtime_error("cannot read " + file);
        }
    }
    std::istream& in = file == "-" ? std::cin : opened;
    const std::string name = file == "-" ? "<stdin>" : file;
    std::string line;
    std::size_t number = 0;
    while (akhbar::next_data_line(in, line, number)) {
        // Spaces around an id are the file's layout, not the id's.
        const auto first = line.find_first_not_of(" \t");
        if (first == std::string::npos) {
            continue;
        }
        const auto last = line.find_last_not_of(" \t");
        ids.push_back({line.substr(first, last - first + 1), name + ":" + std::to_string(number)});
    }
    if (in.bad()) {
        throw std::runtime_error("cannot read " + file);
    }
}

// --delete: removes the articles, reports each id not found, commits once.
// Exit code 3 when some id was not found, as for skipped input.
int run_delete(const std::string& db, const std::vector<IdToDelete>& ids)
{
    akhbar::IndexerOptions options;
    options.db = db;
    options.existing_only = true;
    akhbar::Indexer writer(options);
    std::size_t deleted = 0;
    std::size_t unknown = 0;
    for (const IdToDelete& d : ids) {
        if (writer.remove(d.id)) {
            ++deleted;
            continue;
        }
        ++unknown;
        std::cerr << (d.where.empty() ? "akhbar-index" : akhbar::escape_controls(d.where))
                  << ": no article with id " << akhbar::quote_for_message(d.id) << "\n";
    }
    writer.finish();
    std::cout << akhbar::escape_controls(writer.path().string()) << ": deleted " << deleted
              << ", not found " << unknown << "; " << writer.document_count()
              << " articles in the database\n";
    return unknown > 0 ? 3 : 0;
}

// --stats: what the database holds, as akhbar-serve's GET /stats says it.
int run_stats(const std::string& db, bool json)
{
    std::vector<std::string> databases;
    if (!db.empty()) {
        databases.push_back(db);
    }
    const akhbar::Searcher searcher(databases);
    const akhbar::IndexStats stats = searcher.stats();
    std::cout << (json ? akhbar::to_json(stats, stats.sources.size()) + "\n"
                       : akhbar::format_stats(stats));
    return 0;
}

// --delete, --delete-from and --stats, which go with --db alone (and
// --stats with --json); usage errors are exit code 2.
int run_verb(const po::variables_map& vm, const std::string& db,
             const std::vector<std::string>& positional,
             const std::vector<std::string>& delete_from)
{
    const bool stats = vm.count("stats") != 0U;
    const char* verb = stats ? "--stats" : "--delete";
    for (const char* other : {"rebuild", "prune", "compact", "strict", "profile", "shard-by",
                              "memory", "delete", "delete-from"}) {
        const bool own = !stats && std::string_view(other).starts_with("delete");
        if (!own && vm.count(other) != 0U) {
            std::cerr << akhbar::usage_error("akhbar-index", std::string(verb) +
                                                                 " cannot go with --" + other);
            return 2;
        }
    }
    if (!stats && vm.count("json") != 0U) {
        std::cerr << akhbar::usage_error("akhbar-index", "--json goes with --stats");
        return 2;
    }
    try {
        if (stats) {
            if (!positional.empty()) {
                std::cerr << akhbar::usage_error("akhbar-index", "--stats takes no PATH");
                return 2;
            }
            return run_stats(db, vm.count("json") != 0U);
        }
        if (!positional.empty() && vm.count("delete") == 0U) {
            std::cerr << akhbar::usage_error("akhbar-index",
                                             "ids on the command line go with --delete");
            return 2;
        }
        std::vector<IdToDelete> ids;
        for (const std::string& id : positional) {
            ids.push_back({id, ""});
        }
        for (const std::string& file : delete_from) {
            read_ids(file, ids);
        }
        if (ids.empty() && delete_from.empty()) {
            std::cerr << akhbar::usage_error("akhbar-index", "--delete needs an ID");
            return 2;
        }
        return run_delete(db, ids);
    } catch (const std::exception& e) {
        std::cerr << "akhbar-index: " << akhbar::escape_controls(e.what()) << "\n";
        return 1;
    }
}

}  // namespace

int main(int argc, char* argv[])
{
    std::string db;
    std::string profile;
    std::string shard_by;
    std::string memory;
    std::vector<std::string> paths;
    std::vector<std::string> delete_from;
    po::options_description visible(
        "Usage: akhbar-index [--db DIR] [--profile NAME] [--shard-by PERIOD] [--rebuild] [--prune]\n"
        "                    [--strict] [--memory MB] PATH...\n"
        "       akhbar-index [--db DIR] --compact\n"
        "       akhbar-index [--db DIR] --delete ID... | --delete-from FILE\n"
        "       akhbar-index [--db DIR] --stats [--json]\n"
        "Indexes news articles: directories of plain-text files, JSON Lines files (.jsonl,\n"
        ".jsonl.gz) or - for JSON Lines on standard input. Re-running adds new articles,\n"
        "replaces changed ones and skips the rest.\n\nOptions");
    visible.add_options()
        ("db", po::value(&db), "database directory (default: $AKHBAR_DB, else "
                               "$XDG_DATA_HOME/akhbar/default.db, else ~/.local/share/akhbar/default.db)")
        ("profile", po::value(&profile), "analyzer profile of a new database: akhbar (default), lucene, "
                                         "snowball, none")
        ("shard-by", po::value(&shard_by), "write one database per month or year (a directory "
                                           "that searches as one); none for a single database")
        ("rebuild", "build a fresh database beside the old one and swap it in when complete")
        ("compact", "compact the database (of a sharded one, the shards of past periods) in place, "
                    "after indexing PATHs if any are given")
        ("prune", "remove articles whose source files are gone (or no longer hold them)")
        ("strict", "stop at the first problem without committing anything")
        ("memory", po::value(&memory), "MB a fresh build buffers between writes, shared by its "
                                       "threads; with --shard-by, per shard written (default: 256)")
        ("quiet,q", "no progress bar")
        ("delete", "delete the articles whose ids are given instead of PATHs")
        ("delete-from", po::value(&delete_from), "delete the articles whose ids FILE lists, one a "
                                                 "line (- for standard input; repeatable)")
        ("stats", "print what the database holds: articles, dates, sources, months, profile, "
                  "versions, size on disk, revision")
        ("json", "with --stats: print JSON (the body of akhbar-serve's GET /stats)")
        ("version", "print the version and exit")
        ("help,h", "show this help");
    po::options_description all;
    all.add(visible).add_options()("path", po::value(&paths));
    po::positional_options_description positional;
    positional.add("path", -1);

    po::variables_map vm;
    try {
        po::store(po::command_line_parser(argc, argv).options(all).positional(positional).run(), vm);
        po::notify(vm);
    } catch (const po::error& e) {
        std::cerr << akhbar::usage_error("akhbar-index", e.what());
        return 2;
    }
    if (vm.count("help") != 0U) {
        std::cout << visible << "\n";
        return 0;
    }
    if (vm.count("version") != 0U) {
        std::cout << "akhbar-index " << akhbar::VERSION << "\n";
        return 0;
    }
    const bool compact = vm.count("compact") != 0U;
    const bool deleting = vm.count("delete") != 0U || !delete_from.empty();
    const bool stats = vm.count("stats") != 0U;
    if (deleting || stats) {
        return run_verb(vm, db, paths, delete_from);
    }
    if (vm.count("json") != 0U) {
        std::cerr << akhbar::usage_error("akhbar-index", "--json goes with --stats");
        return 2;
    }
    if (paths.empty() && !compact) {
        std::cerr << akhbar::usage_error("akhbar-index", "no PATH given");
        return 2;
    }
    akhbar::ShardBy by = akhbar::ShardBy::none;
    if (!shard_by.empty()) {
        try {
            by = akhbar::checked_shard_by(shard_by);
        } catch (const akhbar::InvalidArgument& e) {
            std::cerr << akhbar::usage_error("akhbar-index", e.what());
            return 2;
        }
    }
    std::size_t memory_mb = akhbar::DEFAULT_MEMORY_MB;
    if (vm.count("memory") != 0U) {
        try {
            memory_mb = akhbar::checked_memory_mb(memory);
        } catch (const akhbar::InvalidArgument& e) {
            std::cerr << akhbar::usage_error("akhbar-index", e.what());
            return 2;
        }
    }
    if (paths.empty()) {
        try {
            return run_compact(db);
        } catch (const std::exception& e) {
            std::cerr << "akhbar-index: " << akhbar::escape_controls(e.what()) << "\n";
            return 1;
        }
    }

    // SA_RESTART, so that a signal never fails a write of Xapian's or ours:
    // the library waits for input with poll(), which a signal interrupts
    // regardless (Linux never restarts it), and then sees the cancel flag.
    struct sigaction action {};
    action.sa_handler = on_signal;
    sigemptyset(&action.sa_mask);
    action.sa_flags = SA_RESTART;
    sigaction(SIGINT, &action, nullptr);
    sigaction(SIGTERM, &action, nullptr);

    akhbar::IndexerOptions writer_options;
    writer_options.db = db;
    writer_options.profile = profile;
    writer_options.rebuild = vm.count("rebuild") != 0U;
    writer_options.shard_by = by;
    writer_options.memory_mb = memory_mb;
    writer_options.all_or_nothing = vm.count("strict") != 0U;
    // Xapian also flushes on its own every XAPIAN_FLUSH_THRESHOLD changes
    // (default 10000), read when a database is opened: let the writer's
    // commits alone decide, unless the user set it. The environment is the
    // tool's to change, never the library's (IndexerOptions::commit_every).
    setenv("XAPIAN_FLUSH_THRESHOLD", std::to_string(writer_options.commit_every + 1).c_str(), 0);
    akhbar::IndexRunOptions run_options;
    run_options.paths = paths;
    run_options.prune = vm.count("prune") != 0U;
    run_options.strict = vm.count("strict") != 0U;
    run_options.cancel = &g_cancel;

    const auto start = std::chrono::steady_clock::now();
    try {
        akhbar::Indexer writer(writer_options);
        for (const std::string& repaired : writer.repairs()) {
            std::cerr << "akhbar-index: " << akhbar::escape_controls(repaired) << "\n";
        }
        ConsoleObserver observer(vm.count("quiet") == 0U && isatty(STDERR_FILENO) != 0);
        akhbar::IndexRunSummary summary;
        try {
            summary = akhbar::index_collection(writer, run_options, observer);
        } catch (...) {
            observer.clear_bar();
            writer.abandon();
            throw;
        }
        observer.clear_bar();
        if (summary.interrupted && writer_options.rebuild) {
            writer.abandon();
            std::cerr << "akhbar-index: interrupted; the rebuild was discarded, "
                      << akhbar::escape_controls(writer.path().string()) << " is unchanged\n";
            return 130;
        }
        writer.finish();
        // The summary's time includes merging and compacting a fresh build.
        summary.elapsed = std::chrono::steady_clock::now() - start;
        print_summary(summary, writer);
        if (summary.interrupted) {
            std::cerr << "akhbar-index: interrupted; what was indexed is committed, run again to "
                         "complete\n";
            return 130;
        }
        if (compact) {
            run_compact(writer.path().string());
        }
        return summary.had_problems() ? 3 : 0;
    } catch (const akhbar::CorpusError& e) {
        std::cerr << akhbar::escape_controls(e.what()) << "\nakhbar-index: stopped (--strict); nothing was committed\n";
        return 1;
    } catch (const akhbar::InvalidArgument& e) {
        std::cerr << akhbar::usage_error("akhbar-index", e.what());
        return 2;
    } catch (const std::exception& e) {
        std::cerr << "akhbar-index: " << akhbar::escape_controls(e.what()) << "\n";
        return 1;
    }
}
