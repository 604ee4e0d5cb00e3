// One collection, three layouts: a single database, a database sharded by
// month (local), and the same shards served by xapian-tcpsrv on loopback.
// Every layout must give the same hits, scores, totals, snippets and facets;
// a shard that is down is named, never waited on forever.

#include <netinet/in.h>
#include <signal.h>
#include <spawn.h>
#include <sys/socket.h>
#include <sys/wait.h>
#include <unistd.h>

#include <algorithm>
#include <chrono>
#include <cmath>
#include <cstdio>
#include <filesystem>
#include <fstream>
#include <set>
#include <thread>

#include <boost/test/unit_test.hpp>

#include <xapian.h>

#include "akhbar/common/error.hpp"
#include "akhbar/common/hashes.hpp"
#include "akhbar/common/terms.hpp"
#include "akhbar/indexer/collection.hpp"
#include "akhbar/searcher/searcher.hpp"
#include "support/index.hpp"
#include "support/stories.hpp"
#include "support/temp_dir.hpp"

extern char** environ;

namespace fs = std::filesystem;
using akhbar::SearchRequest;
using akhbar::SearchResult;
using akhbar::Searcher;
using akhbar::SearcherOptions;

namespace {

sockaddr_in loopback(unsigned port)
{
    sockaddr_in addr{};
    addr.sin_family = AF_INET;
    addr.sin_addr.s_addr = htonl(INADDR_LOOPBACK);
    addr.sin_port = htons(static_cast<std::uint16_t>(port));
    return addr;
}

// A port the kernel says is free now.
unsigned free_port()
{
    const int fd = ::socket(AF_INET, SOCK_STREAM, 0);
    sockaddr_in addr = loopback(0);
    ::bind(fd, reinterpret_cast<sockaddr*>(&addr), sizeof addr);
    socklen_t len = sizeof addr;
    ::getsockname(fd, reinterpret_cast<sockaddr*>(&addr), &len);
    ::close(fd);
    return ntohs(addr.sin_port);
}

bool accepts_connections(unsigned port)
{
    const int fd = ::socket(AF_INET, SOCK_STREAM, 0);
    sockaddr_in addr = loopback(port);
    const bool ok = ::connect(fd, reinterpret_cast<sockaddr*>(&addr), sizeof addr) == 0;
    ::close(fd);
    return ok;
}

// Whether something listens on the loopback `port`, seen without connecting
// (a connection would use up a --one-shot server): Linux's /proc/net/tcp,
// whose lines hold "0100007F:PORT" (hex) and state 0A (LISTEN).
bool listens(unsigned port)
{
    std::ifstream in("/proc/net/tcp");
    char address[32];
    std::snprintf(address, sizeof address, "0100007F:%04X", port);
    std::string line;
    while (std::getline(in, line)) {
        if (line.find(std::string(address) + " 00000000:0000 0A") != std::string::npos) {
            return true;
        }
    }
    return false;
}

std::string find_tcpsrv()
{
    for (const char* dir : {"/usr/bin", "/usr/local/bin"}) {
        const fs::path p = fs::path(dir) / "xapian-tcpsrv";
        if (fs::exists(p)) {
            return p.string();
        }
    }
    return {};
}

// xapian-tcpsrv serving one database on a loopback port, for as long as the
// object lives; with `one_shot`, serving a single connection.
class TcpServer {
public:
    explicit TcpServer(const fs::path& db, bool one_shot = false) : m_port(free_port())
    {
        const std::string tcpsrv = find_tcpsrv();
        BOOST_TEST_REQUIRE(!tcpsrv.empty(), "xapian-tcpsrv not found (Debian package xapian-tools)");
        std::vector<std::string> args = {tcpsrv, "--quiet", "--interface", "127.0.0.1", "--port",
                                         std::to_string(m_port), db.string()};
        if (one_shot) {
            args.insert(args.begin() + 1, "--one-shot");
        }
        std::vector<char*> argv;
        for (auto& a : args) {
            argv.push_back(a.data());
        }
        argv.push_back(nullptr);
        // Its own process group: xapian-tcpsrv forks a child per connection,
        // and stopping the server must stop those too.
        posix_spawnattr_t attr;
        posix_spawnattr_init(&attr);
        posix_spawnattr_setflags(&attr, POSIX_SPAWN_SETPGROUP);
        posix_spawnattr_setpgroup(&attr, 0);
        const int spawned = posix_spawn(&m_pid, argv[0], nullptr, &attr, argv.data(), environ);
        posix_spawnattr_destroy(&attr);
        BOOST_TEST_REQUIRE(spawned == 0);
        const auto started = [&] {
            return one_shot ? listens(m_port) : accepts_connections(m_port);
        };
        for (int i = 0; i < 200 && !started(); ++i) {
            std::this_thread::sleep_for(std::chrono::milliseconds(25));
        }
        BOOST_TEST_REQUIRE(started(), "xapian-tcpsrv did not start on " << m_port);
    }
    TcpServer(const TcpServer&) = delete;
    TcpServer& operator=(const TcpServer&) = delete;
    ~TcpServer() { stop(); }

    void stop()
    {
        if (m_pid > 0) {
            ::kill(-m_pid, SIGKILL);
            ::waitpid(m_pid, nullptr, 0);
            m_pid = -1;
        }
    }

    [[nodiscard]] std::string address() const { return "tcp://127.0.0.1:" + std::to_string(m_port); }

private:
    unsigned m_port;
    pid_t m_pid = -1;
};

void index_into(const fs::path& db, akhbar::ShardBy by)
{
    akhbar::IndexerOptions options;
    options.db = db;
    options.shard_by = by;
    (void)akhbar::test::index_paths(
        options, {(fs::path(AKHBAR_SOURCE_DIR) / "corpus").string(),
                  (fs::path(AKHBAR_TEST_DATA_DIR) / "ant_shards_sample.jsonl.gz").string()});
}

// The collection in all three layouts, built once for the suite.
struct Layouts {
    akhbar::test::TempDir dir;
    fs::path single = dir / "single";
    fs::path sharded = dir / "sharded";
    std::vector<fs::path> periods;  // the month (and undated) shards
    std::vector<std::unique_ptr<TcpServer>> servers;
    std::vector<std::string> remote;  // tcp:// addresses, one per period shard

    Layouts()
    {
        index_into(single, akhbar::ShardBy::none);
        index_into(sharded, akhbar::ShardBy::month);
        for (const auto& entry : fs::directory_iterator(sharded)) {
            if (fs::exists(entry.path() / "iamglass") && entry.path().filename() != "spelling") {
                periods.push_back(entry.path());
            }
        }
        std::sort(periods.begin(), periods.end());
        for (const auto& p : periods) {
            servers.push_back(std::make_unique<TcpServer>(p));
            remote.push_back(servers.back()->address());
        }
    }
};

Layouts& layouts()
{
    static Layouts instance;
    return instance;
}

SearchRequest request_for(const std::string& query)
{
    SearchRequest r;
    r.query = query;
    r.limit = 10;
    return r;
}

void require_same(const SearchResult& expected, const SearchResult& got, const std::string& layout)
{
    BOOST_TEST_CONTEXT(layout << ", query \"" << expected.query << "\"")
    {
        BOOST_TEST(got.total == expected.total);
        BOOST_TEST(got.total_exact == expected.total_exact);
        BOOST_TEST_REQUIRE(got.hits.size() == expected.hits.size());
        for (std::size_t i = 0; i < got.hits.size(); ++i) {
            const auto& e = expected.hits[i];
            const auto& g = got.hits[i];
            BOOST_TEST(g.id == e.id, "rank " << i + 1);
            // Not to the last digit: Xapian estimates a stem class's
            // frequency (OP_SYNONYM) from the members each shard has, so
            // class words score slightly differently by layout (seen: 2e-4).
            BOOST_TEST(std::abs(g.score - e.score) <= 1e-3 * std::max(1.0, e.score), "rank " << i + 1);
            BOOST_TEST(g.title.text == e.title.text);
            BOOST_TEST(g.snippet.text == e.snippet.text);
            BOOST_TEST((g.snippet.highlights == e.snippet.highlights));
        }
        BOOST_TEST_REQUIRE(got.date_facet.has_value() == expected.date_facet.has_value());
        if (expected.date_facet) {
            BOOST_TEST((got.date_facet->granularity == expected.date_facet->granularity));
            BOOST_TEST(got.date_facet->undated == expected.date_facet->undated);
            BOOST_TEST(got.date_facet->outside == expected.date_facet->outside);
            BOOST_TEST_REQUIRE(got.date_facet->counts.size() == expected.date_facet->counts.size());
            for (std::size_t i = 0; i < got.date_facet->counts.size(); ++i) {
                BOOST_TEST(got.date_facet->counts[i].value == expected.date_facet->counts[i].value);
                BOOST_TEST(got.date_facet->counts[i].count == expected.date_facet->counts[i].count);
            }
        }
        BOOST_TEST_REQUIRE(got.source_facet.size() == expected.source_facet.size());
        for (std::size_t i = 0; i < got.source_facet.size(); ++i) {
            BOOST_TEST(got.source_facet[i].value == expected.source_facet[i].value);
            BOOST_TEST(got.source_facet[i].count == expected.source_facet[i].count);
        }
        BOOST_TEST_REQUIRE(got.category_facet.size() == expected.category_facet.size());
        for (std::size_t i = 0; i < got.category_facet.size(); ++i) {
            BOOST_TEST(got.category_facet[i].value == expected.category_facet[i].value);
            BOOST_TEST(got.category_facet[i].count == expected.category_facet[i].count);
        }
        BOOST_TEST(!got.partial);
    }
}

const std::vector<std::string> QUERIES = {
    "السلام",                  // every seed, and ANT
    "كازاخستان اتفاقات",        // the seeds' story
    "\"اتفاقات أبراهام\"",      // a phrase
    "الحكومة التونسية",         // ANT, many months
    "كرة القدم",                // ANT sports
    "الانتخابات -البلدية",      // exclusion
    "title:تونس",              // a field
    "مسئول",                   // hamza seat variant
};

}  // namespace

BOOST_AUTO_TEST_SUITE(shards)

BOOST_AUTO_TEST_CASE(sharded_and_remote_layouts_give_the_same_results)
{
    Layouts& l = layouts();
    BOOST_TEST_REQUIRE(l.remote.size() > 10U);  // 51 months of ANT, November 2025, undated
    const Searcher single({l.single.string()});
    const Searcher sharded({l.sharded.string()});
    const Searcher remote(l.remote);
    BOOST_TEST(sharded.size() == single.size());
    BOOST_TEST(remote.size() == single.size());
    BOOST_TEST(sharded.shards().size() == l.remote.size() + 1);  // and the spelling database

    for (const std::string& q : QUERIES) {
        const SearchResult expected = single.search(request_for(q));
        BOOST_TEST(expected.total > 0U, q);
        require_same(expected, sharded.search(request_for(q)), "local shards");
        require_same(expected, remote.search(request_for(q)), "remote shards");
    }
    // The November 2025 day histogram, undated counts, a date filter, date order.
    SearchRequest nov = request_for("كازاخستان");
    nov.facet_month = std::chrono::year{2025} / std::chrono::November;
    const SearchResult expected = single.search(nov);
    BOOST_TEST(expected.date_facet->counts.size() == 30U);
    require_same(expected, sharded.search(nov), "local shards");
    require_same(expected, remote.search(nov), "remote shards");

    SearchRequest filtered = request_for("تونس");
    filtered.from = std::chrono::year{2018} / 3 / 1;
    filtered.to = std::chrono::year{2018} / 6 / 30;
    filtered.sort = akhbar::SortOrder::date;
    require_same(single.search(filtered), sharded.search(filtered), "local shards, date order");
    require_same(single.search(filtered), remote.search(filtered), "remote shards, date order");
    BOOST_TEST(!single.search(filtered).category_facet.empty());  // ANT has categories

    // Oldest first: local shards searched as one sort as one database does;
    // Xapian 1.4's remote backend takes no KeyMaker, so remote is refused.
    filtered.sort = akhbar::SortOrder::oldest;
    require_same(single.search(filtered), sharded.search(filtered), "local shards, oldest first");
    BOOST_CHECK_EXCEPTION((void)remote.search(filtered), akhbar::InvalidArgument,
                          [](const akhbar::InvalidArgument& e) {
                              BOOST_TEST(std::string(e.what()) ==
                                         "sort order \"oldest\" needs local databases: Xapian "
                                         "1.4's remote backend cannot sort undated articles last");
                              return true;
                          });
}

BOOST_AUTO_TEST_CASE(a_stub_file_mixes_local_and_remote_shards)
{
    Layouts& l = layouts();
    const fs::path stub = l.dir / "mixed.stub";
    {
        std::ofstream out(stub);
        out << "# half local, half remote\n";
        for (std::size_t i = 0; i < l.periods.size(); ++i) {
            if (i % 2 == 0) {
                out << "auto " << l.periods[i].string() << "\n";
            } else {
                out << "remote :" << l.remote[i].substr(std::string("tcp://").size()) << "\n";
            }
        }
    }
    const Searcher single({l.single.string()});
    const Searcher mixed({stub.string()});
    for (const std::string& q : QUERIES) {
        require_same(single.search(request_for(q)), mixed.search(request_for(q)), "stub file");
    }
}

BOOST_AUTO_TEST_CASE(every_layout_gives_the_same_suggestions)
{
    // Xapian's remote protocol carries no spelling data (1.4): a sharded
    // directory keeps every shard's spelling data in one local database,
    // `spelling`, which a front end searching remote shards lists too.
    Layouts& l = layouts();
    const Searcher single({l.single.string()});
    const Searcher sharded({l.sharded.string()});
    std::vector<std::string> remote_and_spelling = l.remote;
    remote_and_spelling.push_back((l.sharded / "spelling").string());
    const Searcher remote(remote_and_spelling);
    const Searcher remote_only(l.remote);
    for (const char* typo : {"كازاخستن", "المنتحب", "الاقتصد", "الجزاير"}) {
        const auto expected = single.suggest(typo);
        BOOST_TEST_REQUIRE(expected.has_value(), typo);
        BOOST_TEST(sharded.suggest(typo).value_or("(none)") == *expected, typo);
        BOOST_TEST(remote.suggest(typo).value_or("(none)") == *expected, typo);
        BOOST_TEST(!remote_only.suggest(typo).has_value(), typo);  // documented limit
    }
    // The spelling database holds no documents: totals are unchanged.
    BOOST_TEST(remote.size() == single.size());
    require_same(single.search(request_for("السلام")), remote.search(request_for("السلام")),
                 "remote shards and the spelling database");
}

BOOST_AUTO_TEST_CASE(a_shard_that_goes_down_is_named_and_can_be_left_out)
{
    akhbar::test::TempDir dir;
    const fs::path db = dir / "db";
    index_into(db, akhbar::ShardBy::month);
    std::vector<std::unique_ptr<TcpServer>> servers;
    std::vector<std::string> addresses;
    for (const auto& entry : fs::directory_iterator(db)) {
        if (fs::exists(entry.path() / "iamglass")) {
            servers.push_back(std::make_unique<TcpServer>(entry.path()));
            addresses.push_back(servers.back()->address());
        }
    }
    SearcherOptions strict;
    strict.databases = addresses;
    strict.timeout = std::chrono::milliseconds(2000);
    SearcherOptions lenient = strict;
    lenient.allow_partial = true;
    const Searcher before(strict);
    const std::size_t all = before.search(request_for("السلام")).total;

    const Searcher open_strict(strict);
    const Searcher open_lenient(lenient);
    servers[0]->stop();
    const std::string down = addresses[0];

    // Open searchers: the failing shard is found and named.
    try {
        (void)open_strict.search(request_for("السلام"));
        BOOST_ERROR("a search over a shard that is down succeeded");
    } catch (const akhbar::IndexError& e) {
        BOOST_TEST(std::string(e.what()).find(down) != std::string::npos, e.what());
    }
    const SearchResult partial = open_lenient.search(request_for("السلام"));
    BOOST_TEST(partial.partial);
    BOOST_TEST_REQUIRE(partial.unavailable.size() == 1U);
    BOOST_TEST(partial.unavailable[0].find(down) != std::string::npos);
    BOOST_TEST(partial.total < all);
    BOOST_TEST(partial.total > 0U);

    // New searchers: the shard cannot be opened.
    BOOST_CHECK_EXCEPTION((void)Searcher(strict), akhbar::IndexError, [&](const akhbar::IndexError& e) {
        return std::string(e.what()).find(down) != std::string::npos;
    });
    const Searcher reopened(lenient);
    BOOST_TEST(reopened.shards().size() == addresses.size() - 1);
    BOOST_TEST(reopened.search(request_for("السلام")).total == partial.total);
}

BOOST_AUTO_TEST_CASE(a_remote_shard_is_not_reconnected_to_at_every_call)
{
    // A server that serves one connection: a second one is never answered,
    // so any call that connected again would time out.
    akhbar::test::TempDir dir;
    const fs::path db = dir / "db";
    index_into(db, akhbar::ShardBy::none);
    const TcpServer server(db, true);
    SearcherOptions options;
    options.databases = {server.address()};
    options.timeout = std::chrono::milliseconds(500);
    const Searcher searcher(options);
    const std::size_t total = searcher.search(request_for("السلام")).total;
    BOOST_TEST(total > 0U);
    BOOST_TEST(searcher.search(request_for("السلام")).total == total);
    BOOST_TEST(searcher.size() > 0U);
}

BOOST_AUTO_TEST_CASE(the_lucene_profile_searches_remote_shards_with_xapians_bm25)
{
    // xapian-tcpsrv cannot run Akhbar's Lucene weight (not in its registry):
    // over a remote shard the lucene profile ranks with Xapian's BM25 at
    // Lucene's k1 and b instead, and finds what it finds locally.
    akhbar::test::TempDir dir;
    akhbar::IndexerOptions options;
    options.db = dir / "db";
    options.profile = "lucene";
    (void)akhbar::test::index_paths(options, {(fs::path(AKHBAR_SOURCE_DIR) / "corpus").string()});
    const TcpServer server(options.db);
    const auto ids = [](const SearchResult& r) {
        std::vector<std::string> out;
        for (const auto& h : r.hits) {
            out.push_back(h.id);
        }
        std::sort(out.begin(), out.end());
        return out;
    };
    const SearchResult local = Searcher({options.db.string()}).search(request_for("ترامب"));
    const SearchResult remote = Searcher({server.address()}).search(request_for("ترامب"));
    BOOST_TEST(!local.hits.empty());
    BOOST_TEST(ids(remote) == ids(local), boost::test_tools::per_element());
}

BOOST_AUTO_TEST_CASE(a_server_that_never_answers_times_out)
{
    // A socket that listens but never answers: the connection is made, the
    // greeting never comes. The timeout bounds the wait.
    const int fd = ::socket(AF_INET, SOCK_STREAM, 0);
    sockaddr_in addr = loopback(0);
    BOOST_TEST_REQUIRE(::bind(fd, reinterpret_cast<sockaddr*>(&addr), sizeof addr) == 0);
    BOOST_TEST_REQUIRE(::listen(fd, 4) == 0);
    socklen_t len = sizeof addr;
    ::getsockname(fd, reinterpret_cast<sockaddr*>(&addr), &len);
    const std::string silent = "tcp://127.0.0.1:" + std::to_string(ntohs(addr.sin_port));

    SearcherOptions options;
    options.databases = {silent};
    options.timeout = std::chrono::milliseconds(300);
    BOOST_CHECK_EXCEPTION((void)Searcher(options), akhbar::IndexError, [&](const akhbar::IndexError& e) {
        return std::string(e.what()).find(silent) != std::string::npos;
    });
    ::close(fd);
}

BOOST_AUTO_TEST_CASE(bad_shard_addresses_are_refused_with_the_line)
{
    akhbar::test::TempDir dir;
    BOOST_CHECK_THROW((void)Searcher({"tcp://localhost"}), akhbar::InvalidArgument);
    BOOST_CHECK_THROW((void)Searcher({"tcp://127.0.0.1:99999"}), akhbar::InvalidArgument);
    const fs::path stub = dir / "bad.stub";
    std::ofstream(stub) << "# ok\ninmemory\n";
    BOOST_CHECK_EXCEPTION((void)Searcher({stub.string()}), akhbar::InvalidArgument,
                          [&](const akhbar::InvalidArgument& e) {
                              return std::string(e.what()).find("bad.stub:2:") != std::string::npos;
                          });
}

// Stories across shards (docs/stories.md): story c1 has an article in
// November's shard and one in February's; collapsing, copies and the count
// of stories must not depend on the layout.
BOOST_AUTO_TEST_CASE(stories_collapse_alike_in_every_layout)
{
    akhbar::test::TempDir dir;
    // And c3, رويترز's copy of c1 a month later: one story, one source, in
    // two shards.
    const auto articles =
        dir.write("stories.jsonl", akhbar::test::STORY_ARTICLES +
                                       R"({"id": "c3", "source": "رويترز", "date": "2025-12-01", )"
                                       R"("title": "ختام قمة المناخ", "text": "اختتمت قمة المناخ )"
                                       R"(أعمالها ببيان يدعو إلى خفض الانبعاثات بسرعة أكبر"})"
                                       "\n");
    auto keys = akhbar::test::STORY_KEYS;
    keys["c3"] = "c1";
    akhbar::IndexerOptions options;
    options.db = dir / "single";
    const auto single_db = akhbar::test::index_paths(options, {articles.string()});
    BOOST_TEST(akhbar::test::write_story_keys(single_db, keys) == 6U);
    options.db = dir / "sharded";
    options.shard_by = akhbar::ShardBy::month;
    const auto sharded_db = akhbar::test::index_paths(options, {articles.string()});
    std::vector<fs::path> shards;
    for (const auto& entry : fs::directory_iterator(sharded_db)) {
        if (fs::exists(entry.path() / "iamglass") && entry.path().filename() != "spelling") {
            shards.push_back(entry.path());
        }
    }
    BOOST_TEST(akhbar::test::write_story_keys(shards, keys) == 6U);
    std::vector<std::unique_ptr<TcpServer>> servers;
    std::vector<std::string> remote;
    for (const auto& shard : shards) {
        servers.push_back(std::make_unique<TcpServer>(shard));
        remote.push_back(servers.back()->address());
    }
    const Searcher single({single_db.string()});
    const Searcher sharded({sharded_db.string()});
    const Searcher served(remote);
    const auto summary = [](const SearchResult& r) {
        std::string out = std::to_string(r.total) + " articles, " +
                          (r.stories ? std::to_string(*r.stories) : "?") + " stories:";
        // Which member stands for a story too: copies of one text tie
        // (a2 and a3 exactly, in one database), and Xapian's collapse keeps
        // the first it meets, which depends on the layout.
        std::vector<std::string> hits;
        for (const auto& h : r.hits) {
            std::string hit = " " + h.story.key.value_or(h.id) + ":" + h.id + "[";
            for (const auto& c : h.story.copies) {
                hit += c.id + " ";
            }
            hits.push_back(hit + "]");
        }
        std::sort(hits.begin(), hits.end());
        for (const auto& h : hits) {
            out += h;
        }
        return out;
    };
    for (const bool collapse : {true, false}) {
        for (const auto sort : {akhbar::SortOrder::relevance, akhbar::SortOrder::date}) {
            SearchRequest request = request_for("المناخ");
            request.collapse = collapse;
            request.sort = sort;
            const std::string expected = summary(single.search(request));
            BOOST_TEST(expected.starts_with("7 articles, 3 stories:"), expected);
            BOOST_TEST(summary(sharded.search(request)) == expected);
            BOOST_TEST(summary(served.search(request)) == expected);
            request.facets = false;  // the exact count without facets
            BOOST_TEST(served.search(request).total == 7U);
        }
    }
    SearchRequest by_story = request_for("المناخ");
    by_story.facet_count = akhbar::FacetUnit::stories;
    const SearchResult one = single.search(by_story);
    const SearchResult many = sharded.search(by_story);
    BOOST_TEST(one.source_facet.front().value == "رويترز");
    BOOST_TEST(one.source_facet.front().count == 2U);  // stories a1 and c1, each once
    BOOST_TEST(many.source_facet.size() == one.source_facet.size());
    for (std::size_t i = 0; i < std::min(one.source_facet.size(), many.source_facet.size()); ++i) {
        BOOST_TEST(many.source_facet[i].value == one.source_facet[i].value);
        BOOST_TEST(many.source_facet[i].count == one.source_facet[i].count);
    }
    BOOST_TEST(many.unsourced == one.unsourced);
    BOOST_TEST(many.date_facet->counts.size() == one.date_facet->counts.size());
    BOOST_TEST(many.date_facet->counts.front().count == one.date_facet->counts.front().count);
    // Remote shards do not count stories per facet: said, not guessed.
    BOOST_CHECK_EXCEPTION((void)served.search(by_story), akhbar::InvalidArgument,
                          [](const akhbar::InvalidArgument& e) {
                              return std::string(e.what()) ==
                                     "facet count \"stories\" needs local databases";
                          });
}

// Two exact copies, one date and one score, in one shard, added in the
// reverse of their tie-key order, and a shard beside it: by date, their
// server keeps the first by document id, and Xapian 1.4, merging the
// servers' matches, does not say that it collapsed the other. The story
// must still be shown by its first member in tie-key order, as local shards
// show it.
BOOST_AUTO_TEST_CASE(copies_of_one_date_stand_in_alike_over_remote_shards)
{
    akhbar::test::TempDir dir;
    std::vector<std::string> ids{"e1", "e2"};
    std::sort(ids.begin(), ids.end(), [](const std::string& a, const std::string& b) {
        return akhbar::schema::tie_key(a) > akhbar::schema::tie_key(b);
    });
    std::string copies;
    for (const std::string& id : ids) {
        copies += R"({"id": ")" + id +
                  R"(", "date": "2025-11-04", "title": "قمة المناخ", )"
                  R"("text": "انطلقت قمة المناخ في مدينة بيليم البرازيلية بمشاركة واسعة"})"
                  "\n";
    }
    const std::string other = R"({"id": "o1", "date": "2025-12-01", "title": "أسعار النفط", )"
                              R"("text": "ارتفعت أسعار النفط في الأسواق العالمية"})"
                              "\n";
    akhbar::IndexerOptions options;
    options.db = dir / "copies";
    const auto copies_db =
        akhbar::test::index_paths(options, {dir.write("copies.jsonl", copies).string()});
    options.db = dir / "other";
    const auto other_db =
        akhbar::test::index_paths(options, {dir.write("other.jsonl", other).string()});
    // Added in that order: the copy last in tie-key order is document 1.
    const std::string first_term = std::string(akhbar::schema::PREFIX_ID) + ids.front();
    BOOST_TEST_REQUIRE(*Xapian::Database(copies_db.string()).postlist_begin(first_term) == 1U);
    const TcpServer copies_server(copies_db);
    const TcpServer other_server(other_db);
    const Searcher local({copies_db.string(), other_db.string()});
    const Searcher served({copies_server.address(), other_server.address()});
    for (const auto sort : {akhbar::SortOrder::relevance, akhbar::SortOrder::date}) {
        SearchRequest request = request_for("المناخ");
        request.sort = sort;
        const SearchResult expected = local.search(request);
        BOOST_TEST_REQUIRE(expected.hits.size() == 1U);  // one story
        BOOST_TEST(expected.hits[0].id == ids.back());
        const SearchResult got = served.search(request);
        BOOST_TEST_REQUIRE(got.hits.size() == 1U);
        BOOST_TEST(got.hits[0].id == ids.back());
    }
}

BOOST_AUTO_TEST_SUITE_END()
