// Reading sources: JSON Lines (plain and gzip), plain-text files with a
// manifest, and every kind of bad input, reported as FILE:LINE: problem.

#include <boost/test/data/monomorphic.hpp>
#include <boost/test/data/test_case.hpp>
#include <boost/test/unit_test.hpp>

#include <zlib.h>

#include "akhbar/common/date_format.hpp"
#include "akhbar/indexer/sources.hpp"
#include "support/temp_dir.hpp"
#include "support/tsv.hpp"

using akhbar::Article;
using akhbar::Problem;
using akhbar::test::TempDir;

namespace {

struct Read {
    std::vector<Article> articles;
    std::vector<Problem> problems;
};

Read read_all(const std::vector<std::string>& paths)
{
    Read r;
    auto report = [&](Problem p) { r.problems.push_back(std::move(p)); };
    const auto sources = akhbar::collect_sources(paths, report);
    for (const auto& source : sources) {
        std::optional<akhbar::Manifest> manifest;
        const auto candidate = source.path.parent_path() / akhbar::MANIFEST_NAME;
        if (source.kind == akhbar::SourceKind::plain_text && std::filesystem::exists(candidate)) {
            manifest = akhbar::Manifest::load(candidate, report);
        }
        akhbar::read_articles(source, manifest ? &*manifest : nullptr,
                              [&](Article&& a) { r.articles.push_back(std::move(a)); }, report);
    }
    return r;
}

std::filesystem::path write_gzip(const TempDir& dir, const std::string& name,
                                 const std::string& content)
{
    const auto path = dir / name;
    gzFile out = gzopen(path.c_str(), "wb");
    BOOST_TEST_REQUIRE(out != nullptr);
    gzwrite(out, content.data(), static_cast<unsigned>(content.size()));
    gzclose(out);
    return path;
}

std::string ant_sample()
{
    return akhbar::test::read_file(std::string(AKHBAR_TEST_DATA_DIR) + "/ant_sample.jsonl");
}

const Problem* problem_with(const Read& r, const std::string& reason)
{
    for (const auto& p : r.problems) {
        if (p.reason == reason) {
            return &p;
        }
    }
    return nullptr;
}

}  // namespace

BOOST_AUTO_TEST_SUITE(sources)

BOOST_AUTO_TEST_CASE(jsonl_fields)
{
    TempDir dir;
    const auto file = dir.write(
        "a.jsonl",
        R"({"id": "a1", "title": "عنوان", "text": "نص", "date": "2018-02-18T21:35:43+04:00", "source": "alarabia", "url": "http://x", "category": "culture", "extra": [1]})"
        "\n"
        R"({"id": 17, "title": "بلا تاريخ", "body": "نص من حقل body"})"
        "\n");
    const Read r = read_all({file.string()});
    BOOST_TEST(r.problems.empty());
    BOOST_TEST_REQUIRE(r.articles.size() == 2U);
    const Article& a = r.articles[0];
    BOOST_TEST(a.id == "a1");
    BOOST_TEST(a.title == "عنوان");
    BOOST_TEST(a.text == "نص");
    BOOST_TEST(akhbar::schema::format_iso(*a.date) == "2018-02-18");
    BOOST_TEST((a.date_source == akhbar::DateSource::metadata));
    BOOST_TEST(a.source == "alarabia");
    BOOST_TEST(a.url == "http://x");
    BOOST_TEST(a.category == "culture");
    BOOST_TEST(a.origin == file.string());
    BOOST_TEST(r.articles[1].id == "17");
    BOOST_TEST(r.articles[1].text == "نص من حقل body");
    BOOST_TEST(!r.articles[1].date.has_value());
    BOOST_TEST((r.articles[1].date_source == akhbar::DateSource::none));
}

BOOST_AUTO_TEST_CASE(bad_jsonl_lines_are_reported_and_skipped)
{
    TempDir dir;
    const std::string lines =
        std::string(R"({"id": "ok1", "title": "سليم", "text": "نص"})") + "\n" +   // 1
        R"({"id": "broken", "title": )" + "\n" +                                    // 2 malformed
        R"({"title": "بلا معرف", "text": "نص"})" + "\n" +                          // 3 missing id
        R"({"id": "", "text": "نص"})" + "\n" +                                      // 4 empty id
        "[1, 2]\n" +                                                                // 5 not an object
        "{\"id\": \"bad-utf8\", \"text\": \"\xD9\x83\xFF\"}\n" +                    // 6 invalid UTF-8
        R"({"id": "baddate", "text": "نص", "date": "7th Novembr"})" + "\n" +        // 7 bad date
        R"({"id": "notext"})" + "\n" +                                              // 8 no text
        "\n" +                                                                      // 9 blank
        R"({"id": "ok2", "title": "سليم", "text": "نص", "title2": {}})" + "\n";     // 10
    const auto file = dir.write("bad.jsonl", lines);
    const Read r = read_all({file.string()});
    BOOST_TEST_REQUIRE(r.articles.size() == 3U);  // ok1, baddate (undated), ok2
    BOOST_TEST(r.articles[0].id == "ok1");
    BOOST_TEST(r.articles[1].id == "baddate");
    BOOST_TEST(!r.articles[1].date.has_value());
    BOOST_TEST(r.articles[2].id == "ok2");

    const std::string f = file.string();
    const auto* malformed = problem_with(r, "malformed JSON");
    BOOST_TEST_REQUIRE(malformed != nullptr);
    BOOST_TEST(malformed->message.starts_with(f + ":2: malformed JSON ("));
    BOOST_TEST(malformed->message.ends_with(R"(: "{\"id\": \"broken\", \"title\": ")"));

    const auto* missing = problem_with(r, "missing id");
    BOOST_TEST_REQUIRE(missing != nullptr);
    BOOST_TEST(missing->message == f + R"(:3: missing "id": "{\"title\": \"بلا معرف\", \"text\": \"نص\"}")");
    BOOST_TEST(missing->skipped);

    const auto* utf8 = problem_with(r, "invalid UTF-8");
    BOOST_TEST_REQUIRE(utf8 != nullptr);
    BOOST_TEST(utf8->message.starts_with(f + ":6: invalid UTF-8 at byte 30 of the line: "));
    BOOST_TEST(utf8->message.find("\\xFF") != std::string::npos);

    const auto* date = problem_with(r, "unparsable date");
    BOOST_TEST_REQUIRE(date != nullptr);
    BOOST_TEST(date->message ==
               f + R"(:7: field "date" is not a date: "7th Novembr" (indexed as undated))");
    BOOST_TEST(!date->skipped);

    const auto* notext = problem_with(r, "no article text");
    BOOST_TEST_REQUIRE(notext != nullptr);
    BOOST_TEST(notext->line == 8U);

    std::size_t skipped = 0;
    for (const auto& p : r.problems) {
        skipped += p.skipped ? 1 : 0;
    }
    BOOST_TEST(skipped == 6U);  // lines 2, 3, 4, 5, 6, 8
}

BOOST_AUTO_TEST_CASE(gzip_jsonl_reads_like_plain)
{
    TempDir dir;
    const auto gz = write_gzip(dir, "sample.jsonl.gz", ant_sample());
    const Read plain = read_all({std::string(AKHBAR_TEST_DATA_DIR) + "/ant_sample.jsonl"});
    const Read zipped = read_all({gz.string()});
    BOOST_TEST(plain.problems.empty());
    BOOST_TEST(plain.articles.size() == 100U);
    BOOST_TEST_REQUIRE(zipped.articles.size() == plain.articles.size());
    for (std::size_t i = 0; i < plain.articles.size(); ++i) {
        BOOST_TEST(zipped.articles[i].id == plain.articles[i].id);
        BOOST_TEST(zipped.articles[i].text == plain.articles[i].text);
    }
}

BOOST_AUTO_TEST_CASE(truncated_gzip_is_reported)
{
    TempDir dir;
    const auto gz = write_gzip(dir, "cut.jsonl.gz", ant_sample());
    std::filesystem::resize_file(gz, std::filesystem::file_size(gz) / 2);
    const Read r = read_all({gz.string()});
    BOOST_TEST(r.articles.size() < 100U);
    BOOST_TEST(problem_with(r, "unreadable file") != nullptr);
}

BOOST_AUTO_TEST_CASE(plain_text_directory_with_manifest)
{
    TempDir dir;
    dir.write("news/a.txt", "عنوان أ\ndate 2025-11-11 نص الخبر الأول كاملا هنا.\n");
    dir.write("news/sub/b.txt", "عنوان ب\nنص الخبر الثاني.\n");
    dir.write("news/.hidden.txt", "ليس خبرا\n");
    dir.write("news/notes.md", "ليس خبرا\n");
    dir.write("news/manifest.tsv",
              "# comment\nfile\tid\tdate\tsource\turl\n"
              "a.txt\t\t2025-11-12\tالجزيرة\thttp://a\n"
              "missing.txt\tm\t\t\t\n");
    dir.write("news/sub/manifest.tsv", "file\tdate\nb.txt\t31/02/2025\n");
    const Read r = read_all({(dir / "news").string()});
    BOOST_TEST_REQUIRE(r.articles.size() == 2U);
    const Article& a = r.articles[0];
    BOOST_TEST(a.id == "a");
    BOOST_TEST(a.title == "عنوان أ");
    BOOST_TEST(akhbar::schema::format_iso(*a.date) == "2025-11-12");  // metadata wins
    BOOST_TEST((a.date_source == akhbar::DateSource::metadata));
    BOOST_TEST(a.source == "الجزيرة");
    BOOST_TEST(a.url == "http://a");
    const Article& b = r.articles[1];
    BOOST_TEST(b.id == "sub/b");
    BOOST_TEST(!b.date.has_value());
    const auto* bad_date = problem_with(r, "unparsable date");
    BOOST_TEST_REQUIRE(bad_date != nullptr);
    BOOST_TEST(bad_date->message == (dir / "news/sub/manifest.tsv").string() +
                                        R"(:2: field "date" is not a date: "31/02/2025" (ignored))");
}

BOOST_AUTO_TEST_CASE(bad_plain_text_files)
{
    TempDir dir;
    dir.write("in/empty.txt", "  \n\n");
    dir.write("in/binary.txt", std::string("abc\0def", 7));
    dir.write("in/latin1.txt", "عنوان\nسطر ثان\ncaf\xE9\n");
    dir.write("in/good.txt", "عنوان\nنص.\n");
    const Read r = read_all({(dir / "in").string(), (dir / "nowhere").string()});
    BOOST_TEST_REQUIRE(r.articles.size() == 1U);
    BOOST_TEST(r.articles[0].id == "good");
    const auto* empty = problem_with(r, "empty file");
    BOOST_TEST_REQUIRE(empty != nullptr);
    BOOST_TEST(empty->message == (dir / "in/empty.txt").string() + ": empty file");
    const auto* binary = problem_with(r, "binary file");
    BOOST_TEST_REQUIRE(binary != nullptr);
    BOOST_TEST(binary->message == (dir / "in/binary.txt").string() + ":1: binary file (NUL byte at byte 3)");
    const auto* latin1 = problem_with(r, "invalid UTF-8");
    BOOST_TEST_REQUIRE(latin1 != nullptr);
    BOOST_TEST(latin1->message == (dir / "in/latin1.txt").string() +
                                      R"(:3: invalid UTF-8 at byte 28: "caf\xE9")");
    const auto* missing = problem_with(r, "missing path");
    BOOST_TEST_REQUIRE(missing != nullptr);
    BOOST_TEST(missing->message == (dir / "nowhere").string() + ": no such file or directory");
}

// Lines are counted byte-exactly: a NUL byte is one bad line, and the line
// after it is read (the old gzgets reader appended the rest of the line as a C
// string, lost the next line and numbered every later line one too low).
BOOST_AUTO_TEST_CASE(nul_byte_is_one_bad_line)
{
    TempDir dir;
    const auto file = dir.write("a.jsonl", std::string(R"({"id": "1", "text": "a"})") + "\n" +
                                               R"({"id": "2", "text": "b)" + std::string(1, '\0') +
                                               "\"}\n" + R"({"id": "3", "text": "c"})" + "\n" +
                                               "\n" + R"({"id": "5", "text": "e"})" + "\n");
    auto report = [&](Problem) {};
    std::vector<Problem> problems;
    std::vector<std::pair<std::string, std::size_t>> read;
    for (const auto& source : akhbar::collect_sources({file.string()}, report)) {
        akhbar::read_articles(
            source, nullptr,
            [&](Article&& a, std::size_t line) { read.emplace_back(a.id, line); },
            [&](Problem p) { problems.push_back(std::move(p)); });
    }
    const std::vector<std::pair<std::string, std::size_t>> expected{{"1", 1}, {"3", 3}, {"5", 5}};
    BOOST_TEST((read == expected));
    BOOST_TEST_REQUIRE(problems.size() == 1U);
    BOOST_TEST(problems[0].line == 2U);
    BOOST_TEST(problems[0].reason == "NUL byte");
    BOOST_TEST(problems[0].skipped);
}

struct DefectRow {
    const char* name;
    std::string id;
    std::string title;
    const char* expected;  // "" when indexable
};

std::ostream& operator<<(std::ostream& os, const DefectRow& row)
{
    return os << row.name;
}

const DefectRow DEFECT_ROWS[] = {
    {"ordinary", "a1", "عنوان", ""},
    {"empty_id", "", "عنوان", "id is empty"},
    {"id_of_the_longest_length", std::string(akhbar::MAX_ID_BYTES, 'x'), "t", ""},
    {"id_one_byte_too_long", std::string(akhbar::MAX_ID_BYTES + 1, 'x'), "t",
     "id is longer than 239 bytes: \"xxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxx"
     "xxxx\xE2\x80\xA6\""},
    {"id_with_a_control_character", "a\x1B[31m", "t", ""},
    {"invalid_utf8_title", "a2", "\xD9", "field \"title\" is not valid UTF-8 at byte 0: \"\\xD9\""},
};

BOOST_DATA_TEST_CASE(find_defect, boost::unit_test::data::make(DEFECT_ROWS), row)
{
    Article a;
    a.id = row.id;
    a.title = row.title;
    const auto defect = akhbar::find_defect(a);
    BOOST_TEST((defect ? defect->what : std::string()) == row.expected);
}

// Values quoted in messages are escaped the one way of akhbar/common/quote.hpp:
// nothing a terminal obeys reaches it (issue #15, point 7).
struct HostileDateRow {
    const char* name;
    const char* json_date;  // as written in the JSON line
    const char* quoted;     // as the message shows it
};
std::ostream& operator<<(std::ostream& os, const HostileDateRow& r) { return os << r.name; }

const HostileDateRow HOSTILE_DATE_ROWS[] = {
    {"ESC", R"(\u001b[2J)", R"("\x1B[2J")"},
    {"C1 CSI", R"(\u009b31m)", R"("\u009B31m")"},
    {"DEL", R"(x\u007f)", R"("x\x7F")"},
    {"RLO", R"(\u202e2025)", R"("\u202E2025")"},
    {"RLI", R"(\u20672025)", R"("\u20672025")"},
};

BOOST_DATA_TEST_CASE(hostile_values_are_escaped_in_messages,
                     boost::unit_test::data::make(HOSTILE_DATE_ROWS), row)
{
    TempDir dir;
    const auto file = dir.write("hostile.jsonl", std::string(R"({"id": "a", "text": "نص", "date": ")") +
                                                     row.json_date + "\"}\n");
    const Read r = read_all({file.string()});
    const auto* date = problem_with(r, "unparsable date");
    BOOST_TEST_REQUIRE(date != nullptr);
    BOOST_TEST(date->message ==
               file.string() + ":1: field \"date\" is not a date: " + row.quoted + " (indexed as undated)");
}

BOOST_AUTO_TEST_SUITE_END()
