// akhbar-serve: the HTTP JSON API over Akhbar databases (docs/http-api.md).
// Exit codes: 0 stopped by SIGINT or SIGTERM, 1 runtime error (the address
// cannot be bound), 2 usage error.

#include <pthread.h>
#include <signal.h>

#include <cstdlib>
#include <iostream>
#include <string>
#include <thread>
#include <vector>

#include <boost/program_options.hpp>

#include "akhbar/common/error.hpp"
#include "akhbar/common/usage.hpp"
#include "akhbar/common/index_metadata.hpp"
#include "akhbar/common/quote.hpp"
#include "akhbar/common/version.hpp"
#include "akhbar/searcher/request_fields.hpp"
#include "server.hpp"

namespace po = boost::program_options;

namespace {

// SIGINT and SIGTERM, blocked in every thread and awaited by one, which
// stops the server: httplib's threads never run a signal handler.
sigset_t stop_signals()
{
    sigset_t set;
    sigemptyset(&set);
    sigaddset(&set, SIGINT);
    sigaddset(&set, SIGTERM);
    return set;
}

std::string url_of(const akhbar::server::ListenAddress& address, int port)
{
    const bool v6 = address.host.find(':') != std::string::npos;
    return "http://" + (v6 ? "[" + address.host + "]" : address.host) + ":" +
           std::to_string(port) + "/";
}

}  // namespace

int main(int argc, char* argv[])
{
    // Xapian flushes on its own every XAPIAN_FLUSH_THRESHOLD changes
    // (default 10,000), which would commit part of a large POST /articles:
    // let each request's one commit decide, unless the user set it.
    setenv("XAPIAN_FLUSH_THRESHOLD", "2000000000", 0);
    std::vector<std::string> dbs;
    std::string listen = "127.0.0.1:8080";
    long long threads = 4;
    std::string write_key;
    std::string timeout_ms = "5000";
    po::options_description visible(
        "Usage: akhbar-serve [--db DIR]... [--listen ADDR:PORT] [--threads N] [--write-key KEY]\n"
        "The HTTP JSON API of Akhbar (docs/http-api.md).\n\nOptions");
    visible.add_options()
        ("db", po::value(&dbs), "database to serve (repeat for several, as akhbar-search; "
                                "default: $AKHBAR_DB, else $XDG_DATA_HOME/akhbar/default.db, else "
                                "~/.local/share/akhbar/default.db)")
        ("listen", po::value(&listen), "address and port (default 127.0.0.1:8080; port 0: any free)")
        ("threads", po::value(&threads), "worker threads, each with its own searcher (default 4, "
                                         "at most 256)")
        ("write-key", po::value(&write_key), "enable POST /articles and DELETE /articles/ID for "
                                             "requests with `Authorization: Bearer KEY` (default: "
                                             "$AKHBAR_WRITE_KEY; none: writing disabled)")
        ("timeout", po::value(&timeout_ms), "milliseconds allowed to a remote shard to connect and "
                                            "to answer (default 5000, at most 3600000)")
        ("partial", "when a shard is down, answer with the others' results, marked partial "
                    "(otherwise 503)")
        ("version", "print the version and exit")
        ("help,h", "show this help");

    try {
        po::variables_map vm;
        po::store(po::parse_command_line(argc, argv, visible), vm);
        po::notify(vm);
        if (vm.count("help") != 0U) {
            std::cout << visible << "\n";
            return 0;
        }
        if (vm.count("version") != 0U) {
            std::cout << "akhbar-serve " << akhbar::VERSION << "\n";
            return 0;
        }
        akhbar::server::ServerOptions options;
        options.searcher.databases = dbs;
        if (options.searcher.databases.empty()) {
            options.searcher.databases.push_back(akhbar::schema::default_database_path().string());
        }
        options.searcher.timeout =
            std::chrono::milliseconds(akhbar::checked_number_text("timeout", timeout_ms));
        options.searcher.allow_partial = vm.count("partial") != 0U;
        options.threads = akhbar::server::checked_threads(threads);
        if (write_key.empty()) {
            const char* env = std::getenv("AKHBAR_WRITE_KEY");
            write_key = env != nullptr ? env : "";
        }
        options.write_key = write_key;
        const akhbar::server::ListenAddress address = akhbar::server::parse_listen_address(listen);

        const sigset_t signals = stop_signals();
        pthread_sigmask(SIG_BLOCK, &signals, nullptr);  // before any thread starts
        akhbar::server::ApiServer server(options);
        const int port = server.bind(address);
        if (const std::string why = server.open_databases(); !why.empty()) {
            // Served anyway (503 until they open): a shard may come back.
            std::cerr << "akhbar-serve: warning: " << akhbar::escape_controls(why) << "\n";
        }
        std::thread watcher([&] {
            int signal = 0;
            sigwait(&signals, &signal);
            server.stop();
        });
        std::cerr << "akhbar-serve: listening on " << url_of(address, port)
                  << (options.write_key.empty() ? "" : " (writing enabled)") << "\n";
        const bool served = server.run();
        server.stop();
        pthread_kill(watcher.native_handle(), SIGTERM);  // if run() ended on its own
        watcher.join();
        if (!served) {
            std::cerr << "akhbar-serve: serving failed\n";
            return 1;
        }
        std::cerr << "akhbar-serve: stopped\n";
        return 0;
    } catch (const po::error& e) {
        std::cerr << akhbar::usage_error("akhbar-serve", e.what());
        return 2;
    } catch (const akhbar::InvalidArgument& e) {
        std::cerr << akhbar::usage_error("akhbar-serve", e.what());
        return 2;
    } catch (const std::exception& e) {
        std::cerr << "akhbar-serve: " << akhbar::escape_controls(e.what()) << "\n";
        return 1;
    }
}
