// Apache Lucene's own test rows for its Arabic normalizer, light stemmer and
// analyzer (tests/data/lucene_Test*.tsv, Apache-2.0): the `lucene` profile
// must reproduce every one. Failures name the file line.

#include <boost/test/unit_test.hpp>

#include "akhbar/common/analyzer.hpp"
#include "akhbar/common/light10.hpp"
#include "akhbar/common/normalizer.hpp"
#include "support/tsv.hpp"

using akhbar::test::read_tsv;

BOOST_AUTO_TEST_SUITE(lucene_vectors)

BOOST_AUTO_TEST_CASE(normalization_filter)
{
    const akhbar::Normalizer normalizer(akhbar::NormalizationScheme::lucene);
    const auto rows = read_tsv("lucene_TestArabicNormalizationFilter.tsv");
    BOOST_TEST(rows.size() == 14U);
    for (const auto& row : rows) {
        BOOST_TEST(normalizer(row.at(0)) == row.at(1), row);
    }
}

BOOST_AUTO_TEST_CASE(stem_filter)
{
    // Lucene's stem test runs the stemmer alone, without normalizing first.
    const auto rows = read_tsv("lucene_TestArabicStemFilter.tsv");
    BOOST_TEST(rows.size() == 21U);
    for (const auto& row : rows) {
        BOOST_TEST(akhbar::light10::stem(std::string_view(row.at(0))) == row.at(1), row);
    }
}

BOOST_AUTO_TEST_CASE(analyzer_basic)
{
    const akhbar::Analyzer analyzer("lucene");
    const auto rows = read_tsv("lucene_TestArabicAnalyzer_basic.tsv");
    BOOST_TEST(rows.size() == 11U);
    for (const auto& row : rows) {
        std::string joined;
        for (const auto& token : analyzer.analyze(row.at(0))) {
            if (!token.stopword) {
                joined += joined.empty() ? "" : " ";
                joined += token.stem;
            }
        }
        BOOST_TEST(joined == row.at(1), row);
    }
}

BOOST_AUTO_TEST_SUITE_END()
