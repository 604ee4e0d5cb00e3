// akhbar-search: ranked search over Akhbar databases.
// Exit codes: 0 ok (also when nothing matches), 1 database or runtime error
// (a shard that did not answer, without --partial), 2 usage or query error,
// 3 results with --partial that miss a shard that did not answer (with
// --batch: 2 when a line could not be run, else 3 when a result missed a
// shard). An id that --show or --like does not find is a runtime error (1),
// as git show and psql's lookups: the command was right, the database has
// no such article.

#include <algorithm>
#include <chrono>
#include <fstream>
#include <iostream>
#include <string>
#include <vector>

#include <boost/program_options.hpp>

#include "akhbar/common/dash_words.hpp"
#include "akhbar/common/error.hpp"
#include "akhbar/common/lines.hpp"
#include "akhbar/common/profile.hpp"
#include "akhbar/common/quote.hpp"
#include "akhbar/common/usage.hpp"
#include "akhbar/common/version.hpp"
#include "akhbar/searcher/format.hpp"
#include "akhbar/searcher/json.hpp"
#include "akhbar/searcher/record_text.hpp"
#include "akhbar/searcher/request_fields.hpp"
#include "akhbar/searcher/searcher.hpp"
#include "terminal.hpp"

namespace po = boost::program_options;

namespace {

struct UsageError : std::runtime_error {
    using std::runtime_error::runtime_error;
};

// Runs the library's check of request field `field` on the value of
// --`option`; its message ("limit must be ...") is said of the option
// ("--limit must be ...").
template <typename Check>
auto of_option(const std::string& option, std::string_view field, Check check)
{
    try {
        return check();
    } catch (const akhbar::InvalidArgument& e) {
        const std::string_view what = e.what();
        throw UsageError("--" + option +
                         std::string(what.starts_with(field) ? what.substr(field.size())
                                                             : ": " + std::string(what)));
    }
}

// A number option read as written and checked by the library
// (akhbar::checked_number_text).
std::size_t number_option(const std::string& option, std::string_view field,
                          const std::string& text)
{
    return of_option(option, field, [&] { return akhbar::checked_number_text(field, text); });
}

// Sets request field `field` from the value of --`option` (the library's
// reading, akhbar::set_request_field).
void set_field(akhbar::SearchRequest& request, const std::string& option, std::string_view field,
               const std::string& text)
{
    of_option(option, field, [&] { akhbar::set_request_field(request, field, text); });
}

enum class Format { text, json, trec };

struct Output {
    Format format = Format::text;
    akhbar::TextStyle style;
};

// `qid` is empty outside --batch (a batch line always has one).
void print(const akhbar::SearchResult& result, const Output& out, const std::string& qid)
{
    switch (out.format) {
    case Format::json:
        // Batch runs print JSON Lines: one object per query, with its id.
        std::cout << akhbar::to_json(result, qid.empty() ? 2 : -1, qid) << "\n";
        break;
    case Format::trec:
        std::cout << akhbar::format_trec(result, qid.empty() ? "1" : qid);
        break;
    case Format::text:
        if (!qid.empty()) {
            std::cout << "== " << akhbar::escape_controls(qid) << "\n";
        }
        std::cout << akhbar::format_text(result, out.style);
        break;
    }
}

// --batch: `qid<TAB>query` lines; every query is run, failures reported.
// A line without a tab or with an empty qid is skipped with its FILE:LINE
// (an empty qid would print no "== qid" header, pretty JSON among JSON
// Lines, and a TREC run line that matches no topic). Each answer is flushed,
// so that a program feeding queries through a pipe gets it at once.
// A line the index fails (IndexError) is reported the same way and the
// batch goes on. Exit code: 1 when the index failed a line, else 2 when a
// line could not be run, else 3 when some result missed a shard (--partial),
// else 0.
int run_batch(const akhbar::Searcher& searcher, akhbar::SearchRequest request,
              const std::string& file, const Output& out, const std::string& timings_file,
              bool warmup)
{
    std::ifstream in(file);
    if (!in) {
        std::cerr << "akhbar-search: cannot read " << akhbar::escape_controls(file) << "\n";
        return 1;
    }
    if (warmup) {
        // One untimed pass first, so timings measure a warm process and cache.
        std::string line;
        std::size_t number = 0;
        while (akhbar::next_data_line(in, line, number)) {
            const auto tab = line.find('\t');
            if (tab == std::string::npos) {
                continue;
            }
            request.query = line.substr(tab + 1);
            try {
                (void)searcher.search(request);
            } catch (const akhbar::Error&) {
                // reported in the timed pass
            }
        }
        in.clear();
        in.seekg(0);
    }
    std::ofstream timings;
    if (!timings_file.empty()) {
        timings.open(timings_file);
        if (!timings) {
            std::cerr << "akhbar-search: cannot write " << akhbar::escape_controls(timings_file)
                      << "\n";
            return 1;
        }
    }
    bool skipped = false;                  // a line that could not be run
    bool index_failed = false;             // a line the index failed
    std::vector<std::string> unavailable;  // reported once each
    const auto report = [&](std::size_t number, const std::exception& e) {
        std::cerr << akhbar::escape_controls(file) << ":" << number << ": "
                  << akhbar::escape_controls(e.what()) << "\n";
    };
    std::string line;
    std::size_t number = 0;
    while (akhbar::next_data_line(in, line, number)) {
        const auto tab = line.find('\t');
        if (tab == std::string::npos) {
            std::cerr << akhbar::escape_controls(file) << ":" << number
                      << ": expected qid<TAB>query: " << akhbar::quote_for_message(line) << "\n";
            skipped = true;
            continue;
        }
        if (tab == 0) {
            std::cerr << akhbar::escape_controls(file) << ":" << number
                      << ": empty qid (expected qid<TAB>query): " << akhbar::quote_for_message(line)
                      << "\n";
            skipped = true;
            continue;
        }
        const std::string qid = line.substr(0, tab);
        request.query = line.substr(tab + 1);
        try {
            const auto start = std::chrono::steady_clock::now();
            const akhbar::SearchResult result = searcher.search(request);
            const std::chrono::duration<double, std::milli> ms = std::chrono::steady_clock::now() - start;
            if (timings.is_open()) {
                const akhbar::SearchTimings& t = result.timings;
                timings << qid << "\t" << ms.count() << "\t" << result.total;
                for (const auto stage : {t.parse, t.match, t.rescore, t.hits, t.facets, t.spelling}) {
                    timings << "\t" << stage.count();
                }
                timings << "\n";
            }
            print(result, out, qid);
            std::cout.flush();
            for (const std::string& shard : result.unavailable) {
                if (std::find(unavailable.begin(), unavailable.end(), shard) == unavailable.end()) {
                    std::cerr << "akhbar-search: partial results: "
                              << akhbar::escape_controls(shard) << "\n";
                    unavailable.push_back(shard);
                }
            }
        } catch (const akhbar::QueryError& e) {
            report(number, e);
            skipped = true;
        } catch (const akhbar::IndexError& e) {
            // The index failed this line (a shard down, a database that
            // changed on every attempt): the next lines may still be answered.
            report(number, e);
            index_failed = true;
        }
    }
    return index_failed ? 1 : skipped ? 2 : unavailable.empty() ? 0 : 3;
}

// An id --show or --like did not find.
struct UnknownId : std::runtime_error {
    explicit UnknownId(const std::string& id)
        : std::runtime_error("no article with id " + akhbar::quote_for_message(id))
    {
    }
};

// --show ID: the stored article, as text or as JSON.
int run_show(const akhbar::Searcher& searcher, const std::string& id, const Output& out)
{
    const auto article = searcher.article(id);
    if (!article) {
        throw UnknownId(id);
    }
    if (out.format == Format::trec) {
        throw UsageError("--show prints text or json, not trec");
    }
    // Read after the article: a commit in between leaves it alone at worst.
    const akhbar::Story story = searcher.story(id).value_or(akhbar::Story{});
    std::cout << (out.format == Format::json ? akhbar::to_json(*article, story) + "\n"
                                             : akhbar::format_article(*article, story));
    return 0;
}

// --like ID: the related articles, narrowed by the query's words if any.
akhbar::SearchResult run_like(const akhbar::Searcher& searcher, const std::string& id,
                              const akhbar::SearchRequest& request)
{
    if (!searcher.article(id)) {
        throw UnknownId(id);
    }
    return searcher.related(id, request);
}

// Options that do not apply to what the command line asks for are usage
// errors, not silently ignored.
void check_combinations(const po::variables_map& vm, const Output& out)
{
    const auto given = [&](const char* name) { return vm.count(name) != 0U; };
    if (given("show")) {
        for (const char* name : {"all", "literal", "from", "to", "source", "category", "sort",
                                 "ranking", "strict", "limit", "offset", "facet-month",
                                 "no-facets", "facets", "snippet-chars", "explain", "timings",
                                 "warmup", "no-collapse", "facet-count"}) {
            if (given(name)) {
                throw UsageError(std::string("--show prints one article: --") + name +
                                 " does not apply");
            }
        }
    }
    if (given("batch") && (given("like") || given("query"))) {
        throw UsageError("--batch runs the queries of its file: it takes no QUERY or --like");
    }
    if (given("warmup") && !given("batch")) {
        throw UsageError("--warmup goes with --batch");
    }
    if (given("facet-count") && (given("no-facets") || out.format == Format::trec)) {
        throw UsageError("--facet-count says what the facets count: not with --no-facets or "
                         "--format trec, which count no facets");
    }
    if (given("facet-month") && (given("no-facets") || out.format == Format::trec)) {
        throw UsageError("--facet-month counts the days of a month: not with --no-facets or "
                         "--format trec, which count no facets");
    }
    if (given("explain") && out.format == Format::trec) {
        throw UsageError("--explain adds to the text and JSON output, not to --format trec");
    }
}

}  // namespace

int main(int argc, char* argv[])
{
    std::vector<std::string> dbs;
    std::vector<std::string> words;
    std::vector<std::string> sources;
    std::vector<std::string> categories;
    std::string from, to, sort = "relevance", facet_month, like, show, batch, format, timings, ranking;
    std::string strict, facet_count;
    std::string color = "auto", facets = "auto";  // text output: terminal.hpp
    // Numbers as written: checked by number_option().
    std::string limit = "10";
    std::string offset = "0";
    std::string snippet_chars = "240";
    std::string timeout_ms = "5000";
    po::options_description visible(
        "Usage: akhbar-search [--db DIR]... [options] [--] QUERY...\n"
        "       akhbar-search [--db DIR]... --like ID [options] [QUERY...]\n"
        "       akhbar-search [--db DIR]... --show ID [--json]\n"
        "Ranked search of Arabic news. Query syntax: docs/query-syntax.md\n"
        "Words after -- are all query words, so that -word excludes a word in any script:\n"
        "  akhbar-search -- 'تونس -Tunisie'\n\nOptions");
    visible.add_options()
        ("db", po::value(&dbs), "database to search (repeat for several; default: $AKHBAR_DB, else "
                                "$XDG_DATA_HOME/akhbar/default.db, else ~/.local/share/akhbar/default.db)")
        ("timeout", po::value(&timeout_ms), "milliseconds allowed to a remote shard to connect and "
                                            "to answer (default 5000, at most 3600000)")
        ("partial", "when a shard is down or does not answer, show the others' results, marked "
                    "partial (exit code 3)")
        ("all", "require every word")
        ("literal", "take the query as plain words: no operators, quotes or fields")
        ("from", po::value(&from), "only articles dated on or after DATE: YYYY-MM-DD, or YYYY-MM "
                                   "or YYYY from its first day")
        ("to", po::value(&to), "only articles dated on or before DATE: YYYY-MM-DD, or YYYY-MM or "
                               "YYYY to its last day")
        ("source", po::value(&sources), "only articles from this source (repeatable)")
        ("category", po::value(&categories), "only articles of this category (repeatable)")
        ("sort", po::value(&sort), "relevance (default), date or newest (newest first), or oldest "
                                   "(oldest first); undated articles last")
        ("ranking", po::value(&ranking), "akhbar, bm25 or lucene-bm25 (default: the index "
                                         "profile's; docs/relevance.md)")
        ("strict", po::value(&strict), "exact, normalized or stemmed (default): how far words "
                                       "reach beyond their spelling (docs/query-syntax.md)")
        ("limit", po::value(&limit), "hits per page (default 10, at most 10000)")
        ("offset", po::value(&offset), "hits to skip (default 0; offset + limit at most 100000)")
        ("facet-month", po::value(&facet_month), "day-by-day counts for month YYYY-MM")
        ("no-facets", "skip date, source and category counts (faster for broad queries)")
        ("facet-count", po::value(&facet_count), "what the facets count: articles (default) or "
                                                 "stories (each story once per day, source, category)")
        ("no-collapse", "one hit per matching article, not one per story (docs/stories.md)")
        ("snippet-chars", po::value(&snippet_chars), "snippet length, about (default 240, at most "
                                                     "10000)")
        ("like", po::value(&like), "articles related to the article with this id; filters, page "
                                   "and sort options apply, QUERY words narrow them")
        ("show", po::value(&show), "print the article with this id: id, title, date, source, url, "
                                   "category, then its text as written (--json: as JSON)")
        ("explain", "show how each query word was searched and what each part of the query "
                    "added to each hit's score")
        ("json", "print JSON (docs/json-output.md)")
        ("format", po::value(&format), "text (default), json or trec")
        ("color", po::value(&color), "auto (default: on a terminal, unless NO_COLOR is set or "
                                     "TERM is dumb), always or never: colour the highlights")
        ("facets", po::value(&facets), "auto (default: chart on a terminal, table otherwise), "
                                       "chart (compact, fits the width) or table (one line per "
                                       "day, month or year)")
        ("plain", "print as into a pipe, even on a terminal: no colour, highlights [like this], "
                  "no bidi marks, no wrapping, facets as a table")
        ("batch", po::value(&batch), "run every qid<TAB>query line of FILE")
        ("timings", po::value(&timings), "with --batch: write qid, milliseconds, matches, then the stages'"
         " milliseconds (parse, match, rescore, hits, facets, spelling), tab-separated, per query"
         " to FILE")
        ("warmup", "with --batch: run every query once, untimed, before the timed pass")
        ("version", "print the version and exit")
        ("help,h", "show this help");
    po::options_description all;
    all.add(visible).add_options()("query", po::value(&words));
    po::positional_options_description positional;
    positional.add("query", -1);

    // "-كلمة" excludes an Arabic word: a query word in its place, not an option.
    const std::vector<std::string> args = akhbar::cli::arguments_with_dash_words(argc, argv);

    try {
        po::variables_map vm;
        po::store(po::command_line_parser(args).options(all).positional(positional).run(), vm);
        po::notify(vm);
        for (std::vector<std::string>* values : {&words, &sources, &categories}) {
            akhbar::cli::unmark(*values);
        }
        for (std::string* value : {&like, &show, &from, &to, &facet_month, &batch}) {
            *value = akhbar::cli::unmarked(std::move(*value));
        }
        if (vm.count("help") != 0U) {
            std::cout << visible << "\n";
            return 0;
        }
        if (vm.count("version") != 0U) {
            std::cout << "akhbar-search " << akhbar::VERSION << "\n";
            return 0;
        }
        Output out;
        if (vm.count("json") != 0U) {
            format = format.empty() ? "json" : format;
        }
        if (format.empty() || format == "text") {
            out.format = Format::text;
        } else if (format == "json") {
            out.format = Format::json;
        } else if (format == "trec") {
            out.format = Format::trec;
        } else {
            throw UsageError("--format is text, json or trec, not \"" + format + "\"");
        }
        out.style = akhbar::cli::text_style(color, facets, vm.count("plain") != 0U);
        if (vm.count("facets") != 0U && vm.count("no-facets") != 0U) {
            throw UsageError("--facets draws the facets that --no-facets skips: give one of them");
        }
        if (vm.count("facets") != 0U && out.format != Format::text) {
            throw UsageError("--facets lays out the text output, not --format " + format);
        }

        akhbar::SearchRequest request;
        for (const auto& w : words) {
            request.query += (request.query.empty() ? "" : " ") + w;
        }
        request.match_all = vm.count("all") != 0U;
        request.literal = vm.count("literal") != 0U;
        request.explain = vm.count("explain") != 0U;
        // Given empty, a date is refused as any other that is not one.
        if (vm.count("from") != 0U) {
            set_field(request, "from", "from", from);
        }
        if (vm.count("to") != 0U) {
            set_field(request, "to", "to", to);
        }
        request.sources = sources;
        request.categories = categories;
        // The names of enums: their messages name the kind of value, not the
        // option (`unknown sort order "x" (known: …)`).
        akhbar::set_request_field(request, "sort", sort);
        akhbar::set_request_field(request, "ranking", ranking);
        akhbar::set_request_field(request, "strict", strict);
        akhbar::set_request_field(request, "facet_count", facet_count);
        request.collapse = vm.count("no-collapse") == 0U;
        set_field(request, "limit", "limit", limit);
        set_field(request, "offset", "offset", offset);
        set_field(request, "snippet-chars", "snippet_chars", snippet_chars);
        request.facets = vm.count("no-facets") == 0U && out.format != Format::trec;
        if (vm.count("facet-month") != 0U) {
            set_field(request, "facet-month", "facet_month", facet_month);
        }
        request.check();
        if (!timings.empty() && batch.empty()) {
            throw UsageError("--timings goes with --batch");
        }
        if (!show.empty() && (!request.query.empty() || !like.empty() || !batch.empty())) {
            throw UsageError("--show takes no QUERY, --like or --batch");
        }
        check_combinations(vm, out);
        if (batch.empty() && like.empty() && show.empty() && request.query.empty()) {
            throw UsageError("no QUERY given");
        }

        akhbar::SearcherOptions searcher_options;
        searcher_options.databases = dbs;
        searcher_options.timeout =
            std::chrono::milliseconds(number_option("timeout", "timeout", timeout_ms));
        searcher_options.allow_partial = vm.count("partial") != 0U;
        const akhbar::Searcher searcher(searcher_options);
        if (!show.empty()) {
            return run_show(searcher, show, out);
        }
        if (!batch.empty()) {
            return run_batch(searcher, request, batch, out, timings, vm.count("warmup") != 0U);
        }
        const akhbar::SearchResult result =
            like.empty() ? searcher.search(request) : run_like(searcher, like, request);
        print(result, out, "");
        if (result.partial) {
            for (const std::string& shard : result.unavailable) {
                std::cerr << "akhbar-search: partial results: " << akhbar::escape_controls(shard)
                          << "\n";
            }
            return 3;
        }
        return 0;
    } catch (const po::unknown_option& e) {
        std::cerr << akhbar::usage_error(
            "akhbar-search", e.what(),
            akhbar::excluded_word_hint("akhbar-search", e.get_option_name()));
        return 2;
    } catch (const po::error& e) {
        std::cerr << akhbar::usage_error("akhbar-search", e.what());
        return 2;
    } catch (const UsageError& e) {
        std::cerr << akhbar::usage_error("akhbar-search", e.what());
        return 2;
    } catch (const UnknownId& e) {
        std::cerr << "akhbar-search: " << akhbar::escape_controls(e.what()) << "\n";
        return 1;
    } catch (const akhbar::QueryError& e) {
        std::cerr << "akhbar-search: " << akhbar::escape_controls(e.what()) << "\n";
        return 2;
    } catch (const akhbar::InvalidArgument& e) {
        // A bad option value (the library's message): a usage error.
        std::cerr << akhbar::usage_error("akhbar-search", e.what());
        return 2;
    } catch (const std::exception& e) {
        std::cerr << "akhbar-search: " << akhbar::escape_controls(e.what()) << "\n";
        return 1;
    }
}
