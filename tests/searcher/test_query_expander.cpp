// The expander (searcher/src/query_expander.cpp, stem_classes.cpp) on its
// own, over a vocabulary made for each case: which words are query filler,
// and what a word's stem class, name variants and root class hold.

#include <boost/test/unit_test.hpp>

#include <xapian.h>

#include <set>
#include <string>
#include <utility>
#include <vector>

#include "akhbar/common/analyzer.hpp"
#include "akhbar/common/terms.hpp"
#include "query_expander.hpp"
#include "query_parser.hpp"

namespace detail = akhbar::detail;

namespace {

const akhbar::Analyzer& analyzer()
{
    static const akhbar::Analyzer a("akhbar");
    return a;
}

// An in-memory database whose vocabulary is `stems` (encoded as the indexer
// encodes them), each in as many documents as given.
Xapian::WritableDatabase vocabulary(const std::vector<std::pair<std::string, int>>& stems)
{
    Xapian::WritableDatabase db(std::string(), Xapian::DB_BACKEND_INMEMORY);
    for (const auto& [stem, documents] : stems) {
        for (int i = 0; i < documents; ++i) {
            Xapian::Document doc;
            doc.add_term(akhbar::schema::encode_term(stem));
            db.add_document(doc);
        }
    }
    return db;
}

std::set<std::string> decoded(const std::vector<std::string>& terms)
{
    std::set<std::string> out;
    for (const std::string& t : terms) {
        out.insert(akhbar::schema::decode_term(t));
    }
    return out;
}

// The expansion of `stem` (a stem as the analyzer gives it) over `db`.
detail::Expansion expansion(const Xapian::Database& db, const std::string& stem, bool positive,
                            bool all)
{
    detail::StemClasses classes(analyzer().profile().expansion_stemmer);
    const detail::Node tree = detail::parse_syntax(stem, analyzer(), false);
    detail::Expander expander(analyzer(), db, &classes, akhbar::Strictness::stemmed, tree);
    BOOST_TEST_REQUIRE(expander.expands(akhbar::Strictness::stemmed));
    return expander.expand(stem, positive, all);
}

bool is_stopword(const std::string& query, const std::string& word)
{
    const detail::Node tree = detail::parse_syntax(query, analyzer(), false);
    const detail::Expander expander(analyzer(), Xapian::Database(), nullptr,
                                    akhbar::Strictness::stemmed, tree);
    const std::vector<akhbar::Token> tokens = expander.analyze(word);
    BOOST_TEST_REQUIRE(tokens.size() == 1U);
    return tokens[0].stopword;
}

}  // namespace

BOOST_AUTO_TEST_SUITE(query_expander)

// A question word or a pronoun beside a word that describes is dropped...
BOOST_AUTO_TEST_CASE(filler_is_dropped_beside_other_words)
{
    BOOST_TEST(is_stopword("هل ذهب إلى مصر", "هل"));
    BOOST_TEST(is_stopword("نحن مصر", "نحن"));
    BOOST_TEST(!is_stopword("هل ذهب إلى مصر", "مصر"));
}

// ...but a query of filler (and stopwords) alone keeps it: it is all the
// query has.
BOOST_AUTO_TEST_CASE(filler_alone_is_searched)
{
    BOOST_TEST(!is_stopword("هل", "هل"));
    BOOST_TEST(!is_stopword("هل في", "هل"));
}

// `=word` never expands; without stem classes nothing does.
BOOST_AUTO_TEST_CASE(strictness)
{
    const detail::Node tree = detail::parse_syntax("مصر", analyzer(), false);
    detail::StemClasses classes(analyzer().profile().expansion_stemmer);
    const detail::Expander expander(analyzer(), Xapian::Database(), &classes,
                                    akhbar::Strictness::stemmed, tree);
    BOOST_TEST((expander.strictness(true) == akhbar::Strictness::exact));
    BOOST_TEST((expander.strictness(false) == akhbar::Strictness::stemmed));
    BOOST_TEST(!expander.expands(akhbar::Strictness::exact));
    const detail::Expander none(analyzer(), Xapian::Database(), nullptr,
                                akhbar::Strictness::stemmed, tree);
    BOOST_TEST(!none.expands(akhbar::Strictness::stemmed));
}

// The stem class reaches the forms light10 keeps and Snowball strips: the
// future marker and the conjunctions and prepositions before the word.
BOOST_AUTO_TEST_CASE(stem_class_reaches_the_clitic_forms)
{
    const auto db = vocabulary({{"يقول", 1}, {"سيقول", 1}, {"ويقول", 1}, {"قال", 1}, {"مصر", 1}});
    BOOST_TEST(decoded(expansion(db, "يقول", false, false).members) ==
               (std::set<std::string>{"يقول", "سيقول", "ويقول"}));
}

// A Form X verb: Snowball writes است where the imperfect has ي ن ت.
BOOST_AUTO_TEST_CASE(stem_class_reaches_form_x_imperfects)
{
    const auto db = vocabulary({{"استخدم", 1}, {"يستخدم", 1}, {"تستخدم", 1}, {"نستخدم", 1}});
    BOOST_TEST(decoded(expansion(db, "استخدم", false, false).members) ==
               (std::set<std::string>{"استخدم", "يستخدم", "تستخدم", "نستخدم"}));
}

// Name variants: for a positive word at Strictness::stemmed only.
BOOST_AUTO_TEST_CASE(name_variants_for_positive_words)
{
    const auto db = vocabulary({{"ترامب", 5}, {"ترمب", 2}});
    const detail::Expansion e = expansion(db, "ترامب", true, true);
    BOOST_TEST(e.spellings == (std::vector<std::string>{"ترمب"}));
    BOOST_TEST(decoded(e.variants) == (std::set<std::string>{"ترمب"}));
    BOOST_TEST(expansion(db, "ترامب", false, true).spellings.empty());
    BOOST_TEST(expansion(db, "ترامب", true, false).spellings.empty());
}

// The root class: the words of the root outside the stem class and the
// variants, for a positive word at Strictness::stemmed only.
BOOST_AUTO_TEST_CASE(root_class_holds_what_the_stem_class_does_not)
{
    const auto db = vocabulary({{"مسلم", 3}, {"سلام", 2}, {"مصر", 1}});
    const detail::Expansion e = expansion(db, "مسلم", true, true);
    BOOST_TEST(decoded(e.related) == (std::set<std::string>{"سلام"}));
    BOOST_TEST(expansion(db, "مسلم", false, true).related.empty());
}

BOOST_AUTO_TEST_SUITE_END()
