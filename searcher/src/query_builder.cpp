#include "query_builder.hpp"

#include <algorithm>
#include <iterator>
#include <limits>
#include <utility>

#include "akhbar/common/error.hpp"
#include "akhbar/common/terms.hpp"
#include "every_document.hpp"
#include "query_filters.hpp"
#include "query_lexer.hpp"
#include "query_limits.hpp"
#include "query_parts.hpp"

namespace akhbar::detail {

namespace {

class Builder {
public:
    Builder(std::string_view query, bool match_all, const Analyzer& analyzer,
            const Xapian::Database& db, Expander& expander)
        : m_query(query), m_match_all(match_all), m_analyzer(analyzer), m_db(db),
          m_expander(expander)
    {
    }

    BuiltQuery run(const Node& tree)
    {
        const Part top = build(tree, true);
        if (top.role == Part::Role::negative) {
            fail_at(m_query, 0, "a query cannot only exclude; add words to search for");
        }
        if (top.query.empty()) {
            throw QueryError(std::string(m_query), stopword_message());
        }
        m_out.query = top.role == Part::Role::filter
                          ? Xapian::Query(Xapian::Query::OP_FILTER, every_document(),
                                          top.query)
                          : top.query;
        return std::move(m_out);
    }

private:
    // `positive` is false for the operand of `-` and NOT only: inside their
    // parentheses, words are positive again (and so highlighted).
    Part build(const Node& node, bool positive)
    {
        switch (node.type) {
        case Node::Type::group:
            if (m_match_all) {
                return combine(build_all(node), Xapian::Query::OP_AND);
            }
            return combine(rarest_words(build_all(node), node), Xapian::Query::OP_OR);
        case Node::Type::all_of:
            return combine(build_all(node), Xapian::Query::OP_AND);
        case Node::Type::any_of:
            return any_of(node);
        case Node::Type::near:
            return near(node);
        case Node::Type::excluded:
            return {Part::Role::negative,
                    strictly([&] { return build(node.children[0], false); }).query};
        case Node::Type::required: {
            Part inner = strictly([&] { return build(node.children[0], true); });
            if (inner.role == Part::Role::positive) {
                inner.role = Part::Role::required;
            }
            return inner;
        }
        case Node::Type::word:
            return {Part::Role::positive,
                    word_query(node.text, node.prefix, node.exact, positive, "")};
        case Node::Type::phrase:
            return {Part::Role::positive, m_strict_phrases > 0
                                              ? phrase_query(node.text, positive, "")
                                              : loose_phrase(node.text, node.exact)};
        case Node::Type::field:
            return field(node, positive);
        }
        return {Part::Role::positive, {}};
    }

    std::vector<Part> build_all(const Node& node)
    {
        std::vector<Part> parts;
        for (const Node& child : node.children) {
            parts.push_back(build(child, true));
        }
        return parts;
    }

    // A long query (a pasted paragraph) is matched on its LONG_QUERY_WORDS
    // rarest words, as Xapian's OP_ELITE_SET does by the words' highest
    // possible weights (which BM25 orders as their rarity): the commonest
    // words of a paragraph match most of the collection, and reading their
    // stem and root classes' postings made most of its time. The words left
    // out of the match still count in the rescoring window and are marked
    // in snippets. (OP_ELITE_SET itself picks among the words' parts, as it
    // flattens the OR of a word's stem, classes and title term.) `parts`
    // are `node`'s children's, in order.
    std::vector<Part> rarest_words(std::vector<Part> parts, const Node& node)
    {
        std::vector<std::pair<Xapian::doccount, std::size_t>> words;  // frequency, child
        for (std::size_t i = 0; i < parts.size(); ++i) {
            const Node& child = node.children[i];
            if (child.type == Node::Type::word && !child.prefix &&
                parts[i].role == Part::Role::positive && !parts[i].query.empty()) {
                words.emplace_back(0, i);
            }
        }
        if (words.size() <= LONG_QUERY_WORDS) {
            return parts;
        }
        for (auto& [frequency_of, i] : words) {
            // A word whose stem no article holds goes last: it would take a
            // slot from a word that matches (what it may still reach
            // through its classes, it reaches in the rescoring window).
            frequency_of = frequency(node.children[i].text);
            if (frequency_of == 0) {
                frequency_of = std::numeric_limits<Xapian::doccount>::max();
            }
        }
        std::stable_sort(words.begin(), words.end(),
                         [](const auto& a, const auto& b) { return a.first < b.first; });
        for (std::size_t k = LONG_QUERY_WORDS; k < words.size(); ++k) {
            parts[words[k].second].query = Xapian::Query();
        }
        return parts;
    }

    // How many articles hold the rarest stem of a typed word.
    Xapian::doccount frequency(std::string_view text) const
    {
        Xapian::doccount rarest = m_db.get_doccount();
        for (const Token& t : m_expander.analyze(text)) {
            if (!t.stopword) {
                rarest = std::min(rarest, m_db.get_termfreq(term_for(t.stem, "")));
            }
        }
        return rarest;
    }

    Part any_of(const Node& node)
    {
        Part left = build(node.children[0], true);
        for (std::size_t i = 1; i < node.children.size(); ++i) {
            Part right = build(node.children[i], true);
            if (left.role == Part::Role::negative || right.role == Part::Role::negative) {
                fail_at(m_query, node.operators[i - 1], "OR cannot join an exclusion");
            }
            if (left.query.empty() || right.query.empty()) {
                left = left.query.empty() ? right : left;
                continue;
            }
            // Filters joined by OR still only filter (`source:(a OR b)`).
            const bool filters =
                left.role == Part::Role::filter && right.role == Part::Role::filter;
            left = {filters ? Part::Role::filter : Part::Role::positive,
                    Xapian::Query(Xapian::Query::OP_OR, left.query, right.query)};
        }
        return left;
    }

    // `a NEAR b NEAR c` is one NEAR over every operand: Xapian's OP_NEAR
    // takes no OP_NEAR below it. A phrase beside NEAR is a phrase: NEAR
    // states a requirement itself. (A parenthesis or a field before the
    // first NEAR keeps its loose phrases, as the parser always read them.)
    Part near(const Node& node)
    {
        NearQuery near(m_query, m_phrase_spans);
        const Node& first = node.children[0];
        const bool one_lexeme = first.type == Node::Type::word || first.type == Node::Type::phrase;
        near.add(one_lexeme ? strictly([&] { return build(first, true); }) : build(first, true),
                 node.operators[0]);
        for (std::size_t i = 1; i < node.children.size(); ++i) {
            near.add(strictly([&] { return build(node.children[i], true); }),
                     node.operators[i - 1]);
        }
        return {Part::Role::positive, near.build()};
    }

    // What `build` returns, with every quoted phrase in it required as a
    // phrase (phrase_query()) rather than loose (loose_phrase()): under `+`,
    // `-` and NOT, whose operand the user marked (`-"a b"` excludes the
    // phrase, not its words), and beside NEAR.
    template <typename Build>
    Part strictly(Build build)
    {
        ++m_strict_phrases;
        Part part = build();
        --m_strict_phrases;  // a QueryError ends the build: no need to undo it then
        return part;
    }

    Part field(const Node& node, bool positive)
    {
        const Node& value = node.children[0];
        if (node.text == "title") {
            return {Part::Role::positive,
                    value.type == Node::Type::phrase
                        ? phrase_query(value.text, positive, "title")
                        : word_query(value.text, value.prefix, value.exact, positive, "title")};
        }
        if (node.text == "source") {
            return {Part::Role::filter, source_query(value.text, m_analyzer, m_db)};
        }
        if (node.text == "category") {
            return {Part::Role::filter, category_query(value.text, m_analyzer)};
        }
        if (node.text == "id" || node.text == "url") {
            // As written, `*` included: an id or a URL is not analyzed text.
            const std::string written = value.prefix ? value.text + "*" : value.text;
            return {Part::Role::filter,
                    node.text == "id" ? id_query(written) : url_query(written)};
        }
        return {Part::Role::filter, date_range_query(node.dates->from, node.dates->to)};
    }

    std::string stopword_message() const
    {
        std::string stopwords;
        for (const auto& w : m_out.words) {
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

    // Records how the analyzer understood a word and returns its tokens.
    std::vector<Token> analyze(std::string_view text)
    {
        std::vector<Token> tokens = m_expander.analyze(text);
        for (const Token& t : tokens) {
            m_out.words.push_back({t.original, t.normalized, t.stem, t.stopword, {}, {}, {}});
        }
        return tokens;
    }

    Xapian::Query word_query(std::string_view text, bool prefix, bool exact, bool positive,
                             std::string_view field)
    {
        const std::size_t first_word = m_out.words.size();
        std::vector<Token> tokens = analyze(text);
        std::erase_if(tokens, [](const Token& t) { return t.stopword; });
        if (tokens.empty()) {
            return {};
        }
        if (prefix) {
            const Token& last = tokens.back();
            if (positive) {
                m_out.match.prefixes.push_back(last.stem);
            }
            return Xapian::Query(Xapian::Query::OP_WILDCARD, term_for(last.stem, field),
                                 WILDCARD_LIMIT, Xapian::Query::WILDCARD_LIMIT_MOST_FREQUENT);
        }
        const Strictness strict = m_expander.strictness(exact);
        if (tokens.size() == 1) {
            return one_word(tokens[0], positive, field, strict, first_word);
        }
        if (positive && field.empty() &&
            m_analyzer.profile().ranking == RankingScheme::lucene_bm25) {
            return tokens_apart(tokens, strict, first_word);
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
        return Xapian::Query(m_match_all ? Xapian::Query::OP_AND : Xapian::Query::OP_OR,
                             parts.begin(), parts.end());
    }

    // A word the analyzer left whole, expanded as `strict` allows (variants
    // recorded from the query's `first_word` on).
    Xapian::Query one_word(const Token& token, bool positive, std::string_view field,
                           Strictness strict, std::size_t first_word)
    {
        if (positive) {
            m_out.match.stems.insert(token.stem);
        }
        if (!field.empty()) {
            return Xapian::Query(term_for(token.stem, field));
        }
        if (positive) {
            m_out.proximity_terms.push_back({term_for(token.stem, "")});
        }
        if (!m_expander.expands(strict)) {
            return title_boosted(token.stem);
        }
        const Expansion e =
            m_expander.expand(token.stem, positive, strict == Strictness::stemmed);
        note_spellings(e.spellings, first_word);
        note_classes(e, first_word);
        if (e.empty()) {
            return title_boosted(token.stem);
        }
        if (positive) {
            note_expansion(token.stem, e);
        }
        return expanded_query(token.stem, e);
    }

    // The spellings a word was searched with, in its QueryWord: the last
    // word that is not a stopword from `first_word` on.
    void note_spellings(const std::vector<std::string>& spellings, std::size_t first_word)
    {
        QueryWord* word = spellings.empty() ? nullptr : last_word(first_word);
        if (word != nullptr) {
            word->variants.insert(word->variants.end(), spellings.begin(), spellings.end());
        }
    }

    // The stem and root classes a word was searched with, in its QueryWord
    // (as note_spellings()), as stems.
    void note_classes(const Expansion& e, std::size_t first_word)
    {
        QueryWord* word = last_word(first_word);
        if (word == nullptr) {
            return;
        }
        for (const std::string& term : e.members) {
            word->stem_class.push_back(schema::decode_term(term));
        }
        for (const std::string& term : e.related) {
            word->root_class.push_back(schema::decode_term(term));
        }
    }

    // The last word that is not a stopword from `first_word` on.
    QueryWord* last_word(std::size_t first_word)
    {
        QueryWord* word = nullptr;
        for (std::size_t i = first_word; i < m_out.words.size(); ++i) {
            if (!m_out.words[i].stopword) {
                word = &m_out.words[i];
            }
        }
        return word;
    }

    // Stem class members are forms of the word, variants the same name:
    // highlighted. Root class members are related words (سلام for مسلم):
    // they count for proximity and the lead, but a snippet marks only the
    // word.
    void note_expansion(const std::string& stem, const Expansion& e)
    {
        for (const std::string& term : e.members) {
            m_out.match.stems.insert(schema::decode_term(term));
        }
        for (const std::string& term : e.variants) {
            m_out.match.stems.insert(schema::decode_term(term));
        }
        const std::string own = term_for(stem, "");
        std::vector<std::string>& word = m_out.proximity_terms.back();
        std::copy_if(e.members.begin(), e.members.end(), std::back_inserter(word),
                     [&](const std::string& term) { return term != own; });
        word.insert(word.end(), e.variants.begin(), e.variants.end());
        word.insert(word.end(), e.related.begin(), e.related.end());
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
    Xapian::Query loose_phrase(std::string_view text, bool exact)
    {
        std::vector<Xapian::Query> words;
        for (const Lexeme& chunk : literal_words(text)) {
            if (chunk.kind != Kind::word) {
                continue;
            }
            if (Xapian::Query q = word_query(chunk.text, false, exact, true, ""); !q.empty()) {
                words.push_back(std::move(q));
            }
        }
        std::vector<Token> tokens = m_expander.analyze(text);
        std::erase_if(tokens, [](const Token& t) { return t.stopword; });
        if (tokens.size() > 1) {
            std::vector<std::string> stems;
            for (const Token& t : tokens) {
                stems.push_back(t.stem);
            }
            m_out.match.phrases.push_back(std::move(stems));
        }
        if (words.size() < 2) {
            return words.empty() ? Xapian::Query() : words[0];
        }
        return Xapian::Query(m_match_all ? Xapian::Query::OP_AND : Xapian::Query::OP_OR,
                             words.begin(), words.end());
    }

    Xapian::Query phrase_query(std::string_view text, bool positive, std::string_view field)
    {
        std::vector<Token> tokens = analyze(text);
        std::erase_if(tokens, [](const Token& t) { return t.stopword; });
        if (tokens.empty()) {
            return {};
        }
        if (tokens.size() == 1) {
            if (positive) {
                m_out.match.stems.insert(tokens[0].stem);
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
            m_out.match.phrases.push_back(stems);
        }
        // Stopwords are not indexed but keep their positions: the window
        // spans them.
        const Xapian::termpos window = tokens.back().position - tokens.front().position + 1;
        Xapian::Query phrase(Xapian::Query::OP_PHRASE, terms.begin(), terms.end(), window);
        m_phrase_spans.emplace(phrase.serialise(), window);
        if (field == "title") {
            // Title terms carry no positions of their own: the words must be
            // in the title and form the phrase.
            return Xapian::Query(
                Xapian::Query::OP_AND,
                Xapian::Query(Xapian::Query::OP_AND, title_terms.begin(), title_terms.end()),
                phrase);
        }
        return phrase;
    }

    std::string_view m_query;
    bool m_match_all;
    const Analyzer& m_analyzer;
    const Xapian::Database& m_db;
    Expander& m_expander;
    int m_strict_phrases = 0;  // see strictly()
    PhraseSpans m_phrase_spans;
    BuiltQuery m_out;
};

}  // namespace

BuiltQuery build_query(std::string_view query, const Node& tree, bool match_all,
                       const Analyzer& analyzer, const Xapian::Database& db, Expander& expander)
{
    return Builder(query, match_all, analyzer, db, expander).run(tree);
}

}  // namespace akhbar::detail
