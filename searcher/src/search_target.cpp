#include "search_target.hpp"

#include <charconv>
#include <filesystem>

#include "akhbar/common/error.hpp"
#include "akhbar/common/index_layout.hpp"

namespace fs = std::filesystem;

namespace akhbar::detail {

std::function<void()> before_opening_for_test;

namespace {

constexpr std::string_view TCP_SCHEME = "tcp://";
/// Stub files may list stub files; this deep and no deeper (a loop is an error).
constexpr int MAX_STUB_DEPTH = 8;

// "HOST:PORT" (HOST may be empty: this machine) into a remote target.
SearchTarget remote_target(std::string_view address, std::string name, const std::string& where)
{
    const auto colon = address.rfind(':');
    unsigned port = 0;
    const char* end = address.data() + address.size();
    if (colon == std::string_view::npos ||
        std::from_chars(address.data() + colon + 1, end, port).ptr != end || port == 0 ||
        port > 65535) {
        throw InvalidArgument(where + "not a HOST:PORT address: \"" + std::string(address) + "\"");
    }
    SearchTarget s;
    s.name = std::move(name);
    s.remote = true;
    s.host = std::string(address.substr(0, colon));
    if (s.host.empty()) {
        s.host = "127.0.0.1";
    }
    s.port = port;
    return s;
}

void expand(const std::string& spec, int depth, std::vector<SearchTarget>& out,
            std::vector<std::string>* stubs);

// Xapian's stub format (index_layout::parse_stub): `auto|glass|chert PATH`
// (relative to the stub's directory) and `remote :HOST:PORT`.
void expand_stub(const fs::path& stub, int depth, std::vector<SearchTarget>& out,
                 std::vector<std::string>* stubs)
{
    if (depth > MAX_STUB_DEPTH) {
        throw InvalidArgument(stub.string() + ": stub files nested more than " +
                              std::to_string(MAX_STUB_DEPTH) + " deep (a loop?)");
    }
    if (stubs != nullptr) {
        stubs->push_back(stub.string());
    }
    const auto entries = index_layout::read_stub(stub).value_or(index_layout::Stub{}).entries;
    for (const index_layout::StubEntry& entry : entries) {
        const std::string where = stub.string() + ":" + std::to_string(entry.line) + ": ";
        const std::string& kind = entry.kind;
        const std::string& arg = entry.arg;
        if ((kind == "auto" || kind == "glass" || kind == "chert") && !arg.empty()) {
            const fs::path p =
                fs::path(arg).is_absolute() ? fs::path(arg) : stub.parent_path() / arg;
            expand(p.lexically_normal().string(), depth + 1, out, stubs);
        } else if (kind == "remote" && arg.starts_with(":")) {
            out.push_back(remote_target(std::string_view(arg).substr(1),
                                       std::string(TCP_SCHEME) + arg.substr(1), where));
        } else {
            throw InvalidArgument(where + "not a shard Akhbar can search (auto PATH, or remote "
                                          ":HOST:PORT): \"" + entry.text + "\"");
        }
    }
}

void expand(const std::string& spec, int depth, std::vector<SearchTarget>& out,
            std::vector<std::string>* stubs)
{
    if (spec.starts_with(TCP_SCHEME)) {
        out.push_back(remote_target(std::string_view(spec).substr(TCP_SCHEME.size()), spec, ""));
        return;
    }
    const fs::path p(spec);
    std::error_code ec;
    if (fs::is_regular_file(p, ec)) {
        expand_stub(p, depth, out, stubs);
    } else if (fs::is_regular_file(p / index_layout::STUB_NAME, ec)) {
        expand_stub(p / index_layout::STUB_NAME, depth, out, stubs);
    } else {
        SearchTarget s;
        s.name = spec;
        s.path = spec;
        out.push_back(std::move(s));
    }
}

}  // namespace

std::vector<SearchTarget> expand_database(const std::string& spec, std::vector<std::string>* stubs)
{
    std::vector<SearchTarget> out;
    expand(spec, 0, out, stubs);
    return out;
}

Xapian::Database open_target(const SearchTarget& target, std::chrono::milliseconds timeout)
{
    if (!target.remote) {
        return Xapian::Database(target.path);
    }
    const auto ms = static_cast<unsigned>(timeout.count());
    return Xapian::Remote::open(target.host, target.port, ms, ms);
}

}  // namespace akhbar::detail
