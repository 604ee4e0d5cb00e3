// Printers for people: untrusted text (stored titles, snippets, ids, sources;
// queries) is escaped so that nothing in it acts on the terminal (issue #15,
// point 7), and highlights still mark the right words.

#include <boost/test/data/test_case.hpp>
#include <boost/test/unit_test.hpp>

#include "akhbar/common/utf8.hpp"
#include "akhbar/searcher/format.hpp"
#include "support/terminal.hpp"

using akhbar::SearchResult;
using akhbar::test::check_terminal_safe;

namespace {

const std::string WORD = "كازاخستان";

// Where a row puts its hostile text.
enum class Field { title, snippet, id, source, url, query, suggestion, unavailable, source_facet };

struct HostileRow {
    const char* name;
    Field field;
    std::string value;    // WORD is highlighted where the field has highlights
    std::string escaped;  // how the output shows the hostile part
};
std::ostream& operator<<(std::ostream& os, const HostileRow& r) { return os << r.name; }

const HostileRow HOSTILE_ROWS[] = {
    {"title: clear screen", Field::title, "\x1B[2J\x1B[H" + WORD, "\\x1B[2J\\x1B[H"},
    {"title: OSC window title, BEL", Field::title, "\x1B]0;owned\x07" + WORD, "\\x1B]0;owned\\x07"},
    {"title: backspaces", Field::title, WORD + "\x08\x08\x08", "\\x08\\x08\\x08"},
    {"title: C1 CSI", Field::title,
     "\xC2\x9B"
     "31m" +
         WORD,
     "\\u009B31m"},
    {"title: unbalanced RLO", Field::title, "\xE2\x80\xAE" + WORD, "\\u202E"},
    {"title: newline forging a hit", Field::title, WORD + "\n2. fake", "\\n2. fake"},
    {"snippet: ESC", Field::snippet, "نص \x1B[31m" + WORD + " نص", "\\x1B[31m"},
    {"snippet: DEL", Field::snippet, "نص\x7F " + WORD, "\\x7F"},
    {"snippet: C1 NEL", Field::snippet, "نص\xC2\x85 " + WORD, "\\u0085"},
    {"snippet: LRO", Field::snippet, "\xE2\x80\xAD" + WORD, "\\u202D"},
    {"snippet: RLI never closed", Field::snippet, "\xE2\x81\xA7" + WORD, "\\u2067"},
    {"snippet: stray PDI", Field::snippet, WORD + "\xE2\x81\xA9", "\\u2069"},
    {"id: ESC", Field::id, "id\x1B[8m", "id\\x1B[8m"},
    {"id: RLO", Field::id,
     "id\xE2\x80\xAE"
     "cba",
     "id\\u202Ecba"},
    {"source: BEL", Field::source, "bbc\x07", "bbc\\x07"},
    {"url: ESC", Field::url, "http://x.example/\x1B[2J", "http://x.example/\\x1B[2J"},
    {"query: ESC", Field::query, WORD + "\x1B[2J", "\\x1B[2J"},
    {"suggestion: RLE", Field::suggestion, "\xE2\x80\xAB" + WORD, "\\u202B"},
    {"unavailable shard: ESC", Field::unavailable, "db\x1B[2J: gone", "db\\x1B[2J: gone"},
    {"source facet: C1", Field::source_facet, "bbc\xC2\x9B", "bbc\\u009B"},
};

SearchResult result_with(const HostileRow& row)
{
    SearchResult r;
    r.query = row.field == Field::query ? row.value : WORD;
    r.total = 1;
    akhbar::Hit hit;
    hit.rank = 1;
    hit.id = row.field == Field::id ? row.value : "id1";
    hit.title.text = row.field == Field::title ? row.value : WORD;
    hit.snippet.text = row.field == Field::snippet ? row.value : "نص " + WORD;
    for (akhbar::Snippet* s : {&hit.title, &hit.snippet}) {
        const std::size_t at = s->text.find(WORD);
        s->highlights.push_back({at, at + WORD.size()});
    }
    hit.source = row.field == Field::source ? row.value : "bbc";
    hit.url = row.field == Field::url ? row.value : "";
    r.hits.push_back(hit);
    if (row.field == Field::suggestion) {
        r.suggestion = row.value;
    }
    if (row.field == Field::unavailable) {
        r.unavailable.push_back(row.value);
    }
    r.source_facet.push_back({row.field == Field::source_facet ? row.value : "bbc", 1});
    return r;
}

}  // namespace

BOOST_AUTO_TEST_SUITE(format)

BOOST_DATA_TEST_CASE(hostile_text_is_escaped, boost::unit_test::data::make(HOSTILE_ROWS), row)
{
    const SearchResult r = result_with(row);
    for (const bool isolate : {true, false}) {
        akhbar::TextStyle style;  // --plain: highlights in [brackets]
        style.bidi_isolate = isolate;
        style.wrap = isolate;  // as on a terminal: lines broken, isolates closed on each
        style.width = 40;  // the hostile parts stay whole on their line
        const std::string text = akhbar::format_text(r, style);
        check_terminal_safe(text, isolate);
        // Escaped, not dropped; and the highlights still mark the word.
        const std::string shown = akhbar::test::without_isolates(text);
        BOOST_TEST(shown.find(row.escaped) != std::string::npos, shown);
        BOOST_TEST(shown.find("[" + WORD + "]") != std::string::npos);
    }
    akhbar::TextStyle color;
    color.color = true;
    const std::string colored = akhbar::format_text(r, color);
    // The printer's own colour codes are the only escapes.
    std::size_t escapes = 0;
    for (auto at = colored.find('\x1B'); at != std::string::npos;
         at = colored.find('\x1B', at + 1)) {
        BOOST_TEST(
            (colored.compare(at, 7, "\x1B[1;33m") == 0 || colored.compare(at, 4, "\x1B[0m") == 0));
        ++escapes;
    }
    BOOST_TEST(escapes == 4U);  // title and snippet highlights, on and off
}

BOOST_DATA_TEST_CASE(hostile_ids_in_trec_runs, boost::unit_test::data::make(HOSTILE_ROWS), row)
{
    const SearchResult r = result_with(row);
    const std::string trec = akhbar::format_trec(r, row.field == Field::query ? row.value : "q1");
    check_terminal_safe(trec, false);
    if (row.field == Field::id) {
        BOOST_TEST(trec.starts_with("q1 Q0 " + row.escaped + " 1 "));
    }
    if (row.field == Field::query) {
        BOOST_TEST(trec.starts_with(WORD + row.escaped + " Q0 id1 1 "));
    }
}

// --- the page's lines ---------------------------------------------------------

namespace {

SearchResult two_hits()
{
    SearchResult r;
    r.query = "اتفاقات أبراهام";
    r.words = {{"اتفاقات", "اتفاقات", "اتفاق", false, {}, {}, {}},
               {"أبراهام", "ابراهام", "ابراهام", false, {}, {}, {}}};
    r.total = 2;
    akhbar::Hit a;
    a.rank = 1;
    a.id = "JA-culture-1-20170120";
    a.title.text = "عنوان";
    a.source = "Jawhara FM";
    a.url = "http://www.jawharafm.net/ar/article/76326";
    a.snippet.text = "كلمة " + WORD + " كلمة أخرى طويلة في نص المقال";
    a.snippet.highlights = {{a.snippet.text.find(WORD), a.snippet.text.find(WORD) + WORD.size()}};
    akhbar::Hit b;
    b.rank = 2;
    b.id = "001_c3a5d13f4eaa2ea5";
    b.title.text = "Côte d'Ivoire";
    r.hits = {a, b};
    r.date_facet = akhbar::DateFacet{};
    r.date_facet->undated = 2;
    r.source_facet = {{"Jawhara FM", 1}};
    r.unsourced = 1;
    return r;
}

std::string first_line(const std::string& text)
{
    return text.substr(0, text.find('\n'));
}

}  // namespace

BOOST_AUTO_TEST_CASE(the_header_shows_the_query_as_typed_not_its_stems)
{
    const SearchResult r = two_hits();
    BOOST_TEST(first_line(akhbar::format_text(r, {})) == "2 articles match اتفاقات أبراهام");
}

BOOST_AUTO_TEST_CASE(an_estimated_total_says_about)
{
    SearchResult r = two_hits();
    r.total = 900;
    r.total_exact = false;
    BOOST_TEST(first_line(akhbar::format_text(r, {})) == "about 900 articles match اتفاقات أبراهام");
    r.total_exact = true;
    BOOST_TEST(first_line(akhbar::format_text(r, {})) == "900 articles match اتفاقات أبراهام");
}

BOOST_AUTO_TEST_CASE(a_hit_shows_its_url_on_a_line_of_its_own)
{
    const std::string text = akhbar::format_text(two_hits(), {});
    BOOST_TEST(text.find("\n   undated · Jawhara FM · JA-culture-1-20170120 · score 0.000\n"
                         "   http://www.jawharafm.net/ar/article/76326\n") != std::string::npos,
               text);
    // No URL, no line.
    BOOST_TEST(text.find("001_c3a5d13f4eaa2ea5 · score 0.000\n\nBy day:") != std::string::npos, text);
}

BOOST_AUTO_TEST_CASE(matches_without_a_source_are_counted)
{
    const std::string text = akhbar::format_text(two_hits(), {});
    BOOST_TEST(text.find("\nBy source:\n  Jawhara FM: 1\n  no source: 1\n") != std::string::npos, text);
}

BOOST_AUTO_TEST_CASE(piped_text_has_no_isolates_and_terminal_text_keeps_ids_whole)
{
    const SearchResult r = two_hits();
    const std::string piped = akhbar::format_text(r, {});
    BOOST_TEST(piped.find("\xE2\x81\xA8") == std::string::npos);
    BOOST_TEST(piped.find("\xE2\x81\xA9") == std::string::npos);
    akhbar::TextStyle terminal;
    terminal.bidi_isolate = true;
    const std::string shown = akhbar::format_text(r, terminal);
    check_terminal_safe(shown, true);
    BOOST_TEST(shown.find("\xE2\x81\xA8" "001_c3a5d13f4eaa2ea5" "\xE2\x81\xA9") != std::string::npos);
    BOOST_TEST(shown.find("\xE2\x81\xA8" "Côte d'Ivoire" "\xE2\x81\xA9") != std::string::npos);
    // Every field of the metadata line isolated: its order does not depend
    // on the source's script.
    BOOST_TEST(shown.find("\xE2\x81\xA8" "Jawhara FM" "\xE2\x81\xA9") != std::string::npos);
    BOOST_TEST(akhbar::test::without_isolates(shown) == piped);
}

BOOST_AUTO_TEST_CASE(wrapped_lines_fit_the_width_under_the_title)
{
    akhbar::TextStyle style;
    style.wrap = true;
    style.width = 24;
    const std::string text = akhbar::format_text(two_hits(), style);
    std::size_t start = text.find('\n') + 1;  // after the header
    for (auto end = text.find('\n'); end != std::string::npos; start = end + 1, end = text.find('\n', start)) {
        const std::string line = text.substr(start, end - start);
        if (line.find("http") == std::string::npos) {  // a URL is not cut
            BOOST_TEST(akhbar::utf8::decode(line).size() <= 24U, line);
        }
    }
    BOOST_TEST(text.find("\n   كلمة [" + WORD + "] كلمة\n   أخرى طويلة في نص\n   المقال\n") !=
                   std::string::npos,
               text);
}

BOOST_AUTO_TEST_SUITE_END()
