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

// The analyzer's UTF-16 lookup answers as the UTF-8 one, for every word of
// the list, for words sharing their first and last letters, and for none.
BOOST_AUTO_TEST_CASE(utf16_lookup_answers_as_the_list)
{
    const auto& set = StopwordSet::lucene_arabic();
    const akhbar::Utf16WordSet set16(set);
    std::size_t differ = 0;
    set.for_each([&](const std::string& word) {
        const std::u16string word16 = akhbar::to_utf16(word);
        differ += set16.contains(word16) ? 0U : 1U;
        for (const char16_t middle : {u'\u0627', u'\u0644', u'x'}) {
            std::u16string other = word16;
            other.insert(other.begin() + 1, middle);
            const bool in_list = set.contains(akhbar::to_utf8(other));
            differ += set16.contains(other) == in_list ? 0U : 1U;
        }
    });
    BOOST_TEST(differ == 0U);
    BOOST_TEST(!set16.contains(u""));
    BOOST_TEST(!set16.contains(u"\u0643\u062A\u0627\u0628"));  // كتاب
}

BOOST_AUTO_TEST_SUITE_END()
