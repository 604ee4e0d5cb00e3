// Story signatures (common/include/akhbar/common/story_signature.hpp): what
// two bodies' signatures say of them, and the threshold a pair must reach.

#include <boost/test/unit_test.hpp>

#include <string>
#include <utility>
#include <vector>

#include "akhbar/common/analyzer.hpp"
#include "akhbar/common/story_signature.hpp"

namespace story = akhbar::story;

namespace {

std::optional<story::Signature> sign(const std::string& text)
{
    return story::signature(akhbar::Analyzer().analyze(text));
}

const std::string REPORT =
    "قال وزير الخارجية إن المحادثات بين الوفدين استمرت حتى ساعة متأخرة من الليل في العاصمة "
    "وإن الطرفين اتفقا على مواصلة النقاش الأسبوع المقبل بشأن تبادل الأسرى وفتح المعابر "
    "وأضاف أن الوسطاء قدموا مقترحا جديدا يتضمن جدولا زمنيا لانسحاب القوات من المناطق الحدودية";

// A signature as stored, in hex.
std::string hex(const story::Signature& sig)
{
    std::string out;
    for (const unsigned char c : story::serialise(sig)) {
        out += "0123456789abcdef"[c >> 4U];
        out += "0123456789abcdef"[c & 15U];
    }
    return out;
}

}  // namespace

BOOST_AUTO_TEST_SUITE(story_signature)

BOOST_AUTO_TEST_CASE(copies_agree_and_different_texts_do_not)
{
    const auto a = sign(REPORT);
    BOOST_TEST_REQUIRE(a.has_value());
    // Diacritics and hamza forms are normalized away: a copy still.
    const auto copy = sign("قالَ وزيرُ الخارجيّة " + REPORT.substr(REPORT.find(" إن ")));
    BOOST_TEST_REQUIRE(copy.has_value());
    BOOST_TEST(story::similarity(*a, *copy) == 1.0);
    const auto other = sign("ارتفعت أسعار النفط في الأسواق العالمية مع تراجع المخزونات الأمريكية "
                            "وتوقعات بزيادة الطلب في فصل الشتاء على الوقود والتدفئة في أوروبا");
    BOOST_TEST_REQUIRE(other.has_value());
    BOOST_TEST(story::similarity(*a, *other) < 0.1);
}

// Signatures are stored in databases, and an article added later is compared
// with those: the same words must give the same signature in every version.
BOOST_AUTO_TEST_CASE(a_signature_is_the_one_databases_already_hold)
{
    // The signatures of the first n of 40 words made of 23 (i * 7 % 23 comes
    // round again, and repeated shingles count once), computed by
    // common/src/story_signature.cpp as of e5d09fc. One word is one shingle.
    const std::vector<std::pair<std::size_t, std::string>> expected{
        {40,
         "8909f76dded966d7e558975945b5deefd1214d3f63a6843837b42e300535b9c7"
         "fa57c50f872d9765652111b66f22460fd42a499352076acbb1c9c93ed34ae6bc"
         "d11787f098e817cc37d282bb595be21e6f00dfadadf5a3069eee972a72c6677a"
         "2164834cf484b817f56b8ec534e8619eb7ce9758342860910dac9ca36ff92ac6"},
        {1,
         "91b56f636f9f0fafeb0c3ccdcdb7eda1020e4bf3e2722af87dc0ae0652a2a9d3"
         "198a6a18a2967dc40b64a6b3d1022e227065531d986cf44dfb8cb9c7825807a7"
         "c93eb9d4560e79d115de14db6639e969fba429a44495d0392a76f610e09e6e37"
         "11f57248e2dbc1fb233fe8d7200707f7bab67235f9e546832e5d5e6540f6746f"},
    };
    for (const auto& [words, bytes] : expected) {
        std::vector<akhbar::Token> tokens(words);
        for (std::size_t i = 0; i < words; ++i) {
            tokens[i].normalized = "word" + std::to_string(i * 7 % 23);
        }
        const auto sig = story::signature(tokens);
        BOOST_TEST_REQUIRE(sig.has_value());
        BOOST_TEST(hex(*sig) == bytes);
    }
}

BOOST_AUTO_TEST_CASE(a_body_without_a_word_has_no_signature)
{
    BOOST_TEST(!sign("").has_value());
    BOOST_TEST(!sign("، . ؟ !").has_value());
}

BOOST_AUTO_TEST_CASE(signatures_round_trip_through_the_value)
{
    const auto a = sign(REPORT);
    BOOST_TEST_REQUIRE(a.has_value());
    const std::string value = story::serialise(*a);
    BOOST_TEST(value.size() == 2 * story::SIGNATURE_HASHES);
    BOOST_TEST((story::unserialise(value) == a));
    BOOST_TEST(!story::unserialise(value.substr(1)).has_value());
    BOOST_TEST(!story::unserialise("").has_value());
}

BOOST_AUTO_TEST_CASE(an_outlets_articles_of_two_days_need_the_follow_up_threshold)
{
    const story::Filing monday = story::filing("سكاي نيوز", "20181016");
    const story::Filing tuesday = story::filing("سكاي نيوز", "20181017");
    const story::Filing other_outlet = story::filing("العربية", "20181017");
    const story::Filing undated = story::filing("سكاي نيوز", "");
    const story::Filing no_source = story::filing("", "20181017");
    BOOST_TEST(story::follow_up(monday, tuesday));
    BOOST_TEST(story::threshold(monday, tuesday) == story::FOLLOW_UP_THRESHOLD);
    // One day, two outlets, or a day or source unknown: the usual threshold.
    BOOST_TEST(!story::follow_up(monday, monday));
    BOOST_TEST(!story::follow_up(monday, other_outlet));
    BOOST_TEST(!story::follow_up(monday, undated));
    BOOST_TEST(!story::follow_up(no_source, story::filing("", "20181016")));
    BOOST_TEST(story::threshold(monday, other_outlet) == story::SIMILARITY_THRESHOLD);
    BOOST_TEST(story::FOLLOW_UP_THRESHOLD > story::SIMILARITY_THRESHOLD);
    // A date not in SLOT_DATE's form is no day.
    BOOST_TEST(story::filing("x", "2018-10-16").day == 0U);
    BOOST_TEST(story::filing("x", "20181016").day == 20181016U);
}

BOOST_AUTO_TEST_SUITE_END()
