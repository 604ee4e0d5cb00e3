// A SearchRequest from named text fields (request_fields.hpp): the one
// reading of option and parameter text shared by akhbar-search and
// akhbar-serve, over the library's checks.

#include "akhbar/searcher/request_fields.hpp"

#include <charconv>
#include <string>

#include "akhbar/common/error.hpp"
#include "akhbar/common/quote.hpp"
#include "akhbar/common/ranking.hpp"

namespace akhbar {

std::size_t checked_number_text(std::string_view field, std::string_view text)
{
    // Read as a signed number and checked by checked_number(): read straight
    // into a size_t, "-1" would wrap into a huge count.
    long long value = 0;
    const char* end = text.data() + text.size();
    const auto [ptr, ec] = std::from_chars(text.data(), end, value);
    if (text.empty() || ptr != end || ec == std::errc::invalid_argument) {
        throw InvalidArgument(std::string(field) +
                              " is not a whole number: " + quote_for_message(text));
    }
    if (ec == std::errc::result_out_of_range) {
        throw InvalidArgument(std::string(field) + " is out of range: " + quote_for_message(text));
    }
    return checked_number(field, value);
}

bool checked_flag(std::string_view field, std::string_view text)
{
    // "" is a flag given without a value (`?all` in a URL).
    if (text.empty() || text == "1" || text == "true" || text == "yes") {
        return true;
    }
    if (text == "0" || text == "false" || text == "no") {
        return false;
    }
    throw InvalidArgument(std::string(field) + " is true or false, not " + quote_for_message(text));
}

void set_request_field(SearchRequest& request, std::string_view name, std::string_view value)
{
    if (name == "query" || name == "q") {
        request.query = value;
    } else if (name == "all") {
        request.match_all = checked_flag(name, value);
    } else if (name == "literal") {
        request.literal = checked_flag(name, value);
    } else if (name == "explain") {
        request.explain = checked_flag(name, value);
    } else if (name == "facets") {
        request.facets = checked_flag(name, value);
    } else if (name == "collapse") {
        request.collapse = checked_flag(name, value);
    } else if (name == "facet_count") {
        request.facet_count =
            value.empty() ? SearchRequest{}.facet_count : parse_facet_unit(value);
    } else if (name == "from") {
        request.from = checked_date(name, value);
    } else if (name == "to") {
        request.to = checked_date(name, value);
    } else if (name == "source") {
        request.sources.emplace_back(value);
    } else if (name == "category") {
        request.categories.emplace_back(value);
    } else if (name == "sort") {
        // An empty name asks for the default, as it does of every enum field.
        request.sort = value.empty() ? SearchRequest{}.sort : parse_sort_order(value);
    } else if (name == "ranking") {
        request.ranking = value.empty() ? std::nullopt : std::optional(parse_ranking(value));
    } else if (name == "strict") {
        request.strict = value.empty() ? SearchRequest{}.strict : parse_strictness(value);
    } else if (name == "limit") {
        request.limit = checked_number_text(name, value);
    } else if (name == "offset") {
        request.offset = checked_number_text(name, value);
    } else if (name == "snippet_chars") {
        request.snippet_chars = checked_number_text(name, value);
    } else if (name == "facet_month") {
        request.facet_month = checked_month(name, value);
    } else {
        throw InvalidArgument("unknown request field " + quote_for_message(name));
    }
}

}  // namespace akhbar
