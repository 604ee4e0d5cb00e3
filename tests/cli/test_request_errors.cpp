// One table of bad requests, each run through the library (what an embedder
// calls), the C API (a JSON request) and akhbar-search (options): the checks
// live in the library, so all three give its message. akhbar-search says a
// message that starts with the field's name of the option instead
// (`--snippet-chars must be …` for `snippet_chars must be …`).

#include <boost/test/data/test_case.hpp>
#include <boost/test/unit_test.hpp>

#include <functional>
#include <ostream>
#include <string>
#include <vector>

#include "akhbar/akhbar.h"
#include "akhbar/common/error.hpp"
#include "akhbar/searcher/searcher.hpp"
#include "support/process.hpp"
#include "support/temp_dir.hpp"

using akhbar::SearchRequest;
using akhbar::test::run_process;
using akhbar::test::TempDir;

namespace {

const std::string SEARCH = AKHBAR_SEARCH;
const std::string INDEX = AKHBAR_INDEX;

using namespace std::chrono;

struct ErrorRow {
    const char* name;
    /// What an embedder calls; empty when the check has no library form of
    /// its own (a JSON key).
    std::function<void()> library;
    /// The C API's request; nullptr when it has no such field.
    const char* request;
    /// akhbar-search's options (before the query); empty when it has none.
    std::vector<std::string> args;
    /// The library's message, and the C API's.
    std::string message;
    /// akhbar-search's; empty: the same as `message`.
    std::string cli_message = {};
};

std::ostream& operator<<(std::ostream& os, const ErrorRow& row) { return os << row.name; }

SearchRequest request_with(const std::function<void(SearchRequest&)>& change)
{
    SearchRequest r;
    r.query = "السلام";
    change(r);
    return r;
}

const ErrorRow ERROR_ROWS[] = {
    {"limit_zero",
     [] { request_with([](auto& r) { r.limit = 0; }).check(); },
     R"({"query": "السلام", "limit": 0})",
     {"--limit", "0"},
     "limit must be from 1 to 10000, not 0",
     "--limit must be from 1 to 10000, not 0"},
    {"limit_minus_one",
     [] { (void)akhbar::checked_number("limit", -1); },
     R"({"query": "السلام", "limit": -1})",
     {"--limit", "-1"},
     "limit must be from 1 to 10000, not -1",
     "--limit must be from 1 to 10000, not -1"},
    {"offset_minus_one",
     [] { (void)akhbar::checked_number("offset", -1); },
     R"({"query": "السلام", "offset": -1})",
     {"--offset", "-1"},
     "offset must be at least 0, with offset + limit at most 100000, not -1",
     "--offset must be at least 0, with offset + limit at most 100000, not -1"},
    {"page_too_deep",
     [] { request_with([](auto& r) { r.offset = 99'995; }).check(); },
     R"({"query": "السلام", "offset": 99995})",
     {"--offset", "99995"},
     "offset + limit must be at most 100000, not 99995 + 10"},
    {"snippet_zero",
     [] { request_with([](auto& r) { r.snippet_chars = 0; }).check(); },
     R"({"query": "السلام", "snippet_chars": 0})",
     {"--snippet-chars", "0"},
     "snippet_chars must be from 1 to 10000, not 0",
     "--snippet-chars must be from 1 to 10000, not 0"},
    {"timeout_zero",
     [] {
         akhbar::SearcherOptions options;
         options.timeout = milliseconds(0);
         options.check();
     },
     nullptr,
     {"--timeout", "0"},
     "timeout must be from 1 to 3600000 milliseconds, not 0",
     "--timeout must be from 1 to 3600000 milliseconds, not 0"},
    {"unknown_ranking",
     [] { (void)akhbar::parse_ranking("tfidf"); },
     R"({"query": "السلام", "ranking": "tfidf"})",
     {"--ranking", "tfidf"},
     "unknown ranking \"tfidf\" (known: akhbar, bm25, lucene-bm25)"},
    {"unknown_strictness",
     [] { (void)akhbar::parse_strictness("loose"); },
     R"({"query": "السلام", "strict": "loose"})",
     {"--strict", "loose"},
     "unknown strictness \"loose\" (known: exact, normalized, stemmed)"},
    {"unknown_facet_count",
     [] { (void)akhbar::parse_facet_unit("story"); },
     R"({"query": "السلام", "facet_count": "story"})",
     {"--facet-count", "story"},
     "unknown facet count \"story\" (known: articles, stories)"},
    {"unknown_sort_order",
     {},
     R"({"query": "السلام", "sort": "old"})",
     {"--sort", "old"},
     "unknown sort order \"old\" (known: relevance, date, newest, oldest)"},
    {"from_not_a_date",
     {},
     R"({"query": "السلام", "from": "yesterday"})",
     {"--from", "yesterday"},
     "from takes YYYY, YYYY-MM or YYYY-MM-DD: \"yesterday\"",
     "--from takes YYYY, YYYY-MM or YYYY-MM-DD: \"yesterday\""},
    {"from_day_first",
     {},
     R"({"query": "السلام", "from": "01/02/2017"})",
     {"--from", "01/02/2017"},
     "from takes YYYY, YYYY-MM or YYYY-MM-DD: \"01/02/2017\"",
     "--from takes YYYY, YYYY-MM or YYYY-MM-DD: \"01/02/2017\""},
    {"to_not_a_date",
     {},
     R"({"query": "السلام", "to": "2025-02-30"})",
     {"--to", "2025-02-30"},
     "to takes YYYY, YYYY-MM or YYYY-MM-DD: \"2025-02-30\"",
     "--to takes YYYY, YYYY-MM or YYYY-MM-DD: \"2025-02-30\""},
    {"facet_month_not_a_month",
     {},
     R"({"query": "السلام", "facet_month": "2025-13"})",
     {"--facet-month", "2025-13"},
     "facet_month takes YYYY-MM: \"2025-13\"",
     "--facet-month takes YYYY-MM: \"2025-13\""},
    {"range_ends_before_it_starts",
     [] {
         request_with([](auto& r) {
             r.from = year{2025} / 11 / 30;
             r.to = year{2025} / 11 / 1;
         }).check();
     },
     R"({"query": "السلام", "from": "2025-11-30", "to": "2025-11-01"})",
     {"--from", "2025-11-30", "--to", "2025-11-01"},
     "the date range ends (2025-11-01) before it starts (2025-11-30)"},
    {"unknown_request_key",
     {},
     R"({"query": "السلام", "limt": 5})",
     {},
     "unknown request key \"limt\" (known: all, categories, collapse, explain, facet_count, "
     "facet_month, facets, from, limit, literal, offset, query, ranking, snippet_chars, sort, "
     "sources, strict, to)"},
};

const std::string& database()
{
    static TempDir dir;
    static const std::string path = [] {
        const std::string db = (dir / "db").string();
        const auto file = dir.write("a.jsonl", R"({"id": "a1", "title": "خبر", )"
                                               R"("text": "تقرير عن السلام", "date": "2025-11-07"})"
                                               "\n");
        BOOST_TEST_REQUIRE(run_process({INDEX, "--db", db, file.string()}).exit_code == 0);
        return db;
    }();
    return path;
}

}  // namespace

BOOST_AUTO_TEST_SUITE(request_errors)

BOOST_DATA_TEST_CASE(the_library_the_c_api_and_the_tool_give_one_message,
                     boost::unit_test::data::make(ERROR_ROWS), row)
{
    if (row.library) {
        BOOST_CHECK_EXCEPTION(row.library(), akhbar::InvalidArgument,
                              [&](const akhbar::InvalidArgument& e) {
                                  BOOST_TEST(std::string(e.what()) == row.message);
                                  return true;
                              });
    }
    if (row.request != nullptr) {
        const char* paths[] = {database().c_str()};
        akhbar_searcher* handle = nullptr;
        char* error = nullptr;
        BOOST_TEST_REQUIRE(akhbar_searcher_open(paths, 1, &handle, &error) == AKHBAR_OK);
        char* result = nullptr;
        BOOST_TEST(akhbar_searcher_search(handle, row.request, &result, &error) ==
                   AKHBAR_INVALID_ARGUMENT);
        BOOST_TEST(result == nullptr);
        BOOST_TEST((error != nullptr ? std::string(error) : "") == row.message);
        akhbar_free(result);
        akhbar_free(error);
        akhbar_searcher_close(handle);
    }
    if (!row.args.empty()) {
        std::vector<std::string> argv{SEARCH, "--db", database()};
        argv.insert(argv.end(), row.args.begin(), row.args.end());
        argv.push_back("السلام");
        const auto r = run_process(argv);
        BOOST_TEST(r.exit_code == 2);
        BOOST_TEST(r.err == "akhbar-search: " +
                                (row.cli_message.empty() ? row.message : row.cli_message) +
                                "\ntry 'akhbar-search --help'\n");
    }
}

// An empty name asks for the default, in the C API and in akhbar-search alike.
BOOST_DATA_TEST_CASE(an_empty_name_is_the_default,
                     boost::unit_test::data::make({"ranking", "strict", "sort"}), field)
{
    const std::string name(field);
    const char* paths[] = {database().c_str()};
    akhbar_searcher* handle = nullptr;
    char* error = nullptr;
    BOOST_TEST_REQUIRE(akhbar_searcher_open(paths, 1, &handle, &error) == AKHBAR_OK);
    char* result = nullptr;
    const std::string request = R"({"query": "السلام", ")" + name + R"(": ""})";
    BOOST_TEST(akhbar_searcher_search(handle, request.c_str(), &result, &error) == AKHBAR_OK);
    BOOST_TEST(error == nullptr);
    akhbar_free(result);
    akhbar_free(error);
    akhbar_searcher_close(handle);
    const auto r = run_process({SEARCH, "--db", database(), "--" + name, "", "السلام"});
    BOOST_TEST(r.exit_code == 0);
    BOOST_TEST(r.err == "");
}

BOOST_AUTO_TEST_SUITE_END()
