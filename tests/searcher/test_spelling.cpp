// Spelling suggestions across search targets (spelling.hpp): where the
// spelling data is read, and which candidate wins when the targets know
// different words (the SpellingIndex of their lexicons, counts added).

#include <boost/test/unit_test.hpp>

#include <string>
#include <utility>
#include <vector>

#include <xapian.h>

#include "spelling.hpp"
#include "support/spellings.hpp"
#include "support/temp_dir.hpp"

using akhbar::test::with_spellings;

namespace {

// The suggestion for `word` from the lexicons of `sources`, as a Searcher
// over them makes it.
std::string spelling_suggestion(const std::vector<const Xapian::Database*>& sources,
                                const std::string& word)
{
    return akhbar::detail::SpellingIndex(sources).best(word, akhbar::detail::SPELLING_DISTANCE);
}

}  // namespace

BOOST_AUTO_TEST_SUITE(spelling)

BOOST_AUTO_TEST_CASE(the_candidate_most_frequent_over_all_targets_wins)
{
    const akhbar::test::TempDir dir;
    // "hourse" is one edit from both; each target knows one of them.
    const Xapian::Database a = with_spellings((dir / "a").string(), {{"house", 2}});
    const Xapian::Database b = with_spellings((dir / "b").string(), {{"horse", 1}});
    const Xapian::Database c = with_spellings((dir / "c").string(), {{"house", 1}, {"horse", 5}});
    BOOST_TEST(spelling_suggestion({&a}, "hourse") == "house");
    BOOST_TEST(spelling_suggestion({&a, &b}, "hourse") == "house");      // 2 against 1
    BOOST_TEST(spelling_suggestion({&a, &b, &c}, "hourse") == "horse");  // 3 against 6
    BOOST_TEST(spelling_suggestion({}, "hourse").empty());
}

BOOST_AUTO_TEST_CASE(equal_frequencies_fall_to_the_first_in_byte_order)
{
    const akhbar::test::TempDir dir;
    const Xapian::Database a = with_spellings((dir / "a").string(), {{"house", 1}});
    const Xapian::Database b = with_spellings((dir / "b").string(), {{"horse", 1}});
    BOOST_TEST(spelling_suggestion({&a, &b}, "hourse") == "horse");
    BOOST_TEST(spelling_suggestion({&b, &a}, "hourse") == "horse");
}

BOOST_AUTO_TEST_CASE(spelling_databases_answer_alone_and_remote_targets_never)
{
    akhbar::detail::OpenTargets opened;
    opened.targets.resize(2);
    opened.targets[1].remote = true;
    opened.handles.resize(2);
    const auto sources = akhbar::detail::spelling_sources(opened);
    BOOST_TEST_REQUIRE(sources.size() == 1U);
    BOOST_TEST(sources.front() == &opened.handles[0]);

    opened.spelling.resize(1);
    const auto spelling_only = akhbar::detail::spelling_sources(opened);
    BOOST_TEST_REQUIRE(spelling_only.size() == 1U);
    BOOST_TEST(spelling_only.front() == &opened.spelling[0]);
}

BOOST_AUTO_TEST_SUITE_END()
