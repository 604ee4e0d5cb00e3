#include <boost/test/unit_test.hpp>

#include <algorithm>

#include "akhbar/common/analyzer.hpp"
#include "akhbar/common/error.hpp"
#include "akhbar/common/stem_filter.hpp"
#include "akhbar/common/stemmer.hpp"

using akhbar::Analyzer;
using akhbar::StemFilter;
using akhbar::Token;
using akhbar::TokenFields;

namespace {

// Hamza and alef spellings, diacritics, tatweel, clitics, pronoun suffixes,
// Latin words and digits glued to proclitics, a supplementary character.
const std::string TRICKY =
    "أعلنت الوزارة أن وزيرها التقى بالوزراء في قطر، وقال إن الـCOVID و2024 ومسؤولين ومسئولية "
    "مُسْتَشْفَى المستشفيات ــالحكومة الحكومـــة Trump ترامب وترمب 5G بـ5G ٢٠٢٤ قلوبهم وزير "
    "الوزير إلى الى آلاف الاف ألف \U0001D400\U0001D400ها ﻛﺎزاﺧﺴﺘﺎن";

}  // namespace

BOOST_AUTO_TEST_SUITE(analyzer)

BOOST_AUTO_TEST_CASE(issue_example_normalizes_and_slices)
{
    const std::string text = "والمسلمين ﻛﺎزاﺧﺴﺘﺎن اتفاقیات الـ١٨";
    const auto tokens = Analyzer().analyze(text);
    BOOST_TEST_REQUIRE(tokens.size() == 4U);
    const char* normalized[] = {"والمسلمين", "كازاخستان", "اتفاقيات", "18"};
    const char* stems[] = {"مسلم", "كازاخست", "اتفاق", "18"};
    const char* originals[] = {"والمسلمين", "ﻛﺎزاﺧﺴﺘﺎن", "اتفاقیات", "١٨"};
    for (std::size_t i = 0; i < tokens.size(); ++i) {
        BOOST_TEST(tokens[i].normalized == normalized[i]);
        BOOST_TEST(tokens[i].stem == stems[i]);
        BOOST_TEST(tokens[i].original == originals[i]);
        BOOST_TEST(text.substr(tokens[i].start, tokens[i].end - tokens[i].start) ==
                   tokens[i].original);
        BOOST_TEST(tokens[i].position == i);
    }
}

BOOST_AUTO_TEST_CASE(stopwords_keep_position_and_have_no_stem)
{
    const auto tokens = Analyzer().analyze("ذهب إلى المدرسة");
    BOOST_TEST_REQUIRE(tokens.size() == 3U);
    BOOST_TEST(tokens[1].stopword);
    BOOST_TEST(tokens[1].stem.empty());
    BOOST_TEST(tokens[1].position == 1U);
    BOOST_TEST(tokens[2].position == 2U);
    BOOST_TEST(!tokens[2].stopword);
}

BOOST_AUTO_TEST_CASE(akhbar_stopwords_match_after_normalization)
{
    // "عليهِ" (with kasra) is not in Lucene's list as written; Lucene tests
    // stopwords before normalizing, Akhbar after.
    BOOST_TEST(Analyzer("akhbar").analyze("عليهِ").at(0).stopword);
    BOOST_TEST(!Analyzer("lucene").analyze("عليهِ").at(0).stopword);
    BOOST_TEST(Analyzer("lucene").analyze("عليه").at(0).stopword);
}

BOOST_AUTO_TEST_CASE(profiles_and_stemmer_override)
{
    BOOST_TEST(Analyzer().profile().name == "akhbar");
    BOOST_TEST(Analyzer().stemmer_name() == "light10-pronouns");
    BOOST_TEST(Analyzer("lucene").stemmer_name() == "light10");
    BOOST_TEST(Analyzer().analyze("قلوبهم").at(0).stem == "قلوب");
    BOOST_TEST(Analyzer("lucene").analyze("قلوبهم").at(0).stem == "قلوبهم");
    BOOST_TEST(Analyzer("snowball").stemmer_name() == "snowball");
    BOOST_TEST(Analyzer("none").analyze("الكتاب").at(0).stem == "الكتاب");
    const Analyzer overridden("akhbar", "snowball");
    BOOST_TEST(overridden.stemmer_name() == "snowball");
    BOOST_TEST(overridden.analyze("الكتابات").at(0).stem ==
               Xapian::Stem("arabic")("الكتابات"));
}

BOOST_AUTO_TEST_CASE(unknown_names_are_invalid_arguments)
{
    BOOST_CHECK_EXCEPTION(Analyzer("elastic"), akhbar::InvalidArgument,
                          [](const akhbar::InvalidArgument& e) {
                              return std::string(e.what()) ==
                                     "unknown analyzer profile \"elastic\" (known: akhbar, "
                                     "lucene, snowball, none)";
                          });
    BOOST_CHECK_THROW(Analyzer("akhbar", "porter"), akhbar::InvalidArgument);
}

BOOST_AUTO_TEST_CASE(invalid_utf8_reports_offset)
{
    const std::string text = std::string("كتاب ") + '\xC3' + "(";
    BOOST_CHECK_EXCEPTION((void)Analyzer().analyze(text), akhbar::Utf8Error,
                          [](const akhbar::Utf8Error& e) { return e.offset() == 9; });
}

BOOST_AUTO_TEST_CASE(supplementary_characters_keep_byte_ranges)
{
    const std::string text = "𝐀𝐁𝐂 نص";  // mathematical bold letters, 4 bytes each
    const auto tokens = Analyzer().analyze(text);
    BOOST_TEST_REQUIRE(tokens.size() == 2U);
    BOOST_TEST(tokens[0].normalized == "abc");
    BOOST_TEST(tokens[0].start == 0U);
    BOOST_TEST(tokens[0].end == 12U);
    BOOST_TEST(tokens[1].original == "نص");
}

BOOST_AUTO_TEST_CASE(marks_only_produce_no_token)
{
    BOOST_TEST(Analyzer().analyze("ـــ").empty());
    BOOST_TEST(Analyzer().analyze("").empty());
    BOOST_TEST(Analyzer().analyze(" ،؛؟«» ").empty());
}

BOOST_AUTO_TEST_CASE(copies_are_independent)
{
    const Analyzer a("lucene");
    Analyzer b = a;
    Analyzer c;
    c = a;
    BOOST_TEST(b.profile().name == "lucene");
    BOOST_TEST(c.analyze("الكتاب").at(0).stem == "كتاب");
    BOOST_TEST(a.analyze("أحمد") == b.analyze("أحمد"));
}

BOOST_AUTO_TEST_CASE(normalize_and_stem_match_analyze)
{
    const Analyzer analyzer;
    const auto token = analyzer.analyze("والإتفاقيات").at(0);
    BOOST_TEST(analyzer.normalize("والإتفاقيات") == token.normalized);
    BOOST_TEST(analyzer.stem(token.normalized) == token.stem);
}

BOOST_AUTO_TEST_CASE(radical_waw_joins_the_definite_form)
{
    // The issue's وزير → زير, وزارة → زار: under the default profile the
    // bare noun stems as its definite form does, and not as زير (a jar)
    // or زيارة (a visit); Lucene's pipeline keeps light10's rule.
    const Analyzer akhbar;
    const auto stem = [&](const Analyzer& a, const char* word) {
        return a.analyze(word).at(0).stem;
    };
    BOOST_TEST(stem(akhbar, "وزير") == stem(akhbar, "الوزير"));
    BOOST_TEST(stem(akhbar, "وزارة") == stem(akhbar, "الوزارة"));
    BOOST_TEST(stem(akhbar, "ولاية") == stem(akhbar, "الولاية"));
    BOOST_TEST(stem(akhbar, "وزير") != stem(akhbar, "زير"));
    BOOST_TEST(stem(akhbar, "وقال") == stem(akhbar, "قال"));
    const Analyzer lucene("lucene");
    BOOST_TEST(stem(lucene, "وزير") == "زير");
    BOOST_TEST(stem(lucene, "وزير") != stem(lucene, "الوزير"));
}

BOOST_AUTO_TEST_CASE(lucene_drops_segments_of_underscores_alone)
{
    // Lucene 8.7's ArabicAnalyzer (its output, checked with Debian's jar):
    // a run of "_" alone is no token; "_" inside a word stays. The akhbar
    // profile keeps ICU's segments as they are.
    struct Row {
        const char* text;
        const char* lucene;
        const char* akhbar;
    };
    const Row rows[] = {
        {"خبر ___ آخر", "خبر اخر", "خبر ___ اخر"},
        {"_ عاجل __", "عاجل", "عاجل __"},
        {"a_b c__d", "a_b c__d", "a_b c__d"},
    };
    const auto joined = [](const std::string& profile, const char* text) {
        std::string out;
        for (const auto& t : Analyzer(profile).analyze(text)) {
            out += (out.empty() ? "" : " ") + t.normalized;
        }
        return out;
    };
    for (const Row& row : rows) {
        BOOST_TEST_CONTEXT(row.text)
        {
            BOOST_TEST(joined("lucene", row.text) == row.lucene);
            BOOST_TEST(joined("akhbar", row.text) == row.akhbar);
        }
    }
}

BOOST_AUTO_TEST_CASE(ranking_schemes_by_name)
{
    using akhbar::RankingScheme;
    for (const RankingScheme scheme : {RankingScheme::akhbar, RankingScheme::bm25, RankingScheme::lucene_bm25}) {
        BOOST_TEST((akhbar::parse_ranking(akhbar::to_string(scheme)) == scheme));
    }
    BOOST_TEST(akhbar::to_string(RankingScheme::lucene_bm25) == "lucene-bm25");
    BOOST_CHECK_EXCEPTION((void)akhbar::parse_ranking("tfidf"), akhbar::InvalidArgument,
                          [](const akhbar::InvalidArgument& e) {
                              return std::string(e.what()) ==
                                     "unknown ranking \"tfidf\" (known: akhbar, bm25, lucene-bm25)";
                          });
    // The baselines are the stock pipelines; only the default expands.
    BOOST_TEST((akhbar::find_profile("lucene").ranking == RankingScheme::lucene_bm25));
    BOOST_TEST((akhbar::find_profile("snowball").ranking == RankingScheme::bm25));
    BOOST_TEST((akhbar::find_profile("akhbar").ranking == RankingScheme::akhbar));
    BOOST_TEST(akhbar::find_profile("akhbar").expansion_stemmer == "snowball");
    BOOST_TEST(akhbar::find_profile("lucene").expansion_stemmer.empty());
    BOOST_TEST(akhbar::find_profile("akhbar").drop_query_filler);
    BOOST_TEST(!akhbar::find_profile("lucene").drop_query_filler);
    BOOST_TEST(akhbar::find_profile("akhbar").root_classes);
    BOOST_TEST(!akhbar::find_profile("lucene").root_classes);
    BOOST_TEST(!akhbar::find_profile("snowball").root_classes);
}

BOOST_AUTO_TEST_CASE(stems_only_leaves_the_texts_out)
{
    const Analyzer analyzer;
    const auto all = analyzer.analyze(TRICKY);
    std::vector<Token> stems;
    analyzer.analyze(TRICKY, stems, TokenFields::stems);
    BOOST_TEST_REQUIRE(stems.size() == all.size());
    for (std::size_t i = 0; i < all.size(); ++i) {
        Token expected = all[i];
        expected.original.clear();
        expected.normalized.clear();
        BOOST_TEST((stems[i] == expected), i);
    }
}

// analyze() into a vector that held the tokens of another text replaces
// them all: longer, then shorter, then with other fields.
BOOST_AUTO_TEST_CASE(reused_output_is_replaced)
{
    const Analyzer analyzer;
    std::vector<Token> out;
    analyzer.analyze(TRICKY + " " + TRICKY, out);
    analyzer.analyze("ذهب إلى المدرسة", out, TokenFields::stems);
    analyzer.analyze(TRICKY, out);
    BOOST_TEST((out == analyzer.analyze(TRICKY)));
    BOOST_CHECK_THROW(analyzer.analyze(std::string("\xFF"), out), akhbar::Utf8Error);
    BOOST_TEST(out.empty());
}

// A token the filter turns away keeps no stem; every other token keeps its
// own; and no token turned away has a stem that is or begins with a part.
BOOST_AUTO_TEST_CASE(stem_filter_only_skips_what_cannot_match)
{
    const std::vector<std::vector<std::string>> part_sets = {
        {"وزير"}, {"حكوم", "مستشف"}, {"مسءول", "قلوب", "covid"}, {"5g", "2024", "الف", "ترمب"},
        {"وز"}, {"\U0001D400\U0001D400"}, {},
    };
    for (const char* profile : {"akhbar", "lucene", "none", "snowball"}) {
        const Analyzer analyzer(profile);
        const auto all = analyzer.analyze(TRICKY);
        for (const auto& parts : part_sets) {
            const StemFilter filter(parts);
            std::vector<Token> some;
            analyzer.analyze(TRICKY, some, TokenFields::all, &filter);
            BOOST_TEST_REQUIRE(some.size() == all.size());
            std::size_t stemmed = 0;
            for (std::size_t i = 0; i < all.size(); ++i) {
                BOOST_TEST_CONTEXT(profile << " " << all[i].original)
                {
                    stemmed += some[i].stem.empty() ? 0U : 1U;
                    if (some[i].stem != all[i].stem) {
                        BOOST_TEST(some[i].stem.empty());
                        for (const std::string& p : parts) {
                            BOOST_TEST(!all[i].stem.starts_with(p));
                        }
                    }
                }
            }
            // Only the stemmers that cut affixes skip tokens; Snowball's
            // stems need not be parts of the word.
            if (std::string_view(profile) == "snowball") {
                BOOST_TEST(stemmed == static_cast<std::size_t>(std::count_if(
                                          all.begin(), all.end(),
                                          [](const Token& t) { return !t.stem.empty(); })));
            } else {
                BOOST_TEST(stemmed < all.size() / 2);
            }
        }
    }
}

BOOST_AUTO_TEST_CASE(stem_filter_finds_its_parts)
{
    const StemFilter filter({"حكوم", ""});
    BOOST_TEST(filter.may_match(u"\u0627\u0644\u062D\u0643\u0648\u0645\u0647"));  // الحكومه
    const StemFilter none({"حكوم"});
    BOOST_TEST(none.may_match(u"\u0627\u0644\u062D\u0643\u0648\u0645\u0647"));
    BOOST_TEST(!none.may_match(u"\u062D\u0643\u0645"));  // حكم: the letters, not in order
    BOOST_TEST(!none.may_match(u"\u0645\u0648\u0643\u062D"));  // the letters reversed
    BOOST_TEST(!none.may_match(u""));
    BOOST_TEST(!StemFilter({}).may_match(u"\u062D\u0643\u0645"));
}

BOOST_AUTO_TEST_SUITE_END()
