// Story keys as the indexer writes them (docs/stories.md, "How articles are
// grouped"): copies share the key of their earliest article, articles alone
// hold none, and a database updated run after run holds exactly the keys a
// fresh build of the same articles gives, single or sharded.

#include <boost/test/unit_test.hpp>

#include <xapian.h>

#include <fstream>
#include <iterator>
#include <map>
#include <set>
#include <sstream>

#include "akhbar/common/record.hpp"
#include "akhbar/common/value_slots.hpp"
#include "akhbar/indexer/indexer.hpp"
#include "support/index.hpp"
#include "support/temp_dir.hpp"

namespace fs = std::filesystem;
using akhbar::Article;
using akhbar::IndexerOptions;
using akhbar::test::TempDir;

namespace {

using Keys = std::map<std::string, std::string>;  // id -> story key ("" alone)

// The body of a seed article (corpus/): five different articles about one
// event.
std::string seed_text(int i)
{
    for (const auto& entry : fs::directory_iterator(fs::path(AKHBAR_SOURCE_DIR) / "corpus")) {
        if (entry.path().filename().string().starts_with("00" + std::to_string(i) + "_")) {
            std::ifstream in(entry.path());
            return {std::istreambuf_iterator<char>(in), std::istreambuf_iterator<char>()};
        }
    }
    BOOST_FAIL("no seed article " << i);
    return {};
}

std::vector<std::string> words(const std::string& text)
{
    std::istringstream in(text);
    return {std::istream_iterator<std::string>(in), std::istream_iterator<std::string>()};
}

// Words [from, to) of `all`, as a fraction of its length.
std::string slice(const std::vector<std::string>& all, double from, double to)
{
    std::string out;
    const auto n = static_cast<double>(all.size());
    for (auto i = static_cast<std::size_t>(from * n); i < static_cast<std::size_t>(to * n); ++i) {
        out += all[i] + " ";
    }
    return out;
}

Article article(const std::string& id, const std::string& date, const std::string& text,
                const std::string& source = "مصدر")
{
    Article a;
    a.id = id;
    a.title = "عنوان " + id;
    a.source = source;
    a.text = text;
    if (!date.empty()) {
        a.date = std::chrono::year_month_day{
            std::chrono::year(std::stoi(date.substr(0, 4))),
            std::chrono::month(static_cast<unsigned>(std::stoi(date.substr(5, 2)))),
            std::chrono::day(static_cast<unsigned>(std::stoi(date.substr(8, 2))))};
    }
    return a;
}

// Every article's key, checking that each member of a story holds the ids
// of all its members, the key's first, and an article alone holds neither.
Keys story_keys(const fs::path& db_path)
{
    const Xapian::Database db(db_path.string());
    Keys keys;
    std::map<std::string, std::string> members;  // id -> its SLOT_STORY_MEMBERS
    for (auto it = db.postlist_begin(""); it != db.postlist_end(""); ++it) {
        const Xapian::Document doc = db.get_document(*it);
        std::string id;
        for (auto t = doc.termlist_begin(); t != doc.termlist_end(); ++t) {
            if ((*t).starts_with("Q")) {
                id = (*t).substr(1);
            }
        }
        keys[id] = doc.get_value(akhbar::schema::SLOT_STORY);
        members[id] = doc.get_value(akhbar::schema::SLOT_STORY_MEMBERS);
    }
    std::map<std::string, std::set<std::string>> by_key;
    for (const auto& [id, key] : keys) {
        if (!key.empty()) {
            by_key[key].insert(id);
        }
    }
    for (const auto& [id, key] : keys) {
        const std::vector<std::string> listed = akhbar::schema::decode_story_members(members[id]);
        if (key.empty()) {
            BOOST_TEST(listed.empty(), "members listed by " << id << ", alone");
            continue;
        }
        BOOST_TEST_REQUIRE(!listed.empty(), "no members listed by " << id);
        BOOST_TEST(listed.front() == key, "first member listed by " << id);
        BOOST_TEST((std::set<std::string>(listed.begin(), listed.end()) == by_key[key]),
                   "members listed by " << id);
        BOOST_TEST(listed.size() == by_key[key].size(), "members listed twice by " << id);
    }
    return keys;
}

void write(const fs::path& db, const std::vector<Article>& put,
           const std::vector<std::string>& remove = {}, IndexerOptions options = {})
{
    options.db = db;
    akhbar::Indexer writer(options);
    for (const Article& a : put) {
        writer.put(a);
    }
    for (const std::string& id : remove) {
        BOOST_TEST(writer.remove(id), id);
    }
    writer.finish();
}

Keys fresh_build(const TempDir& dir, const std::map<std::string, Article>& articles,
                 IndexerOptions options)
{
    static int builds = 0;
    const fs::path db = dir / ("fresh" + std::to_string(++builds));
    std::vector<Article> all;
    for (const auto& [id, a] : articles) {
        all.push_back(a);
    }
    write(db, all, {}, options);
    return story_keys(db);
}

// Runs of adds, updates and deletions; after each, the keys must be those of
// a fresh build of what the database holds.
void incremental_runs_match_a_fresh_build(IndexerOptions options)
{
    const TempDir dir;
    const fs::path db = dir / "db";
    const std::string copy = seed_text(0);
    // A chain: x and m overlap, m and y overlap, x and y much less.
    const std::vector<std::string> chain = words(seed_text(2) + " " + seed_text(3));
    const std::string x = slice(chain, 0, 0.7);
    const std::string m = slice(chain, 0.15, 0.85);
    const std::string y = slice(chain, 0.3, 1.0);

    // A month-sharded database groups within each month: a4 (December) is
    // alone there.
    const bool sharded = options.shard_by != akhbar::ShardBy::none;
    std::map<std::string, Article> held;
    const auto run = [&](const std::vector<Article>& put, const std::vector<std::string>& remove,
                         const Keys& expected) {
        write(db, put, remove, options);
        for (const Article& a : put) {
            held[a.id] = a;
        }
        for (const std::string& id : remove) {
            held.erase(id);
        }
        const Keys keys = story_keys(db);
        BOOST_TEST(keys == fresh_build(dir, held, options));
        for (const auto& [id, key] : expected) {
            BOOST_TEST(keys.at(id) == key, id);
        }
    };
    // Three runs of adds; an earlier copy takes the key over.
    run({article("a1", "2025-11-05", copy), article("b", "2025-11-05", seed_text(1))}, {},
        {{"a1", ""}, {"b", ""}});
    // The chain's articles are from three outlets (one outlet's articles of
    // two days need more: a_follow_up_is_another_story).
    run({article("a2", "2025-11-03", copy, "أخرى"), article("x", "2025-11-07", x, "س"),
         article("m", "2025-11-08", m, "م")},
        {}, {{"a1", "a2"}, {"a2", "a2"}, {"x", "x"}, {"m", "x"}});
    run({article("a3", "2025-11-04", copy), article("a4", "2025-12-01", copy),
         article("y", "2025-11-09", y, "ي")},
        {}, {{"a3", "a2"}, {"a4", sharded ? "" : "a2"}, {"y", "x"}, {"b", ""}});
    // a2 no longer matches: the key moves to the next earliest.
    run({article("a2", "2025-11-03", seed_text(4))}, {}, {{"a2", ""}, {"a1", "a3"}});
    // The earliest copy is deleted: the key moves.
    run({}, {"a3"}, {{"a1", sharded ? "" : "a1"}});
    // The bridge is deleted: the chain splits into articles alone.
    run({}, {"m"}, {{"x", ""}, {"y", ""}});
    // a1 is redated into December, after a4 (sharded: it moves to a4's shard).
    run({article("a1", "2025-12-02", copy)}, {}, {{"a1", "a4"}, {"a4", "a4"}});
}

}  // namespace

BOOST_AUTO_TEST_SUITE(stories)

BOOST_AUTO_TEST_CASE(exact_copies_share_the_key_of_the_earliest)
{
    const TempDir dir;
    const std::string copy = seed_text(0);
    const fs::path db = dir / "db";
    write(db, {article("c", "2025-11-06", copy, "الأولى"), article("a", "2025-11-07", copy),
               article("b", "2025-11-06", copy, "الثانية"), article("u", "", copy),
               article("alone", "2025-11-01", seed_text(1))});
    const Keys keys = story_keys(db);
    // By date, then id: b and c are of one day, b first; undated u last.
    const Keys expected{{"a", "b"}, {"b", "b"}, {"c", "b"}, {"u", "b"}, {"alone", ""}};
    BOOST_TEST(keys == expected);

    // Undated copies alone: the smallest id.
    const fs::path undated = dir / "undated";
    write(undated, {article("z", "", copy), article("y", "", copy)});
    BOOST_TEST(story_keys(undated) == (Keys{{"y", "y"}, {"z", "y"}}));
}

BOOST_AUTO_TEST_CASE(a_near_copy_is_grouped)
{
    const TempDir dir;
    const std::string original = seed_text(0);
    // A dateline added, the last paragraph cut, a sentence inserted.
    std::string near = "القاهرة (رويترز) - " + original.substr(0, original.rfind("\n\n"));
    const std::size_t middle = near.find("\n\n", near.size() / 2);
    BOOST_TEST_REQUIRE(middle != std::string::npos);
    near.insert(middle, "\n\nوأضاف المتحدث أن المحادثات ستستمر الأسبوع المقبل في العاصمة.");
    const fs::path db = dir / "db";
    write(db, {article("original", "2025-11-06", original), article("near", "2025-11-07", near)});
    BOOST_TEST(story_keys(db) == (Keys{{"near", "original"}, {"original", "original"}}));
}

BOOST_AUTO_TEST_CASE(a_follow_up_is_another_story)
{
    // An outlet's article of the next day: a new lead over the previous
    // day's text, kept whole. Mostly the same words, other news.
    const TempDir dir;
    const std::string original = seed_text(0);
    const std::string follow_up = slice(words(seed_text(1)), 0, 0.3) + "\n\n" + original;
    const fs::path db = dir / "db";
    write(db, {article("monday", "2025-11-03", original, "الشرق"),
               article("tuesday", "2025-11-04", follow_up, "الشرق"),
               article("same-day", "2025-11-03", follow_up, "الشرق"),
               article("elsewhere", "2025-11-04", follow_up, "رويترز")});
    // The same text on the same day (an update), or by another outlet (a
    // wire copy with a new lead): one story. The outlet's next day: not.
    const Keys keys = story_keys(db);
    BOOST_TEST(keys.at("same-day") == "monday");
    BOOST_TEST(keys.at("elsewhere") == "monday");
    BOOST_TEST(keys.at("monday") == "monday");
    // tuesday's text is same-day's, word for word: it joins the story
    // through it (a story is a component). Alone with monday, it would not:
    BOOST_TEST(keys.at("tuesday") == "monday");
    const fs::path pair = dir / "pair";
    write(pair, {article("monday", "2025-11-03", original, "الشرق"),
                 article("tuesday", "2025-11-04", follow_up, "الشرق")});
    BOOST_TEST(story_keys(pair) == (Keys{{"monday", ""}, {"tuesday", ""}}));
    const fs::path wire = dir / "wire";
    write(wire, {article("monday", "2025-11-03", original, "الشرق"),
                 article("tuesday", "2025-11-04", follow_up, "رويترز")});
    BOOST_TEST(story_keys(wire) == (Keys{{"monday", "monday"}, {"tuesday", "monday"}}));
}

BOOST_AUTO_TEST_CASE(the_seed_articles_about_one_event_are_not_grouped)
{
    const TempDir dir;
    IndexerOptions options;
    options.db = dir / "db";
    akhbar::test::index_paths(options, {(fs::path(AKHBAR_SOURCE_DIR) / "corpus").string()});
    const Keys keys = story_keys(options.db);
    BOOST_TEST(keys.size() == 5U);
    for (const auto& [id, key] : keys) {
        BOOST_TEST(key.empty(), id);
    }
}

BOOST_AUTO_TEST_CASE(an_empty_body_is_never_grouped)
{
    const TempDir dir;
    const fs::path db = dir / "db";
    write(db, {article("e1", "2025-11-06", ""), article("e2", "2025-11-06", ""),
               article("p1", "2025-11-06", "، . ؟"), article("p2", "2025-11-06", "، . ؟")});
    BOOST_TEST(story_keys(db) ==
               (Keys{{"e1", ""}, {"e2", ""}, {"p1", ""}, {"p2", ""}}));
    // Added to a database in place, too.
    write(db, {article("e3", "2025-11-07", "")});
    BOOST_TEST(story_keys(db).at("e3").empty());
}

BOOST_AUTO_TEST_CASE(every_commit_holds_the_keys)
{
    // A reader sees the last commit: whether the writer commits every few
    // articles or Xapian's flush threshold would come first, it holds the
    // keys of what it holds.
    const std::string copy = seed_text(0);
    for (const bool by_threshold : {false, true}) {
        BOOST_TEST_CONTEXT((by_threshold ? "XAPIAN_FLUSH_THRESHOLD=2" : "commit_every=2"))
        {
            const TempDir dir;
            const fs::path db = dir / "db";
            write(db, {article("first", "2025-11-01", seed_text(1))});  // in place from now on
            IndexerOptions options;
            options.db = db;
            if (by_threshold) {
                setenv("XAPIAN_FLUSH_THRESHOLD", "2", 1);
            } else {
                options.commit_every = 2;
            }
            akhbar::Indexer writer(options);
            writer.put(article("a", "2025-11-05", copy));
            writer.put(article("b", "2025-11-04", copy));
            writer.put(article("c", "2025-11-03", copy));
            const Keys seen = story_keys(db);
            unsetenv("XAPIAN_FLUSH_THRESHOLD");
            writer.finish();
            // The writer commits one change before Xapian would: after each
            // article here; otherwise after a and b.
            const Keys expected = by_threshold
                                      ? Keys{{"first", ""}, {"a", "c"}, {"b", "c"}, {"c", "c"}}
                                      : Keys{{"first", ""}, {"a", "b"}, {"b", "b"}};
            BOOST_TEST(seen == expected);
        }
    }
}

BOOST_AUTO_TEST_CASE(an_abandoned_run_commits_what_it_wrote_with_its_keys)
{
    // Xapian commits pending changes when a database is closed outside a
    // transaction: an update in place left unfinished (an error, an embedder
    // that forgot finish()) keeps its articles, and their keys.
    const TempDir dir;
    const fs::path db = dir / "db";
    write(db, {article("first", "2025-11-01", seed_text(1))});
    {
        IndexerOptions options;
        options.db = db;
        akhbar::Indexer writer(options);
        writer.put(article("a", "2025-11-05", seed_text(0)));
        writer.put(article("b", "2025-11-04", seed_text(0)));
    }
    BOOST_TEST(story_keys(db) == (Keys{{"first", ""}, {"a", "b"}, {"b", "b"}}));
}

BOOST_AUTO_TEST_CASE(incremental_runs_give_the_keys_of_a_fresh_build)
{
    incremental_runs_match_a_fresh_build({});
}

BOOST_AUTO_TEST_CASE(incremental_runs_committing_every_article)
{
    IndexerOptions options;
    options.commit_every = 1;
    incremental_runs_match_a_fresh_build(options);
}

BOOST_AUTO_TEST_CASE(incremental_runs_all_or_nothing)
{
    IndexerOptions options;
    options.all_or_nothing = true;
    incremental_runs_match_a_fresh_build(options);
}

BOOST_AUTO_TEST_CASE(incremental_runs_sharded_by_month)
{
    IndexerOptions options;
    options.shard_by = akhbar::ShardBy::month;
    incremental_runs_match_a_fresh_build(options);
}

BOOST_AUTO_TEST_SUITE_END()
