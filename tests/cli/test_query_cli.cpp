// akhbar-search's query language, filters and orders as a user types them
// (issue #20): id: and url:, a field over a group, +word, one date grammar
// for --from/--to and date:, --sort oldest, --category and its facet.

#include <boost/test/unit_test.hpp>

#include <nlohmann/json.hpp>

#include <algorithm>
#include <map>
#include <string>
#include <vector>

#include "support/process.hpp"
#include "support/temp_dir.hpp"

using akhbar::test::run_process;
using akhbar::test::TempDir;

namespace {

const std::string SEARCH = AKHBAR_SEARCH;
const std::string INDEX = AKHBAR_INDEX;

// Five articles written for these tests: two categories and one article
// without, URLs (one longer than a Xapian term), dates over two years and
// one undated. Every word "حرير" so that one query matches them all.
const std::string LONG_URL = "https://example.com/" + std::string(300, 'a');
const std::string ARTICLES =
    R"({"id": "a1", "title": "حرير الصين", "date": "2017-01-31", "source": "الوفد", "category": "sport", "url": "https://example.com/a1", "text": "طريق الحرير الجديد يمر بالصين"})"
    "\n"
    R"({"id": "a2", "title": "حرير الهند", "date": "2017-02-01", "source": "الشروق", "category": "culture", "url": "https://example.com/a2", "text": "معرض الحرير في الهند"})"
    "\n"
    R"({"id": "a3", "title": "حرير مصر", "date": "2017-02-28", "source": "الوفد", "category": "sport", "url": ")" +
    LONG_URL +
    R"(", "text": "سوق الحرير في القاهرة"})"
    "\n"
    R"({"id": "a4", "title": "حرير الشام", "date": "2018-03-01", "source": "الشروق", "text": "حرير دمشق القديم"})"
    "\n"
    R"({"id": "a5", "title": "حرير بلا تاريخ", "source": "الوفد", "category": "culture", "text": "قماش الحرير"})"
    "\n";

struct Db {
    TempDir dir;
    std::string path = (dir / "db").string();
    Db()
    {
        const auto input = dir.write("articles.jsonl", ARTICLES);
        BOOST_TEST_REQUIRE(run_process({INDEX, "--db", path, input.string()}).exit_code == 0);
    }
};

Db& db()
{
    static Db d;
    return d;
}

struct Search {
    int exit_code;
    std::string err;
    nlohmann::json json;
};

// akhbar-search --json over the test articles with `args` (options, then
// the query); every hit on the page unless `args` give a --limit.
Search search(std::vector<std::string> args)
{
    std::vector<std::string> command{SEARCH, "--db", db().path, "--json"};
    if (std::find(args.begin(), args.end(), "--limit") == args.end()) {
        command.insert(command.end(), {"--limit", "20"});
    }
    command.insert(command.end(), args.begin(), args.end());
    const auto r = run_process(command);
    return {r.exit_code, r.err, r.exit_code == 0 ? nlohmann::json::parse(r.out) : nlohmann::json()};
}

// The ids of the hits, in rank order.
std::vector<std::string> ids(const Search& s)
{
    std::vector<std::string> out;
    for (const auto& hit : s.json["hits"]) {
        out.push_back(hit["id"]);
    }
    return out;
}

using Ids = std::vector<std::string>;

}  // namespace

BOOST_AUTO_TEST_SUITE(query_cli)

BOOST_AUTO_TEST_CASE(id_field_finds_the_article)
{
    BOOST_TEST(ids(search({"id:a3"})) == Ids{"a3"}, boost::test_tools::per_element());
    BOOST_TEST(ids(search({"معرف:a4"})) == Ids{"a4"}, boost::test_tools::per_element());
    BOOST_TEST(ids(search({"id:(a1 a5)", "--sort", "oldest"})) == (Ids{"a1", "a5"}),
               boost::test_tools::per_element());
    // With words: the article, if it has them.
    BOOST_TEST(ids(search({"id:a3 القاهرة"})) == Ids{"a3"}, boost::test_tools::per_element());
    BOOST_TEST(search({"+القاهرة id:a1"}).json["total"] == 0);
    // An id is not analyzed: "A3" is another id.
    BOOST_TEST(search({"id:A3"}).json["total"] == 0);
    BOOST_TEST(search({"id:" + std::string(300, 'x')}).json["total"] == 0);
}

BOOST_AUTO_TEST_CASE(url_field_finds_the_article)
{
    BOOST_TEST(ids(search({"url:https://example.com/a2"})) == Ids{"a2"},
               boost::test_tools::per_element());
    BOOST_TEST(ids(search({"url:\"https://example.com/a1\""})) == Ids{"a1"},
               boost::test_tools::per_element());
    // Longer than a term: hashed, still found, and only by the whole URL.
    BOOST_TEST(ids(search({"url:" + LONG_URL})) == Ids{"a3"}, boost::test_tools::per_element());
    BOOST_TEST(search({"url:" + LONG_URL.substr(0, LONG_URL.size() - 1)}).json["total"] == 0);
    BOOST_TEST(search({"url:https://example.com/a"}).json["total"] == 0);
}

BOOST_AUTO_TEST_CASE(field_over_a_group)
{
    // title:(a OR b): the titles with either word.
    BOOST_TEST(ids(search({"title:(الصين OR الهند)", "--sort", "oldest"})) == (Ids{"a1", "a2"}),
               boost::test_tools::per_element());
    BOOST_TEST(ids(search({"title:(+حرير -الصين -الهند -مصر -الشام)"})) == Ids{"a5"},
               boost::test_tools::per_element());
    // source:(x y): an article has one source, so either.
    BOOST_TEST(search({"source:(الوفد الشروق)"}).json["total"] == 5);
    BOOST_TEST(search({"حرير source:(الوفد OR الشروق) date:2017"}).json["total"] == 3);
    const auto near = run_process({SEARCH, "--db", db().path, "title:(حرير NEAR الصين)"});
    BOOST_TEST(near.exit_code == 2);
    BOOST_TEST(near.err ==
               "akhbar-search: query error at character 13: title:(…) cannot hold NEAR\n");
}

BOOST_AUTO_TEST_CASE(plus_requires_a_word)
{
    // Without +, any word matches; +الهند keeps only the articles with it.
    BOOST_TEST(search({"الهند الصين"}).json["total"] == 2);
    BOOST_TEST(ids(search({"+الهند الصين"})) == Ids{"a2"}, boost::test_tools::per_element());
    BOOST_TEST(ids(search({"+الهند +معرض"})) == Ids{"a2"}, boost::test_tools::per_element());
    BOOST_TEST(search({"+الهند +الصين"}).json["total"] == 0);
    // --literal: + is text, dropped by the analyzer; both words rank.
    BOOST_TEST(search({"--literal", "+الهند الصين"}).json["total"] == 2);
}

BOOST_AUTO_TEST_CASE(one_date_grammar)
{
    // --from/--to take what date: takes: a month is its first day as a
    // start and its last as an end; a year the same.
    const auto month = search({"--from", "2017-02", "--to", "2017-02", "حرير"});
    BOOST_TEST(month.exit_code == 0);
    BOOST_TEST(month.json["total"] == search({"date:2017-02 حرير"}).json["total"]);
    BOOST_TEST(month.json["total"] == 2);  // a2 (02-01) and a3 (02-28), not a1 (01-31)
    BOOST_TEST(search({"--from", "2017", "--to", "2017", "حرير"}).json["total"] == 3);
    BOOST_TEST(search({"--to", "2017-01", "حرير"}).json["total"] == 1);
    BOOST_TEST(search({"--from", "2018", "حرير"}).json["total"] == 1);
    BOOST_TEST(search({"--from", "٢٠١٨", "حرير"}).json["total"] == 1);  // Arabic-Indic digits
    // What the query language refuses, the options refuse, in its words.
    const auto dmy = run_process({SEARCH, "--db", db().path, "--from", "01/02/2017", "حرير"});
    BOOST_TEST(dmy.exit_code == 2);
    BOOST_TEST(dmy.err ==
               "akhbar-search: --from takes YYYY, YYYY-MM or YYYY-MM-DD: \"01/02/2017\"\ntry 'akhbar-search --help'\n");
    const auto query = run_process({SEARCH, "--db", db().path, "date:01/02/2017 حرير"});
    BOOST_TEST(query.exit_code == 2);
    BOOST_TEST(query.err == "akhbar-search: query error at character 6: date: takes YYYY, "
                            "YYYY-MM or YYYY-MM-DD, or a range A..B: \"01/02/2017\"\n");
    const auto to = run_process({SEARCH, "--db", db().path, "--to", "2017-2", "حرير"});
    BOOST_TEST(to.exit_code == 2);
    BOOST_TEST(to.err == "akhbar-search: --to takes YYYY, YYYY-MM or YYYY-MM-DD: \"2017-2\"\ntry 'akhbar-search --help'\n");
}

BOOST_AUTO_TEST_CASE(sort_oldest_and_newest)
{
    BOOST_TEST(ids(search({"--sort", "oldest", "حرير"})) == (Ids{"a1", "a2", "a3", "a4", "a5"}),
               boost::test_tools::per_element());
    const Ids newest{"a4", "a3", "a2", "a1", "a5"};  // undated last both ways
    BOOST_TEST(ids(search({"--sort", "newest", "حرير"})) == newest, boost::test_tools::per_element());
    BOOST_TEST(ids(search({"--sort", "date", "حرير"})) == newest, boost::test_tools::per_element());
    // Past the rescored window's first page too: one ranking, any page.
    BOOST_TEST(ids(search({"--sort", "oldest", "--offset", "3", "--limit", "2", "حرير"})) ==
                   (Ids{"a4", "a5"}),
               boost::test_tools::per_element());
    const auto bad = run_process({SEARCH, "--db", db().path, "--sort", "old", "حرير"});
    BOOST_TEST(bad.exit_code == 2);
    BOOST_TEST(bad.err == "akhbar-search: unknown sort order \"old\" (known: relevance, date, "
                          "newest, oldest)\ntry 'akhbar-search --help'\n");
}

BOOST_AUTO_TEST_CASE(category_filter_and_facet)
{
    BOOST_TEST(ids(search({"--category", "sport", "--sort", "oldest", "حرير"})) ==
                   (Ids{"a1", "a3"}),
               boost::test_tools::per_element());
    // Repeatable: either category.
    BOOST_TEST(search({"--category", "sport", "--category", "culture", "حرير"}).json["total"] == 4);
    BOOST_TEST(search({"--category", "politics", "حرير"}).json["total"] == 0);
    BOOST_TEST(search({"category:(sport OR culture) حرير"}).json["total"] == 4);
    // The facet counts every match by category as the articles write it.
    const auto all = search({"حرير"});
    std::map<std::string, int> counts;
    for (const auto& c : all.json["facets"]["category"]) {
        counts[c["value"]] = c["count"];
    }
    BOOST_TEST(counts.size() == 2U);
    BOOST_TEST(counts["sport"] == 2);
    BOOST_TEST(counts["culture"] == 2);
    // Most first, then by name.
    BOOST_TEST_REQUIRE(all.json["facets"]["category"].size() == 2U);
    BOOST_TEST(all.json["facets"]["category"][0]["value"] == "culture");
    const auto text = run_process({SEARCH, "--db", db().path, "--category", "sport", "حرير"});
    BOOST_TEST(text.exit_code == 0);
    // (Direction isolates, which the text output may put around Latin
    // words, taken out: they are another matter than this block's text.)
    std::string plain = text.out;
    for (const std::string mark : {"\u2068", "\u2069"}) {
        for (auto at = plain.find(mark); at != std::string::npos; at = plain.find(mark)) {
            plain.erase(at, mark.size());
        }
    }
    BOOST_TEST(plain.find("\nBy category:\n  sport: 2\n") != std::string::npos);
}

BOOST_AUTO_TEST_SUITE_END()
