#include "query_expander.hpp"

#include <algorithm>
#include <array>
#include <iterator>

#include "akhbar/common/terms.hpp"

namespace akhbar::detail {

namespace {

/// Query filler, ignored in a query that has other words under profiles
/// with drop_query_filler: question words (QRCD: train MAP@10 +0.009, dev
/// +0.002) and personal pronouns, which Lucene's stopword list lacks (train
/// +0.004, dev +0.013; known-item unchanged): in a question they ask or
/// point, they do not describe.
constexpr std::array<std::string_view, 15> QUERY_FILLER{
    "هل", "كيف", "ماذا", "لماذا", "متى", "أين", "كم",
    "هم", "هن", "هما", "نحن", "أنا", "أنتم", "أنتن", "أنتما"};

// The query filler to ignore: none unless the query has another word that is
// neither a stopword nor filler.
std::set<std::string> query_filler(const Analyzer& analyzer, const Node& tree)
{
    std::set<std::string> filler;
    for (const std::string_view word : QUERY_FILLER) {
        filler.insert(analyzer.normalize(word));
    }
    bool other = false;
    for_each_leaf(tree, [&](const Node& leaf) {
        if (other) {
            return;
        }
        for (const Token& t : analyzer.analyze(leaf.text)) {
            if (!t.stopword && !filler.contains(t.normalized)) {
                other = true;
                return;
            }
        }
    });
    return other ? filler : std::set<std::string>{};
}

}  // namespace

Expander::Expander(const Analyzer& analyzer, const Xapian::Database& db, StemClasses* classes,
                   Strictness strict, const Node& tree)
    : m_analyzer(analyzer), m_db(db),
      m_classes(classes != nullptr && classes->enabled() ? classes : nullptr), m_strict(strict)
{
    if (analyzer.profile().drop_query_filler) {
        m_filler = query_filler(analyzer, tree);
    }
}

std::vector<Token> Expander::analyze(std::string_view text) const
{
    std::vector<Token> tokens = m_analyzer.analyze(text);
    for (Token& t : tokens) {
        if (m_filler.contains(t.normalized)) {
            t.stopword = true;
            t.stem.clear();
        }
    }
    return tokens;
}

// The root class only adds to an article the word already matches (see
// query_builder.cpp), so it holds what the stem class and variants do not.
Expansion Expander::expand(const std::string& stem, bool positive, bool all)
{
    Expansion out;
    // A copy: variant_terms() asks for the variants' classes, and a full
    // cache is cleared on the way, which would free a reference.
    out.members = m_classes->members(stem, m_db);
    if (positive && all && m_analyzer.profile().name_variants) {
        variant_terms(stem, out);
    }
    if (positive && all && m_analyzer.profile().root_classes) {
        std::vector<std::string> known = out.members;
        known.insert(known.end(), out.variants.begin(), out.variants.end());
        std::sort(known.begin(), known.end());
        const std::vector<std::string>& same_root = m_classes->root_members(stem, m_db);
        std::set_difference(same_root.begin(), same_root.end(), known.begin(), known.end(),
                            std::back_inserter(out.related));
        std::erase(out.related, schema::encode_term(stem));
    }
    return out;
}

// The encoded terms of `stem`'s variants and their stem classes, sorted,
// without the word's own class (`out.members`).
void Expander::variant_terms(const std::string& stem, Expansion& out)
{
    const std::vector<std::string> variants = m_classes->variant_members(stem, m_db);
    if (variants.empty()) {
        return;
    }
    std::vector<std::string>& terms = out.variants;
    for (const std::string& v : variants) {
        const std::string variant = schema::decode_term(v);
        out.spellings.push_back(variant);
        terms.push_back(v);
        const std::vector<std::string>& forms = m_classes->members(variant, m_db);
        terms.insert(terms.end(), forms.begin(), forms.end());
    }
    std::sort(terms.begin(), terms.end());
    terms.erase(std::unique(terms.begin(), terms.end()), terms.end());
    std::vector<std::string> own_class = out.members;
    own_class.push_back(schema::encode_term(stem));
    std::sort(own_class.begin(), own_class.end());
    std::erase_if(terms, [&](const std::string& t) {
        return std::binary_search(own_class.begin(), own_class.end(), t);
    });
}

}  // namespace akhbar::detail
