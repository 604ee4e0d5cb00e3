// Name and loanword variants through the searcher (docs/analyzer.md#name-variants):
// the seed articles spell the story's names two ways (ترامب in 001 and 003, ترمب
// in 000 and 002; اتفاقات أبراهام and اتفاقيات إبراهيم), and either spelling must
// find them all, with the variant highlighted, listed in the result and its
// JSON, and said in the text output; = and --strict turn it off.

#include <boost/test/unit_test.hpp>

#include <nlohmann/json.hpp>

#include <algorithm>
#include <filesystem>
#include <set>

#include "akhbar/akhbar.h"
#include "akhbar/common/error.hpp"
#include "akhbar/indexer/indexer.hpp"
#include "akhbar/searcher/format.hpp"
#include "akhbar/searcher/json.hpp"
#include "akhbar/searcher/searcher.hpp"
#include "support/index.hpp"
#include "support/temp_dir.hpp"
#include "support/tsv.hpp"
#include "query_parser.hpp"
#include "akhbar/common/utf8.hpp"

namespace fs = std::filesystem;
using akhbar::SearchRequest;
using akhbar::SearchResult;

namespace {

const std::string S000 = "000_786451a9d8ba9878";
const std::string S001 = "001_c3a5d13f4eaa2ea5";
const std::string S002 = "002_9f15b159de594b2e";
const std::string S003 = "003_8eece42878a556b8";
const std::string S004 = "004_95045ce95f73ec43";

struct Seeds {
    akhbar::test::TempDir dir;
    fs::path db = dir / "db";
    Seeds()
    {
        akhbar::IndexerOptions options;
        options.db = db;
        (void)akhbar::test::index_paths(options, {std::string(AKHBAR_SOURCE_DIR) + "/corpus"});
    }
};

const fs::path& seeds()
{
    static Seeds s;
    return s.db;
}

SearchResult search(const std::string& query, SearchRequest request = {})
{
    request.query = query;
    return akhbar::Searcher({seeds().string()}).search(request);
}

SearchResult search_strict(const std::string& query, const std::string& strict)
{
    SearchRequest request;
    request.strict = akhbar::parse_strictness(strict);
    return search(query, request);
}

std::set<std::string> ids(const SearchResult& r)
{
    std::set<std::string> out;
    for (const auto& h : r.hits) {
        out.insert(h.id);
    }
    return out;
}

// Every highlighted word of a hit's title and snippet, as written.
std::set<std::string> marked(const SearchResult& r, const std::string& id)
{
    std::set<std::string> out;
    for (const auto& h : r.hits) {
        if (h.id != id) {
            continue;
        }
        for (const akhbar::Snippet* s : {&h.title, &h.snippet}) {
            for (const auto& m : s->highlights) {
                out.insert(s->text.substr(m.start, m.end - m.start));
            }
        }
    }
    return out;
}

}  // namespace

BOOST_AUTO_TEST_SUITE(name_variants)

BOOST_AUTO_TEST_CASE(trump_in_either_spelling_finds_the_four_seeds)
{
    const std::set<std::string> four{S000, S001, S002, S003};
    for (const std::string q : {"ترامب", "ترمب"}) {
        const auto found = ids(search(q));
        for (const auto& id : four) {
            BOOST_TEST(found.count(id) == 1U, q << " misses " << id);
        }
    }
}

BOOST_AUTO_TEST_CASE(the_spelling_typed_ranks_first)
{
    // Both spellings match; the form typed weighs more (OWN_STEM_WEIGHT).
    BOOST_TEST(search("ترامب").hits.at(0).id == S001);
    BOOST_TEST(search("ترمب").hits.at(0).id == S002);
}

BOOST_AUTO_TEST_CASE(abraham_accords_rank_004_with_ibrahim_highlighted)
{
    const auto r = search("اتفاقات أبراهام");
    BOOST_TEST(ids(r).count(S004) == 1U);
    const auto words = marked(r, S004);
    BOOST_TEST(words.count("إبراهيم") == 1U);
    BOOST_TEST(words.count("اتفاقيات") == 1U);
    BOOST_TEST(r.words.at(1).variants == std::vector<std::string>{"ابراهيم"});
}

BOOST_AUTO_TEST_CASE(the_variant_that_matched_is_highlighted)
{
    BOOST_TEST(marked(search("ترامب"), S000).count("ترمب") == 1U);
    BOOST_TEST(marked(search("ترمب"), S001).count("ترامب") == 1U);
}

BOOST_AUTO_TEST_CASE(query_words_list_their_variants)
{
    BOOST_TEST(search("ترامب").words.at(0).variants == std::vector<std::string>{"ترمب"});
    BOOST_TEST(search("ترمب").words.at(0).variants == std::vector<std::string>{"ترامب"});
    // A word of the language has none, even where the seeds have a same-key word.
    BOOST_TEST(search("الكاتب").words.at(0).variants.empty());
    BOOST_TEST(search("كازاخستان").words.at(0).variants.empty());
}

BOOST_AUTO_TEST_CASE(json_lists_variants)
{
    const auto j = nlohmann::json::parse(akhbar::to_json(search("ترامب")));
    BOOST_TEST(j.at("query").at("words").at(0).at("variants") == nlohmann::json::array({"ترمب"}));
    const auto plain = nlohmann::json::parse(akhbar::to_json(search("كازاخستان")));
    BOOST_TEST(plain.at("query").at("words").at(0).at("variants") == nlohmann::json::array());
}

BOOST_AUTO_TEST_CASE(text_output_says_also_searched)
{
    akhbar::TextStyle style;
    style.bidi_isolate = false;
    const std::string out = akhbar::format_text(search("ترامب"), style);
    BOOST_TEST(out.find("also searched: ترمب\n") != std::string::npos, out);
    BOOST_TEST(akhbar::format_text(search("كازاخستان"), style).find("also searched") == std::string::npos);
    // A name typed twice: its other spelling said once.
    const std::string twice = akhbar::format_text(search("ترامب ترامب"), style);
    BOOST_TEST(twice.find("also searched: ترمب\n") != std::string::npos, twice);
}

BOOST_AUTO_TEST_CASE(exact_operator_turns_expansion_off)
{
    const auto r = search("=ترامب");
    BOOST_TEST((ids(r) == std::set<std::string>{S001, S003}));
    BOOST_TEST(r.words.at(0).variants.empty());
    BOOST_TEST((ids(search("=ترمب")) == std::set<std::string>{S000, S002}));
    // One word only: the other still expands.
    const auto mixed = search("=ترامب أبراهام");
    BOOST_TEST(mixed.words.at(0).variants.empty());
    BOOST_TEST(mixed.words.at(1).variants == std::vector<std::string>{"ابراهيم"});
    // A quoted phrase, searched as its words: = keeps them as written.
    BOOST_TEST((ids(search("=\"ترامب\"")) == std::set<std::string>{S001, S003}));
    BOOST_TEST((ids(search("\"ترامب\"")) == std::set<std::string>{S000, S001, S002, S003}));
    // A quote without its partner is punctuation: the mark stays on the word.
    BOOST_TEST((ids(search("=\"ترامب")) == std::set<std::string>{S001, S003}));
    // Before a field it is moot (a field's value never expands), not a word.
    BOOST_TEST(search("=title:كازاخستان").words.size() == 1);
    BOOST_TEST(ids(search("=title:كازاخستان")) == ids(search("title:كازاخستان")));
    BOOST_TEST(!ids(search("title:كازاخستان")).empty());
    // Under + (required): the word required as written, the rest optional.
    BOOST_TEST((ids(search("+=ترمب أبراهام")) == std::set<std::string>{S000, S002}));
    // Not before white space: = alone is no operator (and not a word).
    BOOST_TEST(search("= ترامب").words.at(0).variants == std::vector<std::string>{"ترمب"});
}

BOOST_AUTO_TEST_CASE(strict_levels)
{
    BOOST_TEST((ids(search_strict("ترامب", "exact")) == std::set<std::string>{S001, S003}));
    BOOST_TEST((ids(search_strict("ترامب", "normalized")) == std::set<std::string>{S001, S003}));
    BOOST_TEST(ids(search_strict("ترامب", "stemmed")) == ids(search("ترامب")));
    BOOST_TEST(search_strict("ترامب", "exact").words.at(0).variants.empty());
    // normalized keeps the stem class (001 has only لتوحيد), exact does not.
    BOOST_TEST((ids(search_strict("توحيد", "normalized")) == std::set<std::string>{S001, S002}));
    BOOST_TEST((ids(search_strict("توحيد", "exact")) == std::set<std::string>{S002}));
    BOOST_TEST(ids(search("=توحيد")) == ids(search_strict("توحيد", "exact")));
}

BOOST_AUTO_TEST_CASE(unknown_strictness_is_an_invalid_argument)
{
    BOOST_CHECK_EXCEPTION((void)akhbar::parse_strictness("loose"), akhbar::InvalidArgument,
                          [](const akhbar::InvalidArgument& e) {
                              return std::string(e.what()) ==
                                     "unknown strictness \"loose\" (known: exact, normalized, stemmed)";
                          });
}

BOOST_AUTO_TEST_CASE(c_api_takes_strict_and_returns_variants)
{
    const std::string db = seeds().string();
    const char* dbs[] = {db.c_str()};
    akhbar_searcher* handle = nullptr;
    char* error = nullptr;
    BOOST_TEST_REQUIRE(akhbar_searcher_open(dbs, 1, &handle, &error) == AKHBAR_OK);
    char* result = nullptr;
    BOOST_TEST_REQUIRE(akhbar_searcher_search(handle, R"({"query": "ترامب"})", &result, &error) == AKHBAR_OK);
    auto j = nlohmann::json::parse(result);
    akhbar_free(result);
    BOOST_TEST(j.at("query").at("words").at(0).at("variants") == nlohmann::json::array({"ترمب"}));
    BOOST_TEST_REQUIRE(akhbar_searcher_search(handle, R"({"query": "ترامب", "strict": "exact"})", &result,
                                              &error) == AKHBAR_OK);
    j = nlohmann::json::parse(result);
    akhbar_free(result);
    BOOST_TEST(j.at("total") == 2);
    BOOST_TEST(akhbar_searcher_search(handle, R"({"query": "ترامب", "strict": "loose"})", &result, &error) ==
               AKHBAR_INVALID_ARGUMENT);
    BOOST_TEST(std::string(error) == "unknown strictness \"loose\" (known: exact, normalized, stemmed)");
    akhbar_free(error);
    akhbar_searcher_close(handle);
}

BOOST_AUTO_TEST_CASE(variants_are_found_across_databases)
{
    // The spellings in different databases (shards): the vocabulary read is
    // the union of theirs.
    akhbar::test::TempDir dir;
    const auto seed = akhbar::test::seed_articles();
    akhbar::IndexerOptions a;
    a.db = dir / "a";
    (void)akhbar::test::index_paths(a, {seed.at(0), seed.at(2)});  // ترمب
    akhbar::IndexerOptions b;
    b.db = dir / "b";
    (void)akhbar::test::index_paths(b, {seed.at(1), seed.at(3)});  // ترامب
    SearchRequest request;
    request.query = "ترامب";
    const auto r = akhbar::Searcher({a.db.string(), b.db.string()}).search(request);
    BOOST_TEST((ids(r) == std::set<std::string>{S000, S001, S002, S003}));
}

BOOST_AUTO_TEST_CASE(a_full_class_cache_does_not_lose_the_word_class)
{
    // The class cache is cleared when full, possibly while a word's variants
    // are looked up after its own class: the word's class must survive it
    // (a freed reference before; the sanitized build reports it).
    const akhbar::Analyzer analyzer("akhbar");
    const Xapian::Database db(seeds().string());
    akhbar::detail::StemClasses fresh(analyzer.profile().expansion_stemmer);
    const auto expected = akhbar::detail::parse_query("ترامب", false, analyzer, db, false, &fresh);
    akhbar::detail::StemClasses full(analyzer.profile().expansion_stemmer);
    const std::u32string letters = U"بتثجحخدذرزسشصضطظعغفقكلمنهوي";
    for (std::size_t i = 0; i + 1 < akhbar::detail::CLASS_CACHE_SIZE; ++i) {
        std::u32string word;
        for (std::size_t n = i, k = 0; k < 4; ++k, n /= letters.size()) {
            word += letters[n % letters.size()];
        }
        (void)full.members(akhbar::utf8::encode(word), db);
    }
    const auto parsed = akhbar::detail::parse_query("ترامب", false, analyzer, db, false, &full);
    BOOST_TEST(parsed.query.get_description() == expected.query.get_description());
}

BOOST_AUTO_TEST_CASE(variants_that_start_with_another_letter_are_found)
{
    // The vocabulary is grouped one first letter at a time; غوغل and جوجل
    // start with different letters that the key writes as one, so both
    // letters' terms must be read for either spelling.
    const akhbar::test::ProfileDatabases dbs(
        R"({"id": "g1", "text": "أعلنت شركة غوغل عن هاتف جديد"})"
        "\n"
        R"({"id": "g2", "text": "أعلنت شركة جوجل عن نظام جديد"})"
        "\n"
        R"({"id": "g3", "text": "شركة أخرى تعلن عن هاتف"})"
        "\n",
        {"akhbar"});
    const akhbar::Searcher searcher({dbs.by_profile.at("akhbar").string()});
    for (const std::string query : {"غوغل", "جوجل"}) {
        SearchRequest request;
        request.query = query;
        BOOST_TEST_INFO("query " << query);
        BOOST_TEST((ids(searcher.search(request)) == std::set<std::string>{"g1", "g2"}));
    }
}

BOOST_AUTO_TEST_SUITE_END()
