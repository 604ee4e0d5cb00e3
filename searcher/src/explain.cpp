#include "explain.hpp"

#include <unordered_map>

#include "akhbar/common/terms.hpp"

// Xapian 1.4 gives a hit's weight, not its parts, and its Weight classes are
// initialised by the matcher alone (Weight::init_ is private). So the parts
// are weighed by Xapian itself: the query is split where its weight is a sum
// (OR, AND, AND_MAYBE add their matching subqueries' weights; FILTER and
// AND_NOT weigh their first subquery only), and each indivisible part (a
// term, a synonym, a scaled part, a phrase) is matched alone against the hit,
// with the search's weighting scheme. A part's BM25 weight depends only on
// the collection's statistics, the hit and the part itself (k2 = 0: no
// query-length term), so the parts' weights add up to the hit's.
//
// A part of a sum counts only when it matches the hit; a part that is itself
// a conjunction (an AND inside an OR) is first matched whole, since its
// subqueries may match where it does not.

namespace akhbar::detail {

namespace {

using Query = Xapian::Query;

class Explainer {
public:
    Explainer(const ExplainContext& context, const std::string& id)
        : m_context(context), m_id(std::string(schema::PREFIX_ID) + id)
    {
        // Each query term -> the query word it counts for (as typed): the
        // word's stem and title term, then every term of its class lists.
        for (const QueryWord& w : context.words) {
            if (!w.stopword && !w.stem.empty()) {
                const std::string own = schema::encode_term(w.stem);
                m_word_of.try_emplace(own, &w);
                m_word_of.try_emplace(std::string(schema::PREFIX_TITLE) + own, &w);
            }
        }
        for (const auto& terms : context.proximity_terms) {
            const auto own = terms.empty() ? m_word_of.end() : m_word_of.find(terms.front());
            if (own == m_word_of.end()) {
                continue;
            }
            const QueryWord* word = own->second;
            for (const std::string& term : terms) {
                m_word_of.try_emplace(term, word);
            }
        }
    }

    std::vector<ScorePart> run()
    {
        walk(m_context.query, false);
        return std::move(m_parts);
    }

private:
    // `q` matches the hit. `related`: it is the optional side of an
    // AND_MAYBE (a word's root class).
    void walk(const Query& q, bool related)
    {
        switch (q.get_type()) {
        case Query::OP_OR:
        case Query::OP_AND:
        case Query::OP_AND_MAYBE:
            for (std::size_t i = 0; i < q.get_num_subqueries(); ++i) {
                const Query sub = q.get_subquery(i);
                const bool must = q.get_type() == Query::OP_AND ||
                                  (q.get_type() == Query::OP_AND_MAYBE && i == 0);
                if (!must && is_sum(sub) && weight(sub) < 0) {
                    continue;  // an optional conjunction the hit does not match
                }
                walk(sub, q.get_type() == Query::OP_AND_MAYBE && i > 0);
            }
            return;
        case Query::OP_FILTER:
        case Query::OP_AND_NOT:
            walk(q.get_subquery(0), related);
            return;
        default:
            part(q, related);
        }
    }

    static bool is_sum(const Query& q)
    {
        switch (q.get_type()) {
        case Query::OP_OR:
        case Query::OP_AND:
        case Query::OP_AND_MAYBE:
        case Query::OP_FILTER:
        case Query::OP_AND_NOT:
            return true;
        default:
            return false;
        }
    }

    void part(const Query& q, bool related)
    {
        const double w = weight(q);
        if (w < 0) {
            return;  // does not match the hit
        }
        ScorePart p;
        p.score = w;
        const QueryWord* word = nullptr;
        for (auto t = q.get_unique_terms_begin(); t != q.get_unique_terms_end(); ++t) {
            const std::string& term = *t;
            if (word == nullptr) {
                if (const auto found = m_word_of.find(term); found != m_word_of.end()) {
                    word = found->second;
                }
            }
            const std::string_view bare =
                term.starts_with(schema::PREFIX_TITLE) ? std::string_view(term).substr(1) : term;
            p.terms.push_back(schema::decode_term(bare));
        }
        if (word != nullptr) {
            p.word = word->text;
        }
        p.kind = kind(q, related, word);
        m_parts.push_back(std::move(p));
    }

    // Named after what query_parts.cpp makes of a word: title_boosted()
    // gives its stem and title term; expanded_query() its own stem scaled,
    // its stem class as a synonym, its title term, its spellings as a
    // scaled synonym, and its root class as a scaled synonym on the optional
    // side of an AND_MAYBE. Xapian folds a synonym of one term into the
    // term, so a part is told by where it stands and by the word's classes,
    // not by its shape alone.
    static std::string kind(const Query& q, bool related, const QueryWord* word)
    {
        switch (q.get_type()) {
        case Query::LEAF_TERM:
        case Query::OP_SYNONYM:
        case Query::OP_SCALE_WEIGHT: {
            const std::string first = *q.get_terms_begin();
            if (first.starts_with(schema::PREFIX_TITLE)) {
                return "title";
            }
            if (related) {
                return "root class";
            }
            const bool own = word != nullptr && q.get_length() == 1 &&
                             first == schema::encode_term(word->stem);
            if (q.get_type() == Query::OP_SCALE_WEIGHT) {
                return own ? "stem" : "variants";
            }
            if (word != nullptr && !word->stem_class.empty()) {
                return "stem class";
            }
            return "stem";
        }
        case Query::OP_PHRASE:
            return "phrase";
        case Query::OP_NEAR:
            return "near";
        case Query::OP_WILDCARD:
            return "prefix";
        default:
            return "other";
        }
    }

    // The weight `q` alone gives the hit, as the search weighs it; -1 when
    // it does not match the hit.
    double weight(const Query& q) const
    {
        Xapian::Enquire enquire(m_context.db);
        const Ordering& order = m_context.order;
        // As the search set it up (a remote search of lucene-bm25 uses
        // Xapian's BM25: order_match()).
        const bool any_remote =
            order.ranking == RankingScheme::lucene_bm25 && !order.lucene_weight;
        order_match(enquire, order.ranking, m_context.indexed, SortOrder::relevance, any_remote);
        enquire.set_query(Query(Query::OP_FILTER, q, Query(m_id)));
        const Xapian::MSet mset = enquire.get_mset(0, 1);
        return mset.empty() ? -1 : mset.begin().get_weight();
    }

    const ExplainContext& m_context;
    std::string m_id;
    std::unordered_map<std::string, const QueryWord*> m_word_of;
    std::vector<ScorePart> m_parts;
};

}  // namespace

Explanation explain_hit(const ExplainContext& context, const Ranked& hit, const std::string& id)
{
    Explanation out;
    out.parts = Explainer(context, id).run();
    // The match's weight as the ranking used it (Lucene's floats rounded).
    out.match = context.order.lucene_weight ? static_cast<float>(hit.it.get_weight())
                                            : hit.it.get_weight();
    // rescored_page(): score = match x (1 + PROXIMITY_BOOST x proximity)
    // x (1 + LEAD_BOOST x lead), as parts: what each factor added.
    double score = out.match;
    if (hit.proximity_applied) {
        out.proximity = hit.proximity;
        const double added = score * PROXIMITY_BOOST * hit.proximity;
        out.parts.push_back({"", "proximity", {}, added});
        score += added;
    }
    if (hit.lead_applied) {
        out.lead = hit.lead;
        out.parts.push_back({"", "lead", {}, score * LEAD_BOOST * hit.lead});
    }
    return out;
}

}  // namespace akhbar::detail
