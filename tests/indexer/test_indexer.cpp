// The database writer and a whole run over a collection: incremental runs,
// pruning, rebuilds, locking, profiles, strict mode, interruption, and the
// same index whether written in bulk (shards + compaction) or directly.

#include <boost/test/unit_test.hpp>

#include <xapian.h>

#include <atomic>
#include <set>

#include "akhbar/common/analyzer.hpp"
#include "akhbar/common/error.hpp"
#include "akhbar/common/date_format.hpp"
#include "akhbar/common/index_metadata.hpp"
#include "akhbar/common/record.hpp"
#include "akhbar/common/terms.hpp"
#include "akhbar/common/value_slots.hpp"
#include "akhbar/indexer/collection.hpp"
#include "support/temp_dir.hpp"
#include "support/tsv.hpp"

namespace fs = std::filesystem;
using akhbar::Indexer;
using akhbar::IndexRunSummary;
using akhbar::IndexerOptions;
using akhbar::test::TempDir;

namespace {

class Recorder final : public akhbar::IndexRunObserver {
public:
    void on_problem(const akhbar::Problem& p) override { problems.push_back(p); }
    void on_progress(const akhbar::Progress& p) override
    {
        if (cancel_after != 0 && p.articles >= cancel_after) {
            cancel.store(true);
        }
    }
    std::vector<akhbar::Problem> problems;
    std::atomic<bool> cancel{false};
    std::size_t cancel_after = 0;
};

struct Outcome {
    IndexRunSummary summary;
    std::vector<akhbar::Problem> problems;
};

Outcome index(const fs::path& db, const std::vector<std::string>& paths, IndexerOptions options = {},
              bool prune = false, std::size_t cancel_after = 0)
{
    options.db = db;
    Indexer writer(options);
    Recorder recorder;
    recorder.cancel_after = cancel_after;
    akhbar::IndexRunOptions run;
    run.paths = paths;
    run.prune = prune;
    run.cancel = &recorder.cancel;
    Outcome out{akhbar::index_collection(writer, run, recorder), {}};
    writer.finish();
    out.problems = recorder.problems;
    return out;
}

fs::path copy_corpus(const TempDir& dir)
{
    const fs::path corpus = dir / "corpus";
    fs::copy(fs::path(AKHBAR_SOURCE_DIR) / "corpus", corpus);
    return corpus;
}

akhbar::schema::StoredArticle stored(const Xapian::Database& db, const std::string& id)
{
    const std::string id_term = "Q" + id;
    const auto it = db.postlist_begin(id_term);
    BOOST_TEST_REQUIRE((it != db.postlist_end(id_term)), "no document " << id);
    return akhbar::schema::decode(db.get_document(*it).get_data());
}

std::set<std::string> terms_of(const Xapian::Database& db, const std::string& id)
{
    const std::string id_term = "Q" + id;
    const Xapian::docid did = *db.postlist_begin(id_term);
    std::set<std::string> terms;
    for (auto t = db.termlist_begin(did); t != db.termlist_end(did); ++t) {
        terms.insert(*t + ":" + std::to_string(t.get_wdf()));
    }
    return terms;
}

std::string positions_of(const Xapian::Database& db, const std::string& id, const std::string& term)
{
    const Xapian::docid did = *db.postlist_begin("Q" + id);
    std::string out;
    for (auto p = db.positionlist_begin(did, term); p != db.positionlist_end(did, term); ++p) {
        out += std::to_string(*p) + " ";
    }
    return out;
}

}  // namespace

BOOST_AUTO_TEST_SUITE(indexer)

BOOST_AUTO_TEST_CASE(seed_corpus_then_nothing_then_one_more)
{
    TempDir dir;
    const fs::path corpus = copy_corpus(dir);
    const fs::path db = dir / "db";

    const Outcome first = index(db, {corpus.string()});
    BOOST_TEST(first.problems.empty());
    BOOST_TEST(first.summary.added == 5U);
    {
        const Xapian::Database x(db.string());
        BOOST_TEST(x.get_doccount() == 5U);
        const auto a000 = stored(x, "000_786451a9d8ba9878");
        BOOST_TEST(a000.title == "كازاخستان تعلن أنها ستنضم إلى \"اتفاقات أبراهام\"");
        BOOST_TEST(akhbar::schema::format_iso(*a000.date) == "2025-11-06");  // manifest
        BOOST_TEST((a000.date_source == akhbar::DateSource::metadata));
        const auto a001 = stored(x, "001_c3a5d13f4eaa2ea5");
        BOOST_TEST(akhbar::schema::format_iso(*a001.date) == "2025-11-07");
        BOOST_TEST((a001.date_source == akhbar::DateSource::text));
        BOOST_TEST(a001.source == "بوابة الوفد");
        BOOST_TEST(stored(x, "002_9f15b159de594b2e").source == "الشرق");
        const auto a004 = stored(x, "004_95045ce95f73ec43");
        BOOST_TEST(!a004.date.has_value());
        BOOST_TEST(x.get_termfreq("XUNDATED") == 1U);
        BOOST_TEST(x.get_termfreq("M202511") == 4U);
        BOOST_TEST(x.get_termfreq("D20251106") == 2U);
        const auto info = akhbar::schema::read_index_info(x);
        BOOST_TEST(info.profile == "akhbar");
        BOOST_TEST(info.stemmer == "light10-pronouns");
        BOOST_TEST(info.schema_version == std::to_string(akhbar::schema::SCHEMA_VERSION));
    }

    const Outcome second = index(db, {corpus.string()});
    BOOST_TEST(second.summary.unchanged == 5U);
    BOOST_TEST(!second.summary.changed());

    const std::string sixth = "كازاخستان توقع الاتفاق\ndate 2025-11-20 وقعت كازاخستان رسميا على الاتفاق في واشنطن.\n";
    dir.write("corpus/005_new.txt", sixth);
    const Outcome third = index(db, {corpus.string()});
    BOOST_TEST(third.summary.added == 1U);
    BOOST_TEST(third.summary.unchanged == 5U);
    BOOST_TEST(Xapian::Database(db.string()).get_doccount() == 6U);
}

BOOST_AUTO_TEST_CASE(changed_article_is_replaced)
{
    TempDir dir;
    const fs::path corpus = copy_corpus(dir);
    const fs::path db = dir / "db";
    index(db, {corpus.string()});
    dir.write("corpus/004_95045ce95f73ec43.txt", "عنوان جديد\nنص مختلف تماما عن طيران الإمارات.\n");
    const Outcome again = index(db, {corpus.string()});
    BOOST_TEST(again.summary.updated == 1U);
    BOOST_TEST(again.summary.unchanged == 4U);
    const Xapian::Database x(db.string());
    BOOST_TEST(x.get_doccount() == 5U);
    BOOST_TEST(stored(x, "004_95045ce95f73ec43").title == "عنوان جديد");
    const std::string stem = akhbar::Analyzer().analyze("طيران").at(0).stem;
    BOOST_TEST(x.get_termfreq(akhbar::schema::encode_term(stem)) == 1U);
}

BOOST_AUTO_TEST_CASE(prune_removes_gone_files_and_lines)
{
    TempDir dir;
    const fs::path corpus = copy_corpus(dir);
    const fs::path jsonl = dir.write("feed/a.jsonl", R"({"id": "j1", "text": "أول"})" "\n"
                                                     R"({"id": "j2", "text": "ثان"})" "\n");
    const fs::path db = dir / "db";
    index(db, {corpus.string(), jsonl.string()});
    fs::remove(corpus / "003_8eece42878a556b8.txt");
    dir.write("feed/a.jsonl", R"({"id": "j1", "text": "أول"})" "\n");

    const Outcome without_prune = index(db, {corpus.string(), jsonl.string()});
    BOOST_TEST(without_prune.summary.deleted == 0U);
    BOOST_TEST(Xapian::Database(db.string()).get_doccount() == 7U);

    const Outcome pruned = index(db, {corpus.string(), jsonl.string()}, {}, true);
    BOOST_TEST(pruned.summary.deleted == 2U);
    const Xapian::Database x(db.string());
    BOOST_TEST(x.get_doccount() == 5U);
    BOOST_TEST(x.get_termfreq("Q003_8eece42878a556b8") == 0U);
    BOOST_TEST(x.get_termfreq("Qj2") == 0U);
    BOOST_TEST(x.get_termfreq("Qj1") == 1U);
}

BOOST_AUTO_TEST_CASE(prune_keeps_articles_of_files_read_with_problems)
{
    TempDir dir;
    const fs::path jsonl = dir.write("a.jsonl", R"({"id": "j1", "text": "أول"})" "\n"
                                                R"({"id": "j2", "text": "ثان"})" "\n");
    const fs::path db = dir / "db";
    index(db, {jsonl.string()});
    dir.write("a.jsonl", R"({"id": "j1", "text": "أول"})" "\n" R"({"id": "j2", "text": )" "\n");
    const Outcome pruned = index(db, {jsonl.string()}, {}, true);
    BOOST_TEST(pruned.summary.skipped == 1U);
    BOOST_TEST(pruned.summary.deleted == 0U);  // j2's line is broken, not gone: keep it
    BOOST_TEST(Xapian::Database(db.string()).get_doccount() == 2U);
}

BOOST_AUTO_TEST_CASE(bulk_and_direct_writes_give_the_same_documents)
{
    TempDir dir;
    const fs::path corpus = copy_corpus(dir);
    const fs::path bulk_db = dir / "bulk";
    const fs::path direct_db = dir / "direct";
    index(bulk_db, {corpus.string()});
    // A database that already has a document is updated directly, in place.
    const fs::path other = dir.write("other.jsonl", R"({"id": "other", "text": "شيء آخر"})" "\n");
    index(direct_db, {other.string()});
    {
        IndexerOptions options;
        options.db = direct_db;
        Indexer writer(options);
        BOOST_TEST(!writer.bulk());
    }
    index(direct_db, {corpus.string()});
    const Xapian::Database bulk(bulk_db.string());
    const Xapian::Database direct(direct_db.string());
    for (const auto& path : akhbar::test::seed_articles()) {
        const std::string id = fs::path(path).stem().string();
        BOOST_TEST(terms_of(bulk, id) == terms_of(direct, id), id);
        BOOST_TEST((stored(bulk, id) == stored(direct, id)), id);
    }
    const std::string stem = akhbar::schema::encode_term("كازاخست");
    BOOST_TEST(positions_of(bulk, "001_c3a5d13f4eaa2ea5", stem) ==
               positions_of(direct, "001_c3a5d13f4eaa2ea5", stem));
    BOOST_TEST(!positions_of(bulk, "001_c3a5d13f4eaa2ea5", stem).empty());
}

BOOST_AUTO_TEST_CASE(duplicate_id_in_one_run_keeps_the_last)
{
    TempDir dir;
    const fs::path f = dir.write("a.jsonl", R"({"id": "x", "text": "أول"})" "\n"
                                            R"({"id": "x", "text": "ثان"})" "\n"
                                            R"({"id": "x", "text": "ثان"})" "\n");
    const Outcome out = index(dir / "db", {f.string()});
    BOOST_TEST(out.summary.added == 1U);
    BOOST_TEST(out.summary.updated == 1U);
    BOOST_TEST(out.summary.unchanged == 1U);
    const Xapian::Database x((dir / "db").string());
    BOOST_TEST(x.get_doccount() == 1U);
    BOOST_TEST(stored(x, "x").text == "ثان");
}

BOOST_AUTO_TEST_CASE(a_changed_article_replaces_its_first_version_in_any_shard)
{
    // A bulk build spreads new articles over its shards by load; a second
    // version of an id must replace the first in the shard that has it, or
    // the merged database would hold both. (61 articles over 3 shards: a
    // round-robin that ignored the first version would land elsewhere.)
    TempDir dir;
    std::string lines;
    for (const char* version : {"أول", "ثان"}) {
        for (int i = 0; i < 61; ++i) {
            lines += R"({"id": "a)" + std::to_string(i) + R"(", "text": ")" + version + "\"}\n";
        }
    }
    const fs::path f = dir.write("a.jsonl", lines);
    IndexerOptions options;
    options.threads = 3;
    const Outcome out = index(dir / "db", {f.string()}, options);
    BOOST_TEST(out.summary.added == 61U);
    BOOST_TEST(out.summary.updated == 61U);
    const Xapian::Database x((dir / "db").string());
    BOOST_TEST(x.get_doccount() == 61U);
    for (int i = 0; i < 61; ++i) {
        BOOST_TEST(stored(x, "a" + std::to_string(i)).text == "ثان");
    }
}

BOOST_AUTO_TEST_CASE(sharded_by_month_incrementally)
{
    TempDir dir;
    const fs::path db = dir / "db";
    const fs::path f = dir.write("a.jsonl", R"({"id": "a", "date": "2025-10-30", "text": "أول"})" "\n"
                                            R"({"id": "b", "date": "2025-11-02", "text": "ثان"})" "\n"
                                            R"({"id": "c", "text": "ثالث بلا تاريخ"})" "\n");
    IndexerOptions options;
    options.shard_by = akhbar::ShardBy::month;
    BOOST_TEST(index(db, {f.string()}, options).summary.added == 3U);
    for (const char* shard : {"2025-10", "2025-11", "undated"}) {
        BOOST_TEST(Xapian::Database((db / shard).string()).get_doccount() == 1U, shard);
    }
    // The directory opens as one database (Xapian's stub file).
    BOOST_TEST(Xapian::Database(db.string()).get_doccount() == 3U);

    // Again, without --shard-by: the database keeps its layout; nothing changes.
    const Outcome again = index(db, {f.string()});
    BOOST_TEST(again.summary.unchanged == 3U);
    BOOST_TEST(!again.summary.changed());

    // "a" is redated into November: it moves to that shard.
    dir.write("a.jsonl", R"({"id": "a", "date": "2025-11-05", "text": "أول"})" "\n"
                         R"({"id": "b", "date": "2025-11-02", "text": "ثان"})" "\n"
                         R"({"id": "c", "text": "ثالث بلا تاريخ"})" "\n"
                         R"({"id": "d", "date": "2025-12-01", "text": "رابع"})" "\n");
    const Outcome moved = index(db, {f.string()});
    BOOST_TEST(moved.summary.updated == 1U);
    BOOST_TEST(moved.summary.added == 1U);
    BOOST_TEST(Xapian::Database((db / "2025-10").string()).get_doccount() == 0U);
    BOOST_TEST(Xapian::Database((db / "2025-11").string()).get_doccount() == 2U);
    BOOST_TEST(Xapian::Database(db.string()).get_doccount() == 4U);

    // Compaction packs past periods and leaves the newest and undated alone.
    const auto compacted = akhbar::compact(db);
    BOOST_TEST_REQUIRE(compacted.size() == 5U);  // and the spelling database, rewritten each run
    for (const auto& c : compacted) {
        const std::string name = c.path.filename().string();
        BOOST_TEST(c.skipped.empty() == (name == "2025-10" || name == "2025-11"), name);
    }
    BOOST_TEST(Xapian::Database(db.string()).get_doccount() == 4U);
    BOOST_TEST(stored(Xapian::Database((db / "2025-11").string()), "a").text == "أول");

    // A single database is not split without --rebuild.
    const fs::path single = dir / "single";
    index(single, {f.string()});
    BOOST_CHECK_THROW(index(single, {f.string()}, options), akhbar::IndexError);
    options.rebuild = true;
    BOOST_TEST(index(single, {f.string()}, options).summary.added == 4U);
    BOOST_TEST(fs::exists(single / "2025-12" / "iamglass"));
}

BOOST_AUTO_TEST_CASE(rebuild_swaps_in_a_complete_database)
{
    TempDir dir;
    const fs::path corpus = copy_corpus(dir);
    const fs::path db = dir / "db";
    index(db, {corpus.string()});
    Xapian::Database reader(db.string());
    BOOST_TEST(reader.get_doccount() == 5U);

    fs::remove(corpus / "000_786451a9d8ba9878.txt");
    IndexerOptions options;
    options.rebuild = true;
    options.profile = "lucene";
    const Outcome rebuilt = index(db, {corpus.string()}, options);
    BOOST_TEST(rebuilt.summary.added == 4U);
    // The reader opened before still reads the old database...
    BOOST_TEST(reader.get_doccount() == 5U);
    BOOST_TEST(reader.get_document(1).get_data().size() > 0U);
    // ... and a reader opened now sees the new one, which is a different
    // database (new UUID): Xapian's reopen() alone is not enough to follow a
    // rebuild, since glass reopens tables only when the revision changes.
    const Xapian::Database fresh(db.string());
    BOOST_TEST(fresh.get_doccount() == 4U);
    BOOST_TEST(fresh.get_uuid() != reader.get_uuid());
    BOOST_TEST(akhbar::schema::read_index_info(fresh).profile == "lucene");
    for (const auto& entry : fs::directory_iterator(dir.path())) {
        BOOST_TEST(entry.path().filename().string().find(".build-") == std::string::npos);
    }
}

BOOST_AUTO_TEST_CASE(second_writer_is_told_the_database_is_locked)
{
    TempDir dir;
    const fs::path db = dir / "db";
    index(db, {copy_corpus(dir).string()});
    Xapian::WritableDatabase holder(db.string(), Xapian::DB_OPEN);
    IndexerOptions options;
    options.db = db;
    BOOST_CHECK_EXCEPTION(Indexer{options}, akhbar::IndexError, [&](const akhbar::IndexError& e) {
        return std::string(e.what()) ==
               "database " + db.string() + " is locked: another akhbar-index is writing to it";
    });
}

BOOST_AUTO_TEST_CASE(profile_and_schema_mismatches_are_errors)
{
    TempDir dir;
    const fs::path db = dir / "db";
    IndexerOptions lucene;
    lucene.profile = "lucene";
    index(db, {copy_corpus(dir).string()}, lucene);

    IndexerOptions akhbar_profile;
    akhbar_profile.db = db;
    akhbar_profile.profile = "akhbar";
    BOOST_CHECK_EXCEPTION(Indexer{akhbar_profile}, akhbar::IndexError,
                          [&](const akhbar::IndexError& e) {
                              return std::string(e.what()) ==
                                     "database " + db.string() +
                                         " was built with profile \"lucene\"; use --rebuild to "
                                         "change it to \"akhbar\"";
                          });
    {
        IndexerOptions keep;  // no profile: keeps the database's own
        keep.db = db;
        Indexer writer(keep);
        BOOST_TEST(writer.profile() == "lucene");
    }
    {
        Xapian::WritableDatabase x(db.string(), Xapian::DB_OPEN);
        x.set_metadata(std::string(akhbar::schema::META_ANALYZER), "999");
        x.commit();
    }
    IndexerOptions plain;
    plain.db = db;
    BOOST_CHECK_EXCEPTION(Indexer{plain}, akhbar::IndexError, [](const akhbar::IndexError& e) {
        return std::string(e.what()).find("analyzed with analyzer version 999") != std::string::npos;
    });

    const fs::path foreign = dir / "foreign";
    {
        Xapian::WritableDatabase x(foreign.string(), Xapian::DB_CREATE);
        x.add_document(Xapian::Document());
        x.commit();
    }
    IndexerOptions other;
    other.db = foreign;
    BOOST_CHECK_EXCEPTION(Indexer{other}, akhbar::IndexError, [](const akhbar::IndexError& e) {
        return std::string(e.what()).find("is not an Akhbar database") != std::string::npos;
    });
    IndexerOptions unknown;
    unknown.db = dir / "new";
    unknown.profile = "elastic";
    BOOST_CHECK_THROW(Indexer{unknown}, akhbar::InvalidArgument);
}

BOOST_AUTO_TEST_CASE(strict_stops_without_committing)
{
    TempDir dir;
    const fs::path db = dir / "db";
    const fs::path good = dir.write("good.jsonl", R"({"id": "g1", "text": "جيد"})" "\n");
    index(db, {good.string()});
    const fs::path bad = dir.write("bad.jsonl", R"({"id": "g2", "text": "جيد"})" "\n"
                                                R"({"id": "g3", "text": )" "\n");
    IndexerOptions options;
    options.db = db;
    options.all_or_nothing = true;
    Indexer writer(options);
    Recorder recorder;
    akhbar::IndexRunOptions run;
    run.paths = {bad.string()};
    run.strict = true;
    BOOST_CHECK_EXCEPTION(akhbar::index_collection(writer, run, recorder), akhbar::CorpusError,
                          [&](const akhbar::CorpusError& e) {
                              return e.file() == bad.string() && e.line() == 2U;
                          });
    writer.abandon();
    const Xapian::Database x(db.string());
    BOOST_TEST(x.get_doccount() == 1U);
    BOOST_TEST(x.get_termfreq("Qg2") == 0U);
}

BOOST_AUTO_TEST_CASE(interrupted_run_keeps_what_was_done_and_rerun_completes)
{
    TempDir dir;
    const std::string sample = std::string(AKHBAR_TEST_DATA_DIR) + "/ant_sample.jsonl";
    const fs::path db = dir / "db";
    const Outcome cut = index(db, {sample}, {}, false, 30);
    BOOST_TEST(cut.summary.interrupted);
    const auto done = Xapian::Database(db.string()).get_doccount();
    BOOST_TEST(done >= 30U);
    BOOST_TEST(done < 100U);
    const Outcome rest = index(db, {sample});
    BOOST_TEST(!rest.summary.interrupted);
    BOOST_TEST(rest.summary.unchanged == done);
    BOOST_TEST(rest.summary.added == 100U - done);
    BOOST_TEST(Xapian::Database(db.string()).get_doccount() == 100U);
}

BOOST_AUTO_TEST_CASE(interrupted_rebuild_leaves_the_old_database)
{
    TempDir dir;
    const fs::path db = dir / "db";
    index(db, {copy_corpus(dir).string()});
    IndexerOptions options;
    options.db = db;
    options.rebuild = true;
    {
        Indexer writer(options);
        Recorder recorder;
        recorder.cancel_after = 10;
        akhbar::IndexRunOptions run;
        run.paths = {std::string(AKHBAR_TEST_DATA_DIR) + "/ant_sample.jsonl"};
        run.cancel = &recorder.cancel;
        BOOST_TEST(akhbar::index_collection(writer, run, recorder).interrupted);
        writer.abandon();
    }
    BOOST_TEST(Xapian::Database(db.string()).get_doccount() == 5U);
}

BOOST_AUTO_TEST_CASE(the_ant_sample_indexes_as_it_is)
{
    TempDir dir;
    const Outcome out = index(dir / "db", {std::string(AKHBAR_TEST_DATA_DIR) + "/ant_sample.jsonl"});
    BOOST_TEST(out.problems.empty());
    BOOST_TEST(out.summary.added == 100U);
    const Xapian::Database x((dir / "db").string());
    BOOST_TEST(x.get_doccount() == 100U);
    BOOST_TEST(x.get_termfreq("XSjawhara fm") == 40U);
    BOOST_TEST(x.get_termfreq("Y2017") > 0U);
}

BOOST_AUTO_TEST_CASE(the_lead_end_is_stored)
{
    const TempDir dir;
    const auto jsonl = dir.write("lead.jsonl",
        R"({"id": "two", "title": "عنوان الخبر", "text": "\nالفقرة الأولى هنا.\nالفقرة الثانية."})" "\n"
        R"({"id": "one", "title": "عنوان", "text": "فقرة واحدة فقط."})" "\n"
        R"({"id": "untitled", "text": "أولى.\nثانية."})" "\n");
    (void)index(dir / "db", {jsonl.string()});
    const Xapian::Database db((dir / "db").string());
    const auto lead_end = [&](const std::string& id) {
        return db.get_document(*db.postlist_begin("Q" + id)).get_value(akhbar::schema::SLOT_LEAD_END);
    };
    // Title: positions 1-2; body from 2 + BODY_POSITION_GAP: الفقرة 103,
    // الأولى 104, هنا 105 (the last word before the break).
    BOOST_TEST(positions_of(db, "two", akhbar::schema::encode_term("هنا")) == "105 ");
    BOOST_TEST(lead_end("two") == "105");
    // One paragraph: nothing sets a lead apart.
    BOOST_TEST(lead_end("one").empty());
    BOOST_TEST(lead_end("untitled") == std::to_string(akhbar::schema::BODY_POSITION_GAP + 1));
}

BOOST_AUTO_TEST_CASE(invalid_articles_are_rejected)
{
    TempDir dir;
    IndexerOptions options;
    options.db = dir / "db";
    Indexer writer(options);
    akhbar::Article a;
    BOOST_CHECK_THROW(writer.put(a), akhbar::InvalidArgument);  // empty id
    a.id = std::string(300, 'x');
    BOOST_CHECK_THROW(writer.put(a), akhbar::InvalidArgument);
    a.id = "ok";
    a.text = "\xFF";
    BOOST_CHECK_THROW(writer.put(a), akhbar::Utf8Error);
    writer.abandon();
}

// One id twice in a run: the later article is indexed (as a re-run would
// replace the earlier one), with a warning naming both places; an id too long
// for Xapian is one skipped article, not an aborted run.
BOOST_AUTO_TEST_CASE(duplicate_and_overlong_ids_in_a_run)
{
    TempDir dir;
    const auto a = dir.write("in/a.jsonl", R"({"id": "d", "text": "الأول"})"
                                           "\n" R"({"id": ")" + std::string(240, 'x') +
                                               R"(", "text": "طويل"})"
                                               "\n");
    const auto b = dir.write("in/b.jsonl", R"({"id": "e", "text": "آخر"})"
                                           "\n" R"({"id": "d", "text": "الثاني"})"
                                           "\n");
    const Outcome out = index(dir / "db", {(dir / "in").string()});
    BOOST_TEST(out.summary.added == 2U);
    BOOST_TEST(out.summary.skipped == 1U);
    BOOST_TEST(out.summary.repaired == 1U);
    BOOST_TEST_REQUIRE(out.problems.size() == 2U);
    BOOST_TEST(out.problems[0].message.starts_with(a.string() + ":2: id is longer than 239 bytes: "));
    BOOST_TEST(out.problems[1].message ==
               b.string() + ":2: id \"d\" was already read at " + a.string() +
                   ":1; this later article replaces it");
    BOOST_TEST(!out.problems[1].skipped);
    const Xapian::Database db((dir / "db").string());
    BOOST_TEST(db.get_doccount() == 2U);
    BOOST_TEST(stored(db, "d").text == "الثاني");
}

BOOST_AUTO_TEST_SUITE_END()
