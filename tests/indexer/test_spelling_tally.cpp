// The indexer's spelling tally table (spelling_tally.hpp) against std::map
// counting the same words: through its growth, repeated words, words that
// share a hash half's slot run, and merging.

#include <boost/test/unit_test.hpp>

#include <map>
#include <random>
#include <string>

#include "spelling_tally.hpp"

using akhbar::detail::SpellingCounts;

namespace {

// Words of 1 to 12 Arabic letters, some of them repeated many times.
std::string random_word(std::mt19937& rng)
{
    std::uniform_int_distribution<int> length(1, 12);
    std::uniform_int_distribution<int> letter(0x0627, 0x064A);
    std::string w;
    for (int n = length(rng); n > 0; --n) {
        const int cp = letter(rng);
        w += static_cast<char>(0xC0 | (cp >> 6));
        w += static_cast<char>(0x80 | (cp & 0x3F));
    }
    return w;
}

}  // namespace

BOOST_AUTO_TEST_SUITE(spelling_tally)

BOOST_AUTO_TEST_CASE(counts_every_word_as_a_map_does_through_growth)
{
    std::mt19937 rng(20261202);
    std::vector<std::string> vocabulary;
    for (int i = 0; i < 60000; ++i) {
        vocabulary.push_back(random_word(rng));
    }
    std::map<std::string, unsigned> expected;
    std::vector<std::string> first_seen;
    SpellingCounts counts;
    std::uniform_int_distribution<std::size_t> pick(0, vocabulary.size() - 1);
    for (int i = 0; i < 200000; ++i) {
        // Half the lookups go to the first 100 words: frequent words.
        const std::string& w = vocabulary[i % 2 == 0 ? pick(rng) % 100 : pick(rng)];
        if (expected[w]++ == 0) {
            first_seen.push_back(w);
        }
        counts[w].add(w);
    }
    BOOST_TEST(counts.size() == expected.size());
    std::size_t i = 0;
    for (const auto& [word, tally] : counts) {
        BOOST_TEST(word == first_seen[i]);
        BOOST_TEST(tally.count() == expected[word]);
        ++i;
    }
    BOOST_TEST(i == expected.size());
    // A second lookup finds the same entry, not a new one.
    const std::size_t before = counts.size();
    counts[first_seen.front()].add("x");
    BOOST_TEST(counts.size() == before);
    BOOST_TEST(counts[first_seen.front()].count() == expected[first_seen.front()] + 1);
}

BOOST_AUTO_TEST_CASE(merging_adds_counts_and_keeps_new_words)
{
    SpellingCounts a;
    SpellingCounts b;
    a["مسؤول"].add("مسؤول");
    a["سلام"].add("سلام");
    b["سلام"].add("سلام");
    b["سلام"].add("سلام");
    b["اتفاق"].add("اتفاق");
    akhbar::detail::merge_counts(a, std::move(b));
    BOOST_TEST(a.size() == 3U);
    BOOST_TEST(a["سلام"].count() == 3U);
    BOOST_TEST(a["اتفاق"].count() == 1U);
    BOOST_TEST(a["مسؤول"].count() == 1U);
}

BOOST_AUTO_TEST_CASE(a_cleared_table_starts_again)
{
    SpellingCounts counts;
    for (int i = 0; i < 5000; ++i) {
        counts[std::to_string(i)].add("w");
    }
    counts.clear();
    BOOST_TEST(counts.empty());
    counts["سلام"].add("سلام");
    BOOST_TEST(counts.size() == 1U);
    BOOST_TEST(counts["سلام"].count() == 1U);
}

BOOST_AUTO_TEST_SUITE_END()
