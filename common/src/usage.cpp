#include "akhbar/common/usage.hpp"

#include "akhbar/common/quote.hpp"

namespace akhbar {

std::string usage_error(std::string_view tool, std::string_view message, std::string_view hint)
{
    std::string out(tool);
    out += ": ";
    out += escape_controls(message);
    if (!hint.empty()) {
        out += "\n";
        out += tool;
        out += ": ";
        out += escape_controls(hint);
    }
    out += "\ntry '";
    out += tool;
    out += " --help'\n";
    return out;
}

std::string excluded_word_hint(std::string_view tool, std::string_view option)
{
    // "-x" alone is a mistyped short option; "--word" a long one.
    const bool word = option.size() > 2 && option[0] == '-' && option[1] != '-';
    if (!word) {
        return {};
    }
    std::string out = "to exclude a word, put the query after --: ";
    out += tool;
    out += " -- 'WORDS ";
    out += option;
    out += "'";
    return out;
}

}  // namespace akhbar
