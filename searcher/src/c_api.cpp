// The C API (akhbar/akhbar.h) over akhbar::Searcher: JSON in, JSON out, no
// exception ever crosses into C.

#include "akhbar/akhbar.h"

#include <algorithm>
#include <array>
#include <cstdlib>
#include <cstring>
#include <new>

#include <nlohmann/json.hpp>

#include "akhbar/common/error.hpp"
#include "akhbar/common/quote.hpp"
#include "akhbar/common/version.hpp"
#include "akhbar/searcher/json.hpp"
#include "akhbar/searcher/searcher.hpp"

struct akhbar_searcher {
    akhbar::Searcher searcher;
};

namespace {

char* copy(std::string_view s) noexcept
{
    auto* out = static_cast<char*>(std::malloc(s.size() + 1));
    if (out != nullptr) {
        std::memcpy(out, s.data(), s.size());
        out[s.size()] = '\0';
    }
    return out;
}

void set(char** target, std::string_view s) noexcept
{
    if (target != nullptr) {
        *target = copy(s);
    }
}

// Runs `body`, turning exceptions into a status and an error message.
template <typename Body>
akhbar_status as_status(char** error, Body&& body) noexcept
{
    if (error != nullptr) {
        *error = nullptr;
    }
    try {
        body();
        return AKHBAR_OK;
    } catch (const akhbar::QueryError& e) {
        set(error, e.what());
        return AKHBAR_QUERY_ERROR;
    } catch (const akhbar::InvalidArgument& e) {
        set(error, e.what());
        return AKHBAR_INVALID_ARGUMENT;
    } catch (const akhbar::IndexError& e) {
        set(error, e.what());
        return AKHBAR_INDEX_ERROR;
    } catch (const nlohmann::json::exception& e) {
        set(error, std::string("bad request JSON: ") + e.what());
        return AKHBAR_INVALID_ARGUMENT;
    } catch (const std::exception& e) {
        set(error, e.what());
        return AKHBAR_INTERNAL_ERROR;
    } catch (...) {
        set(error, "unknown error");
        return AKHBAR_INTERNAL_ERROR;
    }
}

// The keys of a request (akhbar.h). Any other is refused by name: a
// misspelt key ("limt") would otherwise be ignored, and the search run
// without what it asked for.
constexpr std::array<std::string_view, 18> REQUEST_KEYS{
    "all",     "categories", "collapse", "explain",       "facet_count", "facet_month",
    "facets",  "from",       "limit",    "literal",       "offset",      "query",
    "ranking", "snippet_chars", "sort",  "sources",       "strict",      "to"};

void refuse_unknown_keys(const nlohmann::json& request)
{
    for (const auto& item : request.items()) {
        if (std::find(REQUEST_KEYS.begin(), REQUEST_KEYS.end(), item.key()) != REQUEST_KEYS.end()) {
            continue;
        }
        std::string known;
        for (const std::string_view key : REQUEST_KEYS) {
            known += (known.empty() ? "" : ", ") + std::string(key);
        }
        throw akhbar::InvalidArgument("unknown request key " +
                                      akhbar::quote_for_message(item.key()) + " (known: " + known +
                                      ")");
    }
}

// A count of the request ("limit", "offset", "snippet_chars"), or `fallback`
// when absent. Negative numbers are refused as written (-1 is not read as a
// huge count); the bounds are the library's (SearchRequest::check).
std::size_t count_field(const nlohmann::json& request, const char* name, std::size_t fallback)
{
    if (!request.contains(name)) {
        return fallback;
    }
    const nlohmann::json& value = request.at(name);
    if (!value.is_number_integer()) {
        throw akhbar::InvalidArgument(std::string("\"") + name +
                                      "\" is not a whole number: " + value.dump());
    }
    if (value.is_number_unsigned()) {
        return value.get<std::size_t>();
    }
    return akhbar::checked_number(name, value.get<long long>());
}

// A search request needs its "query"; a related one may have none.
enum class Query { required, optional };

akhbar::SearchRequest parse_request(const char* text, Query query = Query::required)
{
    if (text == nullptr) {
        throw akhbar::InvalidArgument("request_json is NULL");
    }
    const nlohmann::json j = nlohmann::json::parse(text);
    if (!j.is_object() || (query == Query::required && !j.contains("query"))) {
        throw akhbar::InvalidArgument(query == Query::required
                                          ? "the request must be a JSON object with a \"query\""
                                          : "the request must be a JSON object");
    }
    refuse_unknown_keys(j);
    akhbar::SearchRequest r;
    r.query = j.value("query", std::string());
    r.match_all = j.value("all", false);
    r.literal = j.value("literal", false);
    r.limit = count_field(j, "limit", r.limit);
    r.offset = count_field(j, "offset", r.offset);
    r.facets = j.value("facets", r.facets);
    r.explain = j.value("explain", r.explain);
    r.collapse = j.value("collapse", r.collapse);
    if (const auto unit = j.value("facet_count", std::string()); !unit.empty()) {
        r.facet_count = akhbar::parse_facet_unit(unit);
    }
    r.snippet_chars = count_field(j, "snippet_chars", r.snippet_chars);
    // An empty name asks for the default, as akhbar-search's empty option does.
    if (const auto ranking = j.value("ranking", std::string()); !ranking.empty()) {
        r.ranking = akhbar::parse_ranking(ranking);
    }
    if (const auto strict = j.value("strict", std::string()); !strict.empty()) {
        r.strict = akhbar::parse_strictness(strict);
    }
    if (j.contains("from")) {
        r.from = akhbar::checked_date("from", j.at("from").get<std::string>());
    }
    if (j.contains("to")) {
        r.to = akhbar::checked_date("to", j.at("to").get<std::string>());
    }
    if (j.contains("sources")) {
        r.sources = j.at("sources").get<std::vector<std::string>>();
    }
    if (j.contains("categories")) {
        r.categories = j.at("categories").get<std::vector<std::string>>();
    }
    if (const auto sort = j.value("sort", std::string()); !sort.empty()) {
        r.sort = akhbar::parse_sort_order(sort);
    }
    if (j.contains("facet_month")) {
        r.facet_month =
            akhbar::checked_month("facet_month", j.at("facet_month").get<std::string>());
    }
    return r;
}

}  // namespace

extern "C" {

const char* akhbar_version(void)
{
    static const std::string version(akhbar::VERSION);
    return version.c_str();
}

akhbar_status akhbar_searcher_open(const char* const* databases, size_t count,
                                   akhbar_searcher** searcher, char** error)
{
    return as_status(error, [&] {
        if (searcher == nullptr || (count > 0 && databases == nullptr)) {
            throw akhbar::InvalidArgument("akhbar_searcher_open: NULL argument");
        }
        *searcher = nullptr;
        std::vector<std::string> paths;
        for (size_t i = 0; i < count; ++i) {
            if (databases[i] == nullptr) {
                throw akhbar::InvalidArgument("akhbar_searcher_open: database path is NULL");
            }
            paths.emplace_back(databases[i]);
        }
        *searcher = new akhbar_searcher{akhbar::Searcher(std::move(paths))};
    });
}

akhbar_status akhbar_searcher_search(akhbar_searcher* searcher, const char* request_json,
                                     char** result_json, char** error)
{
    return as_status(error, [&] {
        if (searcher == nullptr || result_json == nullptr) {
            throw akhbar::InvalidArgument("akhbar_searcher_search: NULL argument");
        }
        *result_json = nullptr;
        const std::string json = akhbar::to_json(searcher->searcher.search(parse_request(request_json)), -1);
        *result_json = copy(json);
        if (*result_json == nullptr) {
            throw std::bad_alloc();
        }
    });
}

akhbar_status akhbar_searcher_related(akhbar_searcher* searcher, const char* id, size_t limit,
                                      char** result_json, char** error)
{
    return as_status(error, [&] {
        if (searcher == nullptr || id == nullptr || result_json == nullptr) {
            throw akhbar::InvalidArgument("akhbar_searcher_related: NULL argument");
        }
        *result_json = nullptr;
        *result_json = copy(akhbar::to_json(searcher->searcher.related(id, limit), -1));
        if (*result_json == nullptr) {
            throw std::bad_alloc();
        }
    });
}

akhbar_status akhbar_searcher_related_request(akhbar_searcher* searcher, const char* id,
                                              const char* request_json, char** result_json,
                                              char** error)
{
    return as_status(error, [&] {
        if (searcher == nullptr || id == nullptr || result_json == nullptr) {
            throw akhbar::InvalidArgument("akhbar_searcher_related_request: NULL argument");
        }
        *result_json = nullptr;
        const akhbar::SearchRequest request = parse_request(request_json, Query::optional);
        *result_json = copy(akhbar::to_json(searcher->searcher.related(id, request), -1));
        if (*result_json == nullptr) {
            throw std::bad_alloc();
        }
    });
}

akhbar_status akhbar_searcher_reopen(akhbar_searcher* searcher, int* changed, char** error)
{
    return as_status(error, [&] {
        if (searcher == nullptr) {
            throw akhbar::InvalidArgument("akhbar_searcher_reopen: NULL argument");
        }
        const bool did = searcher->searcher.reopen();
        if (changed != nullptr) {
            *changed = did ? 1 : 0;
        }
    });
}

void akhbar_searcher_close(akhbar_searcher* searcher)
{
    delete searcher;
}

void akhbar_free(char* string)
{
    std::free(string);
}

}  // extern "C"
