#include <boost/test/unit_test.hpp>

#include "akhbar/common/error.hpp"
#include "akhbar/common/date_format.hpp"
#include "akhbar/common/hashes.hpp"
#include "akhbar/common/index_metadata.hpp"
#include "akhbar/common/paragraphs.hpp"
#include "akhbar/common/record.hpp"
#include "akhbar/common/terms.hpp"

namespace schema = akhbar::schema;

BOOST_AUTO_TEST_SUITE(index_schema)

BOOST_AUTO_TEST_CASE(stored_article_round_trip)
{
    schema::StoredArticle a;
    a.id = "JA-culture-1-20170120";
    a.title = "مخرج \"غدوة حيّ\"";
    a.date = std::chrono::year_month_day{std::chrono::year{2017}, std::chrono::month{1},
                                         std::chrono::day{20}};
    a.date_source = schema::DateSource::metadata;
    a.source = "Jawhara FM";
    a.url = "http://example/مخرج";
    a.category = "culture";
    a.text = std::string(5000, 'x') + "نص";
    a.origin = "/data/ant.jsonl.gz";
    BOOST_TEST((schema::decode(schema::encode(a)) == a));
    schema::StoredArticle empty;
    BOOST_TEST((schema::decode(schema::encode(empty)) == empty));
}

BOOST_AUTO_TEST_CASE(corrupt_records_are_index_errors)
{
    schema::StoredArticle a;
    a.id = "x";
    const std::string data = schema::encode(a);
    BOOST_CHECK_THROW((void)schema::decode(""), akhbar::IndexError);
    BOOST_CHECK_THROW((void)schema::decode(data.substr(0, data.size() - 1)), akhbar::IndexError);
    BOOST_CHECK_THROW((void)schema::decode(data + "z"), akhbar::IndexError);
    BOOST_CHECK_THROW((void)schema::decode("\x02" + data.substr(1)), akhbar::IndexError);
}

BOOST_AUTO_TEST_CASE(content_hash_is_stable_and_sensitive)
{
    schema::StoredArticle a;
    a.id = "a";
    a.text = "نص";
    // FNV-1a 64 of "1:a" "0:" "0:" "4:none" "0:" "0:" "0:" "4:نص" "0:", computed
    // independently (Python) so that the hash can never change silently.
    BOOST_TEST(schema::content_hash(a) == "24f79791c5e06ccf");
    schema::StoredArticle b = a;
    b.id = "";
    b.title = "a";  // same bytes moved to another field
    BOOST_TEST(schema::content_hash(b) != schema::content_hash(a));
}

BOOST_AUTO_TEST_CASE(compact_terms)
{
    for (const std::string word : {"كازاخستان", "ابراهيم", "مسءول", "covid", "5g", "", "ﻛ", "ی"}) {
        const std::string encoded = schema::encode_term(word);
        BOOST_TEST(schema::decode_term(encoded) == word);
    }
    BOOST_TEST(schema::encode_term("كتاب").size() == 4U);  // one byte per Arabic letter
    BOOST_TEST(schema::encode_term("5g") == "5g");
    // Prefixes stay prefixes.
    BOOST_TEST(schema::encode_term("كتابات").starts_with(schema::encode_term("كتاب")));
    // Distinct words stay distinct (ی U+06CC is kept as UTF-8, ي U+064A is compact).
    BOOST_TEST(schema::encode_term("ی") != schema::encode_term("ي"));
}

BOOST_AUTO_TEST_CASE(date_formats)
{
    const std::chrono::year_month_day d{std::chrono::year{2025}, std::chrono::month{11},
                                        std::chrono::day{7}};
    BOOST_TEST(schema::format_iso(d) == "2025-11-07");
    BOOST_TEST(schema::format_compact(d) == "20251107");
}

BOOST_AUTO_TEST_CASE(default_database_path_follows_the_environment)
{
    setenv("AKHBAR_DB", "/srv/news.db", 1);
    BOOST_TEST(schema::default_database_path() == "/srv/news.db");
    unsetenv("AKHBAR_DB");
    setenv("XDG_DATA_HOME", "/xdg", 1);
    BOOST_TEST(schema::default_database_path() == "/xdg/akhbar/default.db");
    unsetenv("XDG_DATA_HOME");
    setenv("HOME", "/home/u", 1);
    BOOST_TEST(schema::default_database_path() == "/home/u/.local/share/akhbar/default.db");
}

BOOST_AUTO_TEST_CASE(first_paragraph_ends_at_its_line_break)
{
    BOOST_TEST(schema::first_paragraph_end("lead\nbody").value_or(0) == 4U);
    // Leading blank lines are not the first paragraph.
    BOOST_TEST(schema::first_paragraph_end("\n \nlead\nbody").value_or(0) == 7U);
    // One paragraph, however it ends: no lead of its own.
    BOOST_TEST(!schema::first_paragraph_end("one paragraph").has_value());
    BOOST_TEST(!schema::first_paragraph_end("one paragraph\n \n").has_value());
    BOOST_TEST(!schema::first_paragraph_end("").has_value());
    BOOST_TEST(!schema::first_paragraph_end(" \n\t").has_value());
}

BOOST_AUTO_TEST_SUITE_END()
