#include "synthetic.hpp"

#include <algorithm>
#include <array>
#include <cmath>
#include <numeric>

namespace akhbar::story_bench {

namespace {

bool is_space(char c) noexcept
{
    return c == ' ' || c == '\t' || c == '\n' || c == '\r';
}

// ARABIC QUESTION MARK U+061F in UTF-8.
constexpr std::string_view ARABIC_QUESTION_MARK = "\xD8\x9F";

/// The byte length of the sentence end at `i` ('.', '!', '?', '؟', '\n'), 0 if none.
std::size_t end_mark(std::string_view text, std::size_t i) noexcept
{
    const char c = text[i];
    if (c == '.' || c == '!' || c == '?' || c == '\n') {
        return 1;
    }
    return text.substr(i).starts_with(ARABIC_QUESTION_MARK) ? ARABIC_QUESTION_MARK.size() : 0;
}

std::string_view trim(std::string_view s) noexcept
{
    while (!s.empty() && is_space(s.front())) {
        s.remove_prefix(1);
    }
    while (!s.empty() && is_space(s.back())) {
        s.remove_suffix(1);
    }
    return s;
}

}  // namespace

std::string_view name(Change change) noexcept
{
    switch (change) {
    case Change::headline:
        return "headline";
    case Change::dateline:
        return "dateline";
    case Change::cut_last:
        return "cut-last-paragraph";
    case Change::insert_sentence:
        return "insert-sentence";
    case Change::replace_words:
        return "replace-20%-words";
    case Change::rewrite:
        return "headline+dateline+cut";
    case Change::all:
        return "all-four-body-changes";
    }
    return "?";
}

std::vector<std::string_view> words(std::string_view text)
{
    std::vector<std::string_view> out;
    std::size_t i = 0;
    while (i < text.size()) {
        while (i < text.size() && is_space(text[i])) {
            ++i;
        }
        const std::size_t start = i;
        while (i < text.size() && !is_space(text[i])) {
            ++i;
        }
        if (i > start) {
            out.push_back(text.substr(start, i - start));
        }
    }
    return out;
}

std::vector<std::string_view> sentences(std::string_view text)
{
    std::vector<std::string_view> out;
    std::size_t start = 0;
    for (std::size_t i = 0; i < text.size(); ++i) {
        const std::size_t mark = end_mark(text, i);
        if (mark == 0) {
            continue;
        }
        const std::size_t end = i + mark;
        if (end < text.size() && !is_space(text[end])) {
            continue;  // "3.5", "العربية.نت": not an end
        }
        if (const std::string_view s = trim(text.substr(start, end - start)); !s.empty()) {
            out.push_back(s);
        }
        start = end;
        i = end - 1;
    }
    if (const std::string_view s = trim(text.substr(start)); !s.empty()) {
        out.push_back(s);
    }
    return out;
}

std::string with_dateline(std::string_view text, std::string_view dateline)
{
    std::string out(dateline);
    out += text;
    return out;
}

std::string_view pick_dateline(std::mt19937_64& rng)
{
    static constexpr std::array<std::string_view, 4> DATELINES = {
        "القاهرة (رويترز) - ", "بيروت (أ ف ب) - ", "دبي (العربية.نت) - ", "لندن (بي بي سي) - "};
    return DATELINES[rng() % DATELINES.size()];
}

std::string without_last_paragraph(std::string_view text)
{
    text = trim(text);
    if (const std::size_t nl = text.rfind('\n'); nl != std::string_view::npos) {
        return std::string(trim(text.substr(0, nl)));
    }
    const std::vector<std::string_view> s = sentences(text);
    if (s.size() < 2) {
        return std::string(text);
    }
    return std::string(trim(text.substr(0, static_cast<std::size_t>(s.back().data() - text.data()))));
}

std::string with_sentence_inserted(std::string_view text, std::string_view sentence)
{
    const std::vector<std::string_view> s = sentences(text);
    std::size_t at = text.size();
    if (!s.empty()) {
        // The end of the sentence whose end is nearest the middle.
        const std::size_t middle = text.size() / 2;
        std::size_t best = text.size();
        for (const std::string_view one : s) {
            const auto end = static_cast<std::size_t>(one.data() - text.data()) + one.size();
            if (best == text.size() || (end > middle ? end - middle : middle - end) <
                                           (best > middle ? best - middle : middle - best)) {
                best = end;
            }
        }
        at = best;
    }
    std::string out(text.substr(0, at));
    out += ' ';
    out += sentence;
    out += text.substr(at);
    return out;
}

std::string with_words_replaced(std::string_view text, const std::vector<std::string_view>& donor,
                                double share, std::mt19937_64& rng)
{
    const std::vector<std::string_view> w = words(text);
    if (donor.empty() || w.empty()) {
        return std::string(text);
    }
    std::vector<std::size_t> order(w.size());
    std::iota(order.begin(), order.end(), std::size_t{0});
    std::shuffle(order.begin(), order.end(), rng);
    const auto count = static_cast<std::size_t>(std::lround(share * static_cast<double>(w.size())));
    std::vector<bool> replaced(w.size(), false);
    for (std::size_t k = 0; k < count; ++k) {
        replaced[order[k]] = true;
    }
    std::string out;
    out.reserve(text.size());
    std::size_t from = 0;  // copies the white space between words as it was
    for (std::size_t k = 0; k < w.size(); ++k) {
        const auto start = static_cast<std::size_t>(w[k].data() - text.data());
        out += text.substr(from, start - from);
        out += replaced[k] ? donor[rng() % donor.size()] : w[k];
        from = start + w[k].size();
    }
    out += text.substr(from);
    return out;
}

std::string inserted_sentence(std::string_view donor, const std::vector<std::string_view>& donor_words,
                              std::mt19937_64& rng)
{
    std::vector<std::string_view> fit;
    for (const std::string_view s : sentences(donor)) {
        const std::size_t n = words(s).size();
        if (n >= INSERTED_WORDS_MIN && n <= INSERTED_WORDS_MAX) {
            fit.push_back(s);
        }
    }
    if (!fit.empty()) {
        return std::string(fit[rng() % fit.size()]);
    }
    const std::size_t run = std::min(INSERTED_WORDS_RUN, donor_words.size());
    const std::size_t start = rng() % (donor_words.size() - run + 1);
    std::string out;
    for (std::size_t i = start; i < start + run; ++i) {
        out += i == start ? "" : " ";
        out += donor_words[i];
    }
    return out;
}

std::string copy_with(Change change, std::string_view text, std::string_view sentence,
                      const std::vector<std::string_view>& donor_words, std::mt19937_64& rng)
{
    switch (change) {
    case Change::headline:  // the signature is of the body only
        return std::string(text);
    case Change::dateline:
        return with_dateline(text, pick_dateline(rng));
    case Change::cut_last:
        return without_last_paragraph(text);
    case Change::insert_sentence:
        return with_sentence_inserted(text, sentence);
    case Change::replace_words:
        return with_words_replaced(text, donor_words, REPLACED_SHARE, rng);
    case Change::rewrite:
        return with_dateline(without_last_paragraph(text), pick_dateline(rng));
    case Change::all:
        return with_words_replaced(
            with_sentence_inserted(with_dateline(without_last_paragraph(text), pick_dateline(rng)), sentence),
            donor_words, REPLACED_SHARE, rng);
    }
    return std::string(text);
}

}  // namespace akhbar::story_bench
