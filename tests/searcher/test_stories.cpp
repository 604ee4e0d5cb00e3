// Searching stories (docs/stories.md): one hit per story by default, the
// other copies listed with each hit, stories counted in the facets, and
// related articles that are not the article's own copies. Story keys are
// written by hand (support/stories.hpp).

#include <boost/test/unit_test.hpp>

#include <map>
#include <set>
#include <string>
#include <vector>

#include <nlohmann/json.hpp>

#include "akhbar/akhbar.h"
#include "akhbar/common/error.hpp"
#include "akhbar/searcher/format.hpp"
#include "akhbar/searcher/json.hpp"
#include "akhbar/searcher/record_text.hpp"
#include "akhbar/searcher/request_fields.hpp"
#include "akhbar/searcher/searcher.hpp"
#include "support/index.hpp"
#include "support/stories.hpp"

using akhbar::FacetUnit;
using akhbar::SearchRequest;
using akhbar::SearchResult;
using akhbar::Searcher;

namespace {

// STORY_ARTICLES indexed into `dir`/db with their story keys.
std::filesystem::path story_database(const akhbar::test::TempDir& dir)
{
    const auto db = akhbar::test::index_jsonl(dir, akhbar::test::STORY_ARTICLES);
    akhbar::test::write_story_keys(db, akhbar::test::STORY_KEYS);
    return db;
}

struct StoryDb {
    akhbar::test::TempDir dir;
    std::filesystem::path db = story_database(dir);
};

std::string story_db()
{
    static const StoryDb d;
    return d.db.string();
}

SearchResult search(SearchRequest request)
{
    if (request.query.empty()) {
        request.query = "المناخ";
    }
    return Searcher({story_db()}).search(request);
}

// Which story each hit stands for: its key, or its id when alone.
std::multiset<std::string> stories_of(const SearchResult& r)
{
    std::multiset<std::string> out;
    for (const auto& h : r.hits) {
        out.insert(h.story.key.value_or(h.id));
    }
    return out;
}

const std::multiset<std::string> ONE_EACH = {"a1", "b1", "c1"};

std::string counts(const std::vector<akhbar::FacetCount>& values)
{
    std::string out;
    for (const auto& c : values) {
        out += c.value + "=" + std::to_string(c.count) + " ";
    }
    return out;
}

}  // namespace

BOOST_AUTO_TEST_SUITE(stories)

BOOST_AUTO_TEST_CASE(one_hit_per_story_by_default)
{
    const SearchResult r = search({});
    BOOST_TEST(r.collapsed);
    BOOST_TEST(stories_of(r) == ONE_EACH);
    BOOST_TEST(r.total == 6U);  // articles, collapsed or not
    BOOST_TEST(r.total_exact);
    BOOST_TEST(r.stories.value_or(0) == 3U);
}

// The member shown is the story's first in the uncollapsed ranking, in
// every order: a2 and a3 tie exactly, and Xapian's collapse alone keeps
// whichever it meets first.
BOOST_AUTO_TEST_CASE(the_best_ranked_member_stands_for_the_story)
{
    for (const auto sort : {akhbar::SortOrder::relevance, akhbar::SortOrder::date,
                            akhbar::SortOrder::oldest}) {
        SearchRequest request;
        request.sort = sort;
        request.collapse = false;
        std::map<std::string, std::string> first;  // story -> its first hit
        for (const auto& h : search(request).hits) {
            first.emplace(h.story.key.value_or(h.id), h.id);
        }
        request.collapse = true;
        for (const auto& h : search(request).hits) {
            BOOST_TEST(h.id == first[h.story.key.value_or(h.id)], to_string(sort));
        }
    }
}

BOOST_AUTO_TEST_CASE(no_collapse_shows_every_article)
{
    SearchRequest request;
    request.collapse = false;
    const SearchResult r = search(request);
    BOOST_TEST(!r.collapsed);
    BOOST_TEST(r.hits.size() == 6U);
    BOOST_TEST(r.total == 6U);
    BOOST_TEST(r.stories.value_or(0) == 3U);
}

// The exact count without facets checks EXACT_COUNT_CHECKED matches: the
// total must still be of articles, not of collapsed hits.
BOOST_AUTO_TEST_CASE(total_without_facets_counts_articles)
{
    SearchRequest request;
    request.facets = false;
    request.limit = 1;
    const SearchResult r = search(request);
    BOOST_TEST(r.total == 6U);
    BOOST_TEST(r.total_exact);
    BOOST_TEST(!r.stories.has_value());  // no facet pass, no count of stories
}

BOOST_AUTO_TEST_CASE(every_order_and_page_collapses)
{
    for (const auto sort : {akhbar::SortOrder::relevance, akhbar::SortOrder::date,
                            akhbar::SortOrder::oldest}) {
        SearchRequest request;
        request.sort = sort;
        BOOST_TEST(stories_of(search(request)) == ONE_EACH, to_string(sort));
        // Pages of one over the collapsed hits: the same stories, none twice.
        std::multiset<std::string> paged;
        for (std::size_t offset = 0; offset < 4; ++offset) {
            request.offset = offset;
            request.limit = 1;
            for (const auto& s : stories_of(search(request))) {
                paged.insert(s);
            }
        }
        BOOST_TEST(paged == ONE_EACH, to_string(sort));
    }
    // Beyond the rescoring window (the match's own page).
    SearchRequest deep;
    deep.offset = 40;
    BOOST_TEST(search(deep).hits.empty());
}

BOOST_AUTO_TEST_CASE(hits_list_their_copies)
{
    SearchRequest request;
    request.collapse = false;
    for (const auto& h : search(request).hits) {
        std::set<std::string> copies;
        for (const auto& c : h.story.copies) {
            copies.insert(c.id);
        }
        if (h.id == "a2") {
            BOOST_TEST(h.story.key.value_or("") == "a1");
            BOOST_TEST(copies == (std::set<std::string>{"a1", "a3"}));
            BOOST_TEST(h.story.copies.front().id == "a1");  // by date
            BOOST_TEST(h.story.copies.front().source == "رويترز");
            BOOST_TEST(h.story.copies.front().title == "قمة المناخ تبدأ في بيليم");
        } else if (h.id == "b1") {
            BOOST_TEST(!h.story.key.has_value());
            BOOST_TEST(copies.empty());
        } else if (h.id == "c2") {
            BOOST_TEST(copies == (std::set<std::string>{"c1"}));
        }
    }
}

BOOST_AUTO_TEST_CASE(a_listed_article_of_another_story_is_not_a_copy)
{
    // a1's list names d1, which holds no key (a list left stale): d1 is not
    // one of its copies.
    akhbar::test::TempDir dir;
    const auto db = story_database(dir);
    {
        Xapian::WritableDatabase w(db.string());
        const auto it = w.postlist_begin("Qa1");
        Xapian::Document doc = w.get_document(*it);
        doc.add_value(akhbar::schema::SLOT_STORY_MEMBERS,
                      akhbar::schema::encode_story_members({"a1", "a2", "a3", "d1"}));
        w.replace_document(*it, doc);
        w.commit();
    }
    const auto story = Searcher({db.string()}).story("a1");
    BOOST_TEST_REQUIRE(story.has_value());
    BOOST_TEST(story->copies.size() == 2U);
}

BOOST_AUTO_TEST_CASE(story_of_an_article)
{
    const Searcher searcher({story_db()});
    const auto a3 = searcher.story("a3");
    BOOST_TEST_REQUIRE(a3.has_value());
    BOOST_TEST(a3->key.value_or("") == "a1");
    BOOST_TEST(a3->copies.size() == 2U);
    const auto d1 = searcher.story("d1");
    BOOST_TEST_REQUIRE(d1.has_value());
    BOOST_TEST(!d1->key.has_value());
    BOOST_TEST(d1->copies.empty());
    BOOST_TEST(!searcher.story("nope").has_value());
}

BOOST_AUTO_TEST_CASE(facets_count_articles_or_stories)
{
    const SearchResult articles = search({});
    BOOST_TEST((articles.facet_count == FacetUnit::articles));
    BOOST_TEST(counts(articles.source_facet) == "الشرق=2 رويترز=2 الجزيرة=1 ");
    BOOST_TEST(articles.unsourced == 1U);
    BOOST_TEST(counts(articles.date_facet->counts) == "2025-11=5 2025-12=0 2026-01=0 2026-02=1 ");
    BOOST_TEST(articles.uncategorized == 4U);

    SearchRequest request;
    request.facet_count = FacetUnit::stories;
    const SearchResult stories = search(request);
    BOOST_TEST((stories.facet_count == FacetUnit::stories));
    BOOST_TEST(stories.total == 6U);
    // Story a1 once for الشرق (two sections), once for رويترز; c1's copy
    // without a source is the story's once in "no source".
    BOOST_TEST(counts(stories.source_facet) == "رويترز=2 الجزيرة=1 الشرق=1 ");
    BOOST_TEST(stories.unsourced == 1U);
    // Three days of November, one story each month bucket however many
    // of its articles.
    BOOST_TEST(counts(stories.date_facet->counts) == "2025-11=3 2025-12=0 2026-01=0 2026-02=1 ");
    BOOST_TEST(stories.date_facet->undated == 0U);
    BOOST_TEST(counts(stories.category_facet) == "بيئة=1 دولي=1 ");
    BOOST_TEST(stories.uncategorized == 3U);  // a1 (its first article), b1, c1

    request.facet_month = std::chrono::year{2025} / std::chrono::November;
    const SearchResult month = search(request);
    BOOST_TEST(month.date_facet->counts[3].value == "2025-11-04");
    BOOST_TEST(month.date_facet->counts[3].count == 1U);  // a2 and a3: one story
    BOOST_TEST(month.date_facet->outside == 1U);          // c2, in February
}

BOOST_AUTO_TEST_CASE(request_fields_collapse_and_facet_count)
{
    SearchRequest request;
    akhbar::set_request_field(request, "collapse", "0");
    BOOST_TEST(!request.collapse);
    akhbar::set_request_field(request, "facet_count", "stories");
    BOOST_TEST((request.facet_count == FacetUnit::stories));
    akhbar::set_request_field(request, "facet_count", "");
    BOOST_TEST((request.facet_count == FacetUnit::articles));
    BOOST_CHECK_EXCEPTION(akhbar::set_request_field(request, "facet_count", "story"),
                          akhbar::InvalidArgument, [](const akhbar::InvalidArgument& e) {
                              return std::string(e.what()) ==
                                     "unknown facet count \"story\" (known: articles, stories)";
                          });
}

BOOST_AUTO_TEST_CASE(related_leaves_out_the_own_story)
{
    const SearchResult r = Searcher({story_db()}).related("a1", 10);
    BOOST_TEST(!r.hits.empty());
    for (const auto& h : r.hits) {
        BOOST_TEST(h.story.key.value_or(h.id) != "a1", h.id);
    }
}

BOOST_AUTO_TEST_CASE(json_and_text_show_stories)
{
    SearchRequest request;
    request.collapse = false;
    request.facet_count = FacetUnit::stories;
    const auto j = nlohmann::ordered_json::parse(akhbar::to_json(search(request)));
    BOOST_TEST(j["collapsed"] == false);
    BOOST_TEST(j["stories"] == 3);
    BOOST_TEST(j["facets"]["count"] == "stories");
    for (const auto& h : j["hits"]) {
        if (h["id"] == "b1") {
            BOOST_TEST(h["story"].is_null());
            BOOST_TEST(h["copies"] == nlohmann::ordered_json::array());
        } else if (h["id"] == "c1") {
            BOOST_TEST(h["story"] == "c1");
            BOOST_TEST(h["copies"].dump() ==
                       R"([{"id":"c2","source":null,"date":"2026-02-10","title":"بيان قمة المناخ"}])");
        }
    }
    const auto collapsed = nlohmann::json::parse(akhbar::to_json(search({})));
    BOOST_TEST(collapsed["collapsed"] == true);
    BOOST_TEST(collapsed["facets"]["count"] == "articles");

    const std::string text = akhbar::format_text(search(request), akhbar::TextStyle{});
    BOOST_TEST(text.find("By month (stories):") != std::string::npos, text);
    BOOST_TEST(text.find("By source (stories):") != std::string::npos, text);
    BOOST_TEST(text.find("   also: 1 copy\n") != std::string::npos, text);         // c1's
    BOOST_TEST(text.find("   also in: رويترز\n") != std::string::npos, text);      // c2's
    BOOST_TEST(text.find("   also: 2 copies, in الشرق\n") != std::string::npos, text);  // a1's
}

BOOST_AUTO_TEST_CASE(copies_line_says_sources_or_how_many)
{
    using akhbar::StoryCopy;
    const auto copy = [](std::string source) { return StoryCopy{"x", std::move(source), {}, "t"}; };
    BOOST_TEST(akhbar::copies_line({copy("الشرق"), copy("رويترز")}) == "also in: الشرق، رويترز");
    BOOST_TEST(akhbar::copies_line({copy("الشرق"), copy("الشرق")}) == "also: 2 copies, in الشرق");
    BOOST_TEST(akhbar::copies_line({copy("")}) == "also: 1 copy");
    BOOST_TEST(akhbar::copies_line({copy(""), copy("")}) == "also: 2 copies");
}

BOOST_AUTO_TEST_CASE(article_text_and_json_show_the_story)
{
    const Searcher searcher({story_db()});
    const auto article = searcher.article("a2");
    const auto story = searcher.story("a2");
    const std::string text = akhbar::format_article(*article, *story);
    BOOST_TEST(text.find("story: a1\ncopy: a1 · 2025-11-03 · رويترز · قمة المناخ تبدأ في بيليم\n"
                         "copy: a3 · 2025-11-04 · الشرق · قمة المناخ في البرازيل\n\n") !=
                   std::string::npos,
               text);
    const auto j = nlohmann::json::parse(akhbar::to_json(*article, *story));
    BOOST_TEST(j["story"] == "a1");
    BOOST_TEST(j["copies"].size() == 2U);
    const auto alone = nlohmann::json::parse(
        akhbar::to_json(*searcher.article("d1"), *searcher.story("d1")));
    BOOST_TEST(alone["story"].is_null());
    BOOST_TEST(alone["copies"] == nlohmann::json::array());
}

BOOST_AUTO_TEST_CASE(c_api_takes_collapse_and_facet_count)
{
    const std::string db = story_db();
    const char* dbs[] = {db.c_str()};
    akhbar_searcher* handle = nullptr;
    char* error = nullptr;
    BOOST_TEST_REQUIRE(akhbar_searcher_open(dbs, 1, &handle, &error) == AKHBAR_OK);
    char* result = nullptr;
    BOOST_TEST_REQUIRE(akhbar_searcher_search(handle,
                                              R"({"query": "المناخ", "collapse": false,
                                                  "facet_count": "stories"})",
                                              &result, &error) == AKHBAR_OK);
    const auto j = nlohmann::json::parse(result);
    akhbar_free(result);
    BOOST_TEST(j["collapsed"] == false);
    BOOST_TEST(j["hits"].size() == 6U);
    BOOST_TEST(j["facets"]["count"] == "stories");
    BOOST_TEST_REQUIRE(akhbar_searcher_search(handle, R"({"query": "المناخ"})", &result, &error) ==
                       AKHBAR_OK);
    BOOST_TEST(nlohmann::json::parse(result)["hits"].size() == 3U);
    akhbar_free(result);
    akhbar_searcher_close(handle);
}

BOOST_AUTO_TEST_SUITE_END()
