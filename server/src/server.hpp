#pragma once
// akhbar-serve's HTTP server: the JSON API of docs/http-api.md over
// cpp-httplib, its routes and limits. The tool (tools/akhbar-serve.cpp)
// and the tests (tests/server/) run it.

#include <chrono>
#include <cstddef>
#include <memory>
#include <string>
#include <string_view>

#include "akhbar/searcher/searcher.hpp"

namespace akhbar::server {

/// Where to listen: ADDR:PORT (`[ADDR]:PORT` for IPv6).
struct ListenAddress {
    std::string host = "127.0.0.1";
    int port = 8080;
};

/// `text` as ADDR:PORT, the port from 0 (any free one) to 65535. Throws
/// InvalidArgument `listen address is ADDR:PORT, not "TEXT"`.
[[nodiscard]] ListenAddress parse_listen_address(std::string_view text);

struct ServerOptions {
    /// The databases, the remote shards' timeout and partial results, as
    /// akhbar-search takes them.
    SearcherOptions searcher;
    /// Most worker threads, and so most requests served at once (each with
    /// a Searcher of its own).
    static constexpr std::size_t max_threads = 256;
    std::size_t threads = 4;
    /// The key writing requests carry (`Authorization: Bearer KEY`); empty:
    /// writing is disabled (403). Writes go to the first database, which
    /// must then be a local one.
    std::string write_key;
    /// Largest request body (POST /articles), bytes: 413 above it.
    std::size_t max_body_bytes = std::size_t{64} << 20U;
    /// Time allowed to read a request and to write an answer.
    std::chrono::seconds read_timeout{10};
    std::chrono::seconds write_timeout{10};
    /// Requests on one kept-alive connection, and its idle time.
    std::size_t keep_alive_max_count = 100;
    std::chrono::seconds keep_alive_timeout{5};

    /// Throws InvalidArgument for threads out of 1..max_threads, a write key
    /// with a database that cannot be written here (none, several, or a
    /// tcp:// one), or the searcher's options (SearcherOptions::check).
    void check() const;
};

/// A number of worker threads as given (`--threads`), checked: from 1 to
/// ServerOptions::max_threads, else InvalidArgument
/// `threads must be from 1 to 256, not N`.
[[nodiscard]] std::size_t checked_threads(long long value);

/// The API server. Thread-safe: stop() may be called from any thread (a
/// signal watcher) while run() serves.
class ApiServer {
public:
    /// Checks `options` (ServerOptions::check); opens no database yet: the
    /// first request to need one does (so a shard down answers 503 rather
    /// than stopping the server).
    explicit ApiServer(ServerOptions options);
    ~ApiServer();
    ApiServer(const ApiServer&) = delete;
    ApiServer& operator=(const ApiServer&) = delete;

    /// Binds the address (port 0: any free port); returns the port. Throws
    /// Error when it cannot be bound.
    int bind(const ListenAddress& address);

    /// Serves until stop(); returns false when serving failed.
    bool run();

    /// Stops serving: run() returns once the requests being served are
    /// answered.
    void stop();

    /// Opens a Searcher of the pool now (what the first request would do):
    /// empty when the databases open, else why not.
    [[nodiscard]] std::string open_databases();

private:
    struct Impl;
    std::unique_ptr<Impl> m_impl;
};

}  // namespace akhbar::server
