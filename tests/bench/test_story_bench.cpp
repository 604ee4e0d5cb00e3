// The story benchmark's parts (bench/stories/): the grouping it simulates
// must be the definition in docs/stories.md (LSH candidates, an edge at the
// threshold, connected components), its synthetic changes must change what
// they say, and what it shows of an article must be escaped.

#include <boost/test/unit_test.hpp>

#include <algorithm>
#include <random>

#include "grouping.hpp"
#include "report_text.hpp"
#include "synthetic.hpp"
#include "word_diff.hpp"

using namespace akhbar;
using namespace akhbar::story_bench;

namespace {

/// Places 0..63 hold 0..63.
story::Signature base()
{
    story::Signature s{};
    for (std::size_t k = 0; k < s.size(); ++k) {
        s[k] = static_cast<std::uint16_t>(k);
    }
    return s;
}

/// `s` with places [from, to) changed to values no other signature here holds.
story::Signature changed(story::Signature s, std::size_t from, std::size_t to, std::uint16_t mark)
{
    for (std::size_t k = from; k < to; ++k) {
        s[k] = static_cast<std::uint16_t>(mark + k);
    }
    return s;
}

}  // namespace

BOOST_AUTO_TEST_SUITE(story_grouping)

BOOST_AUTO_TEST_CASE(a_story_joins_through_a_chain_of_edges)
{
    // A-B agree at 48 places (0.75), B-C at 40 (0.625), A-C at 24 (0.375).
    const story::Signature a = base();
    const story::Signature b = changed(a, 48, 64, 1000);
    const story::Signature c = changed(b, 0, 24, 2000);
    const std::vector<std::optional<story::Signature>> sigs = {a, b, c, std::nullopt};
    const auto pairs = candidate_pairs(sigs);
    BOOST_TEST_REQUIRE(pairs.size() == 3U);  // A-C share bands 8-15; the empty body has no band
    BOOST_TEST(pairs[1].a == 0U);
    BOOST_TEST(pairs[1].b == 2U);
    BOOST_TEST(pairs[1].similarity == 24.0 / 64.0);

    const auto at_half = components(4, pairs, 0.5);
    BOOST_TEST(at_half[0] == at_half[2]);  // through B, though A-C is below the threshold
    BOOST_TEST(at_half[1] == at_half[0]);
    BOOST_TEST(at_half[3] != at_half[0]);

    const auto at_070 = components(4, pairs, 0.7);
    BOOST_TEST(at_070[0] == at_070[1]);
    BOOST_TEST(at_070[2] != at_070[0]);  // B-C (0.625) is no edge at 0.7
}

BOOST_AUTO_TEST_CASE(no_shared_band_no_candidate)
{
    // Agree at every third place only: 21 of 64, and never a whole band of 3.
    const story::Signature a = base();
    story::Signature b = a;
    for (std::size_t k = 0; k < b.size(); ++k) {
        if (k % 3 != 0) {
            b[k] = static_cast<std::uint16_t>(5000 + k);
        }
    }
    BOOST_TEST(candidate_pairs({a, b}).empty());
    BOOST_TEST(candidate_pairs({a, a}).size() == 1U);
}

BOOST_AUTO_TEST_CASE(thresholds_run_from_030_to_090_by_005)
{
    const auto t = thresholds();
    BOOST_TEST_REQUIRE(t.size() == 13U);
    BOOST_TEST(t.front() == 0.30);
    BOOST_TEST(t[4] == 0.50);
    BOOST_TEST(t.back() == 0.90);
}

BOOST_AUTO_TEST_SUITE_END()

BOOST_AUTO_TEST_SUITE(story_synthetic_changes)

BOOST_AUTO_TEST_CASE(sentences_end_at_marks_followed_by_space)
{
    const auto s = sentences("قال 3.5 مليون. هل جاء؟ نعم!\nسطر ثان");
    BOOST_TEST_REQUIRE(s.size() == 4U);
    BOOST_TEST(s[0] == "قال 3.5 مليون.");
    BOOST_TEST(s[1] == "هل جاء؟");
    BOOST_TEST(s[2] == "نعم!");
    BOOST_TEST(s[3] == "سطر ثان");
}

BOOST_AUTO_TEST_CASE(cut_last_paragraph_then_last_sentence)
{
    BOOST_TEST(without_last_paragraph("أول سطر.\nثاني سطر.\nثالث سطر.\n") == "أول سطر.\nثاني سطر.");
    BOOST_TEST(without_last_paragraph("جملة أولى. جملة ثانية.") == "جملة أولى.");
    BOOST_TEST(without_last_paragraph("جملة وحيدة") == "جملة وحيدة");
}

BOOST_AUTO_TEST_CASE(dateline_is_a_prefix)
{
    BOOST_TEST(with_dateline("نص الخبر", "القاهرة (رويترز) - ") == "القاهرة (رويترز) - نص الخبر");
}

BOOST_AUTO_TEST_CASE(sentence_goes_in_at_the_boundary_nearest_the_middle)
{
    BOOST_TEST(with_sentence_inserted("أ ب. ج د. هـ و.", "جديد.") == "أ ب. ج د. جديد. هـ و.");
    BOOST_TEST(with_sentence_inserted("بلا نهاية", "جديد.") == "بلا نهاية جديد.");
}

BOOST_AUTO_TEST_CASE(words_replaced_are_the_share_asked_white_space_kept)
{
    std::string text;
    for (int i = 0; i < 50; ++i) {
        text += "كلمة" + std::to_string(i) + (i % 10 == 9 ? "\n" : " ");
    }
    std::mt19937_64 rng(1);
    const std::string out = with_words_replaced(text, {"بديل"}, 0.2, rng);
    const auto before = words(text);
    const auto after = words(out);
    BOOST_TEST_REQUIRE(after.size() == before.size());
    BOOST_TEST(std::count(after.begin(), after.end(), "بديل") == 10);
    BOOST_TEST(std::count(out.begin(), out.end(), '\n') == 5);
    BOOST_TEST(with_words_replaced(text, {}, 0.2, rng) == text);
}

BOOST_AUTO_TEST_CASE(inserted_sentence_is_bounded)
{
    std::mt19937_64 rng(1);
    // A donor without sentence ends: a run of INSERTED_WORDS_RUN words, not the whole body.
    std::string long_donor;
    for (int i = 0; i < 300; ++i) {
        long_donor += "كلمة" + std::to_string(i) + " ";
    }
    const auto run = inserted_sentence(long_donor, words(long_donor), rng);
    BOOST_TEST(words(run).size() == INSERTED_WORDS_RUN);
    BOOST_TEST(long_donor.find(run) != std::string::npos);
    // With sentences, one of the right length: never the 2-word one.
    const std::string donor = "قصيرة جدا. هذه جملة من خمس كلمات.";
    for (int i = 0; i < 10; ++i) {
        BOOST_TEST(inserted_sentence(donor, words(donor), rng) == "هذه جملة من خمس كلمات.");
    }
}

BOOST_AUTO_TEST_CASE(all_four_changes_together)
{
    std::mt19937_64 rng(7);
    const std::string text = "أ ب ج د هـ. و ز ح ط ي.\nسطر أخير يقطع.";
    // No donor words: nothing replaced, the other three changes are to be seen.
    const std::string copy = copy_with(Change::all, text, "جملة مدرجة.", {}, rng);
    BOOST_TEST(copy.find("يقطع") == std::string::npos);                           // cut
    BOOST_TEST(copy.find(") - أ ب ج د هـ.") != std::string::npos);              // dateline
    BOOST_TEST(copy.find("أ ب ج د هـ. جملة مدرجة. و ز ح ط ي.") != std::string::npos);  // inserted
    BOOST_TEST(copy_with(Change::headline, text, "", {}, rng) == text);
}

BOOST_AUTO_TEST_SUITE_END()

BOOST_AUTO_TEST_SUITE(story_report_text)

BOOST_AUTO_TEST_CASE(word_diff_finds_what_changed)
{
    const WordDiff d = word_diff("القاهرة - قال الوزير إن الاتفاق تم اليوم", "قال الوزير إن الاتفاق سيتم غدا");
    BOOST_TEST(d.words_a == 8U);
    BOOST_TEST(d.words_b == 6U);
    BOOST_TEST(d.common == 4U);
    BOOST_TEST_REQUIRE(d.hunks.size() == 2U);
    BOOST_TEST(d.hunks[0].removed.size() == 2U);
    BOOST_TEST(d.hunks[0].added.empty());
    BOOST_TEST(d.hunks[1].added.size() == 2U);
    BOOST_TEST(summary(d).find("-«تم اليوم» +«سيتم غدا»") != std::string::npos);
}

BOOST_AUTO_TEST_CASE(markdown_escapes_what_a_page_or_terminal_obeys)
{
    BOOST_TEST(markdown("<script>a&b</script>") == "&lt;script&gt;a&amp;b&lt;/script&gt;");
    BOOST_TEST(markdown("\x1B[2Jعنوان") == "\\\\x1B\\[2Jعنوان");
    BOOST_TEST(markdown("سطر\nسطر | *") == "سطر ¶ سطر \\| \\*");
    BOOST_TEST(tsv("a\tb\nc") == "a\\tb\\nc");
}

BOOST_AUTO_TEST_CASE(excerpt_cuts_at_code_points)
{
    BOOST_TEST(excerpt("عربي", 2) == "عر…");
    BOOST_TEST(excerpt("عربي", 4) == "عربي");
}

BOOST_AUTO_TEST_SUITE_END()
