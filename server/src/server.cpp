// The routes of the API, each a thin handler over the library: parameters
// read by set_request_field (request_fields.hpp), answers made by to_json
// and api_json, errors by answer_for (api_error.hpp).

#include "server.hpp"

#include <httplib.h>

#include <sys/socket.h>

#include <atomic>
#include <charconv>
#include <thread>
#include <optional>
#include <regex>

#include "akhbar/common/analyzer.hpp"
#include "akhbar/common/error.hpp"
#include "akhbar/common/quote.hpp"
#include "akhbar/common/token_output.hpp"
#include "akhbar/searcher/index_stats.hpp"
#include "akhbar/searcher/json.hpp"
#include "akhbar/searcher/request_fields.hpp"
#include "api_error.hpp"
#include "api_json.hpp"
#include "article_writer.hpp"
#include "page.hpp"
#include "query_limits.hpp"  // searcher/src: MAX_QUERY_BYTES
#include "searcher_pool.hpp"
#include "write_key.hpp"

namespace akhbar::server {

namespace {

constexpr const char* JSON_TYPE = "application/json; charset=utf-8";

// The most sources GET /stats lists unless told (`?limit=`).
constexpr std::size_t DEFAULT_TOP_SOURCES = 20;
/// Completions a /suggest answers without `limit`.
constexpr std::size_t DEFAULT_COMPLETIONS = 10;
/// Related articles listed under an article view.
constexpr std::size_t RELATED_ON_PAGE = 5;

// The paths of the API, for telling 405 (a known path, another method)
// from 404.
const std::regex KNOWN_PATHS(
    R"(/(search|analyze|suggest|stats|health|articles(/.+)?|read/.+)?)");

void send_json(httplib::Response& res, std::string body, int status = 200)
{
    res.status = status;
    res.set_content(std::move(body), JSON_TYPE);
}

// The pages have no script and only inline style: a policy that allows
// nothing else keeps an escaping slip from becoming a script.
void send_html(httplib::Response& res, std::string body, int status = 200)
{
    res.set_header("Content-Security-Policy",
                   "default-src 'none'; style-src 'unsafe-inline'; img-src 'self'; "
                   "form-action 'self'; frame-ancestors 'none'; base-uri 'none'");
    res.set_header("Referrer-Policy", "no-referrer");
    res.status = status;
    res.set_content(std::move(body), "text/html; charset=utf-8");
}

void send_error(httplib::Response& res, int status, const std::string& message)
{
    send_json(res, error_json(status, message), status);
}

// Runs a handler; what it throws becomes the error answer.
template <class Handler>
httplib::Server::Handler guarded(Handler handler)
{
    return [handler](const httplib::Request& req, httplib::Response& res) {
        try {
            handler(req, res);
        } catch (...) {
            const ErrorAnswer answer = answer_for(std::current_exception());
            send_error(res, answer.status, answer.message);
        }
    };
}

// The single value of parameter `name`; none when absent.
std::optional<std::string> param(const httplib::Request& req, const char* name)
{
    if (!req.has_param(name)) {
        return std::nullopt;
    }
    return req.get_param_value(name);
}

// A query over the library's limit is "too large" (413) here rather than a
// bad query (400): the client sent more than the server takes.
void check_query_size(std::string_view field, std::string_view text)
{
    if (text.size() > detail::MAX_QUERY_BYTES) {
        throw ApiError(413, std::string(field) + " is longer than " +
                                std::to_string(detail::MAX_QUERY_BYTES) + " bytes (" +
                                std::to_string(text.size()) + ")");
    }
}

// Sets `request`'s fields from `req`'s parameters, in order, until one is
// bad; a query over the size limit (given as q or query) is a 413.
void fill_search_request(SearchRequest& request, const httplib::Request& req)
{
    for (const auto& [name, value] : req.params) {
        set_request_field(request, name, value);
    }
    check_query_size("q", request.query);
}

// GET /search's parameters as a SearchRequest: every one read by the
// library (set_request_field), so an unknown or bad one is a 400 with its
// message.
SearchRequest search_request(const httplib::Request& req)
{
    SearchRequest request;
    fill_search_request(request, req);
    request.check();
    return request;
}

std::size_t limit_param(const httplib::Request& req, std::size_t fallback)
{
    const auto limit = param(req, "limit");
    return limit ? checked_number_text("limit", *limit) : fallback;
}

using Clock = std::chrono::steady_clock;

double ms_since(Clock::time_point start)
{
    return std::chrono::duration<double, std::milli>(Clock::now() - start).count();
}

}  // namespace

ListenAddress parse_listen_address(std::string_view text)
{
    const auto bad = [&] {
        return InvalidArgument("listen address is ADDR:PORT, not " + quote_for_message(text));
    };
    const auto colon = text.rfind(':');
    if (colon == std::string_view::npos || colon == 0) {
        throw bad();
    }
    std::string_view host = text.substr(0, colon);
    if (host.starts_with('[') && host.ends_with(']')) {
        host = host.substr(1, host.size() - 2);
    }
    const std::string_view port = text.substr(colon + 1);
    int value = -1;
    const auto [ptr, ec] = std::from_chars(port.data(), port.data() + port.size(), value);
    if (host.empty() || port.empty() || ec != std::errc{} || ptr != port.data() + port.size() ||
        value < 0 || value > 65535) {
        throw bad();
    }
    return {std::string(host), value};
}

std::size_t checked_threads(long long value)
{
    if (value < 1 || value > static_cast<long long>(ServerOptions::max_threads)) {
        throw InvalidArgument("threads must be from 1 to " +
                              std::to_string(ServerOptions::max_threads) + ", not " +
                              std::to_string(value));
    }
    return static_cast<std::size_t>(value);
}

void ServerOptions::check() const
{
    (void)checked_threads(static_cast<long long>(std::min<std::size_t>(threads, 1U << 20U)));
    if (!write_key.empty() &&
        (searcher.databases.size() != 1 || searcher.databases.front().starts_with("tcp://"))) {
        throw InvalidArgument(
            "a write key needs exactly one local database to write to (one --db DIR)");
    }
    searcher.check();
}

struct ApiServer::Impl {
    ServerOptions options;
    SearcherPool pool;
    std::optional<ArticleWriter> writer;
    httplib::Server http;
    std::atomic<bool> in_run{false};
    std::atomic<bool> stop_requested{false};

    explicit Impl(ServerOptions opts)
        : options(checked(std::move(opts))), pool(options.searcher, options.threads)
    {
        if (!options.write_key.empty()) {
            writer.emplace(options.searcher.databases.front());
        }
        configure();
        routes();
    }

    static ServerOptions checked(ServerOptions o)
    {
        o.check();
        return o;
    }

    void configure()
    {
        const std::size_t threads = options.threads;
        http.new_task_queue = [threads] { return new httplib::ThreadPool(threads); };
        http.set_read_timeout(options.read_timeout);
        http.set_write_timeout(options.write_timeout);
        http.set_payload_max_length(options.max_body_bytes);
        http.set_keep_alive_max_count(options.keep_alive_max_count);
        http.set_keep_alive_timeout(options.keep_alive_timeout.count());
        // SO_REUSEADDR only: httplib's default also sets SO_REUSEPORT, which
        // lets a second server bind a port that is in use and silently share
        // its connections.
        http.set_socket_options([](socket_t sock) {
            const int yes = 1;
            ::setsockopt(sock, SOL_SOCKET, SO_REUSEADDR, &yes, sizeof yes);
        });
        http.set_default_headers({{"X-Content-Type-Options", "nosniff"}});
        // Answers httplib makes itself (404 for an unknown path, 413 for a
        // body over the limit, 414 for a request line over 8192 bytes...)
        // get the API's JSON error body; those of the handlers have one.
        http.set_error_handler(httplib::Server::HandlerWithResponse(
            [](const httplib::Request& req, httplib::Response& res) {
            if (!res.body.empty()) {
                return httplib::Server::HandlerResponse::Unhandled;
            }
            switch (res.status) {
            case 404:
                send_error(res, 404, "no such path: " + quote_for_message(req.path));
                break;
            case 413:
                send_error(res, 413, "the request body is over the server's limit");
                break;
            case 414:
                // One status for every request over a limit (docs/http-api.md).
                send_error(res, 413, "the request line is longer than 8192 bytes");
                break;
            default:
                send_error(res, res.status, "HTTP status " + std::to_string(res.status));
            }
            return httplib::Server::HandlerResponse::Handled;
        }));
        http.set_exception_handler(
            [](const httplib::Request&, httplib::Response& res, std::exception_ptr error) {
                const ErrorAnswer answer = answer_for(error);
                send_error(res, answer.status, answer.message);
            });
    }

    void routes()
    {
        http.Get("/search", guarded([this](const auto& req, auto& res) { search(req, res); }));
        http.Get(R"(/articles/(.+)/related)",
                 guarded([this](const auto& req, auto& res) { related(req, res); }));
        http.Get(R"(/articles/(.+))",
                 guarded([this](const auto& req, auto& res) { article(req, res); }));
        http.Get("/analyze", guarded([this](const auto& req, auto& res) { analyze(req, res); }));
        http.Get("/suggest", guarded([this](const auto& req, auto& res) { suggest(req, res); }));
        http.Get("/stats", guarded([this](const auto& req, auto& res) { stats(req, res); }));
        http.Get("/health", guarded([this](const auto& req, auto& res) { health(req, res); }));
        http.Post("/articles", guarded([this](const auto& req, auto& res) { put(req, res); }));
        http.Delete(R"(/articles/(.+))",
                    guarded([this](const auto& req, auto& res) { remove(req, res); }));

        // The HTML pages (page.hpp): `GET /` takes the parameters of
        // /search; `GET /read/{id}` is the article view, `?q=` for its marks.
        http.Get("/", guarded([this](const auto& req, auto& res) { search_page(req, res); }));
        http.Get(R"(/read/(.+))",
                 guarded([this](const auto& req, auto& res) { article_page(req, res); }));

        // Any other method on a known path: 405, with the methods it takes.
        const auto other_method = [](const httplib::Request& req, httplib::Response& res) {
            if (!std::regex_match(req.path, KNOWN_PATHS)) {
                send_error(res, 404, "no such path: " + quote_for_message(req.path));
                return;
            }
            const bool articles = req.path == "/articles";
            const bool article = req.path.starts_with("/articles/") && !req.path.ends_with("/related");
            res.set_header("Allow", articles ? "POST" : article ? "GET, DELETE" : "GET");
            send_error(res, 405, req.method + " is not allowed on " + quote_for_message(req.path));
        };
        http.Get(".*", other_method);  // /articles: POST only
        http.Post(".*", other_method);
        http.Put(".*", other_method);
        http.Patch(".*", other_method);
        http.Delete(".*", other_method);
        http.Options(".*", other_method);
    }

    // The search page. A bad parameter or query is shown on the page (with
    // status 400, or 413 for one over the size limit) above the form, which
    // keeps what was typed; a database failure is the API's JSON error.
    void search_page(const httplib::Request& req, httplib::Response& res)
    {
        SearchRequest request;
        std::string error;
        std::optional<SearchResult> result;
        int status = 200;
        try {
            fill_search_request(request, req);
            request.check();
            if (!request.query.empty()) {
                auto lease = pool.borrow();
                result = lease.searcher().search(request);
            }
        } catch (const QueryError& e) {
            error = e.what();
            status = 400;
        } catch (const InvalidArgument& e) {
            error = e.what();
            status = 400;
        } catch (const ApiError& e) {
            error = e.what();
            status = e.status();
        }
        send_html(res, server::search_page(request, result ? &*result : nullptr, error), status);
    }

    // The article view, marked where `q` matches, with its related articles.
    void article_page(const httplib::Request& req, httplib::Response& res)
    {
        const std::string id = req.matches[1];
        const std::string query = param(req, "q").value_or("");
        check_query_size("q", query);
        auto lease = pool.borrow();
        Searcher& searcher = lease.searcher();
        const auto found = searcher.article(id);
        if (!found) {
            throw ApiError(404, "no article with id " + quote_for_message(id));
        }
        ArticleMarks marks;
        if (!query.empty()) {
            try {
                marks = {searcher.highlight(query, found->title), searcher.highlight(query, found->text)};
            } catch (const QueryError&) {
                // A query that marks nothing (stopwords only, or unparsable)
                // shows the article unmarked.
            }
        }
        const SearchResult related = searcher.related(id, RELATED_ON_PAGE);
        send_html(res, server::article_page(*found, marks, query, &related));
    }

    void search(const httplib::Request& req, httplib::Response& res)
    {
        const auto start = Clock::now();
        const SearchRequest request = search_request(req);
        auto lease = pool.borrow();
        const SearchResult result = lease.searcher().search(request);
        send_json(res, with_took_ms(to_json(result, -1), ms_since(start)));
    }

    void article(const httplib::Request& req, httplib::Response& res)
    {
        const std::string id = req.matches[1];
        auto lease = pool.borrow();
        const auto found = lease.searcher().article(id);
        if (!found) {
            throw ApiError(404, "no article with id " + quote_for_message(id));
        }
        send_json(res, article_json(*found, lease.searcher().story(id).value_or(Story{})));
    }

    void related(const httplib::Request& req, httplib::Response& res)
    {
        const auto start = Clock::now();
        const std::string id = req.matches[1];
        // Every parameter of /search applies (q narrows the related ones).
        const SearchRequest request = search_request(req);
        auto lease = pool.borrow();
        Searcher& searcher = lease.searcher();
        if (!searcher.article(id)) {
            throw ApiError(404, "no article with id " + quote_for_message(id));
        }
        send_json(res, with_took_ms(to_json(searcher.related(id, request), -1), ms_since(start)));
    }

    void analyze(const httplib::Request& req, httplib::Response& res)
    {
        const std::string text = param(req, "text").value_or("");
        check_query_size("text", text);
        std::string profile = param(req, "profile").value_or("");
        if (profile.empty()) {
            auto lease = pool.borrow();
            profile = lease.searcher().profile();
        }
        const Analyzer analyzer(profile);
        send_json(res, analysis_json(profile, tokens_to_json(analyzer.analyze(text))));
    }

    // Completions for a search-as-you-type box, as the articles write them.
    void suggest(const httplib::Request& req, httplib::Response& res)
    {
        const std::string prefix = param(req, "prefix").value_or("");
        check_query_size("prefix", prefix);
        const std::size_t limit = limit_param(req, DEFAULT_COMPLETIONS);
        auto lease = pool.borrow();
        send_json(res, completions_json(prefix, lease.searcher().complete(prefix, limit)));
    }

    void stats(const httplib::Request& req, httplib::Response& res)
    {
        const std::size_t top = limit_param(req, DEFAULT_TOP_SOURCES);
        auto lease = pool.borrow();
        send_json(res, stats_json(lease.searcher().stats(), top));
    }

    void health(const httplib::Request&, httplib::Response& res)
    {
        const std::string why = open_databases();
        send_json(res, health_json(why));
    }

    std::string open_databases()
    {
        try {
            auto lease = pool.borrow();
            (void)lease.searcher().size();
            return {};
        } catch (const std::exception& e) {
            return e.what()[0] != '\0' ? e.what() : "cannot open the databases";
        }
    }

    // 403 when writing is off, 401 without the right key.
    ArticleWriter& authorized_writer(const httplib::Request& req)
    {
        if (!writer) {
            throw ApiError(403, "writing is disabled (start akhbar-serve with --write-key)");
        }
        if (!bearer_matches(req.get_header_value("Authorization"), options.write_key)) {
            throw ApiError(401, "missing or wrong write key (Authorization: Bearer KEY)");
        }
        return *writer;
    }

    void put(const httplib::Request& req, httplib::Response& res)
    {
        ArticleWriter& w = authorized_writer(req);
        send_json(res, write_summary_json(w.put(req.body)));
    }

    void remove(const httplib::Request& req, httplib::Response& res)
    {
        ArticleWriter& w = authorized_writer(req);
        const std::string id = req.matches[1];
        if (!w.remove(id)) {
            throw ApiError(404, "no article with id " + quote_for_message(id));
        }
        WriteSummary summary;
        summary.counts.deleted = 1;
        send_json(res, write_summary_json(summary));
    }
};

ApiServer::ApiServer(ServerOptions options) : m_impl(std::make_unique<Impl>(std::move(options))) {}

ApiServer::~ApiServer() = default;

int ApiServer::bind(const ListenAddress& address)
{
    const int port = address.port == 0
                         ? m_impl->http.bind_to_any_port(address.host)
                         : (m_impl->http.bind_to_port(address.host, address.port) ? address.port : -1);
    if (port < 0) {
        throw Error("cannot listen on " + address.host + ":" + std::to_string(address.port));
    }
    return port;
}

// httplib's stop() does nothing before its listening loop has started, and
// the loop would then run for ever: a stop() that comes first (a signal at
// start-up, a test that stops at once) is remembered, and one that comes
// while run() is starting waits for the loop.
bool ApiServer::run()
{
    Impl& impl = *m_impl;
    impl.in_run = true;
    bool served = true;
    if (!impl.stop_requested) {
        served = impl.http.listen_after_bind();
    }
    impl.in_run = false;
    return served;
}

void ApiServer::stop()
{
    Impl& impl = *m_impl;
    impl.stop_requested = true;
    while (impl.in_run && !impl.http.is_running()) {
        std::this_thread::sleep_for(std::chrono::milliseconds(1));
    }
    impl.http.stop();
}

std::string ApiServer::open_databases() { return m_impl->open_databases(); }

}  // namespace akhbar::server
