// akhbar-story-bench as bench/stories/run.sh runs it, on a handful of
// articles: its counts, its escaping of article text, and its exit codes.

#include <boost/test/unit_test.hpp>

#include <fstream>
#include <sstream>

#include "support/process.hpp"
#include "support/temp_dir.hpp"

using akhbar::test::run_process;
using akhbar::test::TempDir;

namespace {

const std::string TOOL = AKHBAR_STORY_BENCH;

/// A body of 60 distinct words, numbered from `from`.
std::string body(int from)
{
    std::string out;
    for (int i = from; i < from + 60; ++i) {
        out += "كلمة" + std::to_string(i) + " ";
    }
    return out;
}

std::string line(const std::string& id, const std::string& title, const std::string& text)
{
    return R"({"id":")" + id + R"(","source":"s","date":"2018-05-0)" + id.back() + R"(","title":")" + title +
           R"(","text":")" + text + "\"}\n";
}

/// a and b identical, c a dateline copy of them; d another story, e its
/// dateline copy under a title with markup and a terminal escape.
std::string collection()
{
    return line("a1", "عنوان", body(0)) + line("b2", "عنوان آخر", body(0)) +
           line("c3", "عنوان ثالث", "القاهرة (رويترز) - " + body(0)) + line("d4", "خبر", body(500)) +
           line("e5", "<script>\\u001b[2J", "بيروت (أ ف ب) - " + body(500));
}

std::string read(const std::filesystem::path& p)
{
    std::ifstream in(p);
    std::stringstream s;
    s << in.rdbuf();
    return s.str();
}

/// The TSV shows the escape as text: `\x1B`.
bool tsv_has_escape(const std::filesystem::path& p)
{
    return read(p).find("\\x1B[2J") != std::string::npos;
}

}  // namespace

BOOST_AUTO_TEST_SUITE(story_bench_cli)

BOOST_AUTO_TEST_CASE(exact_groups_are_counted_and_recalled)
{
    const TempDir dir;
    const auto file = dir.write("a.jsonl", collection());
    const auto r = run_process({TOOL, "exact", file.string()});
    BOOST_TEST(r.exit_code == 0);
    BOOST_TEST(r.out.find("5 articles; 1 groups of 2+ articles") != std::string::npos);
    BOOST_TEST(r.out.find("| 0.90 | 1 of 1 | 100.0% |") != std::string::npos);
}

BOOST_AUTO_TEST_CASE(sizes_count_stories_of_two_or_more)
{
    const TempDir dir;
    const auto file = dir.write("a.jsonl", collection());
    const auto r = run_process({TOOL, "sizes", file.string()});
    BOOST_TEST(r.exit_code == 0);
    // {a, b, c} and {d, e}: 2 stories, 5 articles, the largest of 3.
    BOOST_TEST(r.out.find("| 0.50 | 2 | 5 | 3 | 1 | 1 |") != std::string::npos, r.out);
}

BOOST_AUTO_TEST_CASE(pairs_leave_out_exact_copies_and_escape_text)
{
    const TempDir dir;
    const auto file = dir.write("a.jsonl", collection());
    const auto r = run_process({TOOL, "pairs", "--threshold", "0.5", "--out", (dir / "p").string(), file.string()});
    BOOST_TEST(r.exit_code == 0);
    // a-b, a-c, b-c, d-e grouped; a-b identical.
    BOOST_TEST(r.out.find("4 pairs of articles grouped together") != std::string::npos, r.out);
    BOOST_TEST(r.out.find("1 of them exact copies") != std::string::npos);
    const std::string md = read(dir / "p.md");
    BOOST_TEST(md.find("## Pair 3 ") != std::string::npos);
    BOOST_TEST(md.find("## Pair 4 ") == std::string::npos);
    BOOST_TEST(md.find("&lt;script&gt;") != std::string::npos);
    BOOST_TEST(tsv_has_escape(dir / "p.tsv"));
    BOOST_TEST(md.find("القاهرة (رويترز)") != std::string::npos);
    const std::string tsv = read(dir / "p.tsv");
    BOOST_TEST(tsv.find('\x1B') == std::string::npos);
    BOOST_TEST(md.find('\x1B') == std::string::npos);
    BOOST_TEST(md.find("<script>") == std::string::npos);
}

BOOST_AUTO_TEST_CASE(bad_input_is_a_clear_error)
{
    const TempDir dir;
    const auto file = dir.write("a.jsonl", collection());
    BOOST_TEST(run_process({TOOL}).exit_code == 2);
    BOOST_TEST(run_process({TOOL, "sizes", "--threshold", "1.5", file.string()}).exit_code == 2);
    BOOST_TEST(run_process({TOOL, "pairs", file.string()}).exit_code == 2);
    const auto missing = run_process({TOOL, "sizes", (dir / "none.jsonl").string()});
    BOOST_TEST(missing.exit_code == 1);
    BOOST_TEST(missing.err.find("none.jsonl") != std::string::npos);
    const auto unwritable = run_process({TOOL, "pairs", "--out", (dir / "no/dir/p").string(), file.string()});
    BOOST_TEST(unwritable.exit_code == 1);
}

BOOST_AUTO_TEST_SUITE_END()
