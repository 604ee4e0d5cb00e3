// The request's filters and orders (issue #20): the one date grammar of
// from/to/facet_month and date:, oldest and newest first over pages, the
// category filter and facet, id: and url:, and what a database indexed
// before URL terms and category values answers.

#include <boost/test/data/test_case.hpp>
#include <boost/test/unit_test.hpp>

#include <xapian.h>

#include <algorithm>
#include <chrono>
#include <map>
#include <ostream>
#include <string>
#include <tuple>
#include <vector>

#include <nlohmann/json.hpp>

#include "akhbar/akhbar.h"
#include "akhbar/common/date_format.hpp"
#include "akhbar/common/error.hpp"
#include "akhbar/common/terms.hpp"
#include "akhbar/common/value_slots.hpp"
#include "akhbar/searcher/request_fields.hpp"
#include "akhbar/searcher/searcher.hpp"
#include "support/index.hpp"
#include "support/temp_dir.hpp"

using akhbar::SearchRequest;
using akhbar::SearchResult;
using akhbar::Searcher;
using akhbar::SortOrder;
using namespace std::chrono;

namespace {

// ---- the date grammar of the request fields

struct DateRow {
    const char* name;
    const char* field;  // "from", "to"
    const char* text;
    const char* expected;  // YYYY-MM-DD, or the InvalidArgument's message
};

std::ostream& operator<<(std::ostream& os, const DateRow& row) { return os << row.name; }

const DateRow DATE_ROWS[] = {
    {"day", "from", "2017-02-14", "2017-02-14"},
    {"day_as_end", "to", "2017-02-14", "2017-02-14"},
    {"month_starts", "from", "2017-02", "2017-02-01"},
    {"month_ends", "to", "2017-02", "2017-02-28"},
    {"leap_month_ends", "to", "2016-02", "2016-02-29"},
    {"year_starts", "from", "2017", "2017-01-01"},
    {"year_ends", "to", "2017", "2017-12-31"},
    {"arabic_indic_digits", "from", "٢٠١٧-٠٢", "2017-02-01"},
    {"persian_digits", "to", "۲۰۱۷", "2017-12-31"},
    {"day_first", "from", "01/02/2017", "from takes YYYY, YYYY-MM or YYYY-MM-DD: \"01/02/2017\""},
    {"words", "from", "6 نوفمبر 2025", "from takes YYYY, YYYY-MM or YYYY-MM-DD: \"6 نوفمبر 2025\""},
    {"with_time", "to", "2025-11-07T10:00", "to takes YYYY, YYYY-MM or YYYY-MM-DD: \"2025-11-07T10:00\""},
    {"short_month", "from", "2017-2", "from takes YYYY, YYYY-MM or YYYY-MM-DD: \"2017-2\""},
    {"no_such_day", "to", "2017-02-29", "to takes YYYY, YYYY-MM or YYYY-MM-DD: \"2017-02-29\""},
    {"no_such_month", "from", "2017-13", "from takes YYYY, YYYY-MM or YYYY-MM-DD: \"2017-13\""},
    {"range", "from", "2017..2018", "from takes YYYY, YYYY-MM or YYYY-MM-DD: \"2017..2018\""},
    {"trailing_dash", "from", "2017-", "from takes YYYY, YYYY-MM or YYYY-MM-DD: \"2017-\""},
    {"empty", "to", "", "to takes YYYY, YYYY-MM or YYYY-MM-DD: \"\""},
};

std::string checked(const DateRow& row)
{
    try {
        return akhbar::schema::format_iso(akhbar::checked_date(row.field, row.text));
    } catch (const akhbar::InvalidArgument& e) {
        return e.what();
    }
}

// ---- a collection with more matches than the rescored window

// 45 articles a week apart from 2017-01-02, every ninth undated; categories
// in turn; each with a URL. Every one has the word "حرير".
struct Generated {
    std::string id;
    std::string date;  // "" when undated
    std::string category;
    std::string url;
};

std::vector<Generated> generated()
{
    std::vector<Generated> out;
    const sys_days first{year{2017} / January / 2};
    const char* const categories[] = {"sport", "culture", "economy"};
    for (int i = 0; i < 45; ++i) {
        Generated g;
        g.id = "g" + std::to_string(i);
        if (i % 9 != 4) {
            g.date = akhbar::schema::format_iso(year_month_day{first + days{7 * i}});
        }
        g.category = i % 10 == 7 ? "" : categories[i % 3];  // a few without one
        g.url = "https://example.com/" + g.id;
        out.push_back(g);
    }
    return out;
}

std::string jsonl(const std::vector<Generated>& articles)
{
    std::string out;
    for (const Generated& g : articles) {
        // The id in every three words of the text: 45 articles, not one
        // story of 45 copies (docs/stories.md).
        out += R"({"id": ")" + g.id + R"(", "title": "حرير )" + g.id + R"(", "text": "خبر رقم )" +
               g.id + R"( عن الحرير", "category": ")" + g.category + R"(", "url": ")" + g.url + "\"" +
               (g.date.empty() ? "" : R"(, "date": ")" + g.date + "\"") + "}\n";
    }
    return out;
}

struct Collection {
    akhbar::test::TempDir dir;
    std::filesystem::path db = akhbar::test::index_jsonl(dir, jsonl(generated()));
};

Collection& collection()
{
    static Collection c;
    return c;
}

SearchResult search(SearchRequest request, const std::string& db = collection().db.string())
{
    return Searcher({db}).search(request);
}

SearchRequest request_for(const std::string& query, SortOrder sort = SortOrder::relevance)
{
    SearchRequest r;
    r.query = query;
    r.sort = sort;
    r.limit = 100;
    return r;
}

std::vector<std::string> ids(const SearchResult& r)
{
    std::vector<std::string> out;
    for (const auto& h : r.hits) {
        out.push_back(h.id);
    }
    return out;
}

// The generated ids by date, oldest (or newest) first, undated last in
// their order of generation (all score alike: ties by relevance).
std::vector<std::string> by_date(bool oldest)
{
    std::vector<Generated> all = generated();
    std::stable_sort(all.begin(), all.end(), [oldest](const Generated& a, const Generated& b) {
        if (a.date.empty() || b.date.empty()) {
            return b.date.empty() && !a.date.empty();
        }
        return oldest ? a.date < b.date : a.date > b.date;
    });
    std::vector<std::string> out;
    for (const Generated& g : all) {
        out.push_back(g.id);
    }
    return out;
}

std::vector<std::string> dated_part(const std::vector<std::string>& ids)
{
    std::vector<std::string> out;
    for (const Generated& g : generated()) {
        if (!g.date.empty() && std::find(ids.begin(), ids.end(), g.id) != ids.end()) {
            out.push_back(g.id);
        }
    }
    return out;
}

}  // namespace

BOOST_AUTO_TEST_SUITE(filters_and_order)

BOOST_DATA_TEST_CASE(request_dates_read_as_date_does, boost::unit_test::data::make(DATE_ROWS), row)
{
    BOOST_TEST(checked(row) == row.expected);
}

BOOST_AUTO_TEST_CASE(month_and_facet_month_share_the_grammar)
{
    BOOST_TEST((akhbar::checked_month("facet_month", "٢٠٢٥-١١") == year{2025} / November));
    for (const char* bad : {"2025", "2025-11-07", "11/2025", "2025-13"}) {
        BOOST_CHECK_EXCEPTION((void)akhbar::checked_month("facet_month", bad),
                              akhbar::InvalidArgument, [&](const akhbar::InvalidArgument& e) {
                                  BOOST_TEST(std::string(e.what()) ==
                                             "facet_month takes YYYY-MM: \"" + std::string(bad) + "\"");
                                  return true;
                              });
    }
}

BOOST_AUTO_TEST_CASE(request_months_filter_as_date_months)
{
    for (const auto& [from, to, query] : {std::tuple{"2017-02", "2017-02", "date:2017-02"},
                                          std::tuple{"2017", "2017", "date:2017"},
                                          std::tuple{"2017-03", "2017-05", "date:2017-03..2017-05"}}) {
        SearchRequest r = request_for("حرير");
        akhbar::set_request_field(r, "from", from);
        akhbar::set_request_field(r, "to", to);
        const SearchResult by_options = search(r);
        const SearchResult by_query = search(request_for(std::string("حرير ") + query));
        BOOST_TEST(by_options.total > 0U, query);
        BOOST_TEST(ids(by_options) == ids(by_query), boost::test_tools::per_element());
    }
}

BOOST_AUTO_TEST_CASE(oldest_and_newest_first_undated_last)
{
    for (const bool oldest : {true, false}) {
        BOOST_TEST_CONTEXT((oldest ? "oldest" : "newest"))
        {
            const auto sort = oldest ? SortOrder::oldest : SortOrder::date;
            const std::vector<std::string> got = ids(search(request_for("حرير", sort)));
            const std::vector<std::string> expected = by_date(oldest);
            BOOST_TEST_REQUIRE(got.size() == expected.size());
            // The dated ones in date order; the undated after them.
            const std::size_t dated = dated_part(expected).size();
            BOOST_TEST(std::vector(got.begin(), got.begin() + static_cast<long>(dated)) ==
                           std::vector(expected.begin(), expected.begin() + static_cast<long>(dated)),
                       boost::test_tools::per_element());
            for (std::size_t i = dated; i < got.size(); ++i) {
                BOOST_TEST(dated_part({got[i]}).empty(), got[i] << " is dated");
            }
            // Pages past the rescored window cut the same ranking.
            SearchRequest page = request_for("حرير", sort);
            page.offset = 32;
            page.limit = 7;
            BOOST_TEST(ids(search(page)) ==
                           std::vector(got.begin() + 32, got.begin() + 39),
                       boost::test_tools::per_element());
        }
    }
}

BOOST_AUTO_TEST_CASE(category_filter_and_facet_count_every_match)
{
    std::map<std::string, std::size_t> expected;
    for (const Generated& g : generated()) {
        ++expected[g.category];
    }
    SearchRequest r = request_for("حرير");
    r.limit = 1;
    const SearchResult all = search(r);
    std::map<std::string, std::size_t> counted;
    for (const auto& c : all.category_facet) {
        counted[c.value] = c.count;
    }
    const std::size_t without = expected[""];
    expected.erase("");
    BOOST_TEST(counted == expected);
    BOOST_TEST(without > 0U);
    BOOST_TEST(all.uncategorized == without);
    r.categories = {"sport", "economy"};
    BOOST_TEST(search(r).total == expected["sport"] + expected["economy"]);
    BOOST_TEST(search(request_for("حرير category:(sport economy)")).total ==
               expected["sport"] + expected["economy"]);
    r.categories = {"Sport"};  // normalized as the indexer normalized
    BOOST_TEST(search(r).total == expected["sport"]);
}

BOOST_AUTO_TEST_CASE(id_and_url_find_their_article)
{
    BOOST_TEST(ids(search(request_for("id:g7"))) == std::vector<std::string>{"g7"},
               boost::test_tools::per_element());
    BOOST_TEST(ids(search(request_for("url:https://example.com/g12"))) ==
                   std::vector<std::string>{"g12"},
               boost::test_tools::per_element());
    BOOST_TEST(search(request_for("id:(g1 g2 nothing)")).total == 2U);
}

BOOST_AUTO_TEST_CASE(c_api_takes_categories_oldest_and_month_dates)
{
    const std::string db = collection().db.string();
    const char* dbs[] = {db.c_str()};
    akhbar_searcher* handle = nullptr;
    char* error = nullptr;
    BOOST_TEST_REQUIRE(akhbar_searcher_open(dbs, 1, &handle, &error) == AKHBAR_OK);
    char* result = nullptr;
    BOOST_TEST_REQUIRE(akhbar_searcher_search(handle,
                                              R"({"query": "حرير", "categories": ["sport"],
                                                  "sort": "oldest", "from": "2017-02",
                                                  "to": "2017", "limit": 100})",
                                              &result, &error) == AKHBAR_OK);
    const auto j = nlohmann::json::parse(result);
    akhbar_free(result);
    SearchRequest r = request_for("حرير", SortOrder::oldest);
    r.categories = {"sport"};
    r.from = year{2017} / February / 1;
    r.to = year{2017} / December / 31;
    std::vector<std::string> got;
    for (const auto& hit : j.at("hits")) {
        got.push_back(hit.at("id"));
    }
    BOOST_TEST(!got.empty());
    BOOST_TEST(got == ids(search(r)), boost::test_tools::per_element());
    akhbar_searcher_close(handle);
}

// A database indexed before URL terms and category values: url: finds
// nothing, the category facet is empty, the category filter still works
// (its terms are older). Made by taking them out of a new one.
BOOST_AUTO_TEST_CASE(a_database_without_url_terms_finds_nothing_by_url)
{
    akhbar::test::TempDir dir;
    const auto db = akhbar::test::index_jsonl(dir, jsonl(generated()));
    {
        Xapian::WritableDatabase w(db.string());
        for (auto it = w.postlist_begin(""); it != w.postlist_end(""); ++it) {
            Xapian::Document doc = w.get_document(*it);
            for (auto t = doc.termlist_begin(); t != doc.termlist_end(); ++t) {
                if ((*t).starts_with(akhbar::schema::PREFIX_URL)) {
                    doc.remove_term(*t);
                    break;
                }
            }
            if (!doc.get_value(akhbar::schema::SLOT_CATEGORY).empty()) {
                doc.remove_value(akhbar::schema::SLOT_CATEGORY);  // throws when absent
            }
            w.replace_document(*it, doc);
        }
        w.commit();
    }
    BOOST_TEST(search(request_for("url:https://example.com/g12"), db.string()).total == 0U);
    const SearchResult all = search(request_for("حرير"), db.string());
    BOOST_TEST(all.total == generated().size());
    BOOST_TEST(all.category_facet.empty());
    BOOST_TEST(all.uncategorized == all.total);
    const std::vector<Generated> articles = generated();
    const auto sport = std::count_if(articles.begin(), articles.end(),
                                     [](const Generated& g) { return g.category == "sport"; });
    BOOST_TEST(search(request_for("حرير category:sport"), db.string()).total ==
               static_cast<std::size_t>(sport));
}

BOOST_AUTO_TEST_SUITE_END()
