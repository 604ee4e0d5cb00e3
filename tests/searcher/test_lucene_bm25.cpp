// The `lucene` profile ranks as Apache Lucene 8.7 does (docs/relevance.md):
// its one-byte field lengths, its BM25 scores on a small corpus (computed by
// Lucene itself: tests/data/lucene_*.tsv), a title joined to the text as
// one field, and a typed word the analyzer splits searched as its parts.

#include <boost/test/unit_test.hpp>

#include <algorithm>
#include <filesystem>
#include <map>
#include <set>
#include <string>
#include <vector>

#include <xapian.h>

#include "akhbar/common/analyzer.hpp"
#include "akhbar/common/hashes.hpp"
#include "akhbar/common/terms.hpp"
#include "akhbar/common/value_slots.hpp"
#include "akhbar/indexer/indexer.hpp"
#include "akhbar/searcher/searcher.hpp"
#include "lucene_bm25_weight.hpp"
#include "support/index.hpp"
#include "support/tsv.hpp"

namespace fs = std::filesystem;
using akhbar::SearchRequest;
using akhbar::SearchResult;
using akhbar::Searcher;
using akhbar::test::read_tsv;

namespace {

std::string repeat(const std::string& word, int n)
{
    std::string out;
    for (int i = 0; i < n; ++i) {
        out += word + " ";
    }
    return out;
}

// The corpus Lucene scored for lucene_BM25Similarity_scores.tsv (the Java
// program built the same texts): lengths that one byte stores exactly (10,
// 25, 30), and lossily (41 -> 40, 100 -> 96, 172 -> 168), and a title.
std::string corpus()
{
    const std::map<std::string, std::pair<std::string, std::string>> docs{
        {"short", {"", repeat("ميناء", 1) + repeat("كلمة", 9)}},
        {"lossy41", {"", repeat("ميناء", 2) + repeat("كلمة", 39)}},
        {"lossy100", {"", repeat("ميناء", 3) + repeat("كلمة", 97)}},
        {"both172", {"", repeat("ميناء", 1) + repeat("مدينة", 1) + repeat("كلمة", 170)}},
        {"city25", {"", repeat("مدينة", 5) + repeat("كلمة", 20)}},
        {"filler30", {"", repeat("كلمة", 30)}},
        {"titled", {"ميناء جديد", repeat("كلمة", 20) + repeat("ميناء", 1)}},
    };
    std::string out;
    for (const auto& [id, doc] : docs) {
        out += R"({"id": ")" + id + R"(", "title": ")" + doc.first + R"(", "text": ")" + doc.second +
               "\"}\n";
    }
    return out;
}

const akhbar::test::ProfileDatabases& databases()
{
    static const akhbar::test::ProfileDatabases d(corpus(), {"akhbar", "lucene"});
    return d;
}

SearchResult search(const std::string& profile, const std::string& query)
{
    SearchRequest request;
    request.query = query;
    request.literal = true;
    request.collapse = false;  // short, lossy41, lossy100: one story (one filler word)
    return Searcher({databases().by_profile.at(profile).string()}).search(request);
}

std::set<std::string> ids(const SearchResult& r)
{
    std::set<std::string> out;
    for (const auto& h : r.hits) {
        out.insert(h.id);
    }
    return out;
}

}  // namespace

BOOST_AUTO_TEST_SUITE(lucene_bm25)

BOOST_AUTO_TEST_CASE(field_lengths_are_stored_in_lucenes_one_byte)
{
    const auto rows = read_tsv("lucene_SmallFloat_intToByte4.tsv");
    BOOST_TEST(rows.size() == 24U);
    for (const auto& row : rows) {
        const auto length = static_cast<std::uint32_t>(std::stoul(row.at(0)));
        const std::uint8_t byte = akhbar::detail::lucene_length_to_byte(length);
        BOOST_TEST(static_cast<unsigned>(byte) == std::stoul(row.at(1)), row);
        BOOST_TEST(akhbar::detail::lucene_byte_to_length(byte) == std::stoul(row.at(2)), row);
    }
    // Every byte reads back as a length that encodes to the same byte.
    for (unsigned b = 0; b < 256; ++b) {
        const auto byte = static_cast<std::uint8_t>(b);
        BOOST_TEST(akhbar::detail::lucene_length_to_byte(akhbar::detail::lucene_byte_to_length(byte)) ==
                   byte);
    }
}

BOOST_AUTO_TEST_CASE(scores_are_lucenes_to_float_precision)
{
    // Lucene's own scores: its idf, its lossy lengths, a repeated query word
    // counting twice, and the title as part of one field (counted once).
    std::map<std::string, std::map<std::string, double>> expected;
    for (const auto& row : read_tsv("lucene_BM25Similarity_scores.tsv")) {
        expected[row.at(0)][row.at(1)] = std::stod(row.at(2));
    }
    BOOST_TEST_REQUIRE(expected.size() == 2U);
    for (const auto& [query, scores] : expected) {
        const SearchResult r = search("lucene", query);
        BOOST_TEST(r.hits.size() == scores.size(), query);
        double previous = 1e9;
        for (const auto& hit : r.hits) {
            BOOST_TEST_CONTEXT(query << " " << hit.id)
            {
                BOOST_TEST_REQUIRE(scores.contains(hit.id));
                BOOST_TEST(hit.score == scores.at(hit.id), boost::test_tools::tolerance(1e-6));
                BOOST_TEST(hit.score <= previous);
                previous = hit.score;
            }
        }
    }
}

BOOST_AUTO_TEST_CASE(a_word_the_analyzer_splits_is_its_parts_in_lucene_only)
{
    // Lucene's QueryBuilder makes each token a clause: "ميناء" and "مدينة"
    // joined by a no-break space (or by a hyphen, as in 8-3) find what
    // either finds, as when typed apart, with the same scores.
    const std::string nbsp = "\u00a0";
    for (const std::string& joined : {"ميناء" + nbsp + "مدينة", std::string("ميناء-مدينة")}) {
        BOOST_TEST_CONTEXT(joined)
        {
            const SearchResult lucene = search("lucene", joined);
            const SearchResult apart = search("lucene", "ميناء مدينة");
            BOOST_TEST(ids(lucene) == ids(apart));
            BOOST_TEST(lucene.hits.size() == 6U);
            // The akhbar profile keeps such a word a phrase: only both172
            // has the two words side by side.
            BOOST_TEST(ids(search("akhbar", joined)) == std::set<std::string>{"both172"});
        }
    }
}

BOOST_AUTO_TEST_CASE(a_title_joins_the_text_once_in_lucene_only)
{
    // Lucene indexes title + "\n" + text as one field: "titled" (ميناء in
    // its 2-word title and once in its 21-word text) has ميناء twice in a
    // length of 23. The akhbar profile keeps weighing title words
    // TITLE_WDF times, with an S term of wdf 1 for title: queries.
    const auto wdfs = [](const std::string& profile) {
        Xapian::Database db(databases().by_profile.at(profile).string());
        const std::string stem = akhbar::Analyzer(profile).analyze("ميناء").at(0).stem;
        const std::string word = akhbar::schema::encode_term(stem);
        const std::string title = std::string(akhbar::schema::PREFIX_TITLE) + word;
        const Xapian::docid id = *db.postlist_begin(std::string(akhbar::schema::PREFIX_ID) + "titled");
        std::map<std::string, Xapian::termcount> out{{"length", db.get_doclength(id)}};
        for (auto t = db.termlist_begin(id); t != db.termlist_end(id); ++t) {
            if (*t == word || *t == title) {
                out[*t == word ? "word" : "title"] = t.get_wdf();
            }
        }
        return out;
    };
    const auto lucene = wdfs("lucene");
    BOOST_TEST(lucene.at("word") == 2U);
    BOOST_TEST(lucene.at("title") == 0U);
    BOOST_TEST(lucene.at("length") == 23U);
    const auto akhbar = wdfs("akhbar");
    BOOST_TEST(akhbar.at("word") == akhbar::schema::TITLE_WDF + 1);
    BOOST_TEST(akhbar.at("title") == 1U);
    BOOST_TEST(akhbar.at("length") > 23U);
}

BOOST_AUTO_TEST_CASE(equal_scores_come_in_the_order_articles_were_added)
{
    // Lucene orders equal scores by document number: the order of addition.
    // Four copies of one text, added in an order that is not their tie-key
    // order (the akhbar profile's, which does not change).
    const std::vector<std::string> added{"copy-d", "copy-b", "copy-a", "copy-c"};
    std::string articles;
    for (const std::string& id : added) {
        articles += R"({"id": ")" + id + R"(", "text": "ميناء المدينة الجديد"})" + "\n";
    }
    std::vector<std::string> by_tie_key = added;
    std::sort(by_tie_key.begin(), by_tie_key.end(), [](const std::string& a, const std::string& b) {
        return akhbar::schema::tie_key(a) < akhbar::schema::tie_key(b);
    });
    BOOST_TEST_REQUIRE(by_tie_key != added);
    const akhbar::test::ProfileDatabases dbs(articles, {"akhbar", "lucene"});
    const auto order = [&](const std::string& profile) {
        SearchRequest request;
        request.query = "ميناء";
        request.collapse = false;  // four copies of one text are one story
        std::vector<std::string> out;
        for (const auto& h : Searcher({dbs.by_profile.at(profile).string()}).search(request).hits) {
            out.push_back(h.id);
        }
        return out;
    };
    BOOST_TEST(order("lucene") == added, boost::test_tools::per_element());
    BOOST_TEST(order("akhbar") == by_tie_key, boost::test_tools::per_element());
}

BOOST_AUTO_TEST_CASE(an_update_continues_the_order_of_addition)
{
    // A bulk build that meets an id twice numbers both and keeps one
    // document, so the last document id is below the order given: an update
    // must continue after the largest order, or its article ties with one.
    akhbar::test::TempDir dir;
    const auto line = [](const std::string& id) {
        return R"({"id": ")" + id + R"(", "text": "ميناء المدينة الجديد"})" + "\n";
    };
    akhbar::IndexerOptions options;
    options.db = dir / "db";
    options.profile = "lucene";
    (void)akhbar::test::index_jsonl(dir, line("a") + line("b") + line("a") + line("c"), options,
                                    "first.jsonl");
    (void)akhbar::test::index_jsonl(dir, line("d"), options, "second.jsonl");
    const Xapian::Database db(options.db.string());
    std::map<std::string, double> order;
    for (const std::string id : {"a", "b", "c", "d"}) {
        const std::string term = std::string(akhbar::schema::PREFIX_ID) + id;
        BOOST_TEST_REQUIRE(db.get_termfreq(term) == 1U, id);
        const Xapian::Document doc = db.get_document(*db.postlist_begin(term));
        order[id] = Xapian::sortable_unserialise(doc.get_value(akhbar::schema::SLOT_ADDED));
    }
    for (const std::string id : {"a", "b", "c"}) {
        BOOST_TEST(order.at("d") > order.at(id), id);
    }
}

BOOST_AUTO_TEST_SUITE_END()
