// Properties over the seed articles and over random input: byte ranges slice
// the text back to each token, normalization is idempotent, and no input
// crashes the analyzer.

#include <boost/test/unit_test.hpp>

#include <random>

#include "akhbar/common/analyzer.hpp"
#include "akhbar/common/error.hpp"
#include "akhbar/common/normalizer.hpp"
#include "akhbar/common/profile.hpp"
#include "akhbar/common/utf8.hpp"
#include "support/tsv.hpp"

using akhbar::Analyzer;

namespace {

void check_tokens_slice(const std::string& text, const std::vector<akhbar::Token>& tokens,
                        const std::string& where)
{
    std::size_t previous_end = 0;
    std::uint32_t expected_position = 0;
    for (const auto& t : tokens) {
        BOOST_TEST_CONTEXT(where << " token " << t.position << " [" << t.original << "]")
        {
            BOOST_TEST_REQUIRE(t.end <= text.size());
            BOOST_TEST(t.start < t.end);
            BOOST_TEST(t.start >= previous_end);
            BOOST_TEST(text.substr(t.start, t.end - t.start) == t.original);
            BOOST_TEST(t.position == expected_position);
            BOOST_TEST(!t.normalized.empty());
        }
        previous_end = t.end;
        ++expected_position;
    }
}

// Random text made of code points that exercise every normalization rule.
std::string random_arabic_text(std::mt19937& rng, std::size_t length)
{
    static const std::vector<char32_t> pool = [] {
        std::vector<char32_t> cps;
        for (char32_t cp = 0x0600; cp <= 0x06FF; ++cp) {
            cps.push_back(cp);
        }
        for (char32_t cp : {U'a', U'Z', U'5', U' ', U'"', U'«', U'»', U'.', U'-', U'\u200C',
                            U'\uFEFB', U'\uFE8D', U'\uFECB', U'\U0001D400', U'\u0654'}) {
            cps.push_back(cp);
        }
        return cps;
    }();
    std::uniform_int_distribution<std::size_t> pick(0, pool.size() - 1);
    std::u32string text;
    for (std::size_t i = 0; i < length; ++i) {
        text += pool[pick(rng)];
    }
    return akhbar::utf8::encode(text);
}

}  // namespace

BOOST_AUTO_TEST_SUITE(properties)

BOOST_AUTO_TEST_CASE(seed_articles_slice_back_to_surface)
{
    const auto paths = akhbar::test::seed_articles();
    BOOST_TEST_REQUIRE(paths.size() == 5U);
    for (const auto& profile : akhbar::PROFILES) {
        const Analyzer analyzer(profile.name);
        for (const auto& path : paths) {
            const std::string text = akhbar::test::read_file(path);
            const auto tokens = analyzer.analyze(text);
            BOOST_TEST(tokens.size() > 300U, path);
            check_tokens_slice(text, tokens, std::string(profile.name) + " " + path);
        }
    }
}

BOOST_AUTO_TEST_CASE(normalizing_twice_changes_nothing)
{
    for (const auto scheme : {akhbar::NormalizationScheme::akhbar,
                              akhbar::NormalizationScheme::lucene}) {
        const akhbar::Normalizer normalize(scheme);
        for (const auto& path : akhbar::test::seed_articles()) {
            const std::string text = akhbar::test::read_file(path);
            const std::string once = normalize(text);
            BOOST_TEST(normalize(once) == once, path);
        }
        std::mt19937 rng(20251107);
        for (int i = 0; i < 3000; ++i) {
            const std::string text = random_arabic_text(rng, 1 + static_cast<std::size_t>(i % 12));
            const std::string once = normalize(text);
            BOOST_TEST_REQUIRE(normalize(once) == once, "input: " << text);
        }
    }
}

BOOST_AUTO_TEST_CASE(random_valid_text_slices)
{
    std::mt19937 rng(42);
    for (const auto& profile : akhbar::PROFILES) {
        const Analyzer analyzer(profile.name);
        for (int i = 0; i < 500; ++i) {
            const std::string text = random_arabic_text(rng, 40);
            check_tokens_slice(text, analyzer.analyze(text), "random");
        }
    }
}

BOOST_AUTO_TEST_CASE(random_bytes_never_crash)
{
    std::mt19937 rng(7);
    std::uniform_int_distribution<int> byte(0, 255);
    std::uniform_int_distribution<std::size_t> len(0, 64);
    const std::string seed = akhbar::test::read_file(akhbar::test::seed_articles().at(1));
    const Analyzer analyzer;
    std::size_t rejected = 0;
    std::size_t accepted = 0;
    for (int i = 0; i < 5000; ++i) {
        std::string text;
        if (i % 2 == 0) {
            const std::size_t n = len(rng);
            for (std::size_t k = 0; k < n; ++k) {
                text += static_cast<char>(byte(rng));
            }
        } else {
            // A slice of real text with a few bytes flipped.
            const std::size_t start = (static_cast<std::size_t>(i) * 131) % (seed.size() - 200);
            text = seed.substr(start, 200);
            for (int k = 0; k < 3; ++k) {
                text[len(rng) * 3 % text.size()] = static_cast<char>(byte(rng));
            }
        }
        try {
            check_tokens_slice(text, analyzer.analyze(text), "random bytes");
            ++accepted;
        } catch (const akhbar::Utf8Error& e) {
            BOOST_TEST(akhbar::utf8::find_invalid(text).value_or(text.size() + 1) == e.offset());
            ++rejected;
        }
    }
    BOOST_TEST(accepted > 0U);
    BOOST_TEST(rejected > 0U);
}

BOOST_AUTO_TEST_SUITE_END()
