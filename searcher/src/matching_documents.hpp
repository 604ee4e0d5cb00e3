#pragma once
// The documents of one local database that a query matches, found from the
// posting lists of its terms, without Xapian's matcher: for counting every
// match (facets.hpp), where nothing is weighed nor ordered. Internal header.

#include <bit>
#include <cstdint>
#include <optional>
#include <vector>

#include <xapian.h>

namespace akhbar::detail {

/// A set of document ids of one database: bit `did` of the words.
class DocumentSet {
public:
    explicit DocumentSet(Xapian::docid lastdocid) : m_words(lastdocid / 64 + 1, 0) {}

    void add(Xapian::docid did) { m_words[did / 64] |= std::uint64_t{1} << (did % 64); }
    void unite(const DocumentSet& other);
    void intersect(const DocumentSet& other);
    void subtract(const DocumentSet& other);

    /// Calls `f(did)` for each document, in id order.
    template <class F>
    void for_each(F f) const
    {
        for (std::size_t i = 0; i < m_words.size(); ++i) {
            for (std::uint64_t w = m_words[i]; w != 0; w &= w - 1) {
                f(static_cast<Xapian::docid>(i * 64 + std::countr_zero(w)));
            }
        }
    }

private:
    std::vector<std::uint64_t> m_words;
};

/// The documents of `db` (one local database) that `query` matches, when it
/// is made of terms and of operators that match by their subqueries'
/// matches alone (OR, SYNONYM, MAX, AND, FILTER, AND_NOT, AND_MAYBE,
/// SCALE_WEIGHT); nullopt for any other (a phrase, a wildcard, a value
/// range), which the matcher must find.
[[nodiscard]] std::optional<DocumentSet> matching_documents(const Xapian::Query& query,
                                                            const Xapian::Database& db);

}  // namespace akhbar::detail
