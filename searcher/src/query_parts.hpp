#pragma once
// The pieces the builder (query_builder.cpp) makes of a tree's nodes: a
// word's query with its expansion and weights, and how pieces join: by the
// role each plays (scores, required, filter, exclusion), and for NEAR, by
// what Xapian 1.4's OP_NEAR can take. Internal header.

#include <cstddef>
#include <map>
#include <string>
#include <string_view>
#include <vector>

#include <xapian.h>

#include "query_expander.hpp"

namespace akhbar::detail {

/// A piece of a query: scores (positive), scores and must match (required,
/// `+`), restricts (filter) or excludes.
struct Part {
    enum class Role { positive, required, filter, negative } role;
    Xapian::Query query;
};

/// The encoded term of `stem` in `field` ("title" or none).
std::string term_for(const std::string& stem, std::string_view field);

/// A word without classes: its term and its title term.
Xapian::Query title_boosted(const std::string& stem);

/// A word with its classes `e` (query_parts.cpp says how each weighs).
Xapian::Query expanded_query(const std::string& stem, const Expansion& e);

/// Juxtaposed parts: positives joined by `op` (OP_OR, or OP_AND with --all),
/// required parts AND-ed before them, filters and exclusions applied to them.
/// Empty queries (stopwords) are dropped.
Part combine(const std::vector<Part>& parts, Xapian::Query::op op);

/// The window of each phrase built, by its serialised query (Xapian's Query
/// does not give it back), for NEAR.
using PhraseSpans = std::map<std::string, Xapian::termpos>;

/// The operands of a NEAR as Xapian 1.4 can take them. Its OP_NEAR accepts
/// terms and ORs of terms (it merges their positions), but no OP_PHRASE
/// (UnimplementedError when matching), so a phrase goes in as its terms, the
/// window widened by the phrase's own span, and the phrase itself filters:
/// `"a b" NEAR c` finds the phrase with a, b and c all within NEAR_WINDOW + 1
/// positions. (Xapian's NEAR does not tie the a and b it finds close to c to
/// an occurrence of the phrase; the filter only requires one somewhere in
/// the article.)
class NearQuery {
public:
    /// `query` for error messages; `phrase_spans` of the phrases built.
    NearQuery(std::string_view query, const PhraseSpans& phrase_spans);

    /// One more operand, its NEAR at byte `at` of the query. Throws
    /// QueryError for what NEAR cannot join.
    void add(const Part& operand, std::size_t at);

    [[nodiscard]] Xapian::Query build() const;

private:
    std::string_view m_query;
    const PhraseSpans& m_phrase_spans;
    std::vector<Xapian::Query> m_items;
    std::vector<Xapian::Query> m_phrases;
    Xapian::termpos m_window;
};

}  // namespace akhbar::detail
