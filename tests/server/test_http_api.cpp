// The HTTP API (docs/http-api.md) against a server started by the test on a
// free loopback port: every endpoint, every error status, the write key,
// and readers answered while a writer commits. Expected answers come from
// the library itself (to_json of the same search), not from copies.

#include <boost/test/unit_test.hpp>

#include <arpa/inet.h>
#include <netinet/in.h>
#include <sys/socket.h>
#include <unistd.h>

#include <httplib.h>

#include <atomic>
#include <nlohmann/json.hpp>
#include <optional>
#include <string>
#include <thread>

#include "akhbar/common/analyzer.hpp"
#include "akhbar/common/error.hpp"
#include "akhbar/indexer/indexer.hpp"
#include "akhbar/searcher/index_stats.hpp"
#include "akhbar/searcher/json.hpp"
#include "akhbar/searcher/request_fields.hpp"
#include "akhbar/searcher/searcher.hpp"
#include "server.hpp"
#include "support/index.hpp"
#include "support/stories.hpp"
#include "support/temp_dir.hpp"

using akhbar::SearchRequest;
using akhbar::Searcher;
using akhbar::server::ApiServer;
using akhbar::server::ServerOptions;
using nlohmann::json;

namespace {

const std::string XSS_TITLE = "<script>alert(1)</script>";
const std::string EXTRA =
    R"({"id": "xss", "title": "<script>alert(1)</script>", "text": "مقال عن السلام \"<b>\" & '", "date": "2025-11-20", "source": "<img src=x>", "category": "opinion"})"
    "\n";
const std::string KEY = "test-key-123";

// "أبراهام" percent-encoded.
const std::string ABRAHAM = "%D8%A3%D8%A8%D8%B1%D8%A7%D9%87%D8%A7%D9%85";

// The seed corpus plus the XSS article, indexed into a fresh database.
struct Collection {
    akhbar::test::TempDir dir;
    std::filesystem::path db;
    Collection()
    {
        akhbar::IndexerOptions options;
        options.db = dir / "db";
        db = akhbar::test::index_paths(
            options, {std::string(AKHBAR_SOURCE_DIR) + "/corpus",
                      dir.write("extra.jsonl", EXTRA).string()});
    }
};

// A server on a free loopback port, serving in a thread of its own.
class RunningServer {
public:
    explicit RunningServer(ServerOptions options) : m_server(std::move(options))
    {
        m_port = m_server.bind({"127.0.0.1", 0});
        m_thread = std::thread([this] { m_server.run(); });
    }
    ~RunningServer()
    {
        m_server.stop();
        m_thread.join();
    }
    RunningServer(const RunningServer&) = delete;
    RunningServer& operator=(const RunningServer&) = delete;

    [[nodiscard]] int port() const noexcept { return m_port; }

    [[nodiscard]] httplib::Client client() const
    {
        httplib::Client c("127.0.0.1", m_port);
        c.set_read_timeout(std::chrono::seconds(30));
        return c;
    }

private:
    ApiServer m_server;
    int m_port = 0;
    std::thread m_thread;
};

ServerOptions options_for(const std::filesystem::path& db, const std::string& key = {})
{
    ServerOptions options;
    options.searcher.databases = {db.string()};
    options.threads = 4;
    options.write_key = key;
    return options;
}

// A GET, required to be answered.
httplib::Result get(httplib::Client& c, const std::string& path)
{
    auto r = c.Get(path);
    BOOST_TEST_REQUIRE(static_cast<bool>(r), "no answer to GET " << path);
    return r;
}

json body(const httplib::Result& r) { return json::parse(r->body); }

// The error answer's status, code and message agree; returns the message.
std::string error_message(const httplib::Result& r, int status)
{
    BOOST_TEST(r->status == status);
    BOOST_TEST(r->get_header_value("Content-Type") == "application/json; charset=utf-8");
    const json b = body(r);
    BOOST_TEST(b["error"]["code"].get<int>() == status);
    return b["error"]["message"].get<std::string>();
}

// What the library says of a bad request, run through it directly.
template <class Call>
std::string library_message(Call call)
{
    try {
        call();
    } catch (const std::exception& e) {
        return e.what();
    }
    return "(no error)";
}

httplib::Headers bearer(const std::string& key) { return {{"Authorization", "Bearer " + key}}; }

}  // namespace

BOOST_AUTO_TEST_SUITE(http_api)

BOOST_AUTO_TEST_CASE(search_is_the_library_json_plus_took_ms)
{
    const Collection c;
    const RunningServer server(options_for(c.db));
    auto client = server.client();
    const auto r = get(client, "/search?q=" + ABRAHAM + "&limit=3&offset=1&sort=date&facet_month=2025-11");
    BOOST_TEST(r->status == 200);
    BOOST_TEST(r->get_header_value("Content-Type") == "application/json; charset=utf-8");
    json answer = body(r);
    BOOST_TEST_REQUIRE(answer.contains("took_ms"));
    BOOST_TEST(answer["took_ms"].get<double>() >= 0.0);
    answer.erase("took_ms");

    SearchRequest request;
    request.query = "أبراهام";
    request.limit = 3;
    request.offset = 1;
    request.sort = akhbar::SortOrder::date;
    request.facet_month = std::chrono::year{2025} / std::chrono::November;
    const json expected = json::parse(akhbar::to_json(Searcher({c.db.string()}).search(request)));
    BOOST_TEST(answer == expected, answer.dump() << "\n!=\n" << expected.dump());
    BOOST_TEST(answer["hits"].size() == 3U);
}

BOOST_AUTO_TEST_CASE(repeated_sources_and_flags_reach_the_request)
{
    const Collection c;
    const RunningServer server(options_for(c.db));
    auto client = server.client();
    const auto r = get(client, "/search?q=" + ABRAHAM + "&source=%D8%A7%D9%84%D8%B4%D8%B1%D9%82"
                               "&source=%D8%A7%D9%84%D9%88%D9%81%D8%AF&all=1&facets=false&strict=exact");
    BOOST_TEST_REQUIRE(r->status == 200);
    json answer = body(r);
    answer.erase("took_ms");
    SearchRequest request;
    for (const auto& [name, value] : std::vector<std::pair<std::string, std::string>>{
             {"q", "أبراهام"}, {"source", "الشرق"}, {"source", "الوفد"},
             {"all", "1"}, {"facets", "false"}, {"strict", "exact"}}) {
        akhbar::set_request_field(request, name, value);
    }
    BOOST_TEST(request.sources.size() == 2U);
    const json expected = json::parse(akhbar::to_json(Searcher({c.db.string()}).search(request)));
    BOOST_TEST(answer == expected);
}

BOOST_AUTO_TEST_CASE(explain_reaches_the_request_and_the_answer)
{
    const Collection c;
    const RunningServer server(options_for(c.db));
    auto client = server.client();
    const auto r = get(client, "/search?q=" + ABRAHAM + "&explain=1");
    BOOST_TEST_REQUIRE(r->status == 200);
    json answer = body(r);
    answer.erase("took_ms");
    SearchRequest request;
    akhbar::set_request_field(request, "q", "أبراهام");
    akhbar::set_request_field(request, "explain", "1");
    const json expected = json::parse(akhbar::to_json(Searcher({c.db.string()}).search(request)));
    BOOST_TEST(answer == expected);
    BOOST_TEST_REQUIRE(!answer["hits"].empty());
    BOOST_TEST(answer["hits"][0].contains("explanation"));
    BOOST_TEST(answer["query"]["words"][0].contains("stem_class"));
}

BOOST_AUTO_TEST_CASE(category_sort_oldest_and_month_dates_reach_the_request)
{
    const Collection c;
    const RunningServer server(options_for(c.db));
    auto client = server.client();
    // "السلام" percent-encoded; the XSS article is the one of category
    // "opinion" (EXTRA).
    const auto r = get(client, "/search?q=%D8%A7%D9%84%D8%B3%D9%84%D8%A7%D9%85&category=opinion"
                               "&category=sport&sort=oldest&from=2025-11&to=2025");
    BOOST_TEST_REQUIRE(r->status == 200);
    json answer = body(r);
    answer.erase("took_ms");
    SearchRequest request;
    for (const auto& [name, value] : std::vector<std::pair<std::string, std::string>>{
             {"q", "السلام"}, {"category", "opinion"}, {"category", "sport"},
             {"sort", "oldest"}, {"from", "2025-11"}, {"to", "2025"}}) {
        akhbar::set_request_field(request, name, value);
    }
    BOOST_TEST(request.categories.size() == 2U);
    BOOST_TEST((request.from == std::chrono::year{2025} / 11 / 1));
    BOOST_TEST((request.to == std::chrono::year{2025} / 12 / 31));
    const json expected = json::parse(akhbar::to_json(Searcher({c.db.string()}).search(request)));
    BOOST_TEST(answer == expected);
    BOOST_TEST_REQUIRE(answer["hits"].size() == 1U);
    BOOST_TEST(answer["hits"][0]["id"] == "xss");
    BOOST_TEST(answer["facets"]["category"][0]["value"] == "opinion");
}

BOOST_AUTO_TEST_CASE(bad_parameters_are_400_with_the_library_message)
{
    const Collection c;
    const RunningServer server(options_for(c.db));
    auto client = server.client();
    const Searcher searcher({c.db.string()});
    struct Row {
        std::string path;
        std::function<void()> library;
    };
    const std::vector<Row> rows = {
        {"/search?q=(", [&] {
             SearchRequest r;
             r.query = "(";
             (void)searcher.search(r);
         }},
        {"/search?q=", [&] { (void)searcher.search(SearchRequest{}); }},
        {"/search?q=x&limit=0", [] { (void)akhbar::checked_number("limit", 0); }},
        {"/search?q=x&limit=-1", [] { (void)akhbar::checked_number("limit", -1); }},
        {"/search?q=x&limit=ten", [] { (void)akhbar::checked_number_text("limit", "ten"); }},
        {"/search?q=x&offset=99995", [] {
             SearchRequest r;
             r.offset = 99995;
             r.check();
         }},
        {"/search?q=x&from=7th", [] { (void)akhbar::checked_date("from", "7th"); }},
        {"/search?q=x&from=2025-11-10&to=2025-11-01", [] {
             SearchRequest r;
             r.from = akhbar::checked_date("from", "2025-11-10");
             r.to = akhbar::checked_date("to", "2025-11-01");
             r.check();
         }},
        {"/search?q=x&facet_month=2025", [] { (void)akhbar::checked_month("facet_month", "2025"); }},
        {"/search?q=x&sort=old", [] { (void)akhbar::parse_sort_order("old"); }},
        {"/search?q=x&from=01/02/2017", [] { (void)akhbar::checked_date("from", "01/02/2017"); }},
        {"/search?q=x&strict=loose", [] { (void)akhbar::parse_strictness("loose"); }},
        {"/search?q=x&facet_count=story", [] { (void)akhbar::parse_facet_unit("story"); }},
        {"/search?q=x&collapse=maybe", [] { (void)akhbar::checked_flag("collapse", "maybe"); }},
        {"/search?q=x&all=maybe", [] { (void)akhbar::checked_flag("all", "maybe"); }},
        {"/search?q=x&explain=maybe", [] { (void)akhbar::checked_flag("explain", "maybe"); }},
        {"/search?q=x&colour=red", [] {
             SearchRequest r;
             akhbar::set_request_field(r, "colour", "red");
         }},
        {"/articles/xss/related?limit=0", [] { (void)akhbar::checked_number("limit", 0); }},
        {"/analyze?text=x&profile=klingon", [] { (void)akhbar::Analyzer("klingon"); }},
    };
    for (const Row& row : rows) {
        BOOST_TEST_CONTEXT(row.path)
        {
            const auto r = get(client, row.path);
            const std::string expected = library_message(row.library);
            BOOST_TEST(expected != "(no error)");
            BOOST_TEST(error_message(r, 400) == expected);
        }
    }
}

BOOST_AUTO_TEST_CASE(unknown_paths_and_ids_are_404)
{
    const Collection c;
    const RunningServer server(options_for(c.db, KEY));
    auto client = server.client();
    BOOST_TEST(error_message(get(client, "/nothing/here"), 404).find("/nothing/here") !=
               std::string::npos);
    BOOST_TEST(error_message(get(client, "/articles/no-such-id"), 404).find("no-such-id") !=
               std::string::npos);
    (void)error_message(get(client, "/articles/no-such-id/related"), 404);
    (void)error_message(get(client, "/articles/" + std::string(300, 'x')), 404);
    (void)error_message(client.Delete("/articles/no-such-id", bearer(KEY)), 404);
}

BOOST_AUTO_TEST_CASE(other_methods_on_known_paths_are_405)
{
    const Collection c;
    const RunningServer server(options_for(c.db, KEY));
    auto client = server.client();
    const auto put = client.Put("/search", "x", "text/plain");
    BOOST_TEST_REQUIRE(static_cast<bool>(put));
    (void)error_message(put, 405);
    BOOST_TEST(put->get_header_value("Allow") == "GET");
    const auto get_articles = get(client, "/articles");
    (void)error_message(get_articles, 405);
    BOOST_TEST(get_articles->get_header_value("Allow") == "POST");
    const auto del = client.Delete("/stats");
    (void)error_message(del, 405);
}

BOOST_AUTO_TEST_CASE(requests_over_the_limits_are_413)
{
    const Collection c;
    ServerOptions options = options_for(c.db, KEY);
    options.max_body_bytes = 4096;
    const RunningServer server(options);
    auto client = server.client();
    // A query over MAX_QUERY_BYTES (4096) in a request line under 8192.
    (void)error_message(get(client, "/search?q=" + std::string(5000, 'a')), 413);
    (void)error_message(get(client, "/analyze?text=" + std::string(5000, 'a')), 413);
    // A request line over httplib's 8192 bytes.
    (void)error_message(get(client, "/search?q=" + std::string(9000, 'a')), 413);
    const auto big = client.Post("/articles", bearer(KEY), std::string(8000, ' '), "application/x-ndjson");
    BOOST_TEST_REQUIRE(static_cast<bool>(big));
    (void)error_message(big, 413);
}

BOOST_AUTO_TEST_CASE(an_article_comes_back_as_stored_with_its_text_escaped_as_json)
{
    const Collection c;
    const RunningServer server(options_for(c.db));
    auto client = server.client();
    const auto r = get(client, "/articles/xss");
    BOOST_TEST_REQUIRE(r->status == 200);
    BOOST_TEST(r->get_header_value("X-Content-Type-Options") == "nosniff");
    const json a = body(r);
    const auto stored = Searcher({c.db.string()}).article("xss");
    BOOST_TEST_REQUIRE(stored.has_value());
    BOOST_TEST(a["title"].get<std::string>() == XSS_TITLE);
    BOOST_TEST(a["title"].get<std::string>() == stored->title);
    BOOST_TEST(a["text"].get<std::string>() == stored->text);
    BOOST_TEST(a["source"].get<std::string>() == "<img src=x>");
    BOOST_TEST(a["date"].get<std::string>() == "2025-11-20");
    BOOST_TEST(a["date_source"].get<std::string>() == "metadata");
    BOOST_TEST(a["url"].is_null());
    // The quote inside the text is escaped, so the body is one JSON value.
    BOOST_TEST(r->body.find(R"(\"<b>\")") != std::string::npos);

    // A search finds it, its title as written.
    const json found = body(get(client, "/search?q=%D8%A7%D9%84%D8%B3%D9%84%D8%A7%D9%85"));
    bool seen = false;
    for (const json& hit : found["hits"]) {
        seen = seen || (hit["id"] == "xss" && hit["title"] == XSS_TITLE);
    }
    BOOST_TEST(seen);
}

BOOST_AUTO_TEST_CASE(related_is_the_library_related)
{
    const Collection c;
    const RunningServer server(options_for(c.db));
    auto client = server.client();
    const std::string id = "002_9f15b159de594b2e";
    const auto r = get(client, "/articles/" + id + "/related?limit=2");
    BOOST_TEST_REQUIRE(r->status == 200);
    json answer = body(r);
    answer.erase("took_ms");
    akhbar::SearchRequest request;
    request.limit = 2;
    const json expected = json::parse(akhbar::to_json(Searcher({c.db.string()}).related(id, request)));
    BOOST_TEST(answer == expected);
    BOOST_TEST(answer["hits"].size() == 2U);
    BOOST_TEST(answer["facets"].is_object());  // as /search's

    // The parameters of /search apply: a page, a date range, words that
    // narrow (none of the related articles has this word).
    const json second = body(get(client, "/articles/" + id + "/related?limit=1&offset=1"));
    BOOST_TEST_REQUIRE(second["hits"].size() == 1U);
    BOOST_TEST(second["hits"][0]["id"] == answer["hits"][1]["id"]);
    BOOST_TEST(second["hits"][0]["rank"] == 2);
    const json none = body(get(client, "/articles/" + id + "/related?from=2030-01-01"));
    BOOST_TEST(none["total"] == 0);
    const auto bad = get(client, "/articles/" + id + "/related?limit=0");
    BOOST_TEST(bad->status == 400);
}

BOOST_AUTO_TEST_CASE(analyze_gives_the_analyzer_tokens_with_byte_offsets)
{
    const Collection c;
    const RunningServer server(options_for(c.db));
    auto client = server.client();
    const std::string text = "وقّعت الدولتان اتفاقات أبراهام في 2025";
    const auto r = get(client, "/analyze?text=" + httplib::detail::encode_query_param(text) +
                                   "&profile=lucene");
    BOOST_TEST_REQUIRE(r->status == 200);
    const json answer = body(r);
    BOOST_TEST(answer["profile"] == "lucene");
    const auto tokens = akhbar::Analyzer("lucene").analyze(text);
    BOOST_TEST_REQUIRE(answer["tokens"].size() == tokens.size());
    for (std::size_t i = 0; i < tokens.size(); ++i) {
        const json& t = answer["tokens"][i];
        const auto start = t["start"].get<std::size_t>();
        const auto end = t["end"].get<std::size_t>();
        BOOST_TEST(text.substr(start, end - start) == t["original"].get<std::string>());
        BOOST_TEST(t["stem"].get<std::string>() == tokens[i].stem);
    }
    // Without a profile: the database's.
    const json default_profile = body(get(client, "/analyze?text=x"));
    BOOST_TEST(default_profile["profile"] == Searcher({c.db.string()}).profile());
}

BOOST_AUTO_TEST_CASE(stats_health_and_completions)
{
    const Collection c;
    const RunningServer server(options_for(c.db));
    auto client = server.client();
    const json stats = body(get(client, "/stats?limit=1"));
    const akhbar::IndexStats expected = Searcher({c.db.string()}).stats();
    BOOST_TEST(stats["articles"].get<std::size_t>() == expected.articles);
    BOOST_TEST(stats["articles"].get<std::size_t>() == 6U);  // 5 seeds + xss
    BOOST_TEST(stats["sources"].size() == 1U);
    BOOST_TEST(stats["source_count"].get<std::size_t>() == expected.sources.size());
    BOOST_TEST(stats["first_date"] == "2025-11-06");
    BOOST_TEST(stats["last_date"] == "2025-11-20");
    BOOST_TEST(stats["undated"].get<std::size_t>() == expected.undated);
    // Every article counted once among the sources or as without one.
    std::size_t sourced = 0;
    for (const akhbar::FacetCount& s : expected.sources) {
        sourced += s.count;
    }
    BOOST_TEST(expected.unsourced > 0U);
    BOOST_TEST(sourced + expected.unsourced == expected.articles);
    BOOST_TEST(stats["unsourced"].get<std::size_t>() == expected.unsourced);
    BOOST_TEST(stats["profile"] == expected.profile);
    BOOST_TEST(stats["bytes_on_disk"].get<std::uintmax_t>() > 0U);
    BOOST_TEST(stats["shards"][0]["revision"].get<std::uint64_t>() > 0U);

    const json health = body(get(client, "/health"));
    BOOST_TEST(health["status"] == "ok");
    BOOST_TEST(health["databases_open"] == true);

    // Completions: the library's, as the articles write them.
    const json completions = body(get(client, "/suggest?prefix=%D8%A7%D8%AA&limit=5"));
    BOOST_TEST(completions["prefix"] == "ات");
    const auto words = completions["completions"].get<std::vector<std::string>>();
    BOOST_TEST(!words.empty());
    BOOST_TEST(words == Searcher({c.db.string()}).complete("ات", 5));
    (void)error_message(get(client, "/suggest?prefix=x&limit=0"), 400);
}

// The HTML pages: the search page and the article view, article text escaped.
BOOST_AUTO_TEST_CASE(the_pages_are_html_with_marks_and_escaped_text)
{
    const Collection c;
    const RunningServer server(options_for(c.db));
    auto client = server.client();
    const std::string escaped_title = "&lt;script&gt;alert(1)&lt;/script&gt;";

    const auto page = get(client, "/?q=%D8%A7%D9%84%D8%B3%D9%84%D8%A7%D9%85");  // السلام
    BOOST_REQUIRE(page);
    BOOST_TEST(page->status == 200);
    BOOST_TEST(page->get_header_value("Content-Type") == "text/html; charset=utf-8");
    BOOST_TEST(page->get_header_value("Content-Security-Policy").starts_with("default-src 'none'"));
    BOOST_TEST(page->body.find("dir=\"rtl\"") != std::string::npos);
    BOOST_TEST(page->body.find("<mark>") != std::string::npos);
    BOOST_TEST(page->body.find(escaped_title) != std::string::npos);
    BOOST_TEST(page->body.find("<script>alert(1)") == std::string::npos);
    BOOST_TEST(page->body.find("<svg") != std::string::npos);  // the date chart

    const auto form = get(client, "/");
    BOOST_REQUIRE(form);
    BOOST_TEST(form->status == 200);
    BOOST_TEST(form->body.find("<form") != std::string::npos);

    // A query the parser refuses is shown on the page, with what was typed.
    const auto bad = get(client, "/?q=%28%D8%B3%D9%84%D8%A7%D9%85");  // (سلام
    BOOST_REQUIRE(bad);
    BOOST_TEST(bad->status == 400);
    BOOST_TEST(bad->body.find("<form") != std::string::npos);
    BOOST_TEST(bad->body.find("(سلام") != std::string::npos);

    // Over the size limit, given as q or as query: 413, on the page too.
    const std::string long_query(5000, 'x');
    (void)error_message(get(client, "/search?query=" + long_query), 413);
    const auto too_long = get(client, "/?q=" + long_query);
    BOOST_REQUIRE(too_long);
    BOOST_TEST(too_long->status == 413);
    BOOST_TEST(too_long->body.find("<form") != std::string::npos);

    const auto view = get(client, "/read/xss?q=%D8%A7%D9%84%D8%B3%D9%84%D8%A7%D9%85");
    BOOST_REQUIRE(view);
    BOOST_TEST(view->status == 200);
    BOOST_TEST(view->body.find("<mark>") != std::string::npos);
    BOOST_TEST(view->body.find(escaped_title) != std::string::npos);
    BOOST_TEST(view->body.find("<script>alert(1)") == std::string::npos);
    BOOST_TEST(view->body.find("&lt;img src=x&gt;") != std::string::npos);  // its source
    (void)error_message(get(client, "/read/no-such-id"), 404);
}

BOOST_AUTO_TEST_CASE(writing_needs_the_key)
{
    const Collection c;
    const std::string article = R"({"id": "new1", "title": "خبر جديد", "text": "نص الخبر الجديد"})";
    {
        const RunningServer no_key(options_for(c.db));
        auto client = no_key.client();
        const auto r = client.Post("/articles", bearer(KEY), article, "application/x-ndjson");
        BOOST_TEST(error_message(r, 403) == "writing is disabled (start akhbar-serve with --write-key)");
        (void)error_message(client.Delete("/articles/xss", bearer(KEY)), 403);
    }
    const RunningServer server(options_for(c.db, KEY));
    auto client = server.client();
    (void)error_message(client.Post("/articles", article, "application/x-ndjson"), 401);
    (void)error_message(client.Post("/articles", bearer("wrong"), article, "application/x-ndjson"), 401);
    (void)error_message(client.Post("/articles", bearer(KEY + "x"), article, "application/x-ndjson"), 401);
    (void)error_message(client.Post("/articles", {{"Authorization", KEY}}, article, "application/x-ndjson"), 401);
    (void)error_message(client.Delete("/articles/xss"), 401);
    (void)error_message(client.Post("/articles", {{"Authorization", "Bearerx" + KEY}}, article,
                                    "application/x-ndjson"), 401);
    BOOST_TEST(get(client, "/articles/new1")->status == 404);  // nothing was written
    // The scheme's name in any case, and more than one space after it.
    const auto lower = client.Delete("/articles/xss", {{"Authorization", "bearer  " + KEY}});
    BOOST_REQUIRE(lower);
    BOOST_TEST(lower->status == 200);
}

BOOST_AUTO_TEST_CASE(post_adds_updates_and_reports_lines_delete_removes)
{
    const Collection c;
    const RunningServer server(options_for(c.db, KEY));
    auto client = server.client();
    const std::string body_text =
        R"({"id": "new1", "title": "خبر جديد", "text": "نص الخبر الجديد عن المريخ"})" "\n"
        "not json\n"
        R"({"id": "xss", "title": "<script>alert(1)</script>", "text": "نص آخر تماما", "date": "2025-11-20"})" "\n"
        R"({"title": "بلا معرف", "text": "نص"})" "\n";
    const auto r = client.Post("/articles", bearer(KEY), body_text, "application/x-ndjson");
    BOOST_TEST_REQUIRE(r->status == 200);
    const json summary = body(r);
    BOOST_TEST(summary["added"] == 1);
    BOOST_TEST(summary["updated"] == 1);
    BOOST_TEST(summary["skipped"] == 2);
    BOOST_TEST_REQUIRE(summary["problems"].size() == 2U);
    BOOST_TEST(summary["problems"][0]["line"] == 2);
    BOOST_TEST(summary["problems"][0]["message"].get<std::string>().starts_with("body:2: "));
    BOOST_TEST(summary["problems"][1]["line"] == 4);

    // Seen at once, without a restart (the searchers follow the revision).
    BOOST_TEST(body(get(client, "/articles/new1"))["title"] == "خبر جديد");
    const json found = body(get(client, "/search?q=%D8%A7%D9%84%D9%85%D8%B1%D9%8A%D8%AE"));
    BOOST_TEST(found["total"] == 1);
    BOOST_TEST(body(get(client, "/articles/xss"))["text"] == "نص آخر تماما");

    // The same again: unchanged.
    const json again = body(client.Post("/articles", bearer(KEY),
                                        R"({"id": "new1", "title": "خبر جديد", "text": "نص الخبر الجديد عن المريخ"})",
                                        "application/x-ndjson"));
    BOOST_TEST(again["unchanged"] == 1);

    const auto del = client.Delete("/articles/new1", bearer(KEY));
    BOOST_TEST_REQUIRE(del->status == 200);
    BOOST_TEST(body(del)["removed"] == 1);
    BOOST_TEST(get(client, "/articles/new1")->status == 404);
}

BOOST_AUTO_TEST_CASE(a_database_locked_by_another_writer_is_503)
{
    const Collection c;
    const RunningServer server(options_for(c.db, KEY));
    auto client = server.client();
    akhbar::IndexerOptions options;
    options.db = c.db;
    akhbar::Indexer other(options);  // holds the lock
    const auto r = client.Post("/articles", bearer(KEY), R"({"id": "a", "text": "نص"})", "application/x-ndjson");
    BOOST_TEST(error_message(r, 503).find("lock") != std::string::npos);
    (void)error_message(client.Delete("/articles/xss", bearer(KEY)), 503);
    other.abandon();
}

BOOST_AUTO_TEST_CASE(a_shard_that_does_not_answer_is_503_unless_partial)
{
    const Collection c;
    // A socket that listens but never answers (as tests/searcher/test_shards.cpp).
    const int fd = ::socket(AF_INET, SOCK_STREAM, 0);
    sockaddr_in addr{};
    addr.sin_family = AF_INET;
    addr.sin_addr.s_addr = htonl(INADDR_LOOPBACK);
    BOOST_TEST_REQUIRE(::bind(fd, reinterpret_cast<sockaddr*>(&addr), sizeof addr) == 0);
    BOOST_TEST_REQUIRE(::listen(fd, 16) == 0);
    socklen_t len = sizeof addr;
    ::getsockname(fd, reinterpret_cast<sockaddr*>(&addr), &len);
    const std::string silent = "tcp://127.0.0.1:" + std::to_string(ntohs(addr.sin_port));

    ServerOptions options = options_for(c.db);
    options.searcher.databases.push_back(silent);
    options.searcher.timeout = std::chrono::milliseconds(300);
    {
        const RunningServer server(options);
        auto client = server.client();
        BOOST_TEST(error_message(get(client, "/search?q=" + ABRAHAM), 503).find(silent) !=
                   std::string::npos);
        const json health = body(get(client, "/health"));
        BOOST_TEST(health["databases_open"] == false);
    }
    options.searcher.allow_partial = true;
    const RunningServer partial(options);
    auto client = partial.client();
    const auto r = get(client, "/search?q=" + ABRAHAM);
    BOOST_TEST_REQUIRE(r->status == 200);
    BOOST_TEST(body(r)["partial"] == true);
    BOOST_TEST(body(r)["total"] == 5);
    ::close(fd);
}

BOOST_AUTO_TEST_CASE(readers_get_consistent_answers_while_a_writer_commits)
{
    const Collection c;
    const RunningServer server(options_for(c.db, KEY));
    // Ten articles that all hold the word المريخ, rewritten by every POST:
    // the total of a search for it stays 10 at every revision.
    const auto batch = [](int round) {
        std::string lines;
        for (int i = 0; i < 10; ++i) {
            lines += R"({"id": "mars)" + std::to_string(i) + R"(", "title": "المريخ", "text": "خبر عن المريخ رقم )" +
                     std::to_string(round * 100 + i) + R"("})" "\n";
        }
        return lines;
    };
    auto writer_client = server.client();
    BOOST_TEST_REQUIRE(writer_client.Post("/articles", bearer(KEY), batch(0), "application/x-ndjson")->status == 200);

    std::atomic<bool> done{false};
    std::atomic<int> answers{0};
    std::atomic<int> failures{0};
    std::vector<std::thread> readers;
    for (int t = 0; t < 3; ++t) {
        readers.emplace_back([&] {
            auto client = server.client();
            while (!done) {
                const auto r = client.Get("/search?q=%D8%A7%D9%84%D9%85%D8%B1%D9%8A%D8%AE&limit=20");
                const bool ok = r && r->status == 200 && json::parse(r->body)["total"] == 10;
                const auto s = client.Get("/stats");
                const bool stats_ok = s && s->status == 200 && json::parse(s->body)["articles"] == 16;
                failures += ok && stats_ok ? 0 : 1;
                answers += 2;
            }
        });
    }
    for (int round = 1; round <= 15; ++round) {
        const auto r = writer_client.Post("/articles", bearer(KEY), batch(round), "application/x-ndjson");
        BOOST_TEST_REQUIRE(static_cast<bool>(r));
        BOOST_TEST(r->status == 200);
        BOOST_TEST(body(r)["updated"] == 10);
    }
    done = true;
    for (auto& t : readers) {
        t.join();
    }
    BOOST_TEST(failures == 0);
    BOOST_TEST(answers > 0);
    BOOST_TEST_MESSAGE(answers << " answers during 15 commits");
}

BOOST_AUTO_TEST_CASE(a_port_in_use_is_refused)
{
    // Not shared with the server there (SO_REUSEPORT would let both bind).
    const Collection c;
    const RunningServer first(options_for(c.db));
    ApiServer second(options_for(c.db));
    BOOST_CHECK_THROW((void)second.bind({"127.0.0.1", first.port()}), akhbar::Error);
}

BOOST_AUTO_TEST_CASE(listen_addresses_and_threads_are_checked)
{
    const auto a = akhbar::server::parse_listen_address("0.0.0.0:80");
    BOOST_TEST(a.host == "0.0.0.0");
    BOOST_TEST(a.port == 80);
    BOOST_TEST(akhbar::server::parse_listen_address("[::1]:0").host == "::1");
    for (const char* bad : {"8080", ":8080", "localhost:", "localhost:http", "h:65536", "h:-1"}) {
        BOOST_CHECK_THROW((void)akhbar::server::parse_listen_address(bad), akhbar::InvalidArgument);
    }
    BOOST_CHECK_THROW((void)akhbar::server::checked_threads(0), akhbar::InvalidArgument);
    BOOST_CHECK_THROW((void)akhbar::server::checked_threads(257), akhbar::InvalidArgument);
    ServerOptions two_dbs;
    two_dbs.searcher.databases = {"a", "b"};
    two_dbs.write_key = "k";
    BOOST_CHECK_THROW(two_dbs.check(), akhbar::InvalidArgument);
}

// Stories (docs/stories.md): collapse=0, facet_count=stories, each hit's
// copies, and an article's story.
BOOST_AUTO_TEST_CASE(stories_through_http)
{
    akhbar::test::TempDir dir;
    const auto db = akhbar::test::index_jsonl(dir, akhbar::test::STORY_ARTICLES);
    akhbar::test::write_story_keys(db, akhbar::test::STORY_KEYS);
    RunningServer server(options_for(db));
    auto client = server.client();
    const std::string climate = "%D8%A7%D9%84%D9%85%D9%86%D8%A7%D8%AE";  // المناخ
    const json collapsed = body(get(client, "/search?q=" + climate));
    BOOST_TEST(collapsed["collapsed"] == true);
    BOOST_TEST(collapsed["hits"].size() == 3U);
    BOOST_TEST(collapsed["total"] == 6);
    BOOST_TEST(collapsed["stories"] == 3);
    const json all = body(get(client, "/search?q=" + climate + "&collapse=0&facet_count=stories"));
    BOOST_TEST(all["collapsed"] == false);
    BOOST_TEST(all["hits"].size() == 6U);
    BOOST_TEST(all["facets"]["count"] == "stories");
    for (const auto& h : all["hits"]) {
        if (h["id"] == "a1") {
            BOOST_TEST(h["story"] == "a1");
            BOOST_TEST(h["copies"].size() == 2U);
        } else if (h["id"] == "b1") {
            BOOST_TEST(h["story"].is_null());
            BOOST_TEST(h["copies"] == json::array());
        }
    }
    const json article = body(get(client, "/articles/a3"));
    BOOST_TEST(article["story"] == "a1");
    BOOST_TEST(article["copies"][0]["id"] == "a1");
    BOOST_TEST(article["copies"][1]["id"] == "a2");
    const json related = body(get(client, "/articles/a1/related?collapse=0"));
    for (const auto& h : related["hits"]) {
        BOOST_TEST(h["story"] != "a1");
    }
    // The page lists the copies under the hit.
    const auto page = get(client, "/?q=" + climate);
    BOOST_TEST(page->body.find("class=\"copies\"") != std::string::npos);
}

BOOST_AUTO_TEST_SUITE_END()
