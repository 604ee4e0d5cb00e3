// The in-memory spelling index (spelling_index.hpp): its suggestion is the
// one Xapian's Database::get_spelling_suggestion gives, or a better one by
// Xapian's own order (Xapian compares only the words sharing a byte fragment
// with the misspelled one); completions; odd input; a Searcher's index
// follows the database.

#include <boost/test/data/test_case.hpp>
#include <boost/test/unit_test.hpp>

#include <algorithm>
#include <map>
#include <ostream>
#include <random>
#include <set>
#include <string>
#include <vector>

#include <xapian.h>

#include "akhbar/common/error.hpp"
#include "akhbar/common/spelling_lexicon.hpp"
#include "akhbar/common/utf8.hpp"
#include "akhbar/searcher/searcher.hpp"
#include "spelling.hpp"
#include "spelling_index.hpp"
#include "support/index.hpp"
#include "support/spellings.hpp"
#include "support/temp_dir.hpp"

namespace bdata = boost::unit_test::data;
using akhbar::detail::SPELLING_DISTANCE;
using akhbar::detail::SpellingIndex;
using akhbar::test::with_spellings;

namespace {

// Optimal string alignment distance (Levenshtein plus the transposition of
// two adjacent code points), written plainly as the test's own reference.
unsigned distance(const std::u32string& a, const std::u32string& b)
{
    std::vector<std::vector<unsigned>> d(a.size() + 1, std::vector<unsigned>(b.size() + 1));
    for (std::size_t i = 0; i <= a.size(); ++i) {
        d[i][0] = static_cast<unsigned>(i);
    }
    for (std::size_t j = 0; j <= b.size(); ++j) {
        d[0][j] = static_cast<unsigned>(j);
    }
    for (std::size_t i = 1; i <= a.size(); ++i) {
        for (std::size_t j = 1; j <= b.size(); ++j) {
            d[i][j] = std::min({d[i - 1][j] + 1, d[i][j - 1] + 1,
                                d[i - 1][j - 1] + (a[i - 1] == b[j - 1] ? 0U : 1U)});
            if (i > 1 && j > 1 && a[i - 1] == b[j - 2] && a[i - 2] == b[j - 1]) {
                d[i][j] = std::min(d[i][j], d[i - 2][j - 2] + 1);
            }
        }
    }
    return d[a.size()][b.size()];
}

// Xapian's rule (api/omdatabase.cc, get_spelling_suggestion) applied to every
// word of `lexicon`: the smallest distance within the limit, then the largest
// count, then the first in byte order; none when `word` itself counts more.
std::string everywhere(const std::vector<akhbar::schema::LexiconWord>& lexicon,
                       const std::string& word, unsigned limit)
{
    if (word.size() <= 1) {
        return {};
    }
    limit = std::min<unsigned>(limit, static_cast<unsigned>(word.size() - 1));
    const std::u32string w = akhbar::utf8::decode(word);
    const akhbar::schema::LexiconWord* best = nullptr;
    unsigned best_distance = limit + 1;
    Xapian::termcount exact = 0;
    for (const auto& entry : lexicon) {  // in byte order: the first of equals stays
        const std::u32string e = akhbar::utf8::decode(entry.normalized);
        if (e.size() > w.size() + limit || w.size() > e.size() + limit) {
            continue;
        }
        const unsigned d = distance(e, w);
        if (d == 0) {
            exact = entry.count;
        } else if (d <= limit &&
                   (d < best_distance || (d == best_distance && entry.count > best->count))) {
            best = &entry;
            best_distance = d;
        }
    }
    return best == nullptr || best->count < exact ? std::string() : best->normalized;
}

// How our suggestion compares with Xapian's for `typo`, by Xapian's order.
enum class Verdict {
    equal,
    better,  // closer, or as close and counted more
    first,   // as close, counted as often, and first in byte order (Xapian's tie-break)
    none,    // none from us: a closer, rarer word Xapian did not see loses to `typo`
             // itself, a lexicon word counted more (Xapian's rule over every word)
    worse,
};

template <class CountOf>
Verdict judge(const std::string& typo, const std::string& ours, const std::string& theirs,
              CountOf count_of)
{
    if (ours == theirs) {
        return Verdict::equal;
    }
    if (ours.empty()) {
        return count_of(typo) > 0 ? Verdict::none : Verdict::worse;
    }
    if (theirs.empty()) {
        return Verdict::better;
    }
    const std::u32string t = akhbar::utf8::decode(typo);
    const unsigned d_ours = distance(akhbar::utf8::decode(ours), t);
    const unsigned d_theirs = distance(akhbar::utf8::decode(theirs), t);
    if (d_ours != d_theirs) {
        return d_ours < d_theirs ? Verdict::better : Verdict::worse;
    }
    if (count_of(ours) != count_of(theirs)) {
        return count_of(ours) > count_of(theirs) ? Verdict::better : Verdict::worse;
    }
    return ours < theirs ? Verdict::first : Verdict::worse;
}

// The count of `word` in `lexicon` (sorted), 0 when absent.
Xapian::termcount count_in(const std::vector<akhbar::schema::LexiconWord>& lexicon,
                           const std::string& word)
{
    const auto at = std::lower_bound(lexicon.begin(), lexicon.end(), word,
                                     [](const akhbar::schema::LexiconWord& w,
                                        const std::string& s) { return w.normalized < s; });
    return at != lexicon.end() && at->normalized == word ? at->count : 0;
}

// `word` with `edits` random deletions, insertions, substitutions (letters of
// `alphabet`) and transpositions.
std::string misspell(std::u32string word, int edits, const std::u32string& alphabet,
                     std::mt19937& random)
{
    auto pick = [&](std::size_t n) {
        return std::uniform_int_distribution<std::size_t>(0, n - 1)(random);
    };
    for (int e = 0; e < edits; ++e) {
        const std::size_t kind = pick(4);
        if (kind == 0 && word.size() > 1) {
            word.erase(pick(word.size()), 1);
        } else if (kind == 1) {
            word.insert(word.begin() + static_cast<std::ptrdiff_t>(pick(word.size() + 1)),
                        alphabet[pick(alphabet.size())]);
        } else if (kind == 2) {
            word[pick(word.size())] = alphabet[pick(alphabet.size())];
        } else if (word.size() > 1) {
            const std::size_t at = pick(word.size() - 1);
            std::swap(word[at], word[at + 1]);
        }
    }
    return akhbar::utf8::encode(word);
}

// The ANT sample indexed once for the suite.
struct Sample {
    akhbar::test::TempDir dir;
    std::filesystem::path path;
    Sample()
    {
        akhbar::IndexerOptions options;
        options.db = dir / "db";
        path = akhbar::test::index_paths(options,
                                         {std::string(AKHBAR_TEST_DATA_DIR) + "/ant_sample.jsonl"});
    }
};

Sample& sample()
{
    static Sample s;
    return s;
}

}  // namespace

BOOST_AUTO_TEST_SUITE(spelling_index)

BOOST_AUTO_TEST_CASE(never_worse_than_xapian_by_its_own_order)
{
    const Xapian::Database db(sample().path.string());
    const auto lexicon = akhbar::schema::read_spelling_lexicon(db);
    BOOST_TEST_REQUIRE(lexicon.size() > 1000U);
    const SpellingIndex index({&db});
    BOOST_TEST(index.size() == lexicon.size());
    // Xapian's own answers, from its spelling table filled with the same
    // words and counts (the indexer no longer writes that table).
    akhbar::test::TempDir dir;
    std::vector<std::pair<std::string, unsigned>> words;
    for (const auto& w : lexicon) {
        words.emplace_back(w.normalized, w.count);
    }
    const Xapian::Database xapian = with_spellings((dir / "xapian").string(), words);

    std::set<char32_t> letters;
    for (const auto& w : lexicon) {
        for (const char32_t c : akhbar::utf8::decode(w.normalized)) {
            letters.insert(c);
        }
    }
    const std::u32string alphabet(letters.begin(), letters.end());
    auto count_of = [&](const std::string& word) { return count_in(lexicon, word); };

    std::mt19937 random(19);  // fixed: the same misspellings every run
    std::map<Verdict, int> verdicts;
    constexpr int TRIES = 3000;
    for (int t = 0; t < TRIES; ++t) {
        const auto& source =
            lexicon[std::uniform_int_distribution<std::size_t>(0, lexicon.size() - 1)(random)];
        const int edits = 1 + static_cast<int>(random() % 3);  // 3: often beyond the limit
        const std::string typo =
            misspell(akhbar::utf8::decode(source.normalized), edits, alphabet, random);
        const std::string ours = index.best(typo, SPELLING_DISTANCE);
        const std::string theirs = xapian.get_spelling_suggestion(typo, SPELLING_DISTANCE);
        // Exactly Xapian's rule over every word (no word missed, none wrong).
        BOOST_TEST(ours == everywhere(lexicon, typo, SPELLING_DISTANCE), "try " << t);
        const Verdict v = judge(typo, ours, theirs, count_of);
        BOOST_TEST((v != Verdict::worse), "try " << t << ": Xapian's suggestion is better");
        ++verdicts[v];
    }
    BOOST_TEST_MESSAGE("spelling index against Xapian, "
                       << TRIES << " misspellings of " << lexicon.size() << " words: equal "
                       << verdicts[Verdict::equal] << ", better " << verdicts[Verdict::better]
                       << ", as good and first in byte order " << verdicts[Verdict::first]
                       << ", none by the exact-word rule " << verdicts[Verdict::none]);
    BOOST_TEST(verdicts[Verdict::equal] > TRIES / 2);
}

// Odd input, each against what Xapian answers over the same few words.
struct OddRow {
    const char* name;
    std::string word;
};

std::ostream& operator<<(std::ostream& os, const OddRow& row) { return os << row.name; }

const std::vector<std::pair<std::string, unsigned>> ODD_WORDS = {
    {"كتاب", 5}, {"كتب", 3},  {"ب", 2},    {"abc", 4},
    {"abd", 1},  {"2019", 3}, {"2018", 7}, {"مستشفى", 2}};

const OddRow ODD_ROWS[] = {
    {"empty", ""},
    {"one ASCII byte", "a"},
    {"one Arabic letter", "ت"},
    {"Latin", "abx"},
    {"digits", "2011"},
    {"longer than any word", "مستشفىمستشفىمستشفىمستشفى"},
    {"within the limit of a long word", "مستشفىات"},
    {"a word of the lexicon", "كتب"},
    {"a transposition", "كاتب"},
    {"lone continuation byte", "\x80\x80"},
    {"truncated letter", "كت\xD8"},
    {"overlong slash", "\xC0\xAF\xC0\xAF"},
    {"NUL inside", std::string("ab\0c", 4)},
};

BOOST_DATA_TEST_CASE(odd_input_gets_xapians_answer, bdata::make(ODD_ROWS), row)
{
    const akhbar::test::TempDir dir;
    const Xapian::Database db = with_spellings((dir / "db").string(), ODD_WORDS);
    const SpellingIndex index({&db});
    const std::string ours = index.best(row.word, SPELLING_DISTANCE);
    const std::string theirs = db.get_spelling_suggestion(row.word, SPELLING_DISTANCE);
    const auto lexicon = akhbar::schema::read_spelling_lexicon(db);
    const Verdict v = akhbar::utf8::find_invalid(row.word)
                          ? (ours == theirs ? Verdict::equal : Verdict::worse)
                          : judge(row.word, ours, theirs,
                                  [&](const std::string& w) { return count_in(lexicon, w); });
    BOOST_TEST((v != Verdict::worse), "ours " << ours << ", Xapian's " << theirs);
    BOOST_TEST(index.complete(row.word, 3).size() <= 3U);  // nothing to check but no crash
}

BOOST_AUTO_TEST_CASE(an_empty_index_suggests_and_completes_nothing)
{
    const SpellingIndex index;
    BOOST_TEST(index.best("كتاب", SPELLING_DISTANCE).empty());
    BOOST_TEST(index.complete("ك", 10).empty());
}

BOOST_AUTO_TEST_CASE(completions_most_frequent_first_as_written)
{
    const SpellingIndex index(std::vector<akhbar::schema::LexiconWord>{
        {"اسلام", "إسلام", 3},
        {"اسلاميه", "إسلامية", 9},
        {"اسد", "أسد", 3},
        {"اسبوع", "أسبوع", 12},
        {"باب", "باب", 50},
        {"اسلام", "اسلام", 1},  // a second lexicon: counts added, first form kept
    });
    using V = std::vector<std::string>;
    BOOST_TEST(index.complete("اس", 10) == (V{"أسبوع", "إسلامية", "إسلام", "أسد"}));
    BOOST_TEST(index.complete("اس", 2) == (V{"أسبوع", "إسلامية"}));
    BOOST_TEST(index.complete("اسلام", 10) == (V{"إسلامية", "إسلام"}));  // a word is its own prefix
    BOOST_TEST(index.complete("اسلاميه", 10) == (V{"إسلامية"}));
    BOOST_TEST(index.complete("اسلاميهم", 10).empty());
    BOOST_TEST(index.complete("ت", 10).empty());
    BOOST_TEST(index.complete("", 10).empty());
    BOOST_TEST(index.complete("ب", 10) == (V{"باب"}));
    BOOST_TEST(index.complete("اس", 0).empty());
}

BOOST_AUTO_TEST_CASE(searcher_completes_a_normalized_prefix)
{
    const akhbar::Searcher searcher({sample().path.string()});
    const Xapian::Database db(sample().path.string());
    const SpellingIndex index({&db});
    // Hamza and diacritics do not matter: the prefix is normalized first.
    const auto plain = searcher.complete("الا");
    BOOST_TEST_REQUIRE(plain.size() == 10U);
    BOOST_TEST(searcher.complete("الأ") == plain);
    BOOST_TEST(searcher.complete("الاَ") == plain);
    BOOST_TEST(plain == index.complete("الا", 10));
    BOOST_TEST(searcher.complete("الا", 3) ==
               std::vector<std::string>(plain.begin(), plain.begin() + 3));
    BOOST_TEST(searcher.complete("").empty());
    BOOST_TEST(searcher.complete("\xD9\x8E").empty());  // a fatha alone: nothing left
    BOOST_CHECK_EXCEPTION((void)searcher.complete("الا", 0), akhbar::InvalidArgument,
                          [](const akhbar::InvalidArgument& e) {
                              return std::string(e.what()) ==
                                     "limit must be from 1 to 10000, not 0";
                          });
    BOOST_CHECK_THROW((void)searcher.complete("الا", 10'001), akhbar::InvalidArgument);
    BOOST_CHECK_THROW((void)searcher.complete("\xFF"), akhbar::Utf8Error);
}

BOOST_AUTO_TEST_CASE(a_reopened_searcher_knows_the_new_words)
{
    const akhbar::test::TempDir dir;
    const std::string first =
        R"({"id": "a", "title": "خبر", "text": "وصل الوفد إلى العاصمة صباح اليوم.", "date": "2024-01-01"})"
        "\n";
    const auto path = akhbar::test::index_jsonl(dir, first);
    akhbar::Searcher searcher({path.string()});
    // زنجبيل (ginger) is not in the database yet; a typo of it gets nothing.
    // (The indexer keeps the words a run sees at least twice.)
    BOOST_TEST(!searcher.suggest("زنجبيال").has_value());
    BOOST_TEST(searcher.complete("زنج").empty());

    const std::string second =
        R"({"id": "b", "title": "سوق", "text": "ارتفع سعر زنجبيل الهند وسعر زنجبيل الصين.", "date": "2024-01-02"})"
        "\n";
    akhbar::IndexerOptions options;
    options.db = path;
    (void)akhbar::test::index_jsonl(dir, second, options, "second.jsonl");
    BOOST_TEST(searcher.reopen());
    BOOST_TEST(searcher.suggest("زنجبيال").value_or("(none)") == "زنجبيل");
    BOOST_TEST(searcher.complete("زنج") == std::vector<std::string>{"زنجبيل"});
}

BOOST_AUTO_TEST_SUITE_END()
