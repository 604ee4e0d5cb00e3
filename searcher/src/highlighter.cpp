#include "highlighter.hpp"

#include <algorithm>
#include <unordered_map>

namespace akhbar::detail {

namespace {

constexpr std::string_view ELLIPSIS_BEFORE = "\xE2\x80\xA6 ";  // "… "
constexpr std::string_view ELLIPSIS_AFTER = " \xE2\x80\xA6";   // " …"
/// Stopwords between the words of a phrase, at most.
constexpr std::uint32_t PHRASE_SLACK = 3;

bool is_ascii_space(char c) { return c == ' ' || c == '\n' || c == '\r' || c == '\t'; }

// text[i - 1] ends a sentence: '.', '!', '?', newline, or the Arabic question
// mark U+061F (D8 9F).
bool ends_sentence(std::string_view text, std::size_t i)
{
    const char c = text[i - 1];
    return c == '.' || c == '!' || c == '?' || c == '\n' ||
           (c == '\x9F' && i >= 2 && text[i - 2] == '\xD8');
}

// The text analyzed for a snippet: at most SNIPPET_SCAN_BYTES, cut after the
// last ASCII space so that no word is cut in two.
std::string_view scanned_part(std::string_view text)
{
    if (text.size() <= SNIPPET_SCAN_BYTES) {
        return text;
    }
    std::size_t cut = SNIPPET_SCAN_BYTES;
    while (cut > 0 && !is_ascii_space(text[cut - 1])) {
        --cut;
    }
    if (cut == 0) {  // no space at all: cut between two UTF-8 sequences
        cut = SNIPPET_SCAN_BYTES;
        while (cut > 0 && (static_cast<unsigned char>(text[cut]) & 0xC0U) == 0x80U) {
            --cut;
        }
    }
    return text.substr(0, cut);
}

// Where a passage may start: just after the last sentence end or line break
// within `lookback` bytes before `pos`, else at the start of the last token
// before `pos - lookback / 2`. Asked for non-decreasing `pos` (the anchors in
// text order), it reads every byte of the text once instead of looking back
// from every anchor.
class PassageStarts {
public:
    PassageStarts(std::string_view text, const std::vector<Token>& tokens, std::size_t lookback,
                  std::size_t& steps)
        : m_text(text), m_tokens(tokens), m_lookback(lookback), m_steps(steps)
    {
    }

    std::size_t at(std::size_t pos)
    {
        const std::size_t floor = pos > m_lookback ? pos - m_lookback : 0;
        for (; m_read < pos; ++m_steps) {
            ++m_read;
            if (ends_sentence(m_text, m_read)) {
                m_last_end = m_read;
            }
        }
        if (m_last_end > floor) {
            if (m_skipped_for != m_last_end) {
                // Tokens start on non-spaces, so between two anchors these runs
                // do not overlap: each byte is skipped once.
                m_skipped_for = m_last_end;
                m_after_spaces = m_last_end;
                for (; m_after_spaces < m_text.size() && is_ascii_space(m_text[m_after_spaces]);
                     ++m_steps) {
                    ++m_after_spaces;
                }
            }
            return std::min(m_after_spaces, pos);
        }
        // No sentence start close by: begin at a token a little before
        // (tokens are in text order).
        ++m_steps;
        const std::size_t threshold = floor + m_lookback / 2;
        const auto next = std::partition_point(m_tokens.begin(), m_tokens.end(),
                                               [&](const Token& t) { return t.start < threshold; });
        return next == m_tokens.begin() ? pos : std::min(std::prev(next)->start, pos);
    }

private:
    std::string_view m_text;
    const std::vector<Token>& m_tokens;
    std::size_t m_lookback;
    std::size_t& m_steps;
    std::size_t m_read = 0;      // bytes 1..m_read were tested by ends_sentence
    std::size_t m_last_end = 0;  // the last i <= m_read ending a sentence, 0 for none
    std::size_t m_skipped_for = std::string_view::npos;
    std::size_t m_after_spaces = 0;  // first non-space at or after m_skipped_for
};

// What a token's stem must be, or begin with, to be marked for `spec`.
std::vector<std::string> stem_parts(const MatchSpec& spec)
{
    std::vector<std::string> parts(spec.stems.begin(), spec.stems.end());
    parts.insert(parts.end(), spec.prefixes.begin(), spec.prefixes.end());
    for (const auto& phrase : spec.phrases) {
        parts.insert(parts.end(), phrase.begin(), phrase.end());
    }
    std::sort(parts.begin(), parts.end());
    parts.erase(std::unique(parts.begin(), parts.end()), parts.end());
    return parts;
}

}  // namespace

Highlighter::Highlighter(const Analyzer& analyzer, const MatchSpec& spec)
    : m_analyzer(analyzer), m_spec(spec), m_filter(stem_parts(spec))
{
}

// Stems only, into the same vector each hit: the tokens' other fields and a
// fresh vector per hit were most of the cost left (docs/findings-speed.md).
const std::vector<Token>& Highlighter::analyze(std::string_view text) const
{
    m_analyzer.analyze(text, m_tokens, TokenFields::stems, &m_filter);
    return m_tokens;
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
                     (k == 0 ||
                      words[i + k]->position - words[i + k - 1]->position <= PHRASE_SLACK + 1);
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
    std::sort(out.begin(), out.end(),
              [](const Span& a, const Span& b) { return a.start < b.start; });
    return out;
}

Snippet Highlighter::whole(std::string_view text) const
{
    Snippet snippet;
    snippet.text = std::string(text);
    for (const Span& s : spans(analyze(text))) {
        snippet.highlights.push_back({s.start, s.end});
    }
    return snippet;
}

std::vector<std::size_t> Highlighter::window_scores(const std::vector<Span>& found,
                                                    const std::vector<std::size_t>& starts,
                                                    std::size_t budget, std::size_t& steps)
{
    // A span counts for the window [w, w + budget] when it lies inside it. The
    // windows are visited left to right: spans join in the order of their ends
    // and leave in the order of their starts (`found` is sorted by start), and
    // the distinct keys inside are counted as they come and go.
    std::vector<std::size_t> by_end(found.size());
    for (std::size_t i = 0; i < by_end.size(); ++i) {
        by_end[i] = i;
    }
    std::stable_sort(by_end.begin(), by_end.end(),
                     [&](std::size_t a, std::size_t b) { return found[a].end < found[b].end; });
    std::vector<bool> inside(found.size(), false);
    std::vector<bool> left(found.size(), false);
    std::unordered_map<std::string_view, std::size_t> keys;
    std::size_t count = 0;
    std::size_t joined = 0;
    std::size_t leaving = 0;
    std::vector<std::size_t> scores;
    scores.reserve(starts.size());
    for (const std::size_t w : starts) {
        ++steps;
        for (; leaving < found.size() && found[leaving].start < w; ++leaving, ++steps) {
            left[leaving] = true;
            if (inside[leaving]) {
                inside[leaving] = false;
                --count;
                if (--keys[found[leaving].key] == 0) {
                    keys.erase(found[leaving].key);
                }
            }
        }
        for (; joined < by_end.size() && found[by_end[joined]].end <= w + budget;
             ++joined, ++steps) {
            const std::size_t i = by_end[joined];
            if (!left[i]) {
                inside[i] = true;
                ++count;
                ++keys[found[i].key];
            }
        }
        scores.push_back(keys.size() * 100 + count);
    }
    return scores;
}

Snippet Highlighter::best_passage(std::string_view full_text, std::size_t max_chars,
                                  PassageWork* work) const
{
    const std::string_view text = scanned_part(full_text);
    const std::vector<Token>& tokens = analyze(text);
    const std::vector<Span> found = spans(tokens);
    // Arabic letters take two bytes in UTF-8: budget in bytes, about right
    // for Arabic text (and generous for Latin).
    const std::size_t budget = std::max<std::size_t>(max_chars, 40) * 2;
    std::size_t steps = 0;

    // The passage starting where the first anchor with the best score (100 per
    // distinct key inside, 1 per match) would start it.
    std::size_t start = 0;
    if (text.size() > budget && !found.empty()) {
        PassageStarts passage_start(text, tokens, budget / 3, steps);
        std::vector<std::size_t> anchor_starts;
        anchor_starts.reserve(found.size());
        for (const Span& anchor : found) {
            anchor_starts.push_back(passage_start.at(anchor.start));
        }
        std::vector<std::size_t> windows = anchor_starts;
        std::sort(windows.begin(), windows.end());
        windows.erase(std::unique(windows.begin(), windows.end()), windows.end());
        const std::vector<std::size_t> scores = window_scores(found, windows, budget, steps);
        std::size_t best_score = 0;
        for (const std::size_t s : anchor_starts) {
            ++steps;
            const auto w = std::lower_bound(windows.begin(), windows.end(), s) - windows.begin();
            if (scores[static_cast<std::size_t>(w)] > best_score) {
                best_score = scores[static_cast<std::size_t>(w)];
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

    if (work != nullptr) {
        work->steps += steps + tokens.size();  // the cut above reads every token once
    }
    Snippet snippet;
    const std::string_view before = start > 0 ? ELLIPSIS_BEFORE : std::string_view{};
    snippet.text.reserve(end - start + 8);
    snippet.text += before;
    for (std::size_t i = start; i < end; ++i) {
        // One byte for one byte, so the byte ranges stay true.
        snippet.text += text[i] == '\n' || text[i] == '\r' || text[i] == '\t' ? ' ' : text[i];
    }
    if (end < full_text.size()) {
        snippet.text += ELLIPSIS_AFTER;
    }
    for (const Span& s : found) {
        if (s.start >= start && s.end <= end) {
            snippet.highlights.push_back(
                {s.start - start + before.size(), s.end - start + before.size()});
        }
    }
    return snippet;
}

}  // namespace akhbar::detail
