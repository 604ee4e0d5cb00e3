// akhbar-search over stories (docs/stories.md): collapsed by default,
// --no-collapse, --facet-count, the copies in the text and JSON output,
// --show's story, --batch; story keys written by hand (support/stories.hpp).

#include <boost/test/unit_test.hpp>

#include <nlohmann/json.hpp>

#include <set>

#include "support/corpus_db.hpp"
#include "support/process.hpp"
#include "support/stories.hpp"
#include "support/temp_dir.hpp"

using akhbar::test::contains;
using akhbar::test::run_process;
using nlohmann::json;

namespace {

const std::string SEARCH = AKHBAR_SEARCH;

struct StoryDb {
    akhbar::test::TempDir dir;
    std::string path = (dir / "db").string();
    StoryDb()
    {
        const auto articles = dir.write("stories.jsonl", akhbar::test::STORY_ARTICLES);
        BOOST_TEST_REQUIRE(
            run_process({AKHBAR_INDEX, "--db", path, articles.string()}).exit_code == 0);
        akhbar::test::write_story_keys(path, akhbar::test::STORY_KEYS);
    }
};

const std::string& db()
{
    static const StoryDb d;
    return d.path;
}

json run_json(std::vector<std::string> args)
{
    std::vector<std::string> argv = {SEARCH, "--db", db(), "--json"};
    argv.insert(argv.end(), args.begin(), args.end());
    const auto r = run_process(argv);
    BOOST_TEST_REQUIRE(r.exit_code == 0, r.err);
    return json::parse(r.out);
}

}  // namespace

BOOST_AUTO_TEST_SUITE(akhbar_search_stories_cli)

BOOST_AUTO_TEST_CASE(collapsed_by_default_and_not_with_no_collapse)
{
    const json collapsed = run_json({"المناخ"});
    BOOST_TEST(collapsed["collapsed"] == true);
    BOOST_TEST(collapsed["hits"].size() == 3U);
    BOOST_TEST(collapsed["total"] == 6);
    BOOST_TEST(collapsed["stories"] == 3);
    BOOST_TEST(collapsed["facets"]["count"] == "articles");
    const json all = run_json({"--no-collapse", "المناخ"});
    BOOST_TEST(all["collapsed"] == false);
    BOOST_TEST(all["hits"].size() == 6U);
    for (const auto& h : all["hits"]) {
        BOOST_TEST(h.contains("story"));
        BOOST_TEST(h["copies"].is_array());
    }
}

BOOST_AUTO_TEST_CASE(facet_count_stories)
{
    const json j = run_json({"--facet-count", "stories", "المناخ"});
    BOOST_TEST(j["facets"]["count"] == "stories");
    std::map<std::string, int> sources;
    for (const auto& s : j["facets"]["source"]) {
        sources[s["value"]] = s["count"];
    }
    BOOST_TEST(sources["الشرق"] == 1);  // a2 and a3, one story
    const auto r = run_process({SEARCH, "--db", db(), "--facets", "table", "--facet-count",
                                "stories", "المناخ"});
    BOOST_TEST(r.exit_code == 0);
    BOOST_TEST(contains(r.out, "By month (stories):"), r.out);
    BOOST_TEST(contains(r.out, "By source (stories):"), r.out);
}

BOOST_AUTO_TEST_CASE(bad_uses_are_usage_errors)
{
    const auto unknown = run_process({SEARCH, "--db", db(), "--facet-count", "story", "المناخ"});
    BOOST_TEST(unknown.exit_code == 2);
    BOOST_TEST(contains(unknown.err, "unknown facet count \"story\" (known: articles, stories)"),
               unknown.err);
    const auto no_facets =
        run_process({SEARCH, "--db", db(), "--no-facets", "--facet-count", "stories", "المناخ"});
    BOOST_TEST(no_facets.exit_code == 2);
    const auto show = run_process({SEARCH, "--db", db(), "--show", "a1", "--no-collapse"});
    BOOST_TEST(show.exit_code == 2);
}

BOOST_AUTO_TEST_CASE(text_lists_the_copies_escaped)
{
    const auto r = run_process({SEARCH, "--db", db(), "--no-collapse", "--plain", "المناخ"});
    BOOST_TEST(r.exit_code == 0);
    BOOST_TEST(contains(r.out, "also: 2 copies, in الشرق\n"), r.out);  // a1's
    BOOST_TEST(contains(r.out, "also in: رويترز، الشرق\n"), r.out);    // a2's
    BOOST_TEST(contains(r.out, "also: 1 copy\n"), r.out);               // c1's
}

BOOST_AUTO_TEST_CASE(show_gives_the_story)
{
    const auto r = run_process({SEARCH, "--db", db(), "--show", "c2"});
    BOOST_TEST(r.exit_code == 0);
    BOOST_TEST(contains(r.out, "story: c1\ncopy: c1 · 2025-11-10 · رويترز · ختام قمة المناخ\n"),
               r.out);
    const json j = run_json({"--show", "a1"});
    BOOST_TEST(j["story"] == "a1");
    std::set<std::string> copies;
    for (const auto& c : j["copies"]) {
        copies.insert(c["id"].get<std::string>());
    }
    BOOST_TEST(copies == (std::set<std::string>{"a2", "a3"}));
    BOOST_TEST(run_json({"--show", "d1"})["copies"] == json::array());
}

BOOST_AUTO_TEST_CASE(like_leaves_out_the_own_copies)
{
    const json j = run_json({"--like", "a2", "--no-collapse"});
    for (const auto& h : j["hits"]) {
        BOOST_TEST(h["id"] != "a1");
        BOOST_TEST(h["id"] != "a3");
    }
}

BOOST_AUTO_TEST_CASE(batch_collapses_too)
{
    akhbar::test::TempDir dir;
    const auto queries = dir.write("q.tsv", "1\tالمناخ\n");
    const auto r = run_process({SEARCH, "--db", db(), "--json", "--batch", queries.string()});
    BOOST_TEST_REQUIRE(r.exit_code == 0, r.err);
    const json j = json::parse(r.out.substr(0, r.out.find('\n')));
    BOOST_TEST(j["hits"].size() == 3U);
    const auto all = run_process(
        {SEARCH, "--db", db(), "--json", "--no-collapse", "--batch", queries.string()});
    BOOST_TEST(json::parse(all.out.substr(0, all.out.find('\n')))["hits"].size() == 6U);
}

BOOST_AUTO_TEST_SUITE_END()
