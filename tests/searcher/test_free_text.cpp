// Free text in the default query mode (issue #16, part 3): a pasted headline
// is searched as its words, whatever quotes, colons and dashes it holds, and
// ranks its article at least as well as --literal; a quoted phrase raises the
// articles that have it but drops none that has its words apart; the
// deliberate syntax of docs/query-syntax.md keeps working.

#include <boost/test/data/test_case.hpp>
#include <boost/test/unit_test.hpp>

#include <xapian.h>

#include <algorithm>
#include <set>
#include <sstream>
#include <string>
#include <vector>

#include "akhbar/common/analyzer.hpp"
#include "akhbar/common/error.hpp"
#include "akhbar/indexer/indexer.hpp"
#include "akhbar/searcher/searcher.hpp"
#include "query_parser.hpp"
#include "support/index.hpp"
#include "support/named_row.hpp"
#include "support/temp_dir.hpp"

namespace bdata = boost::unit_test::data;
namespace detail = akhbar::detail;
using akhbar::test::NamedRow;

namespace {

// Headlines of ANT (Jawhara FM, AlArabiya, BBC Arabic, CNN Arabic) as they
// were published, and a few of the same shape, each of which the parser used
// to refuse (an unbalanced quote), turn into a filter (`مصدر:`, "a source
// said", read as source:) or a required phrase. `expected`: what it was.
// clang-format off
const NamedRow HEADLINES[] = {
    {"quote-unbalanced-at-end",  "رئيس الحكومة : لم نرتكب أخطاء في التعامل مع ملف منفذ الهجوم الإرهابي ببرلين\"", "error: unterminated phrase"},
    {"quote-inside-words",       "آبل\" تحتفل بالعيد العاشر لـ\"آيفون\"",                                        "error: unterminated phrase"},
    {"quote-empty-then-stray",   "\"\"وُه\".. فيلم كوميدي جديد في قاعات السينما ابتداء من 21 ديسمبر",             "error: unterminated phrase"},
    {"guillemet-unbalanced",     "«داعش يتبنى الهجوم على الكنيسة في مدينة الإسكندرية",                           "error: unterminated phrase"},
    {"field-word-then-space",    "مصدر: تيلرسون لم يتحدث إلى ترامب ولا يعلم سبب إقالته",                          "a source: filter"},
    {"latin-field-then-space",   "date: 2018 عام الانتخابات في العراق",                                          "a date: filter"},
    {"latin-word-colon",         "IMF: \"ضبط مالي فوري\" أولوية للبنان وحكومة ذات رؤية",                         "a required phrase"},
    {"quote-with-spaces-dash",   "كأس \" دليس – دانون \" : الولايات المتحدة الأمريكية تحتضن النهائيات العالمية", "a required phrase"},
    {"quote-colon-after",        "كاني ويست: استعباد الأفارقة بأمريكا كان \"اختيارا\" للعبيد",                   "a required phrase"},
    {"guillemets",               "«الحرب التجارية» تهدد نمو الاقتصاد العالمي",                                  "a required phrase"},
    {"only-a-quote",             "\"قمة المناخ في غلاسكو\"",                                                      "a required phrase"},
    {"dashes-between-words",     "قريبا : قطار تونس – عنابة - بنزرت — يدخل الخدمة",                             "unchanged"},
    {"latin-colon-words",        "Demain: Dès الغد فيلم فرنسي في قاعات تونس",                                   "unchanged"},
    {"plus-before-stray-quote",  "ارتفاع أسعار النفط +\"",                                                       "error: + needs something after it"},
    {"minus-before-stray-quote", "المغرب -\"الجزائر تعلن فتح الحدود",                                              "an exclusion"},
    {"minus-glued-after-quote",  "\"تونس\"-ليبيا تفتح المعبر الحدودي",                                              "an exclusion"},
};
// clang-format on

// The headline's words in reverse order, without its quotes and colons: an
// article that has every word of the headline but none of its phrases.
std::string words_apart(const std::string& headline)
{
    std::string cleaned;
    for (const char c : headline) {
        cleaned += (c == '"' || c == ':') ? ' ' : c;
    }
    for (const std::string_view mark : {"\u00AB", "\u00BB", "\u201C", "\u201D"}) {
        for (auto at = cleaned.find(mark); at != std::string::npos; at = cleaned.find(mark)) {
            cleaned.replace(at, mark.size(), " ");
        }
    }
    std::istringstream in(cleaned);
    std::vector<std::string> words;
    for (std::string w; in >> w;) {
        words.push_back(w);
    }
    std::reverse(words.begin(), words.end());
    std::string out;
    for (const std::string& w : words) {
        out += (out.empty() ? "" : " ") + w;
    }
    return out;
}

std::string json_string(const std::string& s)
{
    std::string out = "\"";
    for (const char c : s) {
        out += c == '"' ? std::string("\\\"") : std::string(1, c);
    }
    return out + "\"";
}

std::string article(const std::string& id, const std::string& text)
{
    return "{\"id\": " + json_string(id) + ", \"title\": \"خبر\", \"text\": " + json_string(text) + "}\n";
}

// One article per headline, with its words apart; the phrase articles for
// the cases below; and other news, so that the words are not all rare.
struct Collection {
    akhbar::test::TempDir dir;
    std::filesystem::path db = build();

    std::filesystem::path build()
    {
        std::string articles;
        for (const NamedRow& row : HEADLINES) {
            articles += article(row.name, words_apart(row.input));
        }
        articles += article("exact", "انضمت كازاخستان رسميا إلى اتفاقات أبراهام أمس في واشنطن.");
        articles += article("apart", "قال أبراهام إن بلاده تدرس اتفاقات جديدة مع جيرانها في المنطقة.");
        articles += article("other", "وقعت الحكومة اتفاقات تجارية جديدة مع دول الخليج.");
        articles += article("kazakh", "زار رئيس كازاخستان العاصمة الروسية لبحث اتفاقات الطاقة.");
        return akhbar::test::index_jsonl(dir, articles);
    }
};

const akhbar::Searcher& searcher()
{
    static const Collection collection;
    static const akhbar::Searcher s({collection.db.string()});
    return s;
}

akhbar::SearchResult search(const std::string& query, bool literal = false)
{
    akhbar::SearchRequest request;
    request.query = query;
    request.literal = literal;
    request.limit = 100;
    return searcher().search(request);
}

std::vector<std::string> ranked(const std::string& query)
{
    std::vector<std::string> out;
    for (const auto& hit : search(query).hits) {
        out.push_back(hit.id);
    }
    return out;
}

std::set<std::string> ids(const std::string& query)
{
    const std::vector<std::string> r = ranked(query);
    return {r.begin(), r.end()};
}

// The score of article `id` for `query`, 0 when it is not found.
double score_of(const akhbar::SearchResult& result, const std::string& id)
{
    for (const auto& hit : result.hits) {
        if (hit.id == id) {
            return hit.score;
        }
    }
    return 0;
}

// The words the query searches for, as the parser understood them.
std::vector<std::string> searched_words(const std::string& query, bool literal)
{
    static const akhbar::Analyzer analyzer("akhbar");
    std::vector<std::string> words;
    for (const auto& word :
         detail::parse_query(query, false, analyzer, Xapian::Database(), literal).words) {
        if (!word.stopword) {
            words.push_back(word.normalized);
        }
    }
    return words;
}

}  // namespace

BOOST_AUTO_TEST_SUITE(free_text)

// What the default mode searches for in a headline is what --literal does:
// every word, none turned into a filter, no error.
BOOST_DATA_TEST_CASE(pasted_headline_searches_its_words, bdata::make(HEADLINES), row)
{
    std::vector<std::string> words;
    BOOST_CHECK_NO_THROW(words = searched_words(row.input, false));
    BOOST_TEST(words == searched_words(row.input, true), row.name);
}

// And it ranks the article that has the headline's words, apart, at least
// as high as --literal does: a quote, a colon or a dash costs nothing.
BOOST_DATA_TEST_CASE(pasted_headline_scores_as_its_words, bdata::make(HEADLINES), row)
{
    double typed = 0;
    BOOST_CHECK_NO_THROW(typed = score_of(search(row.input), row.name));
    const double literal = score_of(search(row.input, true), row.name);
    BOOST_TEST_REQUIRE(literal > 0.0);
    BOOST_TEST(typed >= literal * (1 - 1e-9), row.name << ": " << typed << " < --literal's " << literal);
}

// A quoted phrase finds the article with its words apart, and ranks the one
// with the phrase first.
BOOST_AUTO_TEST_CASE(quoted_phrase_boosts_and_does_not_filter)
{
    const std::vector<std::string> r = ranked("\"اتفاقات أبراهام\"");
    BOOST_TEST_REQUIRE(r.size() >= 2U);
    BOOST_TEST(r[0] == "exact");
    BOOST_TEST(std::count(r.begin(), r.end(), "apart") == 1);
    // The snippet marks the phrase whole where it stands.
    for (const auto& hit : search("\"اتفاقات أبراهام\"").hits) {
        if (hit.id == "exact") {
            std::vector<std::string> marked;
            for (const auto& h : hit.snippet.highlights) {
                marked.push_back(hit.snippet.text.substr(h.start, h.end - h.start));
            }
            BOOST_TEST((marked == std::vector<std::string>{"اتفاقات أبراهام"}));
        }
    }
    // Beside another word too, and under every ranking scheme.
    for (const std::string ranking : {"akhbar", "bm25", "lucene-bm25"}) {
        akhbar::SearchRequest request;
        request.query = "\"اتفاقات أبراهام\" كازاخستان";
        request.ranking = akhbar::parse_ranking(ranking);
        const auto result = searcher().search(request);
        BOOST_TEST(score_of(result, "apart") > 0.0, ranking);
        BOOST_TEST(score_of(result, "exact") > score_of(result, "kazakh"), ranking);
    }
    // --all: every word of the phrase, together or not.
    akhbar::SearchRequest all;
    all.query = "\"اتفاقات أبراهام\"";
    all.match_all = true;
    std::set<std::string> found;
    for (const auto& hit : searcher().search(all).hits) {
        found.insert(hit.id);
    }
    BOOST_TEST(found == (std::set<std::string>{"exact", "apart"}));
}

// `+` requires what follows it, a word or a phrase; the other words only
// rank. Before, `+` was dropped as punctuation.
BOOST_AUTO_TEST_CASE(plus_requires_a_word_or_a_phrase)
{
    BOOST_TEST(ids("+\"اتفاقات أبراهام\"") == (std::set<std::string>{"exact"}));
    BOOST_TEST(ids("+\"اتفاقات أبراهام\" جديدة") == (std::set<std::string>{"exact"}));
    BOOST_TEST(ids("+كازاخستان اتفاقات") == (std::set<std::string>{"exact", "kazakh"}));
    BOOST_TEST(ids("+كازاخستان +أبراهام") == (std::set<std::string>{"exact"}));
    BOOST_TEST(ids("+(كازاخستان OR أبراهام) تجارية") == (std::set<std::string>{"exact", "apart", "kazakh"}));
    BOOST_TEST(ids("+كازاخستان NEAR انضمت الطاقة") == (std::set<std::string>{"exact"}));
    // Before a number or a space, `+` is text: `+18`, `5 + 3`.
    BOOST_TEST(searched_words("فيلم +18", false) == searched_words("فيلم 18", false));
    BOOST_TEST(searched_words("اتفاقات + أبراهام", false) == searched_words("اتفاقات أبراهام", false));
}

// The syntax written on purpose keeps its meaning.
BOOST_AUTO_TEST_CASE(deliberate_syntax_still_works)
{
    // An excluded phrase excludes the phrase, not its words.
    BOOST_TEST(ids("أبراهام -\"اتفاقات أبراهام\"") == (std::set<std::string>{"apart"}));
    BOOST_TEST(ids("أبراهام NOT \"اتفاقات أبراهام\"") == (std::set<std::string>{"apart"}));
    BOOST_TEST(ids("اتفاقات -كازاخستان").count("kazakh") == 0U);
    BOOST_TEST(ids("(كازاخستان OR أبراهام) AND جديدة") == (std::set<std::string>{"apart"}));
    // A phrase beside NEAR is a phrase.
    BOOST_TEST(ids("\"اتفاقات أبراهام\" NEAR كازاخستان") == (std::set<std::string>{"exact"}));
    // A field with its value right after the colon; with a space, two words.
    BOOST_TEST(ids("اتفاقات category:culture").empty());
    BOOST_TEST(!ids("اتفاقات category: culture").empty());
    BOOST_TEST(ids("اتفاقات date:2018").empty());  // the test articles are undated
    BOOST_TEST(ids("title:\"اتفاقات أبراهام\"").empty());
}

BOOST_AUTO_TEST_SUITE_END()
