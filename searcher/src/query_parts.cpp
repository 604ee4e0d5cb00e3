#include "query_parts.hpp"

#include "akhbar/common/terms.hpp"
#include "every_document.hpp"
#include "query_lexer.hpp"

namespace akhbar::detail {

namespace {

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
/// With name variants, the weight of the other spellings of a name beside
/// the word as typed (docs/analyzer.md#name-variants).
constexpr double VARIANT_WEIGHT = 0.5;

}  // namespace

std::string term_for(const std::string& stem, std::string_view field)
{
    const std::string encoded = schema::encode_term(stem);
    return field == "title" ? std::string(schema::PREFIX_TITLE) + encoded : encoded;
}

// A word in the title counts twice: once as a word of the article (the
// title's words are indexed with the body's) and once as a title word,
// whose rarer S term carries its own BM25 weight. (Raising the title
// words' wdf alone saturates under BM25 and did not put title matches
// first.)
Xapian::Query title_boosted(const std::string& stem)
{
    return Xapian::Query(Xapian::Query::OP_OR, Xapian::Query(term_for(stem, "")),
                         Xapian::Query(term_for(stem, "title")));
}

// A word with its classes: the stem class as one synonym (Xapian weighs it
// as a single term whose occurrences are all its members'), the word's own
// stem again at OWN_STEM_WEIGHT (the exact form is the best evidence), the
// title term as in title_boosted(), the spellings, and the root class.
//
// The spelling variants (variants.hpp) with their own stem classes are one
// more synonym at VARIANT_WEIGHT: it matches alone (ترمب finds the articles
// that write ترامب) but keeps its own statistics, so a rare spelling typed
// keeps its weight where it is written (inside the word's synonym, ترمب took
// ترامب's far lower idf: AlArabiya known-item -0.004).
//
// The root class, the other words of its root, is one synonym at
// ROOT_WEIGHT that only adds to an article the word already matches: it
// never matches alone, so وزير (light stem زير) never finds an article that
// only has زيارة (visit, root زير), and `AND القديمة` never one that only
// has تقديم (root قدم). (Matching alone: QRCD train 0.2562 instead of
// 0.2513, but those false friends.) An excluded word excludes its stem class
// only (the expander gives it no more).
Xapian::Query expanded_query(const std::string& stem, const Expansion& e)
{
    std::vector<Xapian::Query> parts;
    if (e.members.empty()) {
        parts.emplace_back(term_for(stem, ""));
    } else {
        parts.emplace_back(Xapian::Query::OP_SCALE_WEIGHT, Xapian::Query(term_for(stem, "")),
                           OWN_STEM_WEIGHT);
        parts.emplace_back(Xapian::Query::OP_SYNONYM, e.members.begin(), e.members.end());
    }
    parts.emplace_back(term_for(stem, "title"));
    if (!e.variants.empty()) {
        const Xapian::Query spellings(Xapian::Query::OP_SYNONYM, e.variants.begin(),
                                      e.variants.end());
        parts.emplace_back(Xapian::Query::OP_SCALE_WEIGHT, spellings, VARIANT_WEIGHT);
    }
    Xapian::Query word(Xapian::Query::OP_OR, parts.begin(), parts.end());
    if (e.related.empty()) {
        return word;
    }
    return Xapian::Query(
        Xapian::Query::OP_AND_MAYBE, word,
        Xapian::Query(Xapian::Query::OP_SCALE_WEIGHT,
                      Xapian::Query(Xapian::Query::OP_SYNONYM, e.related.begin(), e.related.end()),
                      ROOT_WEIGHT));
}

Part combine(const std::vector<Part>& parts, Xapian::Query::op op)
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
        // (stopwords), which the builder reports as such.
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
            out.query = Xapian::Query(Xapian::Query::OP_FILTER, every_document(), out.query);
            out.role = Part::Role::positive;
        }
        out.query = Xapian::Query(Xapian::Query::OP_AND_NOT, out.query, negative);
    }
    return out;
}

NearQuery::NearQuery(std::string_view query, const PhraseSpans& phrase_spans)
    : m_query(query), m_phrase_spans(phrase_spans), m_window(NEAR_WINDOW)
{
}

void NearQuery::add(const Part& operand, std::size_t at)
{
    if (operand.role != Part::Role::positive || operand.query.empty()) {
        fail_at(m_query, at, "NEAR joins words or phrases");
    }
    // A word's root class (the optional part of the builder's AND_MAYBE)
    // stays out of it.
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
        fail_at(m_query, at, "NEAR cannot join a word* wildcard");
    default:
        fail_at(m_query, at, "NEAR joins words or phrases");
    }
}

Xapian::Query NearQuery::build() const
{
    Xapian::Query near(Xapian::Query::OP_NEAR, m_items.begin(), m_items.end(), m_window);
    if (m_phrases.empty()) {
        return near;
    }
    // Unweighted: the phrase's terms already weigh in the NEAR.
    return Xapian::Query(Xapian::Query::OP_FILTER, near,
                         Xapian::Query(Xapian::Query::OP_AND, m_phrases.begin(), m_phrases.end()));
}

}  // namespace akhbar::detail
