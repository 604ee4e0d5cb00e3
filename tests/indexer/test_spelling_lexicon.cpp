// The spelling lexicon each way the indexer writes it (bulk build, update in
// place, rebuild, sharded directory, compaction), against counts made here
// from the articles with the analyzer alone.

#include <boost/test/unit_test.hpp>

#include <xapian.h>

#include <algorithm>
#include <fstream>
#include <map>

#include "akhbar/common/analyzer.hpp"
#include "akhbar/common/spelling_lexicon.hpp"
#include "akhbar/common/terms.hpp"
#include "akhbar/indexer/collection.hpp"
#include "akhbar/indexer/indexer.hpp"
#include "akhbar/indexer/sources.hpp"
#include "lexicon_compactor.hpp"
#include "support/index.hpp"
#include "support/temp_dir.hpp"

namespace fs = std::filesystem;
namespace schema = akhbar::schema;
using akhbar::IndexerOptions;
using akhbar::test::TempDir;

namespace {

// What the lexicon must hold, counted without the indexer: per normalized
// word, its occurrences and the occurrences of each written form.
struct Expected {
    Xapian::termcount count = 0;
    std::map<std::string, Xapian::termcount> forms;
};
using ExpectedLexicon = std::map<std::string, Expected>;

bool has_letter(std::string_view w)
{
    return w.find_first_not_of("0123456789") != std::string_view::npos;
}

// The indexer's rule (docs/indexer.md): every token that becomes a word term
// (not a stopword, a stem within Xapian's term limit), normalized longer than
// two bytes and not all digits.
void count_text(const akhbar::Analyzer& analyzer, std::string_view text, ExpectedLexicon& out)
{
    for (const akhbar::Token& t : analyzer.analyze(text)) {
        if (t.stopword || t.stem.empty() || t.stem.size() > schema::MAX_TERM_BYTES ||
            t.normalized.size() <= 2 || !has_letter(t.normalized)) {
            continue;
        }
        Expected& e = out[t.normalized];
        ++e.count;
        ++e.forms[t.original];
    }
}

ExpectedLexicon count_file(const fs::path& file, std::size_t first, std::size_t end)
{
    const akhbar::Analyzer analyzer;
    ExpectedLexicon out;
    std::size_t i = 0;
    for (const auto& source : akhbar::collect_sources({file.string()}, [](akhbar::Problem) {})) {
        akhbar::read_articles(
            source, nullptr,
            [&](akhbar::Article&& a) {
                if (i >= first && i < end) {
                    count_text(analyzer, a.title, out);
                    count_text(analyzer, a.text, out);
                }
                ++i;
            },
            [](akhbar::Problem) {});
    }
    return out;
}

// Words seen at least twice (SPELLING_MIN_COUNT) in one run.
ExpectedLexicon kept(ExpectedLexicon all)
{
    std::erase_if(all, [](const auto& w) { return w.second.count < 2; });
    return all;
}

ExpectedLexicon added(ExpectedLexicon a, const ExpectedLexicon& b)
{
    for (const auto& [word, e] : b) {
        Expected& into = a[word];
        into.count += e.count;
        for (const auto& [form, n] : e.forms) {
            into.forms[form] += n;
        }
    }
    return a;
}

std::map<std::string, Xapian::termcount> counts_of(const ExpectedLexicon& e)
{
    std::map<std::string, Xapian::termcount> out;
    for (const auto& [word, x] : e) {
        out[word] = x.count;
    }
    return out;
}

std::map<std::string, Xapian::termcount> counts_of(const std::vector<schema::LexiconWord>& words)
{
    std::map<std::string, Xapian::termcount> out;
    for (const auto& w : words) {
        out[w.normalized] = w.count;
    }
    return out;
}

std::vector<schema::LexiconWord> lexicon(const fs::path& db)
{
    return schema::read_spelling_lexicon(Xapian::Database(db.string()));
}

// Articles [first, end) of the sample, written to `dir`/name.
fs::path sample_part(const TempDir& dir, const std::string& name, std::size_t first,
                     std::size_t end)
{
    std::ifstream in(fs::path(AKHBAR_SOURCE_DIR) / "tests/data/ant_sample.jsonl");
    std::string line;
    std::string out;
    for (std::size_t i = 0; std::getline(in, line); ++i) {
        if (i >= first && i < end) {
            out += line + "\n";
        }
    }
    return dir.write(name, out);
}

IndexerOptions into(const fs::path& db)
{
    IndexerOptions o;
    o.db = db;
    return o;
}

bool spelling_table_empty(const fs::path& db)
{
    const Xapian::Database d(db.string());
    return d.spellings_begin() == d.spellings_end();
}

const fs::path SAMPLE = fs::path(AKHBAR_SOURCE_DIR) / "tests/data/ant_sample.jsonl";

}  // namespace

BOOST_AUTO_TEST_SUITE(spelling_lexicon_written)

BOOST_AUTO_TEST_CASE(a_bulk_build_holds_the_counts_of_its_input)
{
    TempDir dir;
    IndexerOptions o = into(dir / "db");
    o.threads = 3;  // counts added up over partitions
    akhbar::test::index_paths(o, {SAMPLE.string()});
    const ExpectedLexicon expected = kept(count_file(SAMPLE, 0, SIZE_MAX));
    const auto words = lexicon(dir / "db");
    BOOST_TEST(words.size() > 1000U);
    BOOST_TEST((counts_of(words) == counts_of(expected)));
    // The written form is the most written one (equal counts: the smaller
    // in byte order), whichever partition saw which article, for a word
    // written in at most four forms (WordTally::MAX_FORMS).
    std::size_t checked = 0;
    for (const auto& w : words) {
        const Expected& e = expected.at(w.normalized);
        BOOST_TEST(e.forms.contains(w.written), w.normalized);
        if (e.forms.size() > 4) {
            continue;
        }
        const auto most = std::max_element(e.forms.begin(), e.forms.end(), [](const auto& a, const auto& b) {
            return a.second != b.second ? a.second < b.second : a.first > b.first;
        });
        BOOST_TEST(w.written == most->first, w.normalized);
        checked += e.forms.size() > 1 ? 1U : 0U;
    }
    BOOST_TEST(checked > 100U);  // words written in several forms
    // Sorted by normalized word, one entry each.
    BOOST_TEST(std::is_sorted(words.begin(), words.end(), [](const auto& a, const auto& b) {
        return a.normalized < b.normalized;
    }));
}

BOOST_AUTO_TEST_CASE(xapian_spelling_table_stays_empty)
{
    TempDir dir;
    akhbar::test::index_paths(into(dir / "db"), {SAMPLE.string()});
    BOOST_TEST(!lexicon(dir / "db").empty());
    BOOST_TEST(spelling_table_empty(dir / "db"));
    // Nor does an update in place write it.
    akhbar::test::index_paths(into(dir / "db"), {sample_part(dir, "more.jsonl", 0, 10).string()});
    BOOST_TEST(spelling_table_empty(dir / "db"));
}

BOOST_AUTO_TEST_CASE(the_written_form_is_the_most_written)
{
    // أحمد three times, احمد once (one normalized word): the rare form first
    // or among the others, in separate articles (partitions) or in one.
    const std::vector<std::string> inputs{
        R"({"id": "1", "title": "خبر", "text": "احمد"})" "\n"
        R"({"id": "2", "title": "خبر", "text": "أحمد"})" "\n"
        R"({"id": "3", "title": "خبر", "text": "أحمد"})" "\n"
        R"({"id": "4", "title": "خبر", "text": "أحمد"})" "\n",
        R"({"id": "1", "title": "خبر", "text": "أحمد احمد أحمد أحمد"})" "\n",
    };
    for (const std::string& articles : inputs) {
        TempDir dir;
        IndexerOptions o = into(dir / "db");
        o.threads = 2;
        akhbar::test::index_jsonl(dir, articles, o);
        std::map<std::string, schema::LexiconWord> by_word;
        for (const auto& w : lexicon(dir / "db")) {
            by_word[w.normalized] = w;
        }
        BOOST_TEST_REQUIRE(by_word.contains("احمد"));
        BOOST_TEST(by_word["احمد"].written == "أحمد");
        BOOST_TEST(by_word["احمد"].count == 4U);
    }
}

BOOST_AUTO_TEST_CASE(an_update_adds_its_counts)
{
    // Build A, then add B: the words seen twice in each run, added up.
    TempDir dir;
    const fs::path a = sample_part(dir, "a.jsonl", 0, 50);
    const fs::path b = sample_part(dir, "b.jsonl", 50, 100);
    akhbar::test::index_paths(into(dir / "db"), {a.string()});
    akhbar::test::index_paths(into(dir / "db"), {a.string(), b.string()});
    const ExpectedLexicon expected =
        added(kept(count_file(SAMPLE, 0, 50)), kept(count_file(SAMPLE, 50, 100)));
    BOOST_TEST((counts_of(lexicon(dir / "db")) == counts_of(expected)));
}

BOOST_AUTO_TEST_CASE(a_rebuild_equals_a_fresh_build)
{
    TempDir dir;
    const fs::path a = sample_part(dir, "a.jsonl", 0, 50);
    akhbar::test::index_paths(into(dir / "db"), {a.string()});
    akhbar::test::index_paths(into(dir / "db"), {SAMPLE.string()});  // an update
    IndexerOptions rebuild = into(dir / "db");
    rebuild.rebuild = true;
    akhbar::test::index_paths(rebuild, {SAMPLE.string()});
    akhbar::test::index_paths(into(dir / "fresh"), {SAMPLE.string()});
    BOOST_TEST((lexicon(dir / "db") == lexicon(dir / "fresh")));
}

BOOST_AUTO_TEST_CASE(a_sharded_directory_keeps_the_union)
{
    TempDir dir;
    IndexerOptions o = into(dir / "shards");
    o.shard_by = akhbar::ShardBy::year;
    akhbar::test::index_paths(o, {SAMPLE.string()});
    schema::LexiconTallies all;
    std::size_t shards = 0;
    for (const auto& entry : fs::directory_iterator(dir / "shards")) {
        if (!fs::exists(entry.path() / "iamglass") || entry.path().filename() == "spelling") {
            continue;
        }
        ++shards;
        const auto own = schema::read_spelling_tallies(Xapian::Database(entry.path().string()));
        BOOST_TEST(!own.empty(), entry.path());
        schema::merge_tallies(all, own);
    }
    BOOST_TEST(shards > 1U);
    const schema::LexiconTallies spelling =
        schema::read_spelling_tallies(Xapian::Database((dir / "shards/spelling").string()));
    BOOST_TEST(spelling.size() == all.size());
    BOOST_TEST((spelling == all));
    BOOST_TEST(spelling_table_empty(dir / "shards/spelling"));
}

BOOST_AUTO_TEST_CASE(compaction_keeps_the_lexicon)
{
    TempDir dir;
    IndexerOptions o = into(dir / "shards");
    o.shard_by = akhbar::ShardBy::year;
    akhbar::test::index_paths(o, {SAMPLE.string()});
    std::map<fs::path, std::vector<schema::LexiconWord>> before;
    for (const auto& entry : fs::directory_iterator(dir / "shards")) {
        if (fs::exists(entry.path() / "iamglass")) {
            before[entry.path()] = lexicon(entry.path());
        }
    }
    std::size_t compacted = 0;
    for (const auto& c : akhbar::compact(dir / "shards")) {
        compacted += c.skipped.empty() ? 1U : 0U;
        BOOST_TEST((lexicon(c.path) == before.at(c.path)), c.path);
    }
    BOOST_TEST(compacted > 0U);
}

BOOST_AUTO_TEST_CASE(compacting_several_databases_merges_their_lexicons)
{
    // Xapian's compactor keeps the first source's value of a metadata key
    // that several hold: the LexiconCompactor merges lexicon buckets instead.
    TempDir dir;
    akhbar::test::index_paths(into(dir / "a"), {sample_part(dir, "a.jsonl", 0, 50).string()});
    akhbar::test::index_paths(into(dir / "b"), {sample_part(dir, "b.jsonl", 50, 100).string()});
    Xapian::Database both((dir / "a").string());
    both.add_database(Xapian::Database((dir / "b").string()));
    akhbar::detail::compact_merging_lexicons(both, (dir / "merged").string(),
                                             Xapian::Compactor::FULL, 8192);
    schema::LexiconTallies expected =
        schema::read_spelling_tallies(Xapian::Database((dir / "a").string()));
    schema::merge_tallies(expected,
                          schema::read_spelling_tallies(Xapian::Database((dir / "b").string())));
    const auto merged = schema::read_spelling_tallies(Xapian::Database((dir / "merged").string()));
    BOOST_TEST(merged.size() == expected.size());
    BOOST_TEST((merged == expected));
}

BOOST_AUTO_TEST_SUITE_END()
