#include "akhbar/indexer/plain_text.hpp"

#include <vector>

#include "akhbar/common/normalizer.hpp"
#include "akhbar/common/utf8.hpp"
#include "akhbar/common/dates.hpp"

namespace akhbar::plain_text {

namespace {

const Normalizer& normalizer()
{
    static const Normalizer n(NormalizationScheme::akhbar);
    return n;
}

std::string_view trim(std::string_view s)
{
    // ASCII white space and the no-break space U+00A0.
    auto is_space = [](std::string_view t, std::size_t i, bool from_end) -> std::size_t {
        const char c = from_end ? t[t.size() - 1 - i] : t[i];
        if (c == ' ' || c == '\t' || c == '\r' || c == '\n' || c == '\v' || c == '\f') {
            return 1;
        }
        const std::string_view nbsp = "\xC2\xA0";
        if (!from_end && t.substr(i).starts_with(nbsp)) {
            return 2;
        }
        if (from_end && t.substr(0, t.size() - i).ends_with(nbsp)) {
            return 2;
        }
        return 0;
    };
    while (!s.empty()) {
        const std::size_t n = is_space(s, 0, false);
        if (n == 0) {
            break;
        }
        s.remove_prefix(n);
    }
    while (!s.empty()) {
        const std::size_t n = is_space(s, 0, true);
        if (n == 0) {
            break;
        }
        s.remove_suffix(n);
    }
    return s;
}

std::size_t count_words(std::string_view s)
{
    std::size_t words = 0;
    bool in_word = false;
    for (const char c : s) {
        const bool space = c == ' ' || c == '\t';
        if (!space && !in_word) {
            ++words;
        }
        in_word = !space;
    }
    return words;
}

// After a matched prefix, the next character must end the word.
bool at_word_boundary(std::string_view line, std::size_t pos)
{
    if (pos >= line.size()) {
        return true;
    }
    std::size_t next = pos;
    const char32_t cp = utf8::next(line, next);
    return cp == U' ' || cp == U':' || cp == U'\t' || cp == U'-' || cp == U'\u060C' ||
           cp == U'.' || cp == U'\u2013' || cp == U'\u2014';
}

struct PreparedRule {
    const CleaningRule* rule;
    std::string pattern;
};

const std::vector<PreparedRule>& prepared_rules()
{
    static const auto rules = [] {
        std::vector<PreparedRule> out;
        for (const CleaningRule& rule : CLEANING_RULES) {
            out.push_back({&rule, normalizer()(rule.pattern)});
        }
        return out;
    }();
    return rules;
}

std::vector<std::string> normalized_labels(std::span<const std::string_view> labels)
{
    std::vector<std::string> out;
    for (const auto label : labels) {
        out.push_back(normalizer()(label));
    }
    return out;
}

const CleaningRule* matching_rule(std::string_view normalized)
{
    // A trailing colon does not change what the line is ("تصنيفات:").
    std::string_view line = normalized;
    while (!line.empty() && (line.back() == ':' || line.back() == ' ')) {
        line.remove_suffix(1);
    }
    for (const PreparedRule& p : prepared_rules()) {
        const bool matched =
            p.rule->match == Match::whole_line
                ? line == p.pattern
                : line.starts_with(p.pattern) && at_word_boundary(line, p.pattern.size()) &&
                      (p.rule->max_words == 0 || count_words(line) <= p.rule->max_words);
        if (matched) {
            return p.rule;
        }
    }
    return nullptr;
}

// The label `normalized` starts with, if any, followed by a word boundary.
const std::string* starting_label(std::string_view normalized, const std::vector<std::string>& labels)
{
    for (const std::string& label : labels) {
        if (normalized.starts_with(label) && at_word_boundary(normalized, label.size())) {
            return &label;
        }
    }
    return nullptr;
}

// True when `s` holds only a label and separators (":" "-" spaces).
bool is_only_label(std::string_view s, const std::string& label)
{
    std::string n = normalizer()(trim(s));
    while (!n.empty() && (n.back() == ':' || n.back() == '-' || n.back() == ' ')) {
        n.pop_back();
    }
    return n == label;
}

// "- رويترز", "– أ ف ب": an agency credit after a caption date (<= 3 words).
bool is_agency_credit(std::string_view rest)
{
    rest = trim(rest);
    if (rest.empty()) {
        return true;
    }
    for (const std::string_view dash : {"-", "\xE2\x80\x93", "\xE2\x80\x94"}) {
        if (rest.starts_with(dash)) {
            const auto agency = trim(rest.substr(dash.size()));
            return !agency.empty() && count_words(agency) <= 3;
        }
    }
    return false;
}

// "دبي -الشرق", "القاهرة - أحمد": a dateline, PLACE - SOURCE. Returns SOURCE.
std::string_view dateline_source(std::string_view line)
{
    if (line.size() > 80 || count_words(line) > 5) {
        return {};
    }
    for (const char c : line) {
        if (c >= '0' && c <= '9') {
            return {};
        }
    }
    for (const std::string_view dash : {"-", "\xE2\x80\x93", "\xE2\x80\x94"}) {
        const auto at = line.find(dash);
        if (at == std::string_view::npos) {
            continue;
        }
        const auto place = trim(line.substr(0, at));
        const auto source = trim(line.substr(at + dash.size()));
        if (!place.empty() && !source.empty() && count_words(place) <= 3 &&
            count_words(source) <= 3 && source.find(dash) == std::string_view::npos) {
            return source;
        }
    }
    return {};
}

// A headline has no sentence-final punctuation and is not a paragraph.
bool looks_like_headline(std::string_view line)
{
    if (count_words(line) > 30) {
        return false;
    }
    for (const std::string_view end : {".", "!", "?", "\xD8\x9F" /* ؟ */, "\xE2\x80\xA6" /* … */}) {
        if (line.ends_with(end)) {
            return false;
        }
    }
    return true;
}

std::string display_title(std::string_view line)
{
    std::u32string title = utf8::decode(nfkc(line));
    if (title.size() > MAX_TITLE_CHARS) {
        std::size_t cut = title.rfind(U' ', MAX_TITLE_CHARS);
        if (cut == std::u32string::npos || cut < MAX_TITLE_CHARS / 2) {
            cut = MAX_TITLE_CHARS;
        }
        title.resize(cut);
        title += U'\u2026';
    }
    return utf8::encode(title);
}

}  // namespace

Parsed parse(std::string_view text)
{
    static const auto date_labels = normalized_labels(DATE_LABELS);
    static const auto source_labels = normalized_labels(SOURCE_LABELS);

    Parsed parsed;
    bool date_is_labelled = false;
    std::vector<std::string_view> kept;
    std::size_t pos = 0;
    while (pos <= text.size()) {
        const auto eol = text.find('\n', pos);
        std::string_view line =
            trim(text.substr(pos, eol == std::string_view::npos ? std::string_view::npos : eol - pos));
        pos = eol == std::string_view::npos ? text.size() + 1 : eol + 1;
        if (line.empty()) {
            continue;
        }
        const std::string normalized = normalizer()(line);

        if (const CleaningRule* rule = matching_rule(normalized)) {
            parsed.rules_applied.emplace_back(rule->name);
            if (rule->action == Action::drop_rest) {
                break;
            }
            continue;
        }

        if (const std::string* label = starting_label(normalized, source_labels)) {
            const auto colon = line.find(':');
            if (colon != std::string_view::npos && is_only_label(line.substr(0, colon), *label)) {
                if (parsed.source.empty()) {
                    parsed.source = std::string(trim(line.substr(colon + 1)));
                }
                parsed.rules_applied.emplace_back("source-label");
                continue;
            }
        }

        if (const std::string* label = starting_label(normalized, date_labels)) {
            const auto found = dates::find(line);
            if (found && is_only_label(line.substr(0, found->start), *label)) {
                if (!date_is_labelled) {
                    parsed.date = found->date;
                    date_is_labelled = true;
                }
                parsed.rules_applied.emplace_back("date-label");
                const auto rest = trim(line.substr(found->end));
                if (count_words(rest) < 3) {
                    continue;  // nothing but the date (and a time zone)
                }
                line = rest;  // the date was glued to the first sentence
            }
        }

        if (kept.size() < HEADER_LINES) {
            if (!parsed.date) {
                const auto found = dates::find(line);
                // A caption or dateline ends with the date, maybe an agency.
                if (found && is_agency_credit(line.substr(found->end))) {
                    parsed.date = found->date;
                    parsed.rules_applied.emplace_back("caption-date");
                }
            }
            if (parsed.source.empty() && !kept.empty()) {
                if (const auto source = dateline_source(line); !source.empty()) {
                    parsed.source = std::string(source);
                    parsed.rules_applied.emplace_back("dateline-source");
                }
            }
        }
        kept.push_back(line);
    }

    if (!kept.empty()) {
        parsed.title = display_title(kept.front());
        if (looks_like_headline(kept.front())) {
            kept.erase(kept.begin());
        }
    }
    for (const auto line : kept) {
        if (!parsed.text.empty()) {
            parsed.text += '\n';
        }
        parsed.text += line;
    }
    return parsed;
}

}  // namespace akhbar::plain_text
