#include "matching_documents.hpp"

#include <string>
#include <unordered_set>

namespace akhbar::detail {

void DocumentSet::unite(const DocumentSet& other)
{
    for (std::size_t i = 0; i < m_words.size(); ++i) {
        m_words[i] |= other.m_words[i];
    }
}

void DocumentSet::intersect(const DocumentSet& other)
{
    for (std::size_t i = 0; i < m_words.size(); ++i) {
        m_words[i] &= other.m_words[i];
    }
}

void DocumentSet::subtract(const DocumentSet& other)
{
    for (std::size_t i = 0; i < m_words.size(); ++i) {
        m_words[i] &= ~other.m_words[i];
    }
}

namespace {

using Query = Xapian::Query;

bool supported(const Query& q)
{
    switch (q.get_type()) {
    case Query::LEAF_TERM:
    case Query::LEAF_MATCH_ALL:
    case Query::LEAF_MATCH_NOTHING:
    case Query::OP_INVALID:
        return true;
    case Query::OP_OR:
    case Query::OP_SYNONYM:
    case Query::OP_MAX:
    case Query::OP_AND:
    case Query::OP_FILTER:
    case Query::OP_AND_NOT:
    case Query::OP_AND_MAYBE:
    case Query::OP_SCALE_WEIGHT:
        for (std::size_t i = 0; i < q.get_num_subqueries(); ++i) {
            if (!supported(q.get_subquery(i))) {
                return false;
            }
        }
        return true;
    default:
        return false;
    }
}

// Adds the documents `q` matches to `into`. `read`: the terms whose
// postings are in `into` already (a word's stem class and its title term
// repeat terms across the query's words).
void add_matches(const Query& q, const Xapian::Database& db, DocumentSet& into,
                 std::unordered_set<std::string>& read)
{
    const auto add_postings = [&](const std::string& term) {
        if (read.insert(term).second) {
            for (auto p = db.postlist_begin(term); p != db.postlist_end(term); ++p) {
                into.add(*p);
            }
        }
    };
    const auto sub = [&](std::size_t i) { return q.get_subquery(i); };
    switch (q.get_type()) {
    case Query::LEAF_TERM:
        add_postings(*q.get_terms_begin());
        return;
    case Query::LEAF_MATCH_ALL:
        add_postings(std::string());
        return;
    case Query::OP_OR:
    case Query::OP_SYNONYM:
    case Query::OP_MAX:
        for (std::size_t i = 0; i < q.get_num_subqueries(); ++i) {
            add_matches(sub(i), db, into, read);
        }
        return;
    case Query::OP_AND_MAYBE:  // the others only weigh
    case Query::OP_SCALE_WEIGHT:
        add_matches(sub(0), db, into, read);
        return;
    case Query::OP_AND:
    case Query::OP_FILTER:
    case Query::OP_AND_NOT: {
        const Xapian::docid last = db.get_lastdocid();
        DocumentSet result(last);
        std::unordered_set<std::string> result_read;
        add_matches(sub(0), db, result, result_read);
        for (std::size_t i = 1; i < q.get_num_subqueries(); ++i) {
            DocumentSet other(last);
            std::unordered_set<std::string> other_read;
            add_matches(sub(i), db, other, other_read);
            if (q.get_type() == Query::OP_AND_NOT) {
                result.subtract(other);
            } else {
                result.intersect(other);
            }
        }
        into.unite(result);
        return;
    }
    default:  // nothing (LEAF_MATCH_NOTHING, OP_INVALID: the empty query)
        return;
    }
}

}  // namespace

std::optional<DocumentSet> matching_documents(const Xapian::Query& query, const Xapian::Database& db)
{
    if (!supported(query)) {
        return std::nullopt;
    }
    DocumentSet documents(db.get_lastdocid());
    std::unordered_set<std::string> read;
    add_matches(query, db, documents, read);
    return documents;
}

}  // namespace akhbar::detail
