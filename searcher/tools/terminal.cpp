#include "terminal.hpp"

#include <sys/ioctl.h>
#include <unistd.h>

#include <charconv>
#include <cstdlib>
#include <string_view>

#include "akhbar/common/error.hpp"
#include "akhbar/common/quote.hpp"

namespace akhbar::cli {

namespace {

constexpr std::size_t DEFAULT_WIDTH = 80;

std::string_view env(const char* name)
{
    const char* value = std::getenv(name);
    return value == nullptr ? std::string_view() : std::string_view(value);
}

// ripgrep's (termcolor's) test: a terminal type that is known and can do
// colour, and no NO_COLOR with a value.
bool environment_allows_colour()
{
    const std::string_view term = env("TERM");
    return !term.empty() && term != "dumb" && env("NO_COLOR").empty();
}

}  // namespace

std::size_t output_width()
{
    winsize size{};
    if (ioctl(STDOUT_FILENO, TIOCGWINSZ, &size) == 0 && size.ws_col > 0) {
        return size.ws_col;
    }
    const std::string_view columns = env("COLUMNS");
    std::size_t width = 0;
    const auto [end, error] = std::from_chars(columns.data(), columns.data() + columns.size(), width);
    if (error == std::errc{} && end == columns.data() + columns.size() && width > 0) {
        return width;
    }
    return DEFAULT_WIDTH;
}

TextStyle text_style(const std::string& color, const std::string& facets, bool plain)
{
    const bool terminal = isatty(STDOUT_FILENO) != 0 && !plain;
    TextStyle style;
    if (color == "auto") {
        style.color = terminal && environment_allows_colour();
    } else if (color == "always") {
        if (plain) {
            throw InvalidArgument("--plain turns colour off: it does not go with --color always");
        }
        style.color = true;
    } else if (color != "never") {
        throw InvalidArgument("--color is auto, always or never, not " + quote_for_message(color));
    }
    if (facets == "auto") {
        style.facets = terminal ? FacetLayout::chart : FacetLayout::table;
    } else if (facets == "chart" || facets == "table") {
        style.facets = facets == "chart" ? FacetLayout::chart : FacetLayout::table;
    } else {
        throw InvalidArgument("--facets is auto, chart or table, not " + quote_for_message(facets));
    }
    style.bidi_isolate = terminal;
    style.wrap = terminal;
    style.width = output_width();
    return style;
}

}  // namespace akhbar::cli
