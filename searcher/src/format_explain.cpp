#include "akhbar/searcher/format_explain.hpp"

#include <cstdio>

#include "akhbar/common/quote.hpp"

namespace akhbar {

namespace {

// A class can hold hundreds of stems: its first ones show what it is.
constexpr std::size_t TERMS_SHOWN = 8;

std::string number(double value)
{
    char text[32];
    std::snprintf(text, sizeof text, "%.4f", value);
    return text;
}

// "a، b، c (+N more)": the first TERMS_SHOWN of `terms`, escaped.
std::string listed(const std::vector<std::string>& terms)
{
    std::string out;
    for (std::size_t i = 0; i < terms.size() && i < TERMS_SHOWN; ++i) {
        out += i == 0 ? "" : "، ";
        out += escape_controls(terms[i]);
    }
    if (terms.size() > TERMS_SHOWN) {
        out += " (+" + std::to_string(terms.size() - TERMS_SHOWN) + " more)";
    }
    return out;
}

}  // namespace

std::string format_query_explanation(const SearchResult& result)
{
    if (result.words.empty()) {
        return {};
    }
    std::string out = "Query words:\n";
    for (const QueryWord& w : result.words) {
        out += "  " + escape_controls(w.text) + ": normalized " + escape_controls(w.normalized);
        if (w.stopword) {
            out += ", a stopword: not searched\n";
            continue;
        }
        out += ", stem " + escape_controls(w.stem) + "\n";
        if (!w.stem_class.empty()) {
            out += "    stem class (" + std::to_string(w.stem_class.size()) +
                   "): " + listed(w.stem_class) + "\n";
        }
        if (!w.root_class.empty()) {
            out += "    root class (" + std::to_string(w.root_class.size()) +
                   "): " + listed(w.root_class) + "\n";
        }
        if (!w.variants.empty()) {
            out += "    variants: " + listed(w.variants) + "\n";
        }
    }
    return out;
}

std::string format_hit_explanation(const Explanation& explanation, double score,
                                   const std::string& indent)
{
    std::string out = indent + "score " + number(score) + " = match " +
                      number(explanation.match);
    for (const ScorePart& p : explanation.parts) {
        if (p.kind == "proximity" || p.kind == "lead") {
            out += " + " + p.kind + " " + number(p.score);
        }
    }
    out += "\n";
    for (const ScorePart& p : explanation.parts) {
        out += indent + "  " + number(p.score) + "  ";
        if (p.kind == "proximity") {
            out += "proximity (" + number(explanation.proximity) + " of 1)\n";
            continue;
        }
        if (p.kind == "lead") {
            out += "lead (" + number(explanation.lead) + " of the words in the lead)\n";
            continue;
        }
        out += (p.word.empty() ? std::string("-") : escape_controls(p.word)) + " · " + p.kind;
        if (!p.terms.empty()) {
            out += ": " + listed(p.terms);
        }
        out += "\n";
    }
    return out;
}

}  // namespace akhbar
