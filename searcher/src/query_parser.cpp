#include "query_parser.hpp"

#include <algorithm>
#include <array>
#include <iterator>
#include <map>
#include <utility>

#include <unicode/uchar.h>

#include "akhbar/common/quote.hpp"
#include "akhbar/common/error.hpp"
#include "akhbar/common/roots.hpp"
#include "akhbar/common/date_format.hpp"
#include "akhbar/common/terms.hpp"
#include "akhbar/common/value_slots.hpp"
#include "akhbar/common/stemmer.hpp"
#include "akhbar/common/utf8.hpp"
#include "akhbar/common/variants.hpp"
#include "akhbar/common/dates.hpp"

namespace akhbar::detail {

namespace {

using std::chrono::year_month_day;

/// Window for `a NEAR b`, in word positions.
constexpr Xapian::termpos NEAR_WINDOW = 10;
/// With stem classes, the weight of a word's own stem beside its class's
/// (tuned on QRCD train and dev, docs/relevance.md: 0.3 and 0.4 within
/// 0.001 of each other, 0.2 and 1 worse on dev).
constexpr double OWN_STEM_WEIGHT = 0.4;
/// With root classes, the weight of the words that share only the root
/// (docs/relevance.md: 0.1 to 0.35 leave dev unchanged; train peaks at 0.2
/// to 0.35, known-item falls slowly above 0.1; 0.5 costs dev).
constexpr double ROOT_WEIGHT = 0.2;
/// Query filler, ignored in a query that has other words under profiles
/// with drop_query_filler: question words (QRCD: train MAP@10 +0.009, dev
/// +0.002) and personal pronouns, which Lucene's stopword list lacks (train
/// +0.004, dev +0.013; known-item unchanged): in a question they ask or
/// point, they do not describe.
constexpr std::array<std::string_view, 15> QUERY_FILLER{
    "هل", "كيف", "ماذا", "لماذا", "متى", "أين", "كم",
    "هم", "هن", "هما", "نحن", "أنا", "أنتم", "أنتن", "أنتما"};
/// With name variants, the weight of the other spellings of a name beside
/// the word as typed (docs/analyzer.md#name-variants).
constexpr double VARIANT_WEIGHT = 0.5;
/// Roots shorter than this are too ambiguous to join words by.
constexpr std::size_t MIN_ROOT_LETTERS = 3;
/// The most words a root class holds, the most frequent (QRCD and
/// known-item within 0.001 from 10 to unlimited; it bounds the query's size
/// on a large vocabulary).
constexpr std::size_t ROOT_CLASS_SIZE = 25;

enum class Kind {
    word, phrase, field, lparen, rparen, op_or, op_and, op_not, op_near, minus, plus, end
};

struct Lexeme {
    Kind kind;
    std::string text;   // word or phrase text; field name
    std::size_t at;     // byte offset in the query
    bool prefix = false;  // word*
    bool exact = false;   // =word, ="phrase": no expansion
};

// Field names, Latin and Arabic.
constexpr std::array<std::pair<std::string_view, std::string_view>, 8> FIELDS{{
    {"title", "title"}, {"عنوان", "title"}, {"source", "source"}, {"مصدر", "source"},
    {"date", "date"}, {"تاريخ", "date"}, {"category", "category"}, {"تصنيف", "category"},
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

[[noreturn]] void fail(std::string_view query, std::size_t at, const std::string& what)
{
    throw QueryError(std::string(query), "query error at character " +
                                             std::to_string(char_index(query, at) + 1) + ": " +
                                             what);
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

// A piece of a query: scores (positive), scores and must match (required,
// `+`), restricts (filter) or excludes.
struct Part {
    enum class Role { positive, required, filter, negative } role;
    Xapian::Query query;
};

// year, year-month or year-month-day, as the first or last day it covers.
std::optional<year_month_day> date_bound(std::string_view s, bool last)
{
    using namespace std::chrono;
    if (s.size() == 4 || s.size() == 7) {
        const auto full = std::string(s) + (s.size() == 4 ? "-01-01" : "-01");
        const auto first = dates::parse(full);
        if (!first) {
            return std::nullopt;
        }
        if (!last) {
            return first;
        }
        const year_month ym = s.size() == 4 ? first->year() / December : first->year() / first->month();
        return year_month_day{ym / std::chrono::last};
    }
    return dates::parse(s);
}

// Where the members of the stem class `key` start (none for a key under two
// letters): the key with what light10 keeps and Snowball strips before it:
// one of the prepositions ف ب ك ل, the conjunction و (light10 strips one
// prefix only), the future marker س, or, for Form X verbs, the imperfect's
// ي ن ت where Snowball writes است.
std::vector<std::string> class_starts(const std::string& key)
{
    std::vector<std::string> starts;
    // A one-letter key would read every term that starts with its letter.
    if (utf8::decode(key).size() < 2) {
        return starts;
    }
    for (const std::string_view p : {"", "ف", "ب", "ك", "ل", "س", "و"}) {
        starts.push_back(std::string(p) + key);
    }
    constexpr std::string_view FORM_X = "است";
    if (key.starts_with(FORM_X)) {
        for (const std::string_view p : {"ي", "ن", "ت"}) {
            starts.push_back(std::string(p) + key.substr(std::string_view("ا").size()));
        }
    }
    return starts;
}

// Calls f(term, termfreq) for each Arabic stem of db's vocabulary (encoded).
// Arabic stems start with a compact letter byte (0x80-0xBF), which neither a
// field prefix (ASCII) nor a UTF-8 lead byte can be.
template <class F>
void for_each_arabic_term(const Xapian::Database& db, F&& f)
{
    for (auto t = db.allterms_begin(); t != db.allterms_end(); ++t) {
        const std::string term = *t;
        const auto first = static_cast<unsigned char>(term[0]);
        if (first >= 0x80U && first < 0xC0U) {
            f(term, t.get_termfreq());
        }
    }
}

class Parser {
public:
    Parser(std::string_view query, bool match_all, const Analyzer& analyzer,
           const Xapian::Database& db, bool literal, StemClasses* classes, Strictness strict)
        : m_query(query), m_match_all(match_all), m_analyzer(analyzer), m_db(db),
          m_classes(classes != nullptr && classes->enabled() ? classes : nullptr),
          m_strict(strict),
          m_lexemes(literal ? literal_words(query) : Lexer(query).run())
    {
        check_limits();
        if (analyzer.profile().drop_query_filler) {
            find_query_filler();
        }
    }

    ParsedQuery run()
    {
        Part top = parse_or();
        if (peek().kind == Kind::rparen) {
            fail(m_query, peek().at, "this parenthesis was not opened");
        }
        if (peek().kind != Kind::end) {
            fail(m_query, peek().at, "unexpected " + quote_for_message(peek().text));
        }
        if (top.role == Part::Role::negative) {
            fail(m_query, 0, "a query cannot only exclude; add words to search for");
        }
        if (top.query.empty()) {
            throw QueryError(std::string(m_query), stopword_message());
        }
        m_result.query = top.role == Part::Role::filter
                             ? Xapian::Query(Xapian::Query::OP_FILTER, Xapian::Query::MatchAll, top.query)
                             : top.query;
        check_terms();
        return std::move(m_result);
    }

private:
    // The limits of query_parser.hpp that the lexemes show, checked before
    // any work that grows with them: the parser's recursion (one level per
    // open parenthesis) and the stem and root class look-ups (per word).
    // check_terms() does the last one on the query built. The values of the filter
    // fields (source:, category:, date:) are not words searched.
    void check_limits()
    {
        QueryCost& cost = m_result.cost;
        cost.bytes = m_query.size();  // parse_query() checked it
        std::size_t depth = 0;
        bool filter_value = false;
        for (const Lexeme& l : m_lexemes) {
            const bool value_of_filter = std::exchange(filter_value, false);
            switch (l.kind) {
            case Kind::lparen:
                if (++depth > MAX_QUERY_DEPTH) {
                    fail(m_query, l.at, "parentheses nested deeper than the limit of " +
                                            std::to_string(MAX_QUERY_DEPTH));
                }
                cost.depth = std::max(cost.depth, depth);
                break;
            case Kind::rparen:
                depth -= depth > 0 ? 1 : 0;  // one too many is the parser's error
                break;
            case Kind::field:
                filter_value = l.text != "title";
                break;
            case Kind::word:
            case Kind::phrase:
                if (value_of_filter) {
                    break;
                }
                for (const Token& t : m_analyzer.analyze(l.text)) {
                    if (!t.stopword && ++cost.words > MAX_QUERY_WORDS) {
                        fail(m_query, l.at, "more words than the limit of " +
                                                std::to_string(MAX_QUERY_WORDS) +
                                                " (stopwords not counted)");
                    }
                }
                break;
            default:
                break;
            }
        }
    }

    // MAX_QUERY_TERMS, over the query as built: every term, each wildcard at
    // the most it expands to (Xapian expands it only when matching). Walked
    // without recursion: `a OR b OR ...` nests one level per OR.
    void check_terms()
    {
        std::size_t terms = 0;
        std::vector<Xapian::Query> todo{m_result.query};
        while (!todo.empty()) {
            const Xapian::Query q = std::move(todo.back());
            todo.pop_back();
            if (q.get_type() == Xapian::Query::LEAF_TERM) {
                ++terms;
            } else if (q.get_type() == Xapian::Query::OP_WILDCARD) {
                terms += WILDCARD_LIMIT;
            }
            for (std::size_t i = 0; i < q.get_num_subqueries(); ++i) {
                todo.push_back(q.get_subquery(i));
            }
        }
        m_result.cost.terms = terms;
        if (terms > MAX_QUERY_TERMS) {
            throw QueryError(std::string(m_query),
                             "query error: the query expands to " + std::to_string(terms) +
                                 " terms, more than the limit of " + std::to_string(MAX_QUERY_TERMS) +
                                 " (stem and root classes included, each word* as " +
                                 std::to_string(WILDCARD_LIMIT) + ")");
        }
    }

    // Literal mode: every white-space separated chunk is a word; the
    // analyzer drops the punctuation in it.
    static std::vector<Lexeme> literal_words(std::string_view query)
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

    const Lexeme& peek() const { return m_lexemes[m_next]; }
    const Lexeme& take() { return m_lexemes[m_next++]; }

    std::string stopword_message() const
    {
        std::string stopwords;
        for (const auto& w : m_result.words) {
            if (w.stopword) {
                stopwords += stopwords.empty() ? "" : "، ";
                stopwords += w.text;
            }
        }
        if (stopwords.empty()) {
            return "the query has no words to search for";
        }
        return "the query has only stopwords, which are not indexed: " + stopwords;
    }

    Part parse_or()
    {
        if (peek().kind == Kind::op_or) {
            fail(m_query, peek().at, "OR needs something before it");
        }
        Part left = parse_group();
        while (peek().kind == Kind::op_or) {
            const std::size_t at = take().at;
            const Kind k = peek().kind;
            if (k == Kind::end || k == Kind::rparen || k == Kind::op_or) {
                fail(m_query, at, "OR needs something after it");
            }
            Part right = parse_group();
            if (left.role == Part::Role::negative || right.role == Part::Role::negative) {
                fail(m_query, at, "OR cannot join an exclusion");
            }
            if (left.query.empty() || right.query.empty()) {
                left = left.query.empty() ? right : left;
                continue;
            }
            left = {Part::Role::positive, Xapian::Query(Xapian::Query::OP_OR, left.query, right.query)};
        }
        return left;
    }

    // Juxtaposed items: positives joined by OR (AND with --all), filters and
    // exclusions applied to them.
    Part parse_group()
    {
        std::vector<Part> parts;
        while (true) {
            const Kind k = peek().kind;
            if (k == Kind::end || k == Kind::rparen || k == Kind::op_or) {
                break;
            }
            if (k == Kind::op_and || k == Kind::op_near) {
                fail(m_query, peek().at, peek().text + " needs something before it");
            }
            parts.push_back(parse_and());
        }
        return combine(parts, m_match_all ? Xapian::Query::OP_AND : Xapian::Query::OP_OR);
    }

    Part parse_and()
    {
        std::vector<Part> parts{parse_unary()};
        while (peek().kind == Kind::op_and) {
            const std::size_t at = take().at;
            const Kind k = peek().kind;
            if (k == Kind::end || k == Kind::rparen || k == Kind::op_or) {
                fail(m_query, at, "AND needs something after it");
            }
            parts.push_back(parse_unary());
        }
        if (parts.size() == 1) {
            return parts[0];
        }
        return combine(parts, Xapian::Query::OP_AND);
    }

    Part parse_unary()
    {
        const Kind unary = peek().kind;
        if (unary == Kind::op_not || unary == Kind::minus || unary == Kind::plus) {
            const Lexeme& op = take();
            const Kind k = peek().kind;
            if (k == Kind::end || k == Kind::rparen || k == Kind::op_or) {
                fail(m_query, op.at, op.text + " needs something after it");
            }
        }
        if (unary == Kind::op_not || unary == Kind::minus) {
            Part inner = strictly([&] { return parse_primary(false); });
            return {Part::Role::negative, inner.query};
        }
        if (unary == Kind::plus) {
            Part inner = strictly([&] { return parse_near(); });
            if (inner.role == Part::Role::positive) {
                inner.role = Part::Role::required;
            }
            return inner;
        }
        return parse_near();
    }

    // An operand, or operands joined by NEAR.
    Part parse_near()
    {
        // A phrase beside NEAR is a phrase: NEAR states a requirement itself.
        const bool near_follows =
            m_next + 1 < m_lexemes.size() && m_lexemes[m_next + 1].kind == Kind::op_near;
        Part left = near_follows ? strictly([&] { return parse_primary(true); })
                                 : parse_primary(true);
        if (peek().kind != Kind::op_near) {
            return left;
        }
        // `a NEAR b NEAR c` is one NEAR over every operand: Xapian's OP_NEAR
        // takes no OP_NEAR below it.
        Near near{m_query, m_phrase_spans};
        std::size_t at = peek().at;
        near.add(left, at);
        while (peek().kind == Kind::op_near) {
            at = take().at;
            const Kind k = peek().kind;
            if (k != Kind::word && k != Kind::phrase) {
                fail(m_query, at, "NEAR joins words or phrases");
            }
            near.add(strictly([&] { return parse_primary(true); }), at);
        }
        return {Part::Role::positive, near.build()};
    }

    // The operands of a NEAR as Xapian 1.4 can take them. Its OP_NEAR
    // accepts terms and ORs of terms (it merges their positions), but no
    // OP_PHRASE (UnimplementedError when matching), so a phrase goes in as
    // its terms, the window widened by the phrase's own span, and the
    // phrase itself filters: `"a b" NEAR c` finds the phrase with a, b and c
    // all within NEAR_WINDOW + 1 positions. (Xapian's NEAR does not tie the
    // a and b it finds close to c to an occurrence of the phrase; the
    // filter only requires one somewhere in the article.)
    class Near {
    public:
        Near(std::string_view query, const std::map<std::string, Xapian::termpos>& phrase_spans)
            : m_query(query), m_phrase_spans(phrase_spans)
        {
        }

        void add(const Part& operand, std::size_t at)
        {
            if (operand.role != Part::Role::positive || operand.query.empty()) {
                fail(m_query, at, "NEAR joins words or phrases");
            }
            // A word's root class (the optional part of with_classes()'
            // AND_MAYBE) stays out of it.
            const Xapian::Query q = operand.query.get_type() == Xapian::Query::OP_AND_MAYBE
                                        ? operand.query.get_subquery(0)
                                        : operand.query;
            switch (q.get_type()) {
            case Xapian::Query::LEAF_TERM:
            case Xapian::Query::OP_OR:
                m_items.push_back(q);
                return;
            case Xapian::Query::OP_PHRASE:
                for (std::size_t i = 0; i < q.get_num_subqueries(); ++i) {
                    m_items.push_back(q.get_subquery(i));
                }
                m_phrases.push_back(q);
                m_window += m_phrase_spans.at(q.serialise()) - 1;
                return;
            case Xapian::Query::OP_WILDCARD:
                fail(m_query, at, "NEAR cannot join a word* wildcard");
            default:
                fail(m_query, at, "NEAR joins words or phrases");
            }
        }

        [[nodiscard]] Xapian::Query build() const
        {
            Xapian::Query near(Xapian::Query::OP_NEAR, m_items.begin(), m_items.end(), m_window);
            if (m_phrases.empty()) {
                return near;
            }
            // Unweighted: the phrase's terms already weigh in the NEAR.
            return Xapian::Query(Xapian::Query::OP_FILTER, near,
                                 Xapian::Query(Xapian::Query::OP_AND, m_phrases.begin(), m_phrases.end()));
        }

    private:
        std::string_view m_query;
        const std::map<std::string, Xapian::termpos>& m_phrase_spans;
        std::vector<Xapian::Query> m_items;
        std::vector<Xapian::Query> m_phrases;
        Xapian::termpos m_window = NEAR_WINDOW;
    };

    // What `parse` returns, with every quoted phrase in it required as a
    // phrase (phrase_query()) rather than loose (loose_phrase()): under `+`,
    // `-` and NOT, whose operand the user marked (`-"a b"` excludes the
    // phrase, not its words), and beside NEAR.
    template <typename Parse>
    Part strictly(Parse parse)
    {
        ++m_strict_phrases;
        Part part = parse();
        --m_strict_phrases;  // a QueryError ends the parse: no need to undo it then
        return part;
    }

    Part parse_primary(bool positive)
    {
        const Lexeme& lexeme = take();
        switch (lexeme.kind) {
        case Kind::lparen: {
            Part inner = parse_or();
            if (peek().kind != Kind::rparen) {
                fail(m_query, lexeme.at, "this parenthesis is not closed");
            }
            take();
            return inner;
        }
        case Kind::word:
            return {Part::Role::positive, word_query(lexeme, positive, "")};
        case Kind::phrase:
            return {Part::Role::positive,
                    m_strict_phrases > 0 ? phrase_query(lexeme.text, positive, "")
                                         : loose_phrase(lexeme.text, lexeme.at, lexeme.exact)};
        case Kind::field:
            return field(lexeme, positive);
        case Kind::rparen:
            fail(m_query, lexeme.at, "this parenthesis was not opened");
        default:
            fail(m_query, lexeme.at, "unexpected " + quote_for_message(lexeme.text));
        }
    }

    Part field(const Lexeme& field, bool positive)
    {
        const Lexeme& value = peek();
        if (value.kind != Kind::word && value.kind != Kind::phrase) {
            fail(m_query, field.at, field.text + ": needs a value");
        }
        take();
        if (field.text == "title") {
            return {Part::Role::positive, value.kind == Kind::phrase
                                              ? phrase_query(value.text, positive, "title")
                                              : word_query(value, positive, "title")};
        }
        if (field.text == "source") {
            return {Part::Role::filter, source_query(value.text, m_analyzer, m_db)};
        }
        if (field.text == "category") {
            return {Part::Role::filter,
                    Xapian::Query(std::string(schema::PREFIX_CATEGORY) + m_analyzer.normalize(value.text))};
        }
        return {Part::Role::filter, date_query(value)};
    }

    Xapian::Query date_query(const Lexeme& value)
    {
        const std::string& v = value.text;
        const auto dots = v.find("..");
        std::optional<year_month_day> from;
        std::optional<year_month_day> to;
        bool ok = true;
        if (dots == std::string::npos) {
            from = date_bound(v, false);
            to = date_bound(v, true);
            ok = from && to;
        } else {
            const std::string a = v.substr(0, dots);
            const std::string b = v.substr(dots + 2);
            if (!a.empty()) {
                from = date_bound(a, false);
                ok = ok && from;
            }
            if (!b.empty()) {
                to = date_bound(b, true);
                ok = ok && to;
            }
            ok = ok && (from || to);
        }
        if (!ok) {
            fail(m_query, value.at,
                 "date: takes YYYY, YYYY-MM or YYYY-MM-DD, or a range A..B: " + quote_for_message(v));
        }
        if (from && to && *from > *to) {
            fail(m_query, value.at, "date range ends before it starts: " + quote_for_message(v));
        }
        return date_range_query(from, to);
    }

    // The query filler to ignore: none unless the query has another word
    // that is neither a stopword nor filler.
    void find_query_filler()
    {
        std::set<std::string> filler;
        for (const std::string_view word : QUERY_FILLER) {
            filler.insert(m_analyzer.normalize(word));
        }
        for (const Lexeme& l : m_lexemes) {
            if (l.kind != Kind::word && l.kind != Kind::phrase) {
                continue;
            }
            for (const Token& t : m_analyzer.analyze(l.text)) {
                if (!t.stopword && !filler.contains(t.normalized)) {
                    m_filler = std::move(filler);
                    return;
                }
            }
        }
    }

    // Records how the analyzer understood a word and returns its tokens.
    std::vector<Token> analyze(std::string_view text, bool positive)
    {
        std::vector<Token> tokens = m_analyzer.analyze(text);
        for (Token& t : tokens) {
            if (m_filler.contains(t.normalized)) {
                t.stopword = true;
                t.stem.clear();
            }
            m_result.words.push_back({t.original, t.normalized, t.stem, t.stopword, {}});
            if (positive && !t.stopword) {
                m_result.free_words.push_back(t.normalized);
            }
        }
        return tokens;
    }

    // A word in the title counts twice: once as a word of the article (the
    // title's words are indexed with the body's) and once as a title word,
    // whose rarer S term carries its own BM25 weight. (Raising the title
    // words' wdf alone saturates under BM25 and did not put title matches
    // first.)
    static Xapian::Query title_boosted(const std::string& stem)
    {
        return Xapian::Query(Xapian::Query::OP_OR, Xapian::Query(term_for(stem, "")),
                             Xapian::Query(term_for(stem, "title")));
    }

    // A word with its classes: the stem class as one synonym (Xapian weighs
    // it as a single term whose occurrences are all its members'), the
    // word's own stem again at OWN_STEM_WEIGHT (the exact form is the best
    // evidence), the title term as in title_boosted(), and, with root
    // classes, the other words of its root as one synonym at ROOT_WEIGHT.
    // The root class only adds to an article the word already matches: it
    // never matches alone, so وزير (light stem زير) never finds an article
    // that only has زيارة (visit, root زير), and `AND القديمة` never one
    // that only has تقديم (root قدم). (Matching alone: QRCD train 0.2562
    // instead of 0.2513, but those false friends.) An excluded word
    // excludes its stem class only.
    // `all` (Strictness::stemmed) adds the root class and, under profiles
    // with name_variants, the word's spelling variants (variants.hpp) with
    // their own stem classes, as one more synonym at VARIANT_WEIGHT: it
    // matches alone (ترمب finds the articles that write ترامب) but keeps its
    // own statistics, so a rare spelling typed keeps its weight where it is
    // written (inside the word's synonym, ترمب took ترامب's far lower idf:
    // AlArabiya known-item -0.004). Variants are listed in the QueryWord of
    // the word (from `first_word` on), highlighted, and count for proximity
    // and the lead.
    Xapian::Query with_classes(const std::string& stem, bool positive, bool all,
                               std::size_t first_word)
    {
        const std::string own = term_for(stem, "");
        // A copy: variant_terms() asks for the variants' classes, and a full
        // cache is cleared on the way, which would free a reference.
        const std::vector<std::string> members = m_classes->members(stem, m_db);
        std::vector<std::string> variants;
        if (positive && all && m_analyzer.profile().name_variants) {
            variants = variant_terms(stem, members, first_word);
        }
        std::vector<std::string> related;
        if (positive && all && m_analyzer.profile().root_classes) {
            std::vector<std::string> known = members;
            known.insert(known.end(), variants.begin(), variants.end());
            std::sort(known.begin(), known.end());
            const std::vector<std::string>& same_root = m_classes->root_members(stem, m_db);
            std::set_difference(same_root.begin(), same_root.end(), known.begin(), known.end(),
                                std::back_inserter(related));
            std::erase(related, own);
        }
        if (members.empty() && related.empty() && variants.empty()) {
            return title_boosted(stem);
        }
        if (positive) {
            // Stem class members are forms of the word, variants the same
            // name: highlighted. Root class members are related words (سلام
            // for مسلم): they count for proximity and the lead, but a
            // snippet marks only the word.
            for (const std::string& term : members) {
                m_result.match.stems.insert(schema::decode_term(term));
            }
            for (const std::string& term : variants) {
                m_result.match.stems.insert(schema::decode_term(term));
            }
            std::vector<std::string>& word = m_result.proximity_terms.back();
            std::copy_if(members.begin(), members.end(), std::back_inserter(word),
                         [&](const std::string& term) { return term != own; });
            word.insert(word.end(), variants.begin(), variants.end());
            word.insert(word.end(), related.begin(), related.end());
        }
        std::vector<Xapian::Query> parts;
        if (members.empty()) {
            parts.emplace_back(own);
        } else {
            parts.emplace_back(Xapian::Query::OP_SCALE_WEIGHT, Xapian::Query(own), OWN_STEM_WEIGHT);
            parts.emplace_back(Xapian::Query::OP_SYNONYM, members.begin(), members.end());
        }
        parts.emplace_back(term_for(stem, "title"));
        if (!variants.empty()) {
            const Xapian::Query spellings(Xapian::Query::OP_SYNONYM, variants.begin(),
                                          variants.end());
            parts.emplace_back(Xapian::Query::OP_SCALE_WEIGHT, spellings, VARIANT_WEIGHT);
        }
        Xapian::Query word(Xapian::Query::OP_OR, parts.begin(), parts.end());
        if (related.empty()) {
            return word;
        }
        return Xapian::Query(Xapian::Query::OP_AND_MAYBE, word,
                             Xapian::Query(Xapian::Query::OP_SCALE_WEIGHT,
                                           Xapian::Query(Xapian::Query::OP_SYNONYM, related.begin(), related.end()),
                                           ROOT_WEIGHT));
    }

    // The encoded terms of `stem`'s variants and their stem classes, sorted,
    // without the word's own class (`members`); the variants are recorded in
    // the word's QueryWord.
    std::vector<std::string> variant_terms(const std::string& stem,
                                           const std::vector<std::string>& members,
                                           std::size_t first_word)
    {
        std::vector<std::string> out;
        const std::vector<std::string> variants = m_classes->variant_members(stem, m_db);
        if (variants.empty()) {
            return out;
        }
        QueryWord* word = nullptr;
        for (std::size_t i = first_word; i < m_result.words.size(); ++i) {
            if (!m_result.words[i].stopword) {
                word = &m_result.words[i];
            }
        }
        for (const std::string& v : variants) {
            const std::string variant = schema::decode_term(v);
            if (word != nullptr) {
                word->variants.push_back(variant);
            }
            out.push_back(v);
            const std::vector<std::string>& forms = m_classes->members(variant, m_db);
            out.insert(out.end(), forms.begin(), forms.end());
        }
        std::sort(out.begin(), out.end());
        out.erase(std::unique(out.begin(), out.end()), out.end());
        std::vector<std::string> own_class = members;
        own_class.push_back(term_for(stem, ""));
        std::sort(own_class.begin(), own_class.end());
        std::erase_if(out, [&](const std::string& t) {
            return std::binary_search(own_class.begin(), own_class.end(), t);
        });
        return out;
    }

    static std::string term_for(const std::string& stem, std::string_view field)
    {
        const std::string encoded = schema::encode_term(stem);
        return field == "title" ? std::string(schema::PREFIX_TITLE) + encoded : encoded;
    }

    Xapian::Query word_query(const Lexeme& lexeme, bool positive, std::string_view field)
    {
        const std::size_t first_word = m_result.words.size();
        std::vector<Token> tokens = analyze(lexeme.text, positive);
        std::erase_if(tokens, [](const Token& t) { return t.stopword; });
        if (tokens.empty()) {
            return {};
        }
        if (lexeme.prefix) {
            const Token& last = tokens.back();
            if (positive) {
                m_result.match.prefixes.push_back(last.stem);
            }
            return Xapian::Query(Xapian::Query::OP_WILDCARD, term_for(last.stem, field),
                                 WILDCARD_LIMIT, Xapian::Query::WILDCARD_LIMIT_MOST_FREQUENT);
        }
        if (tokens.size() == 1) {
            return one_word(tokens[0], positive, field, lexeme.exact ? Strictness::exact : m_strict,
                            first_word);
        }
        if (positive && field.empty() && m_analyzer.profile().ranking == RankingScheme::lucene_bm25) {
            return tokens_apart(tokens, lexeme.exact ? Strictness::exact : m_strict, first_word);
        }
        // One typed word the analyzer split (عام2020): its parts as a phrase.
        return tokens_phrase(tokens, positive, field);
    }

    // The lucene profile's word the analyzer split (8-3, لـ"آيفون", two words
    // joined by a no-break space): its parts as separate words, as Lucene's
    // QueryBuilder makes every token of the text a clause of its own.
    Xapian::Query tokens_apart(const std::vector<Token>& tokens, Strictness strict,
                               std::size_t first_word)
    {
        std::vector<Xapian::Query> parts;
        for (const Token& t : tokens) {
            parts.push_back(one_word(t, true, "", strict, first_word));
        }
        return Xapian::Query(m_match_all ? Xapian::Query::OP_AND : Xapian::Query::OP_OR, parts.begin(),
                             parts.end());
    }

    // A word the analyzer left whole, expanded as `strict` allows (variants
    // recorded from the query's `first_word` on).
    Xapian::Query one_word(const Token& token, bool positive, std::string_view field,
                           Strictness strict, std::size_t first_word)
    {
        if (positive) {
            m_result.match.stems.insert(token.stem);
        }
        if (!field.empty()) {
            return Xapian::Query(term_for(token.stem, field));
        }
        if (positive) {
            m_result.proximity_terms.push_back({term_for(token.stem, "")});
        }
        if (m_classes != nullptr && strict != Strictness::exact) {
            return with_classes(token.stem, positive, strict == Strictness::stemmed, first_word);
        }
        return title_boosted(token.stem);
    }

    // A quoted phrase that the query does not require (issue #16): its words
    // as if typed without the quotes, each white-space separated chunk as
    // word_query() takes a word (`"ميغ-35"` is `ميغ-35`), joined as the
    // group joins words (OR; AND with --all). Headlines quote names and
    // sayings (`«داعش»`, `"اختيارا"`); as a required phrase, such a quote
    // dropped the article that has the words apart. The phrase adds no
    // weight of its own: the closeness rescoring already ranks the words
    // standing together first, and a phrase boost of 0.2 to 1 (AND_MAYBE or
    // OR, the same ranking) lowered MRR@10 on ANT known-item
    // (bench/relevance/findings.md, "Pasted headlines"). It is still marked
    // whole in snippets.
    Xapian::Query loose_phrase(std::string_view text, std::size_t at, bool exact)
    {
        std::vector<Xapian::Query> words;
        for (const Lexeme& chunk : literal_words(text)) {
            if (chunk.kind != Kind::word) {
                continue;
            }
            if (Xapian::Query q = word_query({Kind::word, chunk.text, at + chunk.at, false, exact}, true, "");
                !q.empty()) {
                words.push_back(std::move(q));
            }
        }
        std::vector<Token> tokens = m_analyzer.analyze(text);
        std::erase_if(tokens, [&](const Token& t) {
            return t.stopword || m_filler.contains(t.normalized);
        });
        if (tokens.size() > 1) {
            std::vector<std::string> stems;
            for (const Token& t : tokens) {
                stems.push_back(t.stem);
            }
            m_result.match.phrases.push_back(std::move(stems));
        }
        if (words.size() < 2) {
            return words.empty() ? Xapian::Query() : words[0];
        }
        return Xapian::Query(m_match_all ? Xapian::Query::OP_AND : Xapian::Query::OP_OR,
                             words.begin(), words.end());
    }

    Xapian::Query phrase_query(std::string_view text, bool positive, std::string_view field)
    {
        std::vector<Token> tokens = analyze(text, positive);
        std::erase_if(tokens, [](const Token& t) { return t.stopword; });
        if (tokens.empty()) {
            return {};
        }
        if (tokens.size() == 1) {
            if (positive) {
                m_result.match.stems.insert(tokens[0].stem);
            }
            return Xapian::Query(term_for(tokens[0].stem, field));
        }
        return tokens_phrase(tokens, positive, field);
    }

    Xapian::Query tokens_phrase(const std::vector<Token>& tokens, bool positive,
                                std::string_view field)
    {
        std::vector<Xapian::Query> terms;
        std::vector<Xapian::Query> title_terms;
        std::vector<std::string> stems;
        for (const Token& t : tokens) {
            terms.emplace_back(schema::encode_term(t.stem));
            title_terms.emplace_back(term_for(t.stem, "title"));
            stems.push_back(t.stem);
        }
        if (positive) {
            m_result.match.phrases.push_back(stems);
        }
        // Stopwords are not indexed but keep their positions: the window
        // spans them.
        const Xapian::termpos window = tokens.back().position - tokens.front().position + 1;
        Xapian::Query phrase(Xapian::Query::OP_PHRASE, terms.begin(), terms.end(), window);
        m_phrase_spans.emplace(phrase.serialise(), window);
        if (field == "title") {
            // Title terms carry no positions of their own: the words must be
            // in the title and form the phrase.
            return Xapian::Query(Xapian::Query::OP_AND,
                                 Xapian::Query(Xapian::Query::OP_AND, title_terms.begin(), title_terms.end()),
                                 phrase);
        }
        return phrase;
    }

    static Part combine(const std::vector<Part>& parts, Xapian::Query::op op)
    {
        std::vector<Xapian::Query> positives;
        std::vector<Xapian::Query> required;
        std::vector<Xapian::Query> filters;
        std::vector<Xapian::Query> negatives;
        for (const Part& p : parts) {
            if (p.query.empty()) {
                continue;
            }
            (p.role == Part::Role::positive   ? positives
             : p.role == Part::Role::required ? required
             : p.role == Part::Role::filter   ? filters
                                              : negatives)
                .push_back(p.query);
        }
        Xapian::Query positive;
        if (!positives.empty()) {
            positive = positives.size() == 1 ? positives[0]
                                             : Xapian::Query(op, positives.begin(), positives.end());
        }
        if (!required.empty()) {
            // `+a b`: a must match, b only adds its weight.
            const Xapian::Query must =
                required.size() == 1
                    ? required[0]
                    : Xapian::Query(Xapian::Query::OP_AND, required.begin(), required.end());
            positive = positive.empty() ? must
                       : op == Xapian::Query::OP_AND
                           ? Xapian::Query(Xapian::Query::OP_AND, must, positive)
                           : Xapian::Query(Xapian::Query::OP_AND_MAYBE, must, positive);
        }
        Xapian::Query filter;
        if (!filters.empty()) {
            filter = Xapian::Query(Xapian::Query::OP_AND, filters.begin(), filters.end());
        }
        Xapian::Query negative;
        if (!negatives.empty()) {
            negative = Xapian::Query(Xapian::Query::OP_OR, negatives.begin(), negatives.end());
        }
        if (positive.empty() && filter.empty()) {
            // Nothing to search for: only exclusions, or nothing at all
            // (stopwords), which run() reports as such.
            return {negative.empty() ? Part::Role::positive : Part::Role::negative, negative};
        }
        Part out;
        if (positive.empty()) {
            out = {Part::Role::filter, filter};
        } else {
            out = {Part::Role::positive,
                   filter.empty() ? positive
                                  : Xapian::Query(Xapian::Query::OP_FILTER, positive, filter)};
        }
        if (!negative.empty()) {
            if (out.role == Part::Role::filter) {
                out.query = Xapian::Query(Xapian::Query::OP_FILTER, Xapian::Query::MatchAll, out.query);
                out.role = Part::Role::positive;
            }
            out.query = Xapian::Query(Xapian::Query::OP_AND_NOT, out.query, negative);
        }
        return out;
    }

    std::string_view m_query;
    bool m_match_all;
    const Analyzer& m_analyzer;
    const Xapian::Database& m_db;
    StemClasses* m_classes;
    Strictness m_strict;
    std::set<std::string> m_filler;  // normalized; see find_query_filler()
    std::vector<Lexeme> m_lexemes;
    std::size_t m_next = 0;
    int m_strict_phrases = 0;  // see strictly()
    // The window of each phrase built, by its serialised query (Xapian's
    // Query does not give it back), for NEAR.
    std::map<std::string, Xapian::termpos> m_phrase_spans;
    ParsedQuery m_result;
};

}  // namespace

ParsedQuery parse_query(std::string_view text, bool match_all, const Analyzer& analyzer,
                        const Xapian::Database& db, bool literal, StemClasses* classes,
                        Strictness strict)
{
    // Before anything reads the text: the other limits are checked on the
    // lexemes (Parser::check_limits()), which this keeps small.
    if (text.size() > MAX_QUERY_BYTES) {
        throw QueryError(std::string(text), "query error: the query is " + std::to_string(text.size()) +
                                                " bytes long, more than the limit of " +
                                                std::to_string(MAX_QUERY_BYTES));
    }
    if (const auto bad = utf8::find_invalid(text)) {
        throw QueryError(std::string(text),
                         "query error: invalid UTF-8 at byte " + std::to_string(*bad));
    }
    return Parser(text, match_all, analyzer, db, literal, classes, strict).run();
}

StemClasses::StemClasses(std::string_view stemmer)
    : m_stemmer(stemmer.empty() ? Xapian::Stem() : make_stemmer(stemmer))
{
}

const std::vector<std::string>& StemClasses::members(const std::string& stem, const Xapian::Database& db)
{
    const auto known = m_cache.find(stem);
    if (known != m_cache.end()) {
        return known->second;
    }
    if (m_cache.size() >= CLASS_CACHE_SIZE) {
        m_cache.clear();
    }
    // Remembered only once complete: reading the vocabulary of a remote
    // shard can fail half-way.
    std::vector<std::string> out;
    const std::string key = m_stemmer(stem);
    for (const std::string& start : class_starts(key)) {
        const std::string prefix = schema::encode_term(start);
        for (auto t = db.allterms_begin(prefix); t != db.allterms_end(prefix); ++t) {
            if (m_stemmer(schema::decode_term(*t)) == key) {
                out.push_back(*t);
            }
        }
    }
    std::sort(out.begin(), out.end());
    out.erase(std::unique(out.begin(), out.end()), out.end());
    return m_cache.emplace(stem, std::move(out)).first->second;
}

const std::vector<std::string>& StemClasses::root_members(const std::string& stem, const Xapian::Database& db)
{
    static const std::vector<std::string> none;
    const std::string root = roots::root(stem);
    if (utf8::decode(root).size() < MIN_ROOT_LETTERS) {
        return none;
    }
    if (!m_roots) {
        // Built whole before it is kept: reading a remote shard's vocabulary
        // can fail half-way.
        std::unordered_map<std::string, std::vector<std::pair<Xapian::doccount, std::string>>> counted;
        for_each_arabic_term(db, [&](const std::string& term, Xapian::doccount freq) {
            std::string r = roots::root(schema::decode_term(term));
            if (utf8::decode(r).size() >= MIN_ROOT_LETTERS) {
                counted[std::move(r)].emplace_back(freq, term);
            }
        });
        // The ROOT_CLASS_SIZE most frequent members only: a common root
        // gathers hundreds of rare forms, which cost time and add little.
        std::unordered_map<std::string, std::vector<std::string>> by_root;
        for (auto& [r, members] : counted) {
            if (members.size() > ROOT_CLASS_SIZE) {
                std::partial_sort(members.begin(), members.begin() + static_cast<std::ptrdiff_t>(ROOT_CLASS_SIZE), members.end(),
                                  [](const auto& a, const auto& b) { return a.first > b.first; });
                members.resize(ROOT_CLASS_SIZE);
            }
            std::vector<std::string>& terms = by_root[r];
            for (auto& m : members) {
                terms.push_back(std::move(m.second));
            }
            std::sort(terms.begin(), terms.end());
        }
        m_roots = std::move(by_root);
    }
    const auto it = m_roots->find(root);
    return it == m_roots->end() ? none : it->second;
}

std::vector<std::string> StemClasses::variant_members(const std::string& stem,
                                                      const Xapian::Database& db)
{
    const std::string key = variants::variant_key(stem);
    if (key.empty()) {
        return {};
    }
    std::size_t at = 0;
    const char32_t first = utf8::next(key, at);
    if (!m_variant_letters.contains(first)) {
        // As root_members(): built whole before it is kept, so that a read
        // the database interrupts leaves nothing half done. Only groups of
        // two terms or more are kept (most keys have one).
        VariantGroups groups;
        for (const char32_t letter : variants::first_letters(first)) {
            const std::string prefix = schema::encode_term(utf8::encode(std::u32string(1, letter)));
            for (auto t = db.allterms_begin(prefix); t != db.allterms_end(prefix); ++t) {
                const std::string term = *t;
                std::string k = variants::variant_key(schema::decode_term(term));
                if (!k.empty()) {
                    groups[std::move(k)].emplace_back(t.get_termfreq(), term);
                }
            }
        }
        std::erase_if(groups, [](const auto& g) { return g.second.size() < 2; });
        for (auto& [k, members] : groups) {
            std::sort(members.begin(), members.end(),
                      [](const auto& a, const auto& b) { return a.first > b.first; });
        }
        m_variants.merge(groups);
        m_variant_letters.insert(first);
    }
    std::vector<std::string> out;
    const auto it = m_variants.find(key);
    if (it == m_variants.end()) {
        return out;
    }
    for (const auto& [freq, term] : it->second) {
        if (out.size() < VARIANT_LIMIT && variants::meet(stem, schema::decode_term(term))) {
            out.push_back(term);
        }
    }
    return out;
}

Xapian::Query date_range_query(const std::optional<std::chrono::year_month_day>& from,
                               const std::optional<std::chrono::year_month_day>& to)
{
    if (from && to) {
        return Xapian::Query(Xapian::Query::OP_VALUE_RANGE, schema::SLOT_DATE,
                             schema::format_compact(*from), schema::format_compact(*to));
    }
    if (from) {
        return Xapian::Query(Xapian::Query::OP_VALUE_GE, schema::SLOT_DATE,
                             schema::format_compact(*from));
    }
    // Undated articles have no value; "00000000" keeps them out of "up to".
    return Xapian::Query(Xapian::Query::OP_VALUE_RANGE, schema::SLOT_DATE, "00000000",
                         schema::format_compact(*to));
}

Xapian::Query source_query(std::string_view name, const Analyzer& analyzer,
                           const Xapian::Database& db)
{
    const std::string needle = analyzer.normalize(name);
    const std::string prefix(schema::PREFIX_SOURCE);
    std::vector<Xapian::Query> matches;
    for (auto it = db.allterms_begin(prefix); it != db.allterms_end(prefix); ++it) {
        if ((*it).find(needle, prefix.size()) != std::string::npos) {
            matches.emplace_back(*it);
        }
    }
    if (needle.empty() || matches.empty()) {
        // Not Query::MatchNothing: that is the empty query, which a group
        // drops like a stopword. A term no document can have (the analyzer
        // never produces NUL) filters everything out instead.
        return Xapian::Query(prefix + std::string(1, '\0'));
    }
    return Xapian::Query(Xapian::Query::OP_OR, matches.begin(), matches.end());
}

}  // namespace akhbar::detail

namespace akhbar {

Strictness parse_strictness(std::string_view name)
{
    constexpr std::array<std::pair<std::string_view, Strictness>, 3> LEVELS{{
        {"exact", Strictness::exact},
        {"normalized", Strictness::normalized},
        {"stemmed", Strictness::stemmed},
    }};
    for (const auto& [level, strictness] : LEVELS) {
        if (level == name) {
            return strictness;
        }
    }
    throw InvalidArgument("unknown strictness " + quote_for_message(name) +
                          " (known: exact, normalized, stemmed)");
}

}  // namespace akhbar
