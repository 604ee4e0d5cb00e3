#include <boost/test/unit_test.hpp>

#include "akhbar/common/normalizer.hpp"
#include "akhbar/common/stopwords.hpp"

using akhbar::StopwordSet;

BOOST_AUTO_TEST_SUITE(stopwords)

BOOST_AUTO_TEST_CASE(parse_skips_comments_and_blanks)
{
    const auto set = StopwordSet::parse("# header\n\n  في \nمن # trailing\r\n#\n");
    BOOST_TEST(set.size() == 2U);
    BOOST_TEST(set.contains("في"));
    BOOST_TEST(set.contains("من"));
    BOOST_TEST(!set.contains("# header"));
}

BOOST_AUTO_TEST_CASE(lucene_list_is_embedded_as_written)
{
    const auto& set = StopwordSet::lucene_arabic();
    BOOST_TEST(set.size() == 119U);  // 126 lines, 7 of them the license header
    BOOST_TEST(set.contains("أن"));
    BOOST_TEST(set.contains("التى"));
    BOOST_TEST(!set.contains("كازاخستان"));
}

BOOST_AUTO_TEST_CASE(normalized_list_matches_any_spelling)
{
    const akhbar::Normalizer normalizer(akhbar::NormalizationScheme::akhbar);
    const auto set = StopwordSet::lucene_arabic().normalized(normalizer);
    BOOST_TEST(set.contains("ان"));   // أن, إن, ان
    BOOST_TEST(set.contains("التي"));  // التى
    BOOST_TEST(!set.contains("أن"));  // only normalized forms are kept
    BOOST_TEST(set.size() < StopwordSet::lucene_arabic().size());
}

BOOST_AUTO_TEST_SUITE_END()
