// The searcher library over the seed corpus plus a few articles made for the
// cases the seeds lack: diacritized text, hamza spellings, 5G, an undated
// article, an old one.

#include <boost/test/data/test_case.hpp>
#include <boost/test/unit_test.hpp>

#include <xapian.h>

#include <nlohmann/json.hpp>

#include <filesystem>
#include <map>
#include <set>
#include <mutex>
#include <thread>

#include "akhbar/akhbar.h"
#include "akhbar/common/error.hpp"
#include "akhbar/common/index_metadata.hpp"
#include "akhbar/indexer/collection.hpp"
#include "akhbar/indexer/indexer.hpp"
#include "akhbar/searcher/format.hpp"
#include "akhbar/searcher/index_stats.hpp"
#include "akhbar/searcher/json.hpp"
#include "akhbar/searcher/request_fields.hpp"
#include "akhbar/searcher/searcher.hpp"
#include "support/index.hpp"
#include "support/temp_dir.hpp"

namespace fs = std::filesystem;
using akhbar::SearchRequest;
using akhbar::SearchResult;
using akhbar::Searcher;

namespace {

const char* const EXTRA = R"({"id": "diac", "title": "مقال مشكول", "text": "وَقَّعَتِ الدَّوْلَتَانِ اتِّفَاقِيَّةَ السَّلَامِ فِي حُضُورِ المَسْؤُولِينَ.", "date": "2025-11-20", "source": "وكالة الأنباء"}
{"id": "plain", "title": "مقال غير مشكول", "text": "المسئولون وقعوا اتفاقيه السلام وأطلقوا شبكة بـ5G جديدة في الـ18 من الشهر.", "date": "2025-11-21", "source": "الجزيرة نت"}
{"id": "undated2", "title": "تقرير اقتصادي", "text": "تقرير عن الاقتصاد والسلام بلا تاريخ."}
{"id": "old", "title": "أرشيف", "text": "اتفاقية السلام القديمة في الأرشيف.", "date": "2018-03-01"}
{"id": "far", "title": "خبر", "text": "اجتمع مجلس المدينة اليوم لبحث الأمن في المنطقة"}
{"id": "near", "title": "خبر", "text": "اجتمع مجلس الأمن اليوم لبحث الأزمة في المنطقة"}
)";

void index_into(const fs::path& db, const std::vector<std::string>& paths,
                const std::string& profile = "")
{
    akhbar::IndexerOptions options;
    options.db = db;
    options.profile = profile;
    (void)akhbar::test::index_paths(options, paths);
}

struct Collection {
    akhbar::test::TempDir dir;
    fs::path db = dir / "db";
    Collection()
    {
        const auto extra = dir.write("extra.jsonl", EXTRA);
        index_into(db, {std::string(AKHBAR_SOURCE_DIR) + "/corpus", extra.string()});
    }
};

Collection& collection()
{
    static Collection c;
    return c;
}

SearchResult search(const std::string& query, SearchRequest request = {})
{
    request.query = query;
    return Searcher({collection().db.string()}).search(request);
}

std::set<std::string> ids(const SearchResult& r)
{
    std::set<std::string> out;
    for (const auto& h : r.hits) {
        out.insert(h.id);
    }
    return out;
}

const akhbar::Hit& hit(const SearchResult& r, const std::string& id)
{
    for (const auto& h : r.hits) {
        if (h.id == id) {
            return h;
        }
    }
    BOOST_FAIL("no hit " << id);
    throw std::logic_error("unreachable");
}

// The highlighted words of a snippet, as written in it.
std::vector<std::string> marked(const akhbar::Snippet& s)
{
    std::vector<std::string> out;
    for (const auto& h : s.highlights) {
        BOOST_TEST_REQUIRE(h.end <= s.text.size());
        out.push_back(s.text.substr(h.start, h.end - h.start));
    }
    return out;
}

const std::set<std::string> SEEDS{"000_786451a9d8ba9878", "001_c3a5d13f4eaa2ea5", "002_9f15b159de594b2e",
                                  "003_8eece42878a556b8", "004_95045ce95f73ec43"};

}  // namespace

BOOST_AUTO_TEST_SUITE(searcher)

BOOST_AUTO_TEST_CASE(accords_in_either_spelling_find_the_seeds)
{
    // Quoted or not, either spelling finds every seed: quotes alone do not
    // require the phrase (below).
    for (const std::string q : {"\"اتفاقات أبراهام\"", "\"اتفاقيات إبراهيم\"", "اتفاقات أبراهام",
                                "اتفاقيات إبراهيم"}) {
        const auto r = search(q);
        for (const auto& id : SEEDS) {
            BOOST_TEST(ids(r).count(id) == 1U, q << " misses " << id);
        }
    }
    // Required phrases (`+"…"`) match across affixes and hamza: each finds
    // the articles using it.
    const auto abraham = ids(search("+\"اتفاقات أبراهام\""));
    BOOST_TEST(abraham.count("000_786451a9d8ba9878") == 1U);
    BOOST_TEST(abraham.count("002_9f15b159de594b2e") == 1U);
    BOOST_TEST(abraham.count("003_8eece42878a556b8") == 1U);  // "اتفاقيات أبراهام"
    const auto ibrahim = ids(search("+\"اتفاقيات إبراهيم\""));
    BOOST_TEST(ibrahim.count("001_c3a5d13f4eaa2ea5") == 1U);
    BOOST_TEST(ibrahim.count("004_95045ce95f73ec43") == 1U);
    BOOST_TEST(ibrahim.count("000_786451a9d8ba9878") == 0U);
    // Quotes alone do not require the phrase: 000 has both words.
    BOOST_TEST(ids(search("\"اتفاقيات إبراهيم\"")).count("000_786451a9d8ba9878") == 1U);
}

BOOST_AUTO_TEST_CASE(plain_query_finds_and_highlights_diacritized_text)
{
    const auto r = search("اتفاقية السلام");
    const auto& h = hit(r, "diac");
    const auto words = marked(h.snippet);
    BOOST_TEST((words == std::vector<std::string>{"اتِّفَاقِيَّةَ", "السَّلَامِ"}));
}

BOOST_AUTO_TEST_CASE(diacritized_query_finds_plain_text)
{
    const auto r = search("اتِّفَاقِيَّة");
    BOOST_TEST(ids(r).count("plain") == 1U);
    BOOST_TEST((marked(hit(r, "plain").snippet) == std::vector<std::string>{"اتفاقيه"}));
}

BOOST_AUTO_TEST_CASE(hamza_seats_meet)
{
    for (const std::string q : {"مسؤول", "مسئول", "المسؤولون"}) {
        const auto r = search(q);
        BOOST_TEST(ids(r).count("plain") == 1U, q);
        BOOST_TEST(ids(r).count("diac") == 1U, q);
    }
    BOOST_TEST((marked(hit(search("مسؤول"), "plain").snippet) == std::vector<std::string>{"المسئولون"}));
}

BOOST_AUTO_TEST_CASE(affixes_are_highlighted_as_written)
{
    const auto r = search("الاتفاقيات");
    const auto words = marked(hit(r, "004_95045ce95f73ec43").snippet);
    BOOST_TEST_REQUIRE(!words.empty());
    for (const auto& w : words) {
        BOOST_TEST((w == "اتفاقيات" || w == "الاتفاقيات" || w == "لاتفاقيات"), w);
    }
}

BOOST_AUTO_TEST_CASE(query_words_are_segmented_like_documents)
{
    BOOST_TEST(ids(search("بـ5G")).count("plain") == 1U);
    BOOST_TEST(ids(search("5G")).count("plain") == 1U);
    BOOST_TEST(ids(search("الـ١٨")).count("plain") == 1U);
    BOOST_TEST((marked(hit(search("الـ١٨"), "plain").snippet) == std::vector<std::string>{"18"}));
}

BOOST_AUTO_TEST_CASE(phrase_is_highlighted_whole)
{
    const auto r = search("+\"اتفاقية السلام\"");
    // 000 has "اتفاق السلام السعودي"; undated2 has السلام but not the phrase.
    BOOST_TEST(ids(r) == (std::set<std::string>{"diac", "plain", "old", "000_786451a9d8ba9878"}));
    for (const auto& m : marked(hit(r, "000_786451a9d8ba9878").snippet)) {
        // "اتفاقات السلام" or "اتفاق السلام": each occurrence marked whole.
        BOOST_TEST((m.starts_with("اتفاق") && m.ends_with(" السلام")), m);
    }
    BOOST_TEST((marked(hit(r, "plain").snippet) == std::vector<std::string>{"اتفاقيه السلام"}));
}

BOOST_AUTO_TEST_CASE(operators)
{
    BOOST_TEST(ids(search("السلام -شبكة")).count("plain") == 0U);
    BOOST_TEST(ids(search("السلام NOT شبكة")).count("diac") == 1U);
    // شبكة is in plain and, as شبكة, in seed 004.
    BOOST_TEST(ids(search("شبكة OR أرشيف")) == (std::set<std::string>{"plain", "old", "004_95045ce95f73ec43"}));
    BOOST_TEST(ids(search("السلام AND شبكة")) == (std::set<std::string>{"plain", "004_95045ce95f73ec43"}));
    BOOST_TEST(ids(search("السلام AND شبكة AND وقعوا")) == (std::set<std::string>{"plain"}));
    BOOST_TEST(ids(search("(شبكة OR أرشيف) AND القديمة")) == (std::set<std::string>{"old"}));
    BOOST_TEST(ids(search("وقعوا NEAR السلام")) == (std::set<std::string>{"plain"}));
    BOOST_TEST(ids(search("أرشي*")).count("old") == 1U);
    SearchRequest all;
    all.match_all = true;
    BOOST_TEST(ids(search("السلام شبكة وقعوا", all)) == (std::set<std::string>{"plain"}));
    BOOST_TEST(ids(search("السلام شبكة")).size() > 1U);
}

BOOST_AUTO_TEST_CASE(fields)
{
    BOOST_TEST(ids(search("title:إسرائيل")) ==
               (std::set<std::string>{"001_c3a5d13f4eaa2ea5", "004_95045ce95f73ec43"}));
    BOOST_TEST(ids(search("كازاخستان source:الوفد")) == (std::set<std::string>{"001_c3a5d13f4eaa2ea5"}));
    BOOST_TEST(ids(search("source:الشرق")) == (std::set<std::string>{"002_9f15b159de594b2e"}));
    BOOST_TEST(ids(search("كازاخستان date:2025-11-07..2025-11-11")) ==
               (std::set<std::string>{"001_c3a5d13f4eaa2ea5", "003_8eece42878a556b8"}));
    BOOST_TEST(ids(search("السلام date:2018")) == (std::set<std::string>{"old"}));
    BOOST_TEST(ids(search("السلام date:..2019-01")) == (std::set<std::string>{"old"}));
    BOOST_TEST(ids(search("كازاخستان source:لا-يوجد")).empty());
}

BOOST_AUTO_TEST_CASE(filter_options)
{
    SearchRequest r;
    r.from = std::chrono::year{2025} / 11 / 7;
    r.to = std::chrono::year{2025} / 11 / 11;
    BOOST_TEST(ids(search("كازاخستان", r)) ==
               (std::set<std::string>{"001_c3a5d13f4eaa2ea5", "003_8eece42878a556b8"}));
    SearchRequest s;
    s.sources = {"الجزيرة"};
    BOOST_TEST(ids(search("السلام", s)) == (std::set<std::string>{"plain"}));
    SearchRequest bad;
    bad.from = std::chrono::year{2025} / 11 / 12;
    bad.to = std::chrono::year{2025} / 11 / 1;
    BOOST_CHECK_THROW(search("السلام", bad), akhbar::InvalidArgument);
}

BOOST_AUTO_TEST_CASE(month_facet_counts_every_day_and_the_undated)
{
    SearchRequest r;
    r.facet_month = std::chrono::year{2025} / 11;
    r.limit = 1;  // facets count all matches, not the page
    const auto result = search("كازاخستان", r);
    BOOST_TEST(result.total == 5U);
    BOOST_TEST(result.hits.size() == 1U);
    BOOST_TEST_REQUIRE(result.date_facet.has_value());
    const auto& f = *result.date_facet;
    BOOST_TEST(akhbar::to_string(f.granularity) == "day");
    BOOST_TEST_REQUIRE(f.counts.size() == 30U);
    BOOST_TEST(f.counts[0].value == "2025-11-01");
    BOOST_TEST(f.counts[5].count == 2U);   // 6 November: 000, 002
    BOOST_TEST(f.counts[6].count == 1U);   // 7 November: 001
    BOOST_TEST(f.counts[10].count == 1U);  // 11 November: 003
    BOOST_TEST(f.counts[0].count == 0U);
    BOOST_TEST(f.undated == 1U);           // 004
    BOOST_TEST(f.outside == 0U);
    std::map<std::string, std::size_t> sources;
    for (const auto& c : result.source_facet) {
        sources[c.value] = c.count;
    }
    BOOST_TEST(sources["الشرق"] == 1U);
    BOOST_TEST(sources["بوابة الوفد"] == 1U);
}

BOOST_AUTO_TEST_CASE(facet_granularity_follows_the_span)
{
    // All dated matches in November 2025: that month, day by day.
    const auto days = search("كازاخستان");
    BOOST_TEST(akhbar::to_string(days.date_facet->granularity) == "day");
    BOOST_TEST(days.date_facet->counts.size() == 30U);
    BOOST_TEST(days.date_facet->counts.front().value == "2025-11-01");
    BOOST_TEST(days.date_facet->counts.back().value == "2025-11-30");
    // Matches from 2018-03 to 2025-11, more than 36 months apart: per year.
    const auto spread = search("مسؤول OR كازاخستان OR اتفاقية");  // 2025-11 and 2018-03
    BOOST_TEST(akhbar::to_string(spread.date_facet->granularity) == "year");
    SearchRequest window;
    window.from = std::chrono::year{2025} / 10 / 1;
    window.facet_month = std::chrono::year{2025} / 11;
    BOOST_TEST(search("كازاخستان", window).date_facet->counts.size() == 30U);
    const auto years = search("السلام");  // 2018 and 2025
    BOOST_TEST(akhbar::to_string(years.date_facet->granularity) == "year");
    BOOST_TEST(years.date_facet->counts.size() == 8U);  // 2018..2025, zeros included
    BOOST_TEST(years.date_facet->undated == 2U);        // undated2 and seed 004
    SearchRequest outside;
    outside.facet_month = std::chrono::year{2025} / 11;
    BOOST_TEST(search("السلام", outside).date_facet->outside == 1U);  // old, 2018
}

BOOST_AUTO_TEST_CASE(facet_per_month_over_62_days_to_36_months)
{
    // The collection above has no such span: matches from 2025-01 to 2025-11.
    akhbar::test::TempDir dir;
    const auto db = akhbar::test::index_jsonl(
        dir, R"({"id": "jan", "date": "2025-01-15", "text": "ميناء المدينة"})" "\n"
             R"({"id": "nov", "date": "2025-11-20", "text": "ميناء المدينة"})" "\n");
    SearchRequest request;
    request.query = "ميناء";
    const auto facet = Searcher({db.string()}).search(request).date_facet;
    BOOST_TEST_REQUIRE(facet.has_value());
    BOOST_TEST_REQUIRE(facet->counts.size() == 11U);  // per month, zeros included
    BOOST_TEST(facet->counts.front().value == "2025-01");
    BOOST_TEST(facet->counts[1].count == 0U);
    BOOST_TEST(facet->counts.back().value == "2025-11");
    BOOST_TEST(facet->counts.back().count == 1U);
}

BOOST_AUTO_TEST_CASE(paging_and_sorting)
{
    SearchRequest first;
    first.limit = 2;
    SearchRequest second = first;
    second.offset = 2;
    const auto a = search("كازاخستان", first);
    const auto b = search("كازاخستان", second);
    BOOST_TEST(a.total == 5U);
    BOOST_TEST(b.total == 5U);
    BOOST_TEST_REQUIRE(a.hits.size() == 2U);
    BOOST_TEST_REQUIRE(b.hits.size() == 2U);
    BOOST_TEST(a.hits[0].rank == 1U);
    BOOST_TEST(b.hits[0].rank == 3U);
    std::set<std::string> both = ids(a);
    both.merge(ids(b));
    BOOST_TEST(both.size() == 4U);
    BOOST_TEST(a.hits[0].score >= a.hits[1].score);

    SearchRequest by_date;
    by_date.sort = akhbar::SortOrder::date;
    const auto d = search("كازاخستان", by_date);
    BOOST_TEST_REQUIRE(d.hits.size() == 5U);
    BOOST_TEST(d.hits[0].id == "003_8eece42878a556b8");  // 11 November
    BOOST_TEST(d.hits[4].id == "004_95045ce95f73ec43");  // undated last
}

BOOST_AUTO_TEST_CASE(words_close_together_rank_higher)
{
    // Same length, same words counted once each: BM25 ties them, and "far"
    // was indexed first, so only proximity can put "near" first.
    const auto r = search("مجلس الأمن");
    BOOST_TEST_REQUIRE(r.hits.size() >= 2U);
    BOOST_TEST(r.hits[0].id == "near");
    BOOST_TEST(r.hits[1].id == "far");
    BOOST_TEST(r.hits[0].score > r.hits[1].score);
    // Pages agree with the first page's order.
    SearchRequest second;
    second.offset = 1;
    second.limit = 1;
    BOOST_TEST(search("مجلس الأمن", second).hits.at(0).id == "far");
}

BOOST_AUTO_TEST_CASE(title_matches_rank_higher)
{
    // إسرائيل is in two titles and in the body of every seed.
    const auto r = search("إسرائيل");
    BOOST_TEST_REQUIRE(r.hits.size() >= 2U);
    const std::set<std::string> top{r.hits[0].id, r.hits[1].id};
    BOOST_TEST(top == (std::set<std::string>{"001_c3a5d13f4eaa2ea5", "004_95045ce95f73ec43"}));
    BOOST_TEST((marked(r.hits[0].title) == std::vector<std::string>{"إسرائيل"}));
}

BOOST_AUTO_TEST_CASE(did_you_mean)
{
    // (كازاخستن, a letter short at the end, would find كازاخستان through its
    // stem class; a letter short inside, nothing does.)
    const auto r = search("كزاخستان");
    BOOST_TEST(r.total == 0U);
    BOOST_TEST_REQUIRE(r.suggestion.has_value());
    BOOST_TEST(*r.suggestion == "كازاخستان");
    // Words in the index never get a suggestion, whatever their hamza.
    BOOST_TEST(!search("مسئول").suggestion.has_value());
    BOOST_TEST(!search("أكسيوس").suggestion.has_value());
}

BOOST_AUTO_TEST_CASE(literal_queries_ignore_syntax)
{
    SearchRequest literal;
    literal.literal = true;
    // As syntax these are errors; as text they are words.
    const auto r = search("لماذا وقعوا (ص) \"\"اتفاقية السلام\"\"؟ AND", literal);
    BOOST_TEST(ids(r).count("plain") == 1U);
    BOOST_CHECK_THROW(search("لماذا وقعوا (ص) \"\"اتفاقية السلام\"\"؟ AND"), akhbar::QueryError);
    BOOST_TEST(search("-شبكة", literal).total > 0U);  // a word, not an exclusion
}

BOOST_AUTO_TEST_CASE(query_as_understood)
{
    const auto r = search("في الاتفاقيات");
    BOOST_TEST_REQUIRE(r.words.size() == 2U);
    BOOST_TEST(r.words[0].stopword);
    BOOST_TEST(r.words[1].normalized == "الاتفاقيات");
    BOOST_TEST(r.words[1].stem == "اتفاق");
}

BOOST_AUTO_TEST_CASE(query_errors)
{
    auto message = [](const std::string& q) {
        try {
            (void)search(q);
        } catch (const akhbar::QueryError& e) {
            BOOST_TEST(e.query() == q);
            return std::string(e.what());
        }
        return std::string("no error");
    };
    BOOST_TEST(message("(اتفاق") == "query error at character 1: this parenthesis is not closed");
    BOOST_TEST(message("اتفاق)") == "query error at character 6: this parenthesis was not opened");
    BOOST_TEST(message("اتفاق AND") == "query error at character 7: AND needs something after it");
    BOOST_TEST(message("OR اتفاق") == "query error at character 1: OR needs something before it");
    BOOST_TEST(message("اتفاق OR") == "query error at character 7: OR needs something after it");
    BOOST_TEST(message("date:أمس") ==
               "query error at character 6: date: takes YYYY, YYYY-MM or YYYY-MM-DD, or a range A..B: \"أمس\"");
    BOOST_TEST(message("date:2025-12..2025-01") ==
               "query error at character 6: date range ends before it starts: \"2025-12..2025-01\"");
    BOOST_TEST(message("-اتفاق") == "query error at character 1: a query cannot only exclude; add words to search for");
    BOOST_TEST(message("") == "the query has no words to search for");
    BOOST_TEST(message("في من") == "the query has only stopwords, which are not indexed: في، من");
    BOOST_TEST(message("title:() اتفاق") == "query error at character 1: title: needs a value");
}

struct BoundRow {
    const char* name;
    SearchRequest request;
    const char* message;
};

std::ostream& operator<<(std::ostream& os, const BoundRow& row) { return os << row.name; }

SearchRequest with(std::size_t limit, std::size_t offset = 0, std::size_t snippet_chars = 240)
{
    SearchRequest r;
    r.query = "السلام";
    r.limit = limit;
    r.offset = offset;
    r.snippet_chars = snippet_chars;
    return r;
}

// The bounds of a request, checked by the library for every caller.
const BoundRow BOUND_ROWS[] = {
    {"limit_zero", with(0), "limit must be from 1 to 10000, not 0"},
    {"limit_too_many", with(10'001), "limit must be from 1 to 10000, not 10001"},
    {"limit_wrapped", with(static_cast<std::size_t>(-1)),
     "limit must be from 1 to 10000, not 18446744073709551615"},
    {"offset_wrapped", with(10, static_cast<std::size_t>(-1)),
     "offset must be at least 0, with offset + limit at most 100000, not 18446744073709551615"},
    {"page_too_deep", with(10'000, 95'000),
     "offset + limit must be at most 100000, not 95000 + 10000"},
    {"snippet_zero", with(10, 0, 0), "snippet_chars must be from 1 to 10000, not 0"},
    {"snippet_too_long", with(10, 0, 10'001), "snippet_chars must be from 1 to 10000, not 10001"},
};

BOOST_DATA_TEST_CASE(requests_out_of_bounds, boost::unit_test::data::make(BOUND_ROWS), row)
{
    BOOST_CHECK_EXCEPTION((void)Searcher({collection().db.string()}).search(row.request),
                          akhbar::InvalidArgument, [&](const akhbar::InvalidArgument& e) {
                              BOOST_TEST(std::string(e.what()) == row.message);
                              return true;
                          });
}

BOOST_AUTO_TEST_CASE(requests_at_their_bounds)
{
    const Searcher searcher({collection().db.string()});
    for (const SearchRequest& r :
         {with(10'000), with(1, 99'999), with(10, 0, 1), with(10, 0, 10'000)}) {
        BOOST_TEST(searcher.search(r).total > 0U);
    }
    BOOST_TEST(akhbar::checked_number("offset", 0) == 0U);
    BOOST_CHECK_THROW((void)akhbar::checked_number("nope", 1), akhbar::InvalidArgument);
    BOOST_CHECK_THROW((void)searcher.related("diac", 0), akhbar::InvalidArgument);
    BOOST_CHECK_THROW((void)searcher.related("diac", 10'001), akhbar::InvalidArgument);
}

BOOST_AUTO_TEST_CASE(searcher_options_out_of_bounds)
{
    for (const long long ms : {0LL, -1LL, 3'600'001LL, 2'147'483'648LL}) {
        akhbar::SearcherOptions options;
        options.databases = {collection().db.string()};
        options.timeout = std::chrono::milliseconds(ms);
        BOOST_CHECK_EXCEPTION(
            (void)Searcher(options), akhbar::InvalidArgument,
            [&](const akhbar::InvalidArgument& e) {
                BOOST_TEST(std::string(e.what()) ==
                           "timeout must be from 1 to 3600000 milliseconds, not " +
                               std::to_string(ms));
                return true;
            });
    }
}

// The C API reads JSON numbers as written: -1 is refused as -1 (on commit
// 58c5982 it wrapped into a limit of every article, and an offset past all).
BOOST_AUTO_TEST_CASE(c_api_refuses_numbers_out_of_bounds)
{
    const std::string path = collection().db.string();
    const char* paths[] = {path.c_str()};
    akhbar_searcher* handle = nullptr;
    char* error = nullptr;
    BOOST_TEST_REQUIRE(akhbar_searcher_open(paths, 1, &handle, &error) == AKHBAR_OK);
    const std::pair<const char*, const char*> rows[] = {
        {R"({"query": "السلام", "limit": -1})", "limit must be from 1 to 10000, not -1"},
        {R"({"query": "السلام", "offset": -1})",
         "offset must be at least 0, with offset + limit at most 100000, not -1"},
        {R"({"query": "السلام", "limit": 20000})", "limit must be from 1 to 10000, not 20000"},
        {R"({"query": "السلام", "snippet_chars": -3})",
         "snippet_chars must be from 1 to 10000, not -3"},
        {R"({"query": "السلام", "limit": 2.5})", "\"limit\" is not a whole number: 2.5"},
    };
    for (const auto& [request, message] : rows) {
        char* result = nullptr;
        BOOST_TEST(
            akhbar_searcher_search(handle, request, &result, &error) == AKHBAR_INVALID_ARGUMENT,
            request);
        BOOST_TEST(result == nullptr);
        BOOST_TEST((error != nullptr ? std::string(error) : "") == message);
        akhbar_free(error);
    }
    char* result = nullptr;
    BOOST_TEST(akhbar_searcher_related(handle, "diac", 0, &result, &error) ==
               AKHBAR_INVALID_ARGUMENT);
    akhbar_free(error);
    akhbar_searcher_close(handle);
}

BOOST_AUTO_TEST_CASE(json_schema)
{
    SearchRequest r;
    r.facet_month = std::chrono::year{2025} / 11;
    const auto json = nlohmann::json::parse(akhbar::to_json(search("كازاخستان", r)));
    BOOST_TEST(json["query"]["text"] == "كازاخستان");
    BOOST_TEST(json["query"]["words"][0]["stem"] == "كازاخست");
    BOOST_TEST(json["total"] == 5);
    BOOST_TEST(json["hits"].size() == 5U);
    for (const auto& h : json["hits"]) {
        for (const char* key : {"rank", "id", "title", "title_highlights", "date", "date_source", "source",
                                "url", "score", "snippet"}) {
            BOOST_TEST(h.contains(key), key);
        }
        const std::string text = h["snippet"]["text"];
        BOOST_TEST(!h["snippet"]["highlights"].empty());
        for (const auto& range : h["snippet"]["highlights"]) {
            const std::size_t s = range[0];
            const std::size_t e = range[1];
            BOOST_TEST(text.substr(s, e - s) == "كازاخستان");
        }
    }
    BOOST_TEST(json["facets"]["date"].size() == 30U);
    BOOST_TEST(json["facets"]["date"][5]["value"] == "2025-11-06");
    BOOST_TEST(json["facets"]["date"][5]["count"] == 2);
    BOOST_TEST(json["facets"]["undated"] == 1);
    BOOST_TEST(json["facets"]["source"].is_array());
    // Matches without a source counted as the undated are: the counts add up.
    std::size_t counted = json["facets"]["unsourced"];
    for (const auto& c : json["facets"]["source"]) {
        counted += c["count"].get<std::size_t>();
    }
    BOOST_TEST(json["facets"]["unsourced"].get<std::size_t>() > 0U);
    BOOST_TEST(counted == json["total"].get<std::size_t>());
    BOOST_TEST(json["suggestion"].is_null());
    const auto undated = std::find_if(json["hits"].begin(), json["hits"].end(),
                                      [](const auto& h) { return h["id"] == "004_95045ce95f73ec43"; });
    BOOST_TEST((*undated)["date"].is_null());
    BOOST_TEST((*undated)["date_source"] == "none");
}

BOOST_AUTO_TEST_CASE(related_articles)
{
    const Searcher s({collection().db.string()});
    const auto r = s.related("001_c3a5d13f4eaa2ea5", 3);
    BOOST_TEST(!r.hits.empty());
    BOOST_TEST(ids(r).count("001_c3a5d13f4eaa2ea5") == 0U);
    BOOST_TEST(SEEDS.count(r.hits[0].id) == 1U);
    BOOST_CHECK_THROW((void)s.related("nope"), akhbar::InvalidArgument);
}

// The C API's related search takes a request as a search does, "query"
// optional, and answers as Searcher::related(id, request).
BOOST_AUTO_TEST_CASE(c_api_related_takes_a_request)
{
    const std::string path = collection().db.string();
    const char* paths[] = {path.c_str()};
    akhbar_searcher* handle = nullptr;
    char* error = nullptr;
    BOOST_TEST_REQUIRE(akhbar_searcher_open(paths, 1, &handle, &error) == AKHBAR_OK);
    const std::string id = "001_c3a5d13f4eaa2ea5";
    char* result = nullptr;
    BOOST_TEST_REQUIRE(akhbar_searcher_related_request(handle, id.c_str(),
                                                       R"({"limit": 1, "offset": 1, "facets": false})",
                                                       &result, &error) == AKHBAR_OK);
    const auto answer = nlohmann::json::parse(result);
    akhbar_free(result);
    SearchRequest request;
    request.limit = 1;
    request.offset = 1;
    request.facets = false;
    const Searcher s({path});
    BOOST_TEST(answer == nlohmann::json::parse(akhbar::to_json(s.related(id, request), -1)));
    BOOST_TEST(answer["hits"].size() == 1U);
    BOOST_TEST(answer["hits"][0]["rank"] == 2);
    BOOST_TEST(akhbar_searcher_related_request(handle, id.c_str(), R"({"limit": 0})", &result,
                                               &error) == AKHBAR_INVALID_ARGUMENT);
    BOOST_TEST((error != nullptr ? std::string(error) : "") == "limit must be from 1 to 10000, not 0");
    akhbar_free(error);
    BOOST_TEST(akhbar_searcher_related_request(handle, "nope", "{}", &result, &error) ==
               AKHBAR_INVALID_ARGUMENT);
    BOOST_TEST((error != nullptr ? std::string(error) : "") == "no article with id \"nope\"");
    akhbar_free(error);
    akhbar_searcher_close(handle);
}

BOOST_AUTO_TEST_CASE(several_databases_as_one)
{
    akhbar::test::TempDir dir;
    const auto a = dir.write("a.jsonl", R"({"id": "a", "text": "السلام في الشرق"})" "\n");
    const auto b = dir.write("b.jsonl", R"({"id": "b", "text": "السلام في الغرب"})" "\n");
    index_into(dir / "one", {a.string()});
    index_into(dir / "two", {b.string()});
    SearchRequest r;
    r.query = "السلام";
    const auto both = Searcher({(dir / "one").string(), (dir / "two").string()}).search(r);
    BOOST_TEST(ids(both) == (std::set<std::string>{"a", "b"}));

    index_into(dir / "lucene", {a.string()}, "lucene");
    BOOST_CHECK_EXCEPTION(Searcher({(dir / "one").string(), (dir / "lucene").string()}),
                          akhbar::IndexError, [](const akhbar::IndexError& e) {
                              return std::string(e.what()).find("cannot be searched as one") != std::string::npos;
                          });
}

BOOST_AUTO_TEST_CASE(missing_and_foreign_databases)
{
    akhbar::test::TempDir dir;
    BOOST_CHECK_EXCEPTION(Searcher({(dir / "none").string()}), akhbar::IndexError,
                          [&](const akhbar::IndexError& e) {
                              return std::string(e.what()) == "no database at " + (dir / "none").string() +
                                                                  " (index articles with akhbar-index first)";
                          });
    {
        Xapian::WritableDatabase x((dir / "foreign").string(), Xapian::DB_CREATE);
        x.commit();
    }
    BOOST_CHECK_THROW(Searcher({(dir / "foreign").string()}), akhbar::IndexError);
}

BOOST_AUTO_TEST_CASE(database_of_another_analyzer_version)
{
    akhbar::test::TempDir dir;
    const auto a = dir.write("a.jsonl", R"({"id": "a", "text": "السلام"})" "\n");
    index_into(dir / "db", {a.string()});
    {
        Xapian::WritableDatabase x((dir / "db").string(), Xapian::DB_OPEN);
        x.set_metadata(std::string(akhbar::schema::META_ANALYZER), "999");
        x.commit();
    }
    BOOST_CHECK_EXCEPTION(Searcher({(dir / "db").string()}), akhbar::IndexError, [](const akhbar::IndexError& e) {
        return std::string(e.what()).find("analyzed with analyzer version 999") != std::string::npos &&
               std::string(e.what()).find("--rebuild") != std::string::npos;
    });
}

BOOST_AUTO_TEST_CASE(reopen_sees_commits_and_rebuilds)
{
    akhbar::test::TempDir dir;
    const auto a = dir.write("a.jsonl", R"({"id": "a", "text": "السلام"})" "\n");
    index_into(dir / "db", {a.string()});
    Searcher s({(dir / "db").string()});
    BOOST_TEST(!s.reopen());
    const auto b = dir.write("b.jsonl", R"({"id": "b", "text": "السلام مرة أخرى"})" "\n");
    index_into(dir / "db", {b.string()});
    BOOST_TEST(s.reopen());  // nothing read since the commit: reopen() picks it up
    BOOST_TEST(!s.reopen());
    BOOST_TEST(s.size() == 2U);
    // A rebuild swaps in a new database; reopen() follows it.
    akhbar::IndexerOptions options;
    options.db = dir / "db";
    options.rebuild = true;
    options.profile = "none";
    (void)akhbar::test::index_paths(options, {a.string()});
    BOOST_TEST(s.reopen());
    BOOST_TEST(s.size() == 1U);
    BOOST_TEST(s.profile() == "none");
}

BOOST_AUTO_TEST_CASE(one_searcher_per_thread)
{
    // The documented model: a Searcher per thread, all on the same database.
    const std::vector<std::string> queries{"كازاخستان", "السلام", "\"اتفاقات أبراهام\"", "مسؤول",
                                           "إسرائيل", "title:إسرائيل", "شبكة OR أرشيف"};
    std::vector<std::string> expected;
    for (const auto& q : queries) {
        expected.push_back(akhbar::to_json(search(q)));
    }
    std::vector<std::string> mismatches;
    std::mutex mutex;
    std::vector<std::thread> threads;
    for (int t = 0; t < 4; ++t) {
        threads.emplace_back([&, t] {
            const Searcher own({collection().db.string()});
            for (int round = 0; round < 10; ++round) {
                const std::size_t i = static_cast<std::size_t>(t + round) % queries.size();
                SearchRequest r;
                r.query = queries[i];
                if (akhbar::to_json(own.search(r)) != expected[i]) {
                    std::lock_guard lock(mutex);
                    mismatches.push_back(queries[i]);
                }
            }
        });
    }
    for (auto& t : threads) {
        t.join();
    }
    BOOST_TEST(mismatches.empty());
}

// Xapian::Query::MatchAll is one static object with a plain (not atomic)
// reference count: searches that copied it in several threads corrupted the
// count and crashed the HTTP server. Queries that match every document
// (collection statistics, a filter alone, a filter and an exclusion) must
// build their own; with the bug the count is also off after the threads.
BOOST_AUTO_TEST_CASE(searches_in_threads_leave_xapians_shared_match_all_alone)
{
    const unsigned before = Xapian::Query::MatchAll.internal->_refs;
    std::vector<std::string> errors;
    std::mutex mutex;
    std::vector<std::thread> threads;
    for (int t = 0; t < 4; ++t) {
        threads.emplace_back([&] {
            try {
                const Searcher own({collection().db.string()});
                for (int round = 0; round < 200; ++round) {
                    (void)own.stats();
                    for (const char* query : {"source:الشرق", "date:2018 -السلام"}) {
                        SearchRequest r;
                        r.query = query;
                        (void)own.search(r);
                    }
                }
            } catch (const std::exception& e) {
                const std::lock_guard lock(mutex);
                errors.emplace_back(e.what());
            }
        });
    }
    for (auto& t : threads) {
        t.join();
    }
    BOOST_TEST(errors.empty());
    BOOST_TEST(Xapian::Query::MatchAll.internal->_refs == before);
}

namespace {

akhbar::Article make_article(std::string id, std::string title, std::string text)
{
    akhbar::Article a;
    a.id = std::move(id);
    a.title = std::move(title);
    a.text = std::move(text);
    return a;
}

}  // namespace

BOOST_AUTO_TEST_CASE(indexer_api_and_an_open_searcher)
{
    akhbar::test::TempDir dir;
    akhbar::IndexerOptions options;
    options.db = dir / "db";
    {
        akhbar::Indexer indexer(options);
        indexer.put(make_article("a", "أول", "خبر عن السلام"));
        indexer.finish();
    }
    Searcher searcher({(dir / "db").string()});
    SearchRequest r;
    r.query = "السلام";
    BOOST_TEST(searcher.search(r).total == 1U);
    {
        akhbar::Indexer indexer(options);  // the database exists: updated in place
        BOOST_TEST(!indexer.bulk());
        BOOST_TEST((indexer.put(make_article("b", "", "خبر آخر عن السلام")) == akhbar::Indexer::Outcome::added));
        BOOST_TEST((indexer.put(make_article("a", "أول", "خبر عن السلام")) ==
                    akhbar::Indexer::Outcome::unchanged));
        BOOST_TEST(indexer.remove("a"));
        BOOST_TEST(!indexer.remove("nope"));
        indexer.commit();
        // The open searcher answers from the commit.
        const auto after = searcher.search(r);
        BOOST_TEST(ids(after) == (std::set<std::string>{"b"}));
        indexer.finish();
    }
}

BOOST_AUTO_TEST_CASE(text_and_trec_formats)
{
    const auto r = search("مسؤول");
    akhbar::TextStyle plain;
    plain.bidi_isolate = false;
    const std::string text = akhbar::format_text(r, plain);
    BOOST_TEST(text.find("[المسئولون]") != std::string::npos);
    BOOST_TEST(text.find("\033[") == std::string::npos);
    akhbar::TextStyle color;
    color.color = true;
    BOOST_TEST(akhbar::format_text(r, color).find("\033[1;33m") != std::string::npos);
    const std::string trec = akhbar::format_trec(r, "q7");
    BOOST_TEST(trec.starts_with("q7 Q0 " + r.hits[0].id + " 1 "));
    BOOST_TEST(trec.find(" akhbar\n") != std::string::npos);
}

BOOST_AUTO_TEST_CASE(bidi_isolation_of_latin_runs)
{
    akhbar::Snippet s{"شبكة 5G جديدة في عام 2025", {}};
    const std::string out = akhbar::mark_highlights(s, akhbar::TextStyle{.bidi_isolate = true});
    BOOST_TEST(out == "شبكة \xE2\x81\xA8" "5G\xE2\x81\xA9 جديدة في عام \xE2\x81\xA8" "2025\xE2\x81\xA9");
}

BOOST_AUTO_TEST_CASE(article_by_id_as_stored)
{
    const Searcher searcher({collection().db.string()});
    const auto a = searcher.article("diac");
    BOOST_TEST_REQUIRE(a.has_value());
    const auto line = nlohmann::json::parse(std::string(EXTRA).substr(0, std::string(EXTRA).find('\n')));
    BOOST_TEST(a->id == "diac");
    BOOST_TEST(a->title == line["title"].get<std::string>());
    BOOST_TEST(a->text == line["text"].get<std::string>());  // as written, diacritics kept
    BOOST_TEST(a->source == line["source"].get<std::string>());
    BOOST_TEST((a->date == akhbar::checked_date("date", line["date"].get<std::string>())));
    BOOST_TEST((a->date_source == akhbar::DateSource::metadata));
    for (const std::string& absent : {std::string("nope"), std::string(), std::string(300, 'x')}) {
        BOOST_TEST(!searcher.article(absent).has_value(), "article \"" << absent << "\"");
    }
}

BOOST_AUTO_TEST_CASE(stats_count_the_collection)
{
    const Searcher searcher({collection().db.string()});
    const akhbar::IndexStats stats = searcher.stats();
    // Expected from the articles themselves, one by one.
    std::set<std::string> every_id = SEEDS;
    for (const char* id : {"diac", "plain", "undated2", "old", "far", "near"}) {
        every_id.insert(id);
    }
    std::map<std::string, std::size_t> per_source;
    std::size_t undated = 0;
    std::optional<std::chrono::year_month_day> first, last;
    for (const std::string& id : every_id) {
        const auto a = searcher.article(id);
        BOOST_TEST_REQUIRE(a.has_value(), id);
        if (!a->source.empty()) {
            ++per_source[a->source];
        }
        if (!a->date) {
            ++undated;
            continue;
        }
        first = first ? std::min(*first, *a->date) : *a->date;
        last = last ? std::max(*last, *a->date) : *a->date;
    }
    BOOST_TEST(stats.articles == every_id.size());
    BOOST_TEST(stats.articles == searcher.size());
    BOOST_TEST(stats.undated == undated);
    BOOST_TEST((stats.first_date == first));
    BOOST_TEST((stats.last_date == last));
    BOOST_TEST_REQUIRE(stats.sources.size() == per_source.size());
    for (std::size_t i = 0; i < stats.sources.size(); ++i) {
        BOOST_TEST(stats.sources[i].count == per_source[stats.sources[i].value]);
        if (i > 0) {
            BOOST_TEST(stats.sources[i - 1].count >= stats.sources[i].count);  // most first
        }
    }
    BOOST_TEST(stats.profile == searcher.profile());
    BOOST_TEST(stats.schema_version == std::to_string(akhbar::schema::SCHEMA_VERSION));
    BOOST_TEST(!stats.analyzer_version.empty());
    BOOST_TEST_REQUIRE(stats.shards.size() == 1U);
    BOOST_TEST(stats.shards[0].articles == stats.articles);
    BOOST_TEST(stats.shards[0].revision.value_or(0) > 0U);
    BOOST_TEST(stats.shards[0].bytes_on_disk.value_or(0) > 0U);
    BOOST_TEST(stats.bytes_on_disk == *stats.shards[0].bytes_on_disk);
}

BOOST_AUTO_TEST_CASE(request_fields_from_text)
{
    SearchRequest r;
    akhbar::set_request_field(r, "q", "السلام");
    akhbar::set_request_field(r, "limit", "25");
    akhbar::set_request_field(r, "offset", "5");
    akhbar::set_request_field(r, "snippet_chars", "100");
    akhbar::set_request_field(r, "from", "2025-11-01");
    akhbar::set_request_field(r, "to", "2025-11-30");
    akhbar::set_request_field(r, "source", "الشرق");
    akhbar::set_request_field(r, "source", "الوفد");
    akhbar::set_request_field(r, "sort", "date");
    akhbar::set_request_field(r, "strict", "exact");
    akhbar::set_request_field(r, "ranking", "bm25");
    akhbar::set_request_field(r, "all", "");
    akhbar::set_request_field(r, "literal", "true");
    akhbar::set_request_field(r, "facets", "0");
    akhbar::set_request_field(r, "facet_month", "2025-11");
    BOOST_TEST(r.query == "السلام");
    BOOST_TEST(r.limit == 25U);
    BOOST_TEST(r.offset == 5U);
    BOOST_TEST(r.snippet_chars == 100U);
    BOOST_TEST((r.from == akhbar::checked_date("from", "2025-11-01")));
    BOOST_TEST((r.to == akhbar::checked_date("to", "2025-11-30")));
    BOOST_TEST((r.sources == std::vector<std::string>{"الشرق", "الوفد"}));
    BOOST_TEST((r.sort == akhbar::SortOrder::date));
    BOOST_TEST((r.strict == akhbar::Strictness::exact));
    BOOST_TEST((r.ranking == akhbar::parse_ranking("bm25")));
    BOOST_TEST(r.match_all);
    BOOST_TEST(r.literal);
    BOOST_TEST(!r.facets);
    BOOST_TEST((r.facet_month == akhbar::checked_month("facet_month", "2025-11")));
    akhbar::set_request_field(r, "sort", "");  // the default again
    BOOST_TEST((r.sort == SearchRequest{}.sort));

    const std::pair<const char*, const char*> bad[][1] = {
        {{"limit", "-1"}}, {{"limit", "1x"}}, {{"limit", "99999999999999999999"}},
        {{"offset", ""}}, {{"from", "2025-13-01"}}, {{"facet_month", "11-2025"}},
        {{"all", "maybe"}}, {{"sort", "old"}}, {{"nonsense", "1"}}};
    const std::string messages[] = {
        "limit must be from 1 to 10000, not -1", "limit is not a whole number: \"1x\"",
        "limit is out of range: \"99999999999999999999\"", "offset is not a whole number: \"\"",
        "from takes YYYY, YYYY-MM or YYYY-MM-DD: \"2025-13-01\"", "facet_month takes YYYY-MM: \"11-2025\"",
        "all is true or false, not \"maybe\"",
        "unknown sort order \"old\" (known: relevance, date, newest, oldest)", "unknown request field \"nonsense\""};
    for (std::size_t i = 0; i < std::size(bad); ++i) {
        SearchRequest request;
        BOOST_CHECK_EXCEPTION(akhbar::set_request_field(request, bad[i][0].first, bad[i][0].second),
                              akhbar::InvalidArgument, [&](const akhbar::InvalidArgument& e) {
                                  BOOST_TEST(std::string(e.what()) == messages[i]);
                                  return true;
                              });
    }
}

BOOST_AUTO_TEST_SUITE_END()
