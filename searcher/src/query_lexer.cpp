#include "query_lexer.hpp"

#include <algorithm>
#include <array>
#include <optional>
#include <utility>

#include <unicode/uchar.h>

#include "akhbar/common/error.hpp"
#include "akhbar/common/utf8.hpp"

namespace akhbar::detail {

namespace {

// Field names, Latin and Arabic.
constexpr std::array<std::pair<std::string_view, std::string_view>, 12> FIELDS{{
    {"title", "title"}, {"عنوان", "title"}, {"source", "source"}, {"مصدر", "source"},
    {"date", "date"}, {"تاريخ", "date"}, {"category", "category"}, {"تصنيف", "category"},
    {"id", "id"}, {"معرف", "id"}, {"url", "url"}, {"رابط", "url"},
}};

constexpr std::array<std::pair<std::string_view, std::string_view>, 3> QUOTES{{
    {"\"", "\""}, {"\xC2\xAB", "\xC2\xBB"} /* « » */, {"\xE2\x80\x9C", "\xE2\x80\x9D"} /* “ ” */,
}};

std::size_t char_index(std::string_view text, std::size_t byte)
{
    std::size_t chars = 0;
    std::size_t pos = 0;
    while (pos < byte && pos < text.size()) {
        (void)utf8::next(text, pos);
        ++chars;
    }
    return chars;
}

bool is_space(char32_t cp)
{
    return cp == U' ' || cp == U'\t' || cp == U'\n' || cp == U'\r' || cp == U'\u00A0' ||
           cp == U'\u200F' || cp == U'\u200E';
}

class Lexer {
public:
    explicit Lexer(std::string_view query) : m_q(query) {}

    std::vector<Lexeme> run()
    {
        std::vector<Lexeme> out;
        while (true) {
            skip_space();
            if (m_pos >= m_q.size()) {
                out.push_back({Kind::end, "", m_pos});
                return out;
            }
            const std::size_t at = m_pos;
            if (m_q[m_pos] == '(') {
                ++m_pos;
                out.push_back({Kind::lparen, "(", at});
                continue;
            }
            if (m_q[m_pos] == ')') {
                ++m_pos;
                out.push_back({Kind::rparen, ")", at});
                continue;
            }
            // `=` before a word or phrase: that word as written, no
            // expansion (docs/query-syntax.md#exact-spelling). After a quote
            // without its partner the mark stays for what follows (`="ترامب`).
            const bool exact = exact_mark() || std::exchange(m_exact_pending, false);
            if (const auto quote = quote_at(m_pos)) {
                const std::size_t start = m_pos + quote->first.size();
                const std::size_t end = m_q.find(quote->second, start);
                if (end == std::string_view::npos) {
                    // A quote without its partner is punctuation (a headline's
                    // stray quote), not an error.
                    m_pos = start;
                    m_exact_pending = exact;
                    continue;
                }
                m_pos = end + quote->second.size();
                out.push_back({Kind::phrase, std::string(m_q.substr(start, end - start)), at, false,
                               exact});
                continue;
            }
            if ((m_q[m_pos] == '-' || m_q[m_pos] == '+') && !exact && starts_term(m_pos) &&
                operand_follows(m_pos + 1)) {
                ++m_pos;
                const Kind op = m_q[at] == '-' ? Kind::minus : Kind::plus;
                out.push_back({op, std::string(m_q.substr(at, 1)), at});
                continue;
            }
            bool field_name = false;
            std::string word = read_word(field_name);
            if (exact && !field_name) {
                // `=OR` is the word: the mark says "as written".
            } else if (word == "OR") {
                out.push_back({Kind::op_or, word, at});
                continue;
            } else if (word == "AND") {
                out.push_back({Kind::op_and, word, at});
                continue;
            } else if (word == "NOT") {
                out.push_back({Kind::op_not, word, at});
                continue;
            } else if (word == "NEAR") {
                out.push_back({Kind::op_near, word, at});
                continue;
            } else if (field_name) {
                // `=title:…`: a field's value never expands, the mark is moot.
                out.push_back({Kind::field, std::string(*field_of(word)), at});
                continue;
            }
            Lexeme lexeme{Kind::word, word, at, false, exact};
            if (lexeme.text.size() > 1 && lexeme.text.back() == '*') {
                lexeme.text.pop_back();
                lexeme.prefix = true;
            }
            out.push_back(std::move(lexeme));
        }
    }

private:
    // An `=` where a term starts, followed by something other than white
    // space: consumed.
    bool exact_mark()
    {
        if (m_q[m_pos] != '=' || m_pos + 1 >= m_q.size() || !starts_term(m_pos)) {
            return false;
        }
        std::size_t next = m_pos + 1;
        if (is_space(utf8::next(m_q, next))) {
            return false;
        }
        ++m_pos;
        return true;
    }

    void skip_space()
    {
        while (m_pos < m_q.size()) {
            std::size_t next = m_pos;
            if (!is_space(utf8::next(m_q, next))) {
                return;
            }
            m_pos = next;
        }
    }

    // The opening quote and its partner if one starts at `pos`.
    std::optional<std::pair<std::string_view, std::string_view>> quote_at(std::size_t pos) const
    {
        for (const auto& quote : QUOTES) {
            if (m_q.substr(pos).starts_with(quote.first)) {
                return quote;
            }
        }
        return std::nullopt;
    }

    // Whether a term starts at `pos`: at the start of the query, after white
    // space or `(`, or right after a `+` or `-` that was read as an operator
    // (elsewhere the lexer never stops right after one: it is inside a word).
    bool starts_term(std::size_t pos) const
    {
        if (pos == 0) {
            return true;
        }
        const char before = m_q[pos - 1];
        if (before == '(' || before == '+' || before == '-') {
            return true;
        }
        std::size_t start = pos - 1;  // the code point before `pos`
        while (start > 0 && (static_cast<unsigned char>(m_q[start]) & 0xC0U) == 0x80U) {
            --start;
        }
        return is_space(utf8::next(m_q, start));
    }

    // Whether `-` or `+` before `pos` is an operator: only right before a
    // letter, a quote, a parenthesis or an exact mark `=` before one of
    // those. A dash between words (`تونس - عنابة`)
    // or before a number (`-5 درجات`, `+18`) is text.
    bool operand_follows(std::size_t pos) const
    {
        if (pos >= m_q.size()) {
            return false;
        }
        if (m_q[pos] == '(') {
            return true;
        }
        if (const auto quote = quote_at(pos)) {  // a phrase, not a stray quote
            return m_q.find(quote->second, pos + quote->first.size()) != std::string_view::npos;
        }
        if (m_q[pos] == '=') {  // `+=ترامب`: the exact mark between
            return operand_follows(pos + 1);
        }
        std::size_t next = pos;
        return u_isalpha(static_cast<UChar32>(utf8::next(m_q, next))) != 0;
    }

    // A word runs to white space, a parenthesis or a quote. A field name
    // ends at its colon when its value follows the colon directly
    // (`source:الوفد`; sets `field_name`): `مصدر: تيلرسون`, a headline's
    // "a source said", is two words.
    std::string read_word(bool& field_name)
    {
        const std::size_t start = m_pos;
        while (m_pos < m_q.size()) {
            std::size_t next = m_pos;
            const char32_t cp = utf8::next(m_q, next);
            if (is_space(cp) || cp == U'(' || cp == U')' || quote_at(m_pos)) {
                break;
            }
            m_pos = next;
            if (cp == U':' && field_of(std::string(m_q.substr(start, m_pos - start))) &&
                m_pos < m_q.size()) {
                std::size_t after = m_pos;
                if (!is_space(utf8::next(m_q, after))) {
                    field_name = true;
                    break;
                }
            }
        }
        return std::string(m_q.substr(start, m_pos - start));
    }

    static std::optional<std::string_view> field_of(const std::string& word)
    {
        if (word.size() < 2 || word.back() != ':') {
            return std::nullopt;
        }
        const std::string_view name = std::string_view(word).substr(0, word.size() - 1);
        for (const auto& [alias, field] : FIELDS) {
            if (alias == name) {
                return field;
            }
        }
        return std::nullopt;
    }

    std::string_view m_q;
    std::size_t m_pos = 0;
    bool m_exact_pending = false;  // an `=` before a quote without its partner
};

}  // namespace

std::vector<Lexeme> lex(std::string_view query)
{
    return Lexer(query).run();
}

std::vector<Lexeme> literal_words(std::string_view query)
{
    std::vector<Lexeme> out;
    std::size_t pos = 0;
    while (pos < query.size()) {
        const std::size_t start = query.find_first_not_of(" \t\r\n", pos);
        if (start == std::string_view::npos) {
            break;
        }
        const std::size_t end = std::min(query.find_first_of(" \t\r\n", start), query.size());
        out.push_back({Kind::word, std::string(query.substr(start, end - start)), start});
        pos = end;
    }
    out.push_back({Kind::end, "", query.size()});
    return out;
}

[[noreturn]] void fail_at(std::string_view query, std::size_t at, const std::string& what)
{
    throw QueryError(std::string(query), "query error at character " +
                                             std::to_string(char_index(query, at) + 1) + ": " +
                                             what);
}

}  // namespace akhbar::detail
