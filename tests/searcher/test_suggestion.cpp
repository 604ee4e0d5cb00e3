// "Did you mean" as a search shows it (SearchResult::suggestion): the
// spelling the articles write most, edit limits by word length, only a
// suggestion that finds something with the request's filters, the other
// words as typed.

#include <boost/test/data/test_case.hpp>
#include <boost/test/unit_test.hpp>

#include <optional>
#include <ostream>
#include <string>

#include "akhbar/searcher/searcher.hpp"
#include "spelling.hpp"
#include "support/index.hpp"
#include "support/spellings.hpp"
#include "support/temp_dir.hpp"

using akhbar::SearchRequest;
using akhbar::Searcher;

namespace {

// الجزائر (normalized الجزاءر) in two articles of one source; مصر and
// عاصمة in one of another. (The lexicon keeps words written twice or more.)
const char* const ARTICLES =
    R"({"id": "dz1", "title": "زيارة", "text": "زار الوفد الجزائر أمس وقالت الجزائر إن الزيارة ناجحة", "date": "2020-01-01", "source": "الشروق"}
{"id": "dz2", "title": "قمة", "text": "الجزائر تستضيف القمة العربية", "date": "2021-06-01", "source": "الشروق"}
{"id": "eg", "title": "مصر", "text": "القاهرة عاصمة مصر الكبرى وهي عاصمة عريقة", "date": "2019-05-05", "source": "الأهرام"}
)";

struct Collection {
    akhbar::test::TempDir dir;
    std::string db = akhbar::test::index_jsonl(dir, ARTICLES).string();
};

Collection& collection()
{
    static Collection c;
    return c;
}

// The suggestion of a search for `query`; "" for none.
std::string suggestion(const std::string& query, SearchRequest request = {})
{
    request.query = query;
    return Searcher({collection().db}).search(request).suggestion.value_or("");
}

struct DistanceRow {
    std::string name;
    std::string word;
    unsigned distance;
};

std::ostream& operator<<(std::ostream& os, const DistanceRow& row) { return os << row.name; }

const DistanceRow DISTANCES[] = {
    {"empty", "", 0},
    {"one letter", "م", 0},
    {"three letters", "قوم", 0},
    {"four letters", "كتاب", 1},
    {"five letters", "عاصمه", 1},
    {"six letters", "الكتاب", 1},
    {"seven letters", "الجزاير", 2},
    {"long", "والاستثمارات", 2},
    {"latin counts letters, not bytes", "abcde", 1},
    {"invalid UTF-8 is one letter a byte", "\xFF\xFE\xFD\xFC\xFB\xFA\xF9", 2},
};

}  // namespace

BOOST_AUTO_TEST_SUITE(suggestion_shown)

BOOST_DATA_TEST_CASE(edit_limits_by_length, DISTANCES, row)
{
    BOOST_TEST(akhbar::detail::spelling_distance(row.word) == row.distance);
}

BOOST_AUTO_TEST_CASE(the_spelling_the_articles_write)
{
    // Not the normalized الجزاءر.
    BOOST_TEST(suggestion("الجزاير") == "الجزائر");
    BOOST_TEST(Searcher({collection().db}).suggest("الجزاير").value_or("") == "الجزائر");
}

BOOST_AUTO_TEST_CASE(the_other_words_stay_as_typed)
{
    // القاهره is in the index (as القاهرة): kept as typed, teh marbuta missing.
    BOOST_TEST(suggestion("القاهره الجزاير") == "القاهره الجزائر");
    // The word replaced is the misspelled one, not its first occurrence
    // inside another word.
    BOOST_TEST(suggestion("مصرالجزاير الجزاير") ==
               "مصرالجزاير الجزائر");
}

BOOST_AUTO_TEST_CASE(short_words_allow_fewer_edits)
{
    BOOST_TEST(suggestion("مسر").empty());  // مصر, one edit in three letters: too short
    BOOST_TEST(suggestion("عاسمة") == "عاصمة");    // one edit in five letters
    BOOST_TEST(suggestion("عاسمق").empty());        // two edits in five letters
    BOOST_TEST(suggestion("الجزايرر") == "الجزائر");  // two edits in eight letters
}

BOOST_AUTO_TEST_CASE(only_a_suggestion_that_finds_something)
{
    SearchRequest other_source;
    other_source.sources = {"الأهرام"};
    BOOST_TEST(suggestion("الجزاير", other_source).empty());
    SearchRequest later;
    later.from = akhbar::checked_date("from", "2021-01-01");
    BOOST_TEST(suggestion("الجزاير", later) == "الجزائر");
    SearchRequest too_late;
    too_late.from = akhbar::checked_date("from", "2022-01-01");
    BOOST_TEST(suggestion("الجزاير", too_late).empty());
    // A query filter counts as a request's.
    BOOST_TEST(suggestion("الجزاير source:الأهرام").empty());
}

BOOST_AUTO_TEST_CASE(a_spelling_table_has_no_written_forms)
{
    // Databases written before the lexicon keep Xapian's spelling table:
    // their words are shown normalized, as they are stored.
    const akhbar::test::TempDir dir;
    const Xapian::Database old =
        akhbar::test::with_spellings((dir / "old").string(), {{"الجزاءر", 3}});
    const akhbar::detail::SpellingIndex index({&old});
    BOOST_TEST(index.best("الجزاير", 2) == "الجزاءر");
    BOOST_TEST(index.written_form("الجزاءر") == "الجزاءر");
    BOOST_TEST(index.written_form("غيرها") == "غيرها");
}

BOOST_AUTO_TEST_SUITE_END()
