#include "highlighter.hpp"

#include <algorithm>
#include <set>

namespace akhbar::detail {

namespace {

constexpr std::string_view ELLIPSIS_BEFORE = "\xE2\x80\xA6 ";  // "… "
constexpr std::string_view ELLIPSIS_AFTER = " \xE2\x80\xA6";   // " …"
/// Stopwords between the words of a phrase, at most.
constexpr std::uint32_t PHRASE_SLACK = 3;

bool is_ascii_space(char c)
{
    return c == ' ' || c == '\n' || c == '\r' || c == '\t';
}

// Where a passage may start: just after a sentence end or line break shortly
// before `pos`, else at the start of the token there.
std::size_t passage_start(std::string_view text, const std::vector<Token>& tokens,
                          std::size_t pos, std::size_t lookback)
{
    const std::size_t floor = pos > lookback ? pos - lookback : 0;
    for (std::size_t i = pos; i > floor; --i) {
        const char c = text[i - 1];
        // '.', '!', '?', newline; Arabic question mark U+061F ends in 0x9F.
        if (c == '.' || c == '!' || c == '?' || c == '\n' ||
            (c == '\x9F' && i >= 2 && text[i - 2] == '\xD8')) {
            std::size_t start = i;
            while (start < pos && is_ascii_space(text[start])) {
                ++start;
            }
            return start;
        }
    }
    // No sentence start close by: begin at a token a little before.
    std::size_t start = pos;
    for (const Token& t : tokens) {
        if (t.start >= floor + lookback / 2) {
            break;
        }
        start = t.start;
    }
    return std::min(start, pos);
}

}  // namespace

Highlighter::Highlighter(const Analyzer& analyzer, const MatchSpec& spec)
    : m_analyzer(analyzer), m_spec(spec)
{
}

bool Highlighter::matches(const Token& token) const
{
    if (token.stopword || token.stem.empty()) {
        return false;
    }
    if (m_spec.stems.count(token.stem) != 0) {
        return true;
    }
    return std::any_of(m_spec.prefixes.begin(), m_spec.prefixes.end(),
                       [&](const std::string& p) { return token.stem.starts_with(p); });
}

std::vector<Highlighter::Span> Highlighter::spans(const std::vector<Token>& tokens) const
{
    std::vector<Span> out;
    std::vector<const Token*> words;  // non-stopword tokens, in order
    for (const Token& t : tokens) {
        if (!t.stopword) {
            words.push_back(&t);
        }
    }
    std::vector<bool> in_phrase(words.size(), false);
    for (const auto& phrase : m_spec.phrases) {
        if (phrase.empty() || phrase.size() > words.size()) {
            continue;
        }
        std::string key;
        for (const auto& s : phrase) {
            key += s + " ";
        }
        for (std::size_t i = 0; i + phrase.size() <= words.size(); ++i) {
            bool ok = true;
            for (std::size_t k = 0; k < phrase.size() && ok; ++k) {
                ok = words[i + k]->stem == phrase[k] &&
                     (k == 0 || words[i + k]->position - words[i + k - 1]->position <= PHRASE_SLACK + 1);
            }
            if (ok) {
                out.push_back({words[i]->start, words[i + phrase.size() - 1]->end, key});
                for (std::size_t k = 0; k < phrase.size(); ++k) {
                    in_phrase[i + k] = true;
                }
            }
        }
    }
    for (std::size_t i = 0; i < words.size(); ++i) {
        if (!in_phrase[i] && matches(*words[i])) {
            out.push_back({words[i]->start, words[i]->end, words[i]->stem});
        }
    }
    std::sort(out.begin(), out.end(), [](const Span& a, const Span& b) { return a.start < b.start; });
    return out;
}

Snippet Highlighter::whole(std::string_view text) const
{
    Snippet snippet;
    snippet.text = std::string(text);
    for (const Span& s : spans(m_analyzer.analyze(text))) {
        snippet.highlights.push_back({s.start, s.end});
    }
    return snippet;
}

Snippet Highlighter::best_passage(std::string_view text, std::size_t max_chars) const
{
    const std::vector<Token> tokens = m_analyzer.analyze(text);
    const std::vector<Span> found = spans(tokens);
    // Arabic letters take two bytes in UTF-8: budget in bytes, about right
    // for Arabic text (and generous for Latin).
    const std::size_t budget = std::max<std::size_t>(max_chars, 40) * 2;

    std::size_t start = 0;
    if (text.size() > budget && !found.empty()) {
        std::size_t best_score = 0;
        for (const Span& anchor : found) {
            const std::size_t s = passage_start(text, tokens, anchor.start, budget / 3);
            std::set<std::string_view> distinct;
            std::size_t count = 0;
            for (const Span& other : found) {
                if (other.start >= s && other.end <= s + budget) {
                    distinct.insert(other.key);
                    ++count;
                }
            }
            const std::size_t score = distinct.size() * 100 + count;
            if (score > best_score) {
                best_score = score;
                start = s;
            }
        }
    }
    std::size_t end = text.size();
    if (end - start > budget) {
        // Cut after the last token that fits.
        end = start;
        for (const Token& t : tokens) {
            if (t.start >= start && t.end <= start + budget) {
                end = t.end;
            }
        }
        if (end == start) {
            end = std::min(text.size(), start + budget);
            while (end > start && (static_cast<unsigned char>(text[end]) & 0xC0U) == 0x80U) {
                --end;  // not inside a UTF-8 sequence
            }
        }
    }

    Snippet snippet;
    const std::string_view before = start > 0 ? ELLIPSIS_BEFORE : std::string_view{};
    snippet.text.reserve(end - start + 8);
    snippet.text += before;
    for (std::size_t i = start; i < end; ++i) {
        // One byte for one byte, so the byte ranges stay true.
        snippet.text += text[i] == '\n' || text[i] == '\r' || text[i] == '\t' ? ' ' : text[i];
    }
    if (end < text.size()) {
        snippet.text += ELLIPSIS_AFTER;
    }
    for (const Span& s : found) {
        if (s.start >= start && s.end <= end) {
            snippet.highlights.push_back({s.start - start + before.size(), s.end - start + before.size()});
        }
    }
    return snippet;
}

}  // namespace akhbar::detail
