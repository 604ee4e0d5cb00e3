#include "page_links.hpp"

#include "akhbar/common/date_format.hpp"

namespace akhbar::server {

namespace {

bool unreserved(unsigned char c)
{
    return (c >= 'A' && c <= 'Z') || (c >= 'a' && c <= 'z') || (c >= '0' && c <= '9') || c == '-' ||
           c == '.' || c == '_' || c == '~';
}

void add(std::string& url, std::string_view name, std::string_view value)
{
    url += url.find('?') == std::string::npos ? '?' : '&';
    url += name;
    url += '=';
    url += url_encode(value);
}

}  // namespace

std::string url_encode(std::string_view text)
{
    static constexpr char HEX[] = "0123456789ABCDEF";
    std::string out;
    out.reserve(text.size() * 3);
    for (const char ch : text) {
        const auto c = static_cast<unsigned char>(ch);
        if (unreserved(c)) {
            out += ch;
        } else {
            out += '%';
            out += HEX[c >> 4U];
            out += HEX[c & 0x0FU];
        }
    }
    return out;
}

std::vector<Parameter> parameters_of(const SearchRequest& request)
{
    const SearchRequest defaults;
    std::vector<Parameter> out{{"q", request.query}};
    if (request.from) {
        out.push_back({"from", schema::format_iso(*request.from)});
    }
    if (request.to) {
        out.push_back({"to", schema::format_iso(*request.to)});
    }
    for (const std::string& source : request.sources) {
        out.push_back({"source", source});
    }
    for (const std::string& category : request.categories) {
        out.push_back({"category", category});
    }
    if (request.sort != defaults.sort) {
        out.push_back({"sort", std::string(to_string(request.sort))});
    }
    if (request.strict != defaults.strict) {
        out.push_back({"strict", std::string(to_string(request.strict))});
    }
    if (request.facet_month) {
        out.push_back({"facet_month", schema::format_iso(*request.facet_month)});
    }
    // The rest of the request, so that page 2 or a filter asks for the same
    // search: `all` and `literal` change what matches, the others what shows.
    if (request.match_all) {
        out.push_back({"all", "1"});
    }
    if (request.literal) {
        out.push_back({"literal", "1"});
    }
    if (request.explain) {
        out.push_back({"explain", "1"});
    }
    if (request.collapse != defaults.collapse) {
        out.push_back({"collapse", request.collapse ? "1" : "0"});
    }
    if (request.facet_count != defaults.facet_count) {
        out.push_back({"facet_count", std::string(to_string(request.facet_count))});
    }
    if (request.facets != defaults.facets) {
        out.push_back({"facets", request.facets ? "1" : "0"});
    }
    if (request.ranking) {
        out.push_back({"ranking", std::string(to_string(*request.ranking))});
    }
    if (request.snippet_chars != defaults.snippet_chars) {
        out.push_back({"snippet_chars", std::to_string(request.snippet_chars)});
    }
    if (request.limit != defaults.limit) {
        out.push_back({"limit", std::to_string(request.limit)});
    }
    if (request.offset != defaults.offset) {
        out.push_back({"offset", std::to_string(request.offset)});
    }
    return out;
}

std::string search_link(const SearchRequest& request)
{
    std::string url = "/";
    for (const Parameter& p : parameters_of(request)) {
        add(url, p.name, p.value);
    }
    return url;
}

std::string read_link(std::string_view id, std::string_view query)
{
    std::string url = "/read/" + url_encode(id);
    if (!query.empty()) {
        add(url, "q", query);
    }
    return url;
}

}  // namespace akhbar::server
