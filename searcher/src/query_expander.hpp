#pragma once
// Stage 3 of the query pipeline: what a query word stands for beyond its
// own stem: its stem class, its root class, its name variants (from the
// vocabulary, through StemClasses), and which words are query filler to
// ignore. The builder (query_builder.hpp) asks it word by word. Internal
// header.

#include <set>
#include <string>
#include <string_view>
#include <vector>

#include <xapian.h>

#include "akhbar/common/analyzer.hpp"
#include "akhbar/searcher/searcher.hpp"
#include "query_tree.hpp"
#include "stem_classes.hpp"

namespace akhbar::detail {

/// The terms a word is expanded to, encoded, each list sorted.
struct Expansion {
    /// The stem class (may hold the word's own stem).
    std::vector<std::string> members;
    /// The other spellings found, as stems (decoded), most frequent first.
    std::vector<std::string> spellings;
    /// The spellings and their stem classes, without the word's own class.
    std::vector<std::string> variants;
    /// The root class without all of the above and the word's own stem.
    std::vector<std::string> related;

    [[nodiscard]] bool empty() const noexcept
    {
        return members.empty() && variants.empty() && related.empty();
    }
};

class Expander {
public:
    /// Expands with `classes` when given and enabled; as the profile and
    /// `strict` allow, with root classes and name variants too. Query filler
    /// (AnalyzerProfile::drop_query_filler) is ignored when `tree` has
    /// another word that is neither filler nor a stopword.
    Expander(const Analyzer& analyzer, const Xapian::Database& db, StemClasses* classes,
             Strictness strict, const Node& tree);

    /// The analyzer's tokens of `text`, query filler as stopwords.
    [[nodiscard]] std::vector<Token> analyze(std::string_view text) const;

    /// How far a word goes: `=word` (exact) not at all, others as asked.
    [[nodiscard]] Strictness strictness(bool exact) const noexcept
    {
        return exact ? Strictness::exact : m_strict;
    }

    /// Whether a word at `strict` has classes to expand to.
    [[nodiscard]] bool expands(Strictness strict) const noexcept
    {
        return m_classes != nullptr && strict != Strictness::exact;
    }

    /// The expansion of `stem`: its stem class, and for a `positive` word
    /// with `all` (Strictness::stemmed) its variants and root class as the
    /// profile has them. Only when expands().
    Expansion expand(const std::string& stem, bool positive, bool all);

private:
    void variant_terms(const std::string& stem, Expansion& out);

    const Analyzer& m_analyzer;
    const Xapian::Database& m_db;
    StemClasses* m_classes;
    Strictness m_strict;
    std::set<std::string> m_filler;  // normalized; empty unless ignored
};

}  // namespace akhbar::detail
