// The bulk build's flush policy: a partition writes a new segment whenever
// its buffer reaches its share of the memory budget, and the merged database
// is the same whatever the budget (documents, terms, positions, spelling).

#include <boost/test/data/monomorphic.hpp>
#include <boost/test/data/test_case.hpp>
#include <boost/test/unit_test.hpp>

#include <xapian.h>

#include <map>
#include <ostream>
#include <string>

#include "akhbar/common/error.hpp"
#include "akhbar/common/spelling_lexicon.hpp"
#include "akhbar/indexer/collection.hpp"
#include "build_partition.hpp"
#include "support/temp_dir.hpp"

namespace fs = std::filesystem;
using akhbar::IndexerOptions;
using akhbar::test::TempDir;

namespace {

const std::string ANT_SAMPLE = std::string(AKHBAR_TEST_DATA_DIR) + "/ant_sample.jsonl";

void index(const fs::path& db, IndexerOptions options)
{
    options.db = db;
    akhbar::Indexer writer(options);
    akhbar::IndexRunOptions run;
    run.paths = {ANT_SAMPLE};
    akhbar::IndexRunObserver quiet;
    (void)akhbar::index_collection(writer, run, quiet);
    writer.finish();
}

// Everything a search reads of a database, keyed by article id (document
// ids depend on which partition took an article).
std::map<std::string, std::string> contents(const Xapian::Database& db)
{
    std::map<std::string, std::string> out;
    for (auto d = db.postlist_begin(""); d != db.postlist_end(""); ++d) {
        const Xapian::Document doc = db.get_document(*d);
        std::string id;
        std::string all = doc.get_data() + "|" + std::to_string(db.get_doclength(*d));
        for (auto t = doc.termlist_begin(); t != doc.termlist_end(); ++t) {
            if ((*t).starts_with("Q")) {
                id = *t;
            }
            all += "|" + *t + ":" + std::to_string(t.get_wdf()) + "@";
            for (auto p = t.positionlist_begin(); p != t.positionlist_end(); ++p) {
                all += std::to_string(*p) + ",";
            }
        }
        for (auto v = doc.values_begin(); v != doc.values_end(); ++v) {
            all += "|" + std::to_string(v.get_valueno()) + "=" + *v;
        }
        out[id] = all;
    }
    return out;
}

std::vector<akhbar::schema::LexiconWord> spelling(const Xapian::Database& db)
{
    return akhbar::schema::read_spelling_lexicon(db);
}

akhbar::Article article(int i, const std::string& text)
{
    akhbar::Article a;
    a.id = "a" + std::to_string(i);
    a.title = "عنوان الخبر " + std::to_string(i);
    a.text = text;
    return a;
}

struct BadMemory {
    std::string text;
};

std::ostream& operator<<(std::ostream& os, const BadMemory& row)
{
    return os << '"' << row.text << '"';
}

const BadMemory BAD_MEMORY[] = {{""}, {"0"}, {"-1"}, {"12x"}, {"1048577"}, {"99999999999999999999"}};

// 40 articles of 300 words each, then a second version of a0 and a1 removed,
// through the partition's queue, which is then closed.
void write_forty_replace_a0_remove_a1(akhbar::detail::PartitionQueues& queues,
                                      akhbar::detail::BuildPartition& partition)
{
    using Action = akhbar::detail::PartitionWork::Action;
    std::string text;
    for (int w = 0; w < 300; ++w) {
        text += "كلمة" + std::to_string(w) + " ";
    }
    for (int i = 0; i < 40; ++i) {
        queues.push_to(0, {article(i, text), "h" + std::to_string(i), Action::add, 0});
    }
    queues.push_to(0, {article(0, "نص جديد"), "new", Action::replace, 0});
    akhbar::detail::PartitionWork removal;
    removal.article.id = "a1";
    removal.action = Action::remove;
    queues.push_to(0, std::move(removal));
    queues.close();
    partition.close();
}

// What write_forty_replace_a0_remove_a1() leaves over all the segments.
void expect_39_with_a0_once(const akhbar::detail::BuildPartition& partition)
{
    Xapian::Database all;
    for (const fs::path& segment : partition.segments()) {
        all.add_database(Xapian::Database(segment.string()));
    }
    BOOST_TEST(all.get_doccount() == 39U);
    BOOST_TEST(all.get_termfreq("Qa0") == 1U);
    BOOST_TEST(all.get_termfreq("Qa1") == 0U);
}

}  // namespace

BOOST_AUTO_TEST_SUITE(flush_policy)

BOOST_AUTO_TEST_CASE(a_partition_over_its_budget_writes_segments_and_replaces_across_them)
{
    TempDir dir;
    const akhbar::Analyzer analyzer;
    // About 20 KB estimated per article: a segment every few articles.
    akhbar::detail::PartitionQueues queues(1, akhbar::detail::PARTITION_QUEUE_CAPACITY);
    akhbar::detail::BuildPartition partition(dir / "p", analyzer, "akhbar", {20000, 64U << 10U},
                                             queues, 0);
    // a0 is in the first segment: it is deleted there, and its second
    // version written to the current one.
    write_forty_replace_a0_remove_a1(queues, partition);
    BOOST_TEST(partition.segments().size() > 3U);
    expect_39_with_a0_once(partition);
    BOOST_TEST(Xapian::Database(partition.segments().front().string()).get_termfreq("Qa0") == 0U);
}

// Past its most segments, a partition compacts them into one: a tiny budget
// cannot open more files than the limit allows, and nothing is lost.
BOOST_AUTO_TEST_CASE(a_partition_keeps_at_most_its_segments)
{
    TempDir dir;
    const akhbar::Analyzer analyzer;
    akhbar::detail::PartitionQueues queues(1, akhbar::detail::PARTITION_QUEUE_CAPACITY);
    akhbar::detail::BuildPartition partition(dir / "p", analyzer, "akhbar",
                                             {20000, 64U << 10U, 3}, queues, 0);
    write_forty_replace_a0_remove_a1(queues, partition);  // a0 is in a compacted segment by then
    BOOST_TEST(partition.segments().size() <= 3U);
    expect_39_with_a0_once(partition);
    std::size_t on_disk = 0;
    for (const auto& entry : fs::directory_iterator(dir / "p")) {
        on_disk += entry.is_directory() ? 1U : 0U;
    }
    BOOST_TEST(on_disk == partition.segments().size());  // the compacted ones removed
}

BOOST_AUTO_TEST_CASE(the_database_is_the_same_whatever_the_budget)
{
    // 1 MB over 3 threads makes several segments per partition; spelling
    // counts are kept for the whole run, so a word seen once in each of two
    // segments is still in the spelling lexicon, with the same written form.
    TempDir dir;
    IndexerOptions small;
    small.memory_mb = 1;
    small.threads = 3;
    index(dir / "small", small);
    IndexerOptions large;
    large.memory_mb = 1024;
    large.threads = 1;
    index(dir / "large", large);
    const Xapian::Database a((dir / "small").string());
    const Xapian::Database b((dir / "large").string());
    BOOST_TEST(a.get_doccount() == 100U);
    BOOST_TEST((contents(a) == contents(b)));
    const auto words = spelling(a);
    BOOST_TEST(words.size() > 1000U);
    BOOST_TEST((words == spelling(b)));
}

BOOST_DATA_TEST_CASE(memory_budgets_out_of_range_are_refused, BAD_MEMORY, row)
{
    try {
        (void)akhbar::checked_memory_mb(row.text);
        BOOST_ERROR("accepted");
    } catch (const akhbar::InvalidArgument& e) {
        BOOST_TEST(std::string(e.what()) ==
                   "memory budget must be a whole number of MB from 1 to 1048576, not \"" +
                       row.text + "\"");
    }
}

BOOST_AUTO_TEST_CASE(memory_budgets_in_range)
{
    BOOST_TEST(akhbar::checked_memory_mb("1") == 1U);
    BOOST_TEST(akhbar::checked_memory_mb("256") == 256U);
    BOOST_TEST(akhbar::checked_memory_mb("1048576") == 1048576U);
    TempDir dir;
    IndexerOptions zero;
    zero.db = dir / "db";
    zero.memory_mb = 0;
    BOOST_CHECK_EXCEPTION(akhbar::Indexer{zero}, akhbar::InvalidArgument,
                          [](const akhbar::InvalidArgument& e) {
                              return std::string(e.what()) ==
                                     "memory budget must be a whole number of MB from 1 to "
                                     "1048576, not \"0\"";
                          });
    IndexerOptions never;
    never.db = dir / "db";
    never.commit_every = 0;  // a segment per article, without end
    BOOST_CHECK_EXCEPTION(akhbar::Indexer{never}, akhbar::InvalidArgument,
                          [](const akhbar::InvalidArgument& e) {
                              return std::string(e.what()) ==
                                     "commit_every must be at least 1, not 0";
                          });
}

BOOST_AUTO_TEST_SUITE_END()
