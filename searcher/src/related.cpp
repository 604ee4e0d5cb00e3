#include "related.hpp"

#include <string>

#include "akhbar/common/error.hpp"
#include "akhbar/common/quote.hpp"
#include "akhbar/common/terms.hpp"

namespace akhbar::detail {

namespace {

// Accepts the word terms (unprefixed) of an article that some other article
// has too: a term only this article has cannot find anything related.
class SharedWordTerms final : public Xapian::ExpandDecider {
public:
    explicit SharedWordTerms(const Xapian::Database& db) : m_db(db) {}

    bool operator()(const std::string& term) const override
    {
        return !term.empty() && !(term[0] >= 'A' && term[0] <= 'Z') && m_db.get_termfreq(term) > 1;
    }

private:
    const Xapian::Database& m_db;
};

}  // namespace

RelatedQuery related_query(const Xapian::Database& db, std::string_view id)
{
    std::string id_term(schema::PREFIX_ID);
    id_term += id;  // not ... + std::string(id): GCC 12 -Wrestrict false positive here
    const auto it = db.postlist_begin(id_term);
    if (it == db.postlist_end(id_term)) {
        throw InvalidArgument("no article with id " + quote_for_message(id));
    }
    Xapian::RSet rset;
    rset.add_document(*it);
    Xapian::Enquire enquire(db);
    const SharedWordTerms shared(db);
    const Xapian::ESet eset = enquire.get_eset(RELATED_TERMS, rset, &shared);
    RelatedQuery related;
    for (auto t = eset.begin(); t != eset.end(); ++t) {
        related.match.stems.insert(schema::decode_term(*t));
    }
    related.query = Xapian::Query(Xapian::Query::OP_AND_NOT,
                                  Xapian::Query(Xapian::Query::OP_OR, eset.begin(), eset.end()),
                                  Xapian::Query(id_term));
    return related;
}

}  // namespace akhbar::detail
