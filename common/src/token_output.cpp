#include "akhbar/common/token_output.hpp"

#include <nlohmann/json.hpp>

#include "akhbar/common/quote.hpp"

namespace akhbar {

std::string tokens_to_tsv(std::span<const Token> tokens)
{
    std::string out;
    for (const Token& t : tokens) {
        // A word may carry a bidi override or a control (ICU keeps format
        // characters inside words): escaped, as everything shown to people.
        out += escape_controls(t.original);
        out += '\t';
        out += escape_controls(t.normalized);
        out += '\t';
        out += escape_controls(t.stem);
        out += '\t';
        out += std::to_string(t.start);
        out += '\t';
        out += std::to_string(t.end);
        out += '\n';
    }
    return out;
}

std::string tokens_to_json(std::span<const Token> tokens)
{
    auto array = nlohmann::ordered_json::array();
    for (const Token& t : tokens) {
        array.push_back({{"original", t.original},
                         {"normalized", t.normalized},
                         {"stem", t.stem},
                         {"start", t.start},
                         {"end", t.end},
                         {"position", t.position},
                         {"stopword", t.stopword}});
    }
    return array.dump(2, ' ', false, nlohmann::ordered_json::error_handler_t::strict) + "\n";
}

}  // namespace akhbar
