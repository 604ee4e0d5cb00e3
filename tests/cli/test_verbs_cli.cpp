// The verbs of issue #20 as a user runs them: akhbar-search --show and
// --like with the options of a search, honest totals, one-line usage
// errors, akhbar-index --delete and --stats, akhbar-analyze --db.

#include <boost/test/unit_test.hpp>

#include <nlohmann/json.hpp>

#include <filesystem>
#include <fstream>
#include <set>

#include "akhbar/common/date_format.hpp"
#include "akhbar/searcher/json.hpp"
#include "akhbar/searcher/searcher.hpp"
#include "support/process.hpp"
#include "support/temp_dir.hpp"

namespace fs = std::filesystem;
using akhbar::test::run_process;
using akhbar::test::TempDir;
using nlohmann::json;

namespace {

const std::string SEARCH = AKHBAR_SEARCH;
const std::string INDEX = AKHBAR_INDEX;
const std::string ANALYZE = AKHBAR_ANALYZE;
const std::string CORPUS = std::string(AKHBAR_SOURCE_DIR) + "/corpus";
const std::string SAMPLE = std::string(AKHBAR_TEST_DATA_DIR) + "/ant_sample.jsonl";
const std::string BIG_SAMPLE = std::string(AKHBAR_TEST_DATA_DIR) + "/ant_shards_sample.jsonl.gz";

bool contains(const std::string& s, const std::string& part)
{
    return s.find(part) != std::string::npos;
}

// A database built by akhbar-index from `input`, with `options` before it.
struct Db {
    TempDir dir;
    std::string path = (dir / "db").string();
    explicit Db(const std::string& input, std::vector<std::string> options = {})
    {
        std::vector<std::string> argv{INDEX, "--db", path, "--quiet"};
        argv.insert(argv.end(), options.begin(), options.end());
        argv.push_back(input);
        const auto r = run_process(argv);
        BOOST_TEST_REQUIRE(r.exit_code == 0, r.err);
    }
};

Db& corpus_db()
{
    static Db d(CORPUS);
    return d;
}

// 3,000 ANT articles: enough matches for Xapian to estimate a total.
Db& big_db()
{
    static Db d(BIG_SAMPLE);
    return d;
}

// The ids of the ANT sample, in file order.
std::vector<std::string> sample_ids()
{
    std::ifstream in(SAMPLE);
    std::vector<std::string> ids;
    std::string line;
    while (std::getline(in, line)) {
        ids.push_back(json::parse(line)["id"].get<std::string>());
    }
    return ids;
}

json run_json(const std::vector<std::string>& argv)
{
    const auto r = run_process(argv);
    BOOST_TEST_REQUIRE(r.exit_code == 0, r.err);
    return json::parse(r.out);
}

std::vector<std::string> hit_ids(const json& result)
{
    std::vector<std::string> ids;
    for (const json& h : result["hits"]) {
        ids.push_back(h["id"].get<std::string>());
    }
    return ids;
}

}  // namespace

BOOST_AUTO_TEST_SUITE(akhbar_verbs)

// --- akhbar-search --show ---------------------------------------------------

BOOST_AUTO_TEST_CASE(show_prints_the_article_as_written)
{
    const std::string id = "002_9f15b159de594b2e";
    const auto stored = akhbar::Searcher({corpus_db().path}).article(id);
    BOOST_TEST_REQUIRE(stored.has_value());
    const auto r = run_process({SEARCH, "--db", corpus_db().path, "--show", id});
    BOOST_TEST(r.exit_code == 0, r.err);
    std::string expected = "id: " + id + "\ntitle: " + stored->title + "\ndate: " +
                           akhbar::schema::format_iso(*stored->date) + " (" +
                           std::string(akhbar::to_string(stored->date_source)) + ")\n";
    expected += stored->source.empty() ? "" : "source: " + stored->source + "\n";
    expected += "\n" + stored->text + (stored->text.ends_with('\n') ? "" : "\n");
    BOOST_TEST(r.out == expected);

    const auto j = run_json({SEARCH, "--db", corpus_db().path, "--show", id, "--json"});
    BOOST_TEST(j["id"] == id);
    BOOST_TEST(j["title"] == stored->title);
    BOOST_TEST(j["text"] == stored->text);
    BOOST_TEST(j["date"] == akhbar::schema::format_iso(*stored->date));
    BOOST_TEST(j["url"].is_null());
    // The same object as GET /articles/{id} (the library's to_json); the
    // seed articles are each a story of their own.
    BOOST_TEST(j == json::parse(akhbar::to_json(*stored, akhbar::Story{})));
    BOOST_TEST(j["story"].is_null());
}

BOOST_AUTO_TEST_CASE(show_an_unknown_id_is_exit_1)
{
    const auto r = run_process({SEARCH, "--db", corpus_db().path, "--show", "nope"});
    BOOST_TEST(r.exit_code == 1);
    BOOST_TEST(r.out.empty());
    BOOST_TEST(r.err == "akhbar-search: no article with id \"nope\"\n");
    // The same for --like.
    const auto like = run_process({SEARCH, "--db", corpus_db().path, "--like", "nope"});
    BOOST_TEST(like.exit_code == 1);
    BOOST_TEST(like.err == "akhbar-search: no article with id \"nope\"\n");
}

BOOST_AUTO_TEST_CASE(show_takes_no_query)
{
    const auto r = run_process({SEARCH, "--db", corpus_db().path, "--show", "x", "تونس"});
    BOOST_TEST(r.exit_code == 2);
    BOOST_TEST(r.err == "akhbar-search: --show takes no QUERY, --like or --batch\n"
                        "try 'akhbar-search --help'\n");
    const auto trec =
        run_process({SEARCH, "--db", corpus_db().path, "--show", "002_9f15b159de594b2e", "--format", "trec"});
    BOOST_TEST(trec.exit_code == 2);
}

// --- akhbar-search --like with the options of a search ---------------------

BOOST_AUTO_TEST_CASE(like_applies_page_filters_and_snippet_length)
{
    const std::string db = big_db().path;
    const std::string id = run_json({SEARCH, "--db", db, "--json", "--limit", "1", "تونس"})["hits"][0]["id"];
    const json all = run_json({SEARCH, "--db", db, "--json", "--like", id, "--limit", "6"});
    BOOST_TEST_REQUIRE(all["hits"].size() == 6U);
    // --offset: the same ranking, a later page.
    const json page = run_json({SEARCH, "--db", db, "--json", "--like", id, "--limit", "3", "--offset", "3"});
    const auto all_ids = hit_ids(all);
    BOOST_TEST(hit_ids(page) == std::vector<std::string>(all_ids.begin() + 3, all_ids.end()),
               boost::test_tools::per_element());
    BOOST_TEST(page["hits"][0]["rank"] == 4);

    // --from/--to: every hit within, and fewer than without.
    const json dated = run_json({SEARCH, "--db", db, "--json", "--like", id, "--from", "2017-01-01",
                                 "--to", "2017-12-31", "--limit", "50"});
    BOOST_TEST(!dated["hits"].empty());
    for (const json& h : dated["hits"]) {
        const std::string date = h["date"];
        BOOST_TEST((date >= "2017-01-01" && date <= "2017-12-31"), date);
    }
    BOOST_TEST(dated["total"].get<std::size_t>() < all["total"].get<std::size_t>());

    // --source: every hit from it.
    const std::string source = all["hits"][0]["source"];
    const json sourced = run_json({SEARCH, "--db", db, "--json", "--like", id, "--source", source});
    BOOST_TEST(!sourced["hits"].empty());
    for (const json& h : sourced["hits"]) {
        BOOST_TEST(h["source"] == source);
    }

    // --snippet-chars: shorter snippets than the default.
    const json short_snippets =
        run_json({SEARCH, "--db", db, "--json", "--like", id, "--limit", "6", "--snippet-chars", "30"});
    for (std::size_t i = 0; i < 6; ++i) {
        BOOST_TEST(short_snippets["hits"][i]["snippet"]["text"].get<std::string>().size() <
                   all["hits"][i]["snippet"]["text"].get<std::string>().size());
    }
}

BOOST_AUTO_TEST_CASE(like_query_words_narrow_the_related_articles)
{
    const std::string db = big_db().path;
    const std::string id = run_json({SEARCH, "--db", db, "--json", "--limit", "1", "تونس"})["hits"][0]["id"];
    const std::string word = "الحكومة";
    // Articles, not stories: which member stands for a story depends on the query.
    const json related =
        run_json({SEARCH, "--db", db, "--json", "--no-collapse", "--like", id, "--limit", "10000"});
    const json narrowed = run_json(
        {SEARCH, "--db", db, "--json", "--no-collapse", "--like", id, "--limit", "10000", word});
    const json matching =
        run_json({SEARCH, "--db", db, "--json", "--no-collapse", "--limit", "10000", word});
    BOOST_TEST(narrowed["query"]["text"] == "related:" + id + " " + word);
    BOOST_TEST(!narrowed["hits"].empty());
    BOOST_TEST(narrowed["total"].get<std::size_t>() < related["total"].get<std::size_t>());
    // Exactly the related articles that match the word, in the related order.
    const std::vector<std::string> related_ids = hit_ids(related);
    const std::vector<std::string> matching_v = hit_ids(matching);
    const std::set<std::string> matching_ids(matching_v.begin(), matching_v.end());
    std::vector<std::string> expected;
    for (const std::string& r : related_ids) {
        if (matching_ids.count(r) != 0U) {
            expected.push_back(r);
        }
    }
    BOOST_TEST(hit_ids(narrowed) == expected, boost::test_tools::per_element());
}

// --- honest totals ---------------------------------------------------------

// On 58c5982, --no-facets printed Xapian's estimate (900 for 426 matches)
// and --like said total_exact: true of an estimate.
BOOST_AUTO_TEST_CASE(totals_are_exact_when_they_say_so)
{
    const std::string db = big_db().path;
    const std::string id = run_json({SEARCH, "--db", db, "--json", "--limit", "1", "تونس"})["hits"][0]["id"];
    const std::vector<std::vector<std::string>> requests = {
        {"تونس"}, {"الحكومة"}, {"كرة", "القدم"}, {"--like", id}, {"--like", id, "الحكومة"}};
    for (const auto& request : requests) {
        std::vector<std::string> argv{SEARCH, "--db", db, "--json"};
        argv.insert(argv.end(), request.begin(), request.end());
        const json counted = run_json(argv);  // facets count every match
        BOOST_TEST(counted["total_exact"] == true);
        argv.push_back("--no-facets");
        const json estimated = run_json(argv);
        const auto total = counted["total"].get<std::size_t>();
        if (estimated["total_exact"] == true) {
            BOOST_TEST(estimated["total"] == total, request.back());
        }
        // Up to a thousand matches are always counted.
        if (total <= 1000) {
            BOOST_TEST(estimated["total_exact"] == true, request.back() << ": " << total);
        }
    }
}

// --- usage errors ------------------------------------------------------------

BOOST_AUTO_TEST_CASE(usage_errors_are_one_line_and_a_pointer_to_help)
{
    const auto search = run_process({SEARCH, "--bogus", "x"});
    BOOST_TEST(search.exit_code == 2);
    BOOST_TEST(search.err == "akhbar-search: unrecognised option '--bogus'\ntry 'akhbar-search --help'\n");
    const auto index = run_process({INDEX, "--bogus"});
    BOOST_TEST(index.exit_code == 2);
    BOOST_TEST(index.err == "akhbar-index: unrecognised option '--bogus'\ntry 'akhbar-index --help'\n");
    const auto no_path = run_process({INDEX, "--db", "/nonexistent/x"});
    BOOST_TEST(no_path.exit_code == 2);
    BOOST_TEST(no_path.err == "akhbar-index: no PATH given\ntry 'akhbar-index --help'\n");
    const auto analyze = run_process({ANALYZE, "--bogus"});
    BOOST_TEST(analyze.exit_code == 2);
    BOOST_TEST(analyze.err == "akhbar-analyze: unrecognised option '--bogus'\ntry 'akhbar-analyze --help'\n");
    const auto no_query = run_process({SEARCH, "--db", corpus_db().path});
    BOOST_TEST(no_query.exit_code == 2);
    BOOST_TEST(no_query.err == "akhbar-search: no QUERY given\ntry 'akhbar-search --help'\n");
}

BOOST_AUTO_TEST_CASE(an_excluded_latin_word_gets_a_hint_and_double_dash_works)
{
    const auto r = run_process({SEARCH, "--db", corpus_db().path, "كازاخستان", "-Tunisie"});
    BOOST_TEST(r.exit_code == 2);
    BOOST_TEST(r.err == "akhbar-search: unrecognised option '-Tunisie'\n"
                        "akhbar-search: to exclude a word, put the query after --: "
                        "akhbar-search -- 'WORDS -Tunisie'\n"
                        "try 'akhbar-search --help'\n");
    const json after = run_json({SEARCH, "--db", corpus_db().path, "--json", "--", "كازاخستان -Tunisie"});
    const json plain = run_json({SEARCH, "--db", corpus_db().path, "--json", "كازاخستان"});
    BOOST_TEST(after["query"]["text"] == "كازاخستان -Tunisie");
    BOOST_TEST(after["total"] == plain["total"]);
    // An excluded word that matches does exclude.
    const json excluded = run_json({SEARCH, "--db", corpus_db().path, "--json", "--", "كازاخستان", "-ترمب"});
    BOOST_TEST(excluded["total"].get<std::size_t>() < plain["total"].get<std::size_t>());
    const auto help = run_process({SEARCH, "--help"});
    BOOST_TEST(contains(help.out, "akhbar-search -- 'تونس -Tunisie'"));
}

// --- akhbar-index --delete ---------------------------------------------------

BOOST_AUTO_TEST_CASE(delete_removes_articles_and_reports_unknown_ids)
{
    for (const bool sharded : {false, true}) {
        BOOST_TEST_CONTEXT("sharded " << sharded)
        {
            const Db db(SAMPLE, sharded ? std::vector<std::string>{"--shard-by", "month"}
                                        : std::vector<std::string>{});
            const auto ids = sample_ids();
            const auto r = run_process({INDEX, "--db", db.path, "--delete", ids[0], "nope", ids[50]});
            BOOST_TEST(r.exit_code == 3);
            BOOST_TEST(r.err == "akhbar-index: no article with id \"nope\"\n");
            BOOST_TEST(r.out == db.path + ": deleted 2, not found 1; " + std::to_string(ids.size() - 2) +
                                    " articles in the database\n");
            for (const std::string& gone : {ids[0], ids[50]}) {
                BOOST_TEST(run_process({SEARCH, "--db", db.path, "--show", gone}).exit_code == 1);
            }
            BOOST_TEST(run_process({SEARCH, "--db", db.path, "--show", ids[1]}).exit_code == 0);

            // From a file (FILE:LINE for an unknown id) and from standard input.
            TempDir dir;
            const auto file = dir.write("ids.txt", "# to delete\n  " + ids[1] + "\t\n\nmissing\n");
            const auto from_file = run_process({INDEX, "--db", db.path, "--delete-from", file.string()});
            BOOST_TEST(from_file.exit_code == 3);
            BOOST_TEST(from_file.err == file.string() + ":4: no article with id \"missing\"\n");
            const auto from_stdin =
                run_process({INDEX, "--db", db.path, "--delete-from", "-"}, ids[2] + "\n" + ids[3] + "\n");
            BOOST_TEST(from_stdin.exit_code == 0, from_stdin.err);
            BOOST_TEST(contains(from_stdin.out, ": deleted 2, not found 0; " +
                                                    std::to_string(ids.size() - 5) + " articles"));
            BOOST_TEST(akhbar::Searcher({db.path}).size() == ids.size() - 5);
        }
    }
}

BOOST_AUTO_TEST_CASE(delete_never_creates_a_database)
{
    TempDir dir;
    const std::string missing = (dir / "none.db").string();
    const auto r = run_process({INDEX, "--db", missing, "--delete", "x"});
    BOOST_TEST(r.exit_code == 1);
    BOOST_TEST(r.err == "akhbar-index: no database at " + missing + "\n");
    BOOST_TEST(!fs::exists(missing));
    const auto none = run_process({INDEX, "--db", missing, "--delete"});
    BOOST_TEST(none.exit_code == 2);
    BOOST_TEST(none.err == "akhbar-index: --delete needs an ID\ntry 'akhbar-index --help'\n");
    const auto mixed = run_process({INDEX, "--db", missing, "--delete", "x", "--rebuild"});
    BOOST_TEST(mixed.exit_code == 2);
    BOOST_TEST(mixed.err == "akhbar-index: --delete cannot go with --rebuild\ntry 'akhbar-index --help'\n");
    const auto unreadable = run_process({INDEX, "--db", corpus_db().path, "--delete-from", missing});
    BOOST_TEST(unreadable.exit_code == 1);
    BOOST_TEST(unreadable.err == "akhbar-index: cannot read " + missing + "\n");
}

// --- akhbar-index --stats ----------------------------------------------------

BOOST_AUTO_TEST_CASE(stats_say_what_the_database_holds)
{
    const Db db(SAMPLE, {"--shard-by", "month"});
    const json j = run_json({INDEX, "--db", db.path, "--stats", "--json"});
    const auto ids = sample_ids();
    BOOST_TEST(j["articles"] == ids.size());
    std::size_t per_month = 0;
    for (const json& m : j["months"]) {
        per_month += m["count"].get<std::size_t>();
        BOOST_TEST(m["value"].get<std::string>().size() == 7U);  // YYYY-MM
    }
    BOOST_TEST(per_month + j["undated"].get<std::size_t>() == ids.size());
    BOOST_TEST(j["first_date"].get<std::string>() <= j["last_date"].get<std::string>());
    BOOST_TEST(j["months"].front()["value"] == j["first_date"].get<std::string>().substr(0, 7));
    BOOST_TEST(j["months"].back()["value"] == j["last_date"].get<std::string>().substr(0, 7));
    BOOST_TEST(j["sources"].size() == j["source_count"]);
    BOOST_TEST(j["profile"] == "akhbar");
    BOOST_TEST(j["shards"].size() > 1U);  // a shard per month
    for (const json& shard : j["shards"]) {
        // The directory's spelling database is not one of them.
        BOOST_TEST(shard["articles"].get<std::size_t>() > 0U);
    }
    BOOST_TEST(j["bytes_on_disk"].get<std::uintmax_t>() > 0U);
    for (const json& s : j["shards"]) {
        BOOST_TEST(s["revision"].is_number());
    }
    // The body of GET /stats with every source.
    const akhbar::IndexStats stats = akhbar::Searcher({db.path}).stats();
    BOOST_TEST(j == json::parse(akhbar::to_json(stats, stats.sources.size())));

    const auto text = run_process({INDEX, "--db", db.path, "--stats"});
    BOOST_TEST(text.exit_code == 0);
    BOOST_TEST(text.out.starts_with("articles: " + std::to_string(ids.size()) + "\n"), text.out);
    BOOST_TEST(contains(text.out, "\ndates: " + j["first_date"].get<std::string>() + " to " +
                                      j["last_date"].get<std::string>() + "\n"));
    BOOST_TEST(contains(text.out, "\narticles per month:\n"));
    BOOST_TEST(contains(text.out, "\nprofile: akhbar\n"));

    TempDir dir;
    const auto missing = run_process({INDEX, "--db", (dir / "none").string(), "--stats"});
    BOOST_TEST(missing.exit_code == 1);
    BOOST_TEST(!fs::exists(dir / "none"));
    const auto json_alone = run_process({INDEX, "--db", db.path, "--json", CORPUS});
    BOOST_TEST(json_alone.exit_code == 2);
    BOOST_TEST(json_alone.err == "akhbar-index: --json goes with --stats\ntry 'akhbar-index --help'\n");
}

// --- akhbar-analyze --db -----------------------------------------------------

BOOST_AUTO_TEST_CASE(analyze_uses_the_profile_of_the_database)
{
    const Db snowball(CORPUS, {"--profile", "snowball"});
    const std::string text = "والمعلمون في المدارس الحكومية";
    const auto with_db = run_process({ANALYZE, "--db", snowball.path, "--json", text});
    BOOST_TEST(with_db.exit_code == 0, with_db.err);
    const auto as_snowball = run_process({ANALYZE, "--profile", "snowball", "--json", text});
    const auto as_default = run_process({ANALYZE, "--json", text});
    BOOST_TEST(with_db.out == as_snowball.out);
    BOOST_TEST(with_db.out != as_default.out);  // the text shows the difference

    TempDir dir;
    const std::string missing = (dir / "none").string();
    const auto no_db = run_process({ANALYZE, "--db", missing, "x"});
    BOOST_TEST(no_db.exit_code == 1);
    BOOST_TEST(no_db.err == "akhbar-analyze: no database at " + missing + "\n");
    const auto both = run_process({ANALYZE, "--db", snowball.path, "--profile", "akhbar", "x"});
    BOOST_TEST(both.exit_code == 2);
    BOOST_TEST(both.err == "akhbar-analyze: --db and --profile go separately (the database has "
                           "its profile)\ntry 'akhbar-analyze --help'\n");
}

// An excluded Arabic word stays where it was typed: the query is the same
// whether its words come as one argument or several, and after `--`.
BOOST_AUTO_TEST_CASE(excluded_words_keep_their_place)
{
    const std::string& db = corpus_db().path;
    const json one = run_json({SEARCH, "--db", db, "--json", "اتفاقات -كازاخستان OR السلام"});
    const json several =
        run_json({SEARCH, "--db", db, "--json", "اتفاقات", "-كازاخستان", "OR", "السلام"});
    const json after = run_json({SEARCH, "--db", db, "--json", "--", "اتفاقات", "-كازاخستان", "OR",
                                 "السلام"});
    BOOST_TEST(several["query"]["text"] == "اتفاقات -كازاخستان OR السلام");
    BOOST_TEST(several == one);
    BOOST_TEST(after == one);
    const auto analyzed = run_process({ANALYZE, "-سوريا", "تونس"});
    BOOST_TEST(analyzed.exit_code == 0, analyzed.err);
    BOOST_TEST(analyzed.out.starts_with("سوريا\t"));
}

// What the command line asks for decides which options apply: the others
// are usage errors, not silently ignored.
BOOST_AUTO_TEST_CASE(options_that_do_not_apply_are_usage_errors)
{
    const std::string& db = corpus_db().path;
    TempDir dir;
    const std::string batch = dir.write("q.tsv", "1\tالسلام\n").string();
    const std::vector<std::pair<std::vector<std::string>, std::string>> rows{
        {{"--show", "000_786451a9d8ba9878", "--limit", "3"},
         "--show prints one article: --limit does not apply"},
        {{"--show", "000_786451a9d8ba9878", "--explain"},
         "--show prints one article: --explain does not apply"},
        {{"--batch", batch, "--like", "000_786451a9d8ba9878"},
         "--batch runs the queries of its file: it takes no QUERY or --like"},
        {{"--batch", batch, "السلام"}, "--batch runs the queries of its file: it takes no QUERY or --like"},
        {{"--warmup", "السلام"}, "--warmup goes with --batch"},
        {{"--facet-month", "2025-11", "--no-facets", "السلام"},
         "--facet-month counts the days of a month: not with --no-facets or --format trec, which "
         "count no facets"},
        {{"--explain", "--format", "trec", "السلام"},
         "--explain adds to the text and JSON output, not to --format trec"},
        {{"--from", "", "السلام"}, "--from takes YYYY, YYYY-MM or YYYY-MM-DD: \"\""},
        {{"--source", "", "السلام"}, "source is empty: give a source name"},
        {{"--category", " ", "السلام"}, "category is empty: give a category name"},
    };
    for (const auto& [args, message] : rows) {
        std::vector<std::string> command{SEARCH, "--db", db};
        command.insert(command.end(), args.begin(), args.end());
        const auto r = run_process(command);
        BOOST_TEST(r.exit_code == 2, message);
        BOOST_TEST(r.err == "akhbar-search: " + message + "\ntry 'akhbar-search --help'\n");
    }
    const auto profile = run_process({INDEX, "--db", (dir.path() / "x.db").string(), "--profile",
                                      "bogus", CORPUS});
    BOOST_TEST(profile.exit_code == 2);
    BOOST_TEST(profile.err.ends_with("\ntry 'akhbar-index --help'\n"), profile.err);
}

BOOST_AUTO_TEST_SUITE_END()
