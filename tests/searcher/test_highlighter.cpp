// Snippet selection: the passage with the most distinct matches, chosen in
// linear time (issue #15, point 2) and the same passage as before on real
// articles.

#include <boost/test/data/test_case.hpp>
#include <boost/test/unit_test.hpp>

#include <cstdlib>
#include <fstream>
#include <set>
#include <sstream>

#include <nlohmann/json.hpp>

#include "akhbar/common/analyzer.hpp"
#include "akhbar/common/error.hpp"
#include "akhbar/searcher/searcher.hpp"
#include "highlighter.hpp"
#include "support/index.hpp"
#include "support/tsv.hpp"

using akhbar::Analyzer;
using akhbar::Snippet;
using akhbar::detail::Highlighter;
using akhbar::detail::MatchSpec;

namespace {

// What a query of `kind` (words, phrase, prefix) asks the highlighter to mark.
MatchSpec spec_for(const Analyzer& analyzer, const std::string& query, const std::string& kind)
{
    MatchSpec spec;
    std::vector<std::string> stems;
    for (const auto& t : analyzer.analyze(query)) {
        if (!t.stopword && !t.stem.empty()) {
            stems.push_back(t.stem);
        }
    }
    if (kind == "phrase") {
        spec.phrases.push_back(stems);
    } else if (kind == "prefix") {
        spec.prefixes = stems;
    } else {
        spec.stems.insert(stems.begin(), stems.end());
    }
    return spec;
}

// The snippet with its highlights [marked], as one line.
std::string marked(const Snippet& s)
{
    std::string out;
    std::size_t pos = 0;
    for (const auto& h : s.highlights) {
        out +=
            s.text.substr(pos, h.start - pos) + "[" + s.text.substr(h.start, h.end - h.start) + "]";
        pos = h.end;
    }
    return out + s.text.substr(pos);
}

// "seed:000_…" is a file of corpus/, "ant:ID" an article of tests/data/ant_sample.jsonl.
std::string text_of(const std::string& source)
{
    if (source.starts_with("seed:")) {
        return akhbar::test::read_file(std::string(AKHBAR_SOURCE_DIR) + "/corpus/" +
                                       source.substr(5) + ".txt");
    }
    std::istringstream in(
        akhbar::test::read_file(std::string(AKHBAR_TEST_DATA_DIR) + "/ant_sample.jsonl"));
    std::string line;
    while (std::getline(in, line)) {
        const auto j = nlohmann::json::parse(line);
        if ("ant:" + j.at("id").get<std::string>() == source) {
            return j.at("text");
        }
    }
    throw std::runtime_error("no article " + source);
}

}  // namespace

BOOST_AUTO_TEST_SUITE(highlighter)

// tests/data/snippets_58c5982.tsv holds the snippets the quadratic selection of
// commit 58c5982 chose; the linear one must choose the same passages. The
// file was written by this test with AKHBAR_WRITE_SNIPPETS=PATH at 58c5982.
BOOST_AUTO_TEST_CASE(same_passages_as_the_quadratic_selection)
{
    const Analyzer analyzer;
    const char* write = std::getenv("AKHBAR_WRITE_SNIPPETS");
    std::ofstream out;
    if (write != nullptr) {
        out.open(write);
    }
    const auto rows = akhbar::test::read_tsv("snippets_58c5982.tsv");
    BOOST_TEST(rows.size() >= 30U);
    for (const auto& row : rows) {
        BOOST_TEST_CONTEXT(row)
        {
            const MatchSpec spec = spec_for(analyzer, row.at(3), row.at(1));
            const Highlighter highlighter(analyzer, spec);
            const std::string got =
                marked(highlighter.best_passage(text_of(row.at(0)), std::stoul(row.at(2))));
            if (out.is_open()) {
                out << row.at(0) << '\t' << row.at(1) << '\t' << row.at(2) << '\t' << row.at(3)
                    << '\t' << got << '\n';
            } else {
                BOOST_TEST(got == row.at(4));
            }
        }
    }
}

std::string repeated(std::string_view word, std::size_t bytes)
{
    std::string text;
    while (text.size() < bytes) {
        text += word;
        text += ' ';
    }
    return text;
}

const char* const KINDS[] = {"words", "phrase", "prefix"};

// One article repeating a word thousands of times made the old selection
// compare every match with every other (6,000 matches: 36 million steps, and
// 51 s for 1 MB). The work is counted, not timed: choosing the passage takes
// a few steps per byte of the text.
BOOST_DATA_TEST_CASE(selection_work_is_linear, boost::unit_test::data::make(KINDS), kind)
{
    const Analyzer analyzer;
    const MatchSpec spec =
        spec_for(analyzer, kind == std::string("phrase") ? "كلمة كلمة" : "كلمة", kind);
    const Highlighter highlighter(analyzer, spec);
    const std::string text = repeated("كلمة", 54'000);  // 6,000 matches, under SNIPPET_SCAN_BYTES
    akhbar::detail::PassageWork work;
    const Snippet s = highlighter.best_passage(text, 240, &work);
    BOOST_TEST(!s.highlights.empty());
    BOOST_TEST(s.text.size() <= 2 * 240 + 8);
    BOOST_TEST(work.steps <= 4 * text.size());
}

// A 1 MB article is analyzed for its snippet only up to SNIPPET_SCAN_BYTES.
BOOST_AUTO_TEST_CASE(long_articles_are_analyzed_up_to_the_cap)
{
    const Analyzer analyzer;
    const MatchSpec spec = spec_for(analyzer, "كلمة", "words");
    const Highlighter highlighter(analyzer, spec);
    const std::string text = "خبر عن كلمة. " + repeated("كلمة", 1 << 20);
    akhbar::detail::PassageWork work;
    const Snippet s = highlighter.best_passage(text, 240, &work);
    BOOST_TEST(!s.highlights.empty());
    BOOST_TEST(s.text.ends_with(" \xE2\x80\xA6"));
    BOOST_TEST(work.steps <= 4 * akhbar::detail::SNIPPET_SCAN_BYTES);
}

// Tokens are stemmed only where a query stem may be (akhbar::StemFilter);
// every kind of match must still be found. Expected marks written from the
// analyzer's tokens before that filter existed (akhbar-analyze at b7539c1).
const std::string TRICKY =
    "أعلنت الوزارة أن وزيرها التقى بالوزراء في قطر، وقال إن الـCOVID و2024 ومسؤولين ومسئولية "
    "مُسْتَشْفَى المستشفيات ــالحكومة الحكومـــة Trump ترامب وترمب 5G بـ5G ٢٠٢٤ قلوبهم وزير "
    "الوزير إلى الى آلاف الاف ألف";

struct MarkRow {
    const char* name;
    const char* kind;
    const char* query;
    const char* marks;  // the highlighted parts of TRICKY, in order
};

std::ostream& operator<<(std::ostream& os, const MarkRow& row)
{
    return os << row.name << ": " << row.kind << " " << row.query << " -> " << row.marks;
}

// clang-format off
const MarkRow MARK_ROWS[] = {
    {"alef-hamza-variants", "words", "أعلن الالف", "ألف"},
    {"hamza-seat-variants", "words", "مسؤول", "ومسؤولين ومسئولية"},
    {"diacritics", "words", "مستشفى", "مُسْتَشْفَى المستشفيات"},
    {"tatweel", "words", "حكومة", "ــالحكومة الحكومـــة"},
    {"clitics-and-pronouns", "words", "وزير", "وزير الوزير"},
    {"pronoun-suffix", "words", "قلوب", "قلوبهم"},
    {"latin-word", "words", "covid trump", "COVID Trump"},
    {"digits", "words", "2024 5g", "2024 5G 5G ٢٠٢٤"},
    {"name-variants", "words", "ترامب ترمب", "ترامب وترمب"},
    {"stopword-only", "words", "إلى", ""},
    {"phrase-not-across-a-different-stem", "phrase", "وزير التقى", ""},
    {"phrase", "phrase", "وزيرها التقى", "وزيرها التقى"},
    {"phrase-across-stopword", "phrase", "قطر قال", "قطر، وقال"},
    {"prefix", "prefix", "مستشف", "مُسْتَشْفَى المستشفيات"},
    {"prefix-short", "prefix", "وز", "الوزارة بالوزراء وزير الوزير"},
    {"prefix-inside-a-word-is-no-match", "prefix", "زار", ""},
    {"stem-inside-a-word-is-no-match", "words", "وزار حكو", ""},
};
// clang-format on

BOOST_DATA_TEST_CASE(every_kind_of_match_is_marked, boost::unit_test::data::make(MARK_ROWS), row)
{
    const Analyzer analyzer;
    const MatchSpec spec = spec_for(analyzer, row.query, row.kind);
    const Highlighter highlighter(analyzer, spec);
    for (const Snippet& s : {highlighter.whole(TRICKY), highlighter.best_passage(TRICKY, 1000)}) {
        std::string marks;
        for (const auto& h : s.highlights) {
            marks += marks.empty() ? "" : " ";
            marks += s.text.substr(h.start, h.end - h.start);
        }
        BOOST_TEST(marks == row.marks);
    }
}

// Searcher::highlight, the public call an article view marks a whole text
// with, marks what a search marks: the hit's title exactly, and in the whole
// text at least every word its snippet marked, through the same variants.
BOOST_AUTO_TEST_CASE(searcher_highlight_marks_what_a_search_marks)
{
    const akhbar::test::TempDir dir;
    akhbar::IndexerOptions options;
    options.db = dir / "db";
    const akhbar::Searcher searcher(
        {akhbar::test::index_paths(options, {std::string(AKHBAR_SOURCE_DIR) + "/corpus"}).string()});
    for (const std::string query : {"اتفاقات أبراهام", "ترامب", "\"كازاخستان تعلن\""}) {
        akhbar::SearchRequest request;
        request.query = query;
        const akhbar::SearchResult result = searcher.search(request);
        BOOST_TEST_REQUIRE(!result.hits.empty());
        for (const akhbar::Hit& hit : result.hits) {
            BOOST_TEST_CONTEXT(query << " " << hit.id)
            {
                BOOST_TEST(searcher.highlight(query, hit.title.text) == hit.title.highlights);
                const std::string text = text_of("seed:" + hit.id);
                const auto marks = searcher.highlight(query, text);
                std::set<std::string> in_text;
                std::size_t last_end = 0;
                for (const auto& h : marks) {
                    BOOST_TEST_REQUIRE((h.start >= last_end && h.start < h.end && h.end <= text.size()));
                    in_text.insert(text.substr(h.start, h.end - h.start));
                    last_end = h.end;
                }
                for (const auto& h : hit.snippet.highlights) {
                    const auto word = hit.snippet.text.substr(h.start, h.end - h.start);
                    BOOST_TEST(in_text.count(word) == 1U, word);
                }
            }
        }
    }
    BOOST_CHECK_THROW((void)searcher.highlight("", "نص"), akhbar::QueryError);
    BOOST_TEST(searcher.highlight("اتفاقات", "").empty());
}

BOOST_AUTO_TEST_SUITE_END()
