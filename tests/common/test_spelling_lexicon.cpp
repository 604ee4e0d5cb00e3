// The spelling lexicon's storage (common/src/spelling_lexicon.cpp): what is
// written reads back, an update rewrites only its words' buckets, a database
// of Xapian's spelling table still reads, and corrupt metadata is an error.

#include <boost/test/data/test_case.hpp>
#include <boost/test/unit_test.hpp>

#include <xapian.h>

#include <map>

#include "akhbar/common/error.hpp"
#include "akhbar/common/spelling_lexicon.hpp"
#include "support/temp_dir.hpp"

namespace schema = akhbar::schema;
using akhbar::test::TempDir;
using schema::LexiconTally;

namespace {

Xapian::WritableDatabase fresh(const TempDir& dir, const std::string& name = "db")
{
    return Xapian::WritableDatabase((dir / name).string(), Xapian::DB_CREATE);
}

std::map<std::string, std::string> lexicon_metadata(const Xapian::Database& db)
{
    std::map<std::string, std::string> out;
    const std::string prefix(schema::META_LEXICON);
    for (auto it = db.metadata_keys_begin(prefix); it != db.metadata_keys_end(prefix); ++it) {
        out[*it] = db.get_metadata(*it);
    }
    return out;
}

struct MergeRow {
    const char* name;
    LexiconTally into;
    LexiconTally from;
    LexiconTally expected;
};

std::ostream& operator<<(std::ostream& os, const MergeRow& r) { return os << r.name; }

const MergeRow MERGES[] = {
    {"same_form_adds_up", {"أحمد", 5, 4}, {"أحمد", 3, 2}, {"أحمد", 8, 6}},
    {"more_written_form_wins", {"احمد", 5, 3}, {"أحمد", 6, 4}, {"أحمد", 11, 4}},
    {"less_written_form_loses", {"أحمد", 5, 4}, {"احمد", 6, 3}, {"أحمد", 11, 4}},
    {"tie_goes_to_smaller_bytes", {"احمد", 2, 2}, {"أحمد", 2, 2}, {"أحمد", 4, 2}},
    {"into_empty", {}, {"أحمد", 2, 2}, {"أحمد", 2, 2}},
    {"saturates", {"x", 4294967295U, 4294967295U}, {"x", 7, 7}, {"x", 4294967295U, 4294967295U}},
};

}  // namespace

BOOST_AUTO_TEST_SUITE(spelling_lexicon)

BOOST_DATA_TEST_CASE(merging_tallies, boost::unit_test::data::make(MERGES), row)
{
    LexiconTally t = row.into;
    schema::merge_tally(t, row.from);
    BOOST_TEST(t.written == row.expected.written);
    BOOST_TEST(t.count == row.expected.count);
    BOOST_TEST(t.written_count == row.expected.written_count);
}

BOOST_AUTO_TEST_CASE(what_is_merged_reads_back_sorted)
{
    TempDir dir;
    auto db = fresh(dir);
    schema::LexiconTallies tallies;
    for (int i = 0; i < 5000; ++i) {
        const std::string word = "كلمة" + std::to_string(i);
        // Every third word written as normalized (stored without a copy).
        tallies[word] = {i % 3 == 0 ? word : "ك" + word, static_cast<Xapian::termcount>(i + 2), 2};
    }
    schema::merge_into_spelling_lexicon(db, tallies);
    db.commit();
    const auto words = schema::read_spelling_lexicon(db);
    BOOST_TEST_REQUIRE(words.size() == tallies.size());
    for (std::size_t i = 0; i < words.size(); ++i) {
        const LexiconTally& t = tallies.at(words[i].normalized);
        BOOST_TEST(words[i].written == t.written);
        BOOST_TEST(words[i].count == t.count);
        if (i > 0) {
            BOOST_TEST((words[i - 1].normalized < words[i].normalized));  // bytes, not elements
        }
    }
    BOOST_TEST((schema::read_spelling_tallies(db) == tallies));
    BOOST_TEST((db.spellings_begin() == db.spellings_end()));
}

BOOST_AUTO_TEST_CASE(a_database_without_words_has_no_lexicon)
{
    TempDir dir;
    auto db = fresh(dir);
    schema::merge_into_spelling_lexicon(db, {});
    BOOST_TEST(lexicon_metadata(db).empty());
    BOOST_TEST(schema::read_spelling_lexicon(db).empty());
}

BOOST_AUTO_TEST_CASE(an_update_rewrites_only_its_words_buckets)
{
    TempDir dir;
    auto db = fresh(dir);
    schema::LexiconTallies tallies;
    for (int i = 0; i < 20000; ++i) {
        tallies["word" + std::to_string(i)] = {"word" + std::to_string(i), 2, 2};
    }
    schema::merge_into_spelling_lexicon(db, tallies);
    db.commit();
    const auto before = lexicon_metadata(db);
    BOOST_TEST(before.size() > schema::LEXICON_BUCKETS / 2);
    schema::merge_into_spelling_lexicon(db, {{"word7", {"Word7", 3, 3}}, {"new", {"new", 2, 2}}});
    db.commit();
    const auto after = lexicon_metadata(db);
    std::size_t changed = 0;
    for (const auto& [key, value] : after) {
        changed += before.contains(key) && before.at(key) == value ? 0U : 1U;
    }
    BOOST_TEST(changed >= 1U);
    BOOST_TEST(changed <= 2U);
    const auto read = schema::read_spelling_tallies(db);
    BOOST_TEST(read.size() == tallies.size() + 1);
    BOOST_TEST((read.at("word7") == LexiconTally{"Word7", 5, 3}));
    BOOST_TEST((read.at("new") == LexiconTally{"new", 2, 2}));
}

BOOST_AUTO_TEST_CASE(xapian_spelling_table_reads_through_the_fallback)
{
    // A database as Akhbar wrote it before the lexicon: add_spelling only.
    TempDir dir;
    auto db = fresh(dir);
    db.add_spelling("احمد", 4);
    db.add_spelling("مدرسه", 2);
    db.commit();
    const std::vector<schema::LexiconWord> expected{{"احمد", "احمد", 4}, {"مدرسه", "مدرسه", 2}};
    BOOST_TEST((schema::read_spelling_lexicon(db) == expected));
    // The first update converts it: the table's words stay, the new ones add.
    schema::merge_into_spelling_lexicon(db, {{"احمد", {"أحمد", 3, 3}}, {"كتاب", {"كتاب", 2, 2}}});
    db.commit();
    const std::vector<schema::LexiconWord> merged{
        {"احمد", "احمد", 7}, {"كتاب", "كتاب", 2}, {"مدرسه", "مدرسه", 2}};
    BOOST_TEST((schema::read_spelling_lexicon(db) == merged));
}

BOOST_AUTO_TEST_CASE(corrupt_lexicons_are_index_errors)
{
    TempDir dir;
    auto db = fresh(dir);
    schema::merge_into_spelling_lexicon(db, {{"كتاب", {"كتاب", 2, 2}}});
    db.commit();
    const auto keys = lexicon_metadata(db);
    BOOST_TEST_REQUIRE(keys.size() == 2U);
    const std::string bucket = std::prev(keys.end())->first;
    const std::string good = keys.at(bucket);
    for (const std::string& bad :
         {good.substr(0, good.size() - 1), good + "\x01", std::string("\x7f", 1),
          std::string("\xff\xff\xff\xff\xff\xff\xff\xff\xff\xff\xff", 11),
          std::string("\x00\x00\x01\x01", 4)}) {
        db.set_metadata(bucket, bad);
        BOOST_CHECK_THROW((void)schema::read_spelling_lexicon(db), akhbar::IndexError);
        BOOST_CHECK_THROW((void)schema::read_spelling_tallies(db), akhbar::IndexError);
    }
    db.set_metadata(bucket, good);
    BOOST_TEST(schema::read_spelling_lexicon(db).size() == 1U);
    for (const char* format : {"2 4096", "1 ", "1 0", "1 x", "1 99999999999"}) {
        db.set_metadata(std::string(schema::META_LEXICON), format);
        BOOST_CHECK_THROW((void)schema::read_spelling_lexicon(db), akhbar::IndexError);
    }
}

BOOST_AUTO_TEST_CASE(duplicate_metadata_merges_bucket_by_bucket)
{
    TempDir dir;
    auto a = fresh(dir, "a");
    auto b = fresh(dir, "b");
    schema::merge_into_spelling_lexicon(a, {{"كتاب", {"كتاب", 2, 2}}});
    schema::merge_into_spelling_lexicon(b, {{"كتاب", {"الكتاب", 5, 5}}});
    const std::string key = std::prev(lexicon_metadata(a).end())->first;
    const std::vector<std::string> tags{a.get_metadata(key), b.get_metadata(key)};
    const std::string merged = schema::merge_lexicon_metadata(key, tags);
    a.set_metadata(key, merged);
    BOOST_TEST((schema::read_spelling_tallies(a).at("كتاب") == LexiconTally{"الكتاب", 7, 5}));
    const std::string format(schema::META_LEXICON);
    const std::vector<std::string> same{"1 4096", "1 4096"};
    BOOST_TEST(schema::merge_lexicon_metadata(format, same) == "1 4096");
    const std::vector<std::string> different{"1 4096", "1 1024"};
    BOOST_CHECK_THROW((void)schema::merge_lexicon_metadata(format, different), akhbar::IndexError);
}

BOOST_AUTO_TEST_SUITE_END()
