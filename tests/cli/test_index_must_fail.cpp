// The indexer's must-fail table: every kind of bad input, run through the
// real akhbar-index, with the exact message it must print, its exit code and
// how many articles the database must then hold (the good ones around the bad
// input are never lost). Paths in messages are written {D} for the
// directory the input files are in.

#include <boost/test/data/monomorphic.hpp>
#include <boost/test/data/test_case.hpp>
#include <boost/test/unit_test.hpp>

#include <sys/stat.h>
#include <unistd.h>
#include <zlib.h>

#include <xapian.h>

#include <ostream>
#include <string>
#include <utility>
#include <vector>

#include "support/process.hpp"
#include "support/temp_dir.hpp"

namespace fs = std::filesystem;
using akhbar::test::run_process;
using akhbar::test::TempDir;

namespace {

const std::string TOOL = AKHBAR_INDEX;

struct MustFail {
    std::string name;
    std::vector<std::pair<std::string, std::string>> files;  // name -> bytes, under {D}
    std::vector<std::string> paths;                          // PATH arguments ("-": stdin)
    std::string input;                                       // standard input
    std::string expected_err;                                // exact, {D} for the directory
    int exit_code = 0;
    Xapian::doccount articles = 0;  // in the database afterwards
};

std::ostream& operator<<(std::ostream& os, const MustFail& row)
{
    return os << row.name;
}

std::string article(const std::string& id, const std::string& text = "نص الخبر")
{
    return R"({"id": ")" + id + R"(", "title": "عنوان", "text": ")" + text + "\"}\n";
}

// Gzip with stored (uncompressed) blocks, so that a flipped byte decodes
// without any deflate error: only the CRC at the member's end tells.
std::string gzip_stored(const std::string& data)
{
    z_stream z{};
    deflateInit2(&z, 0, Z_DEFLATED, 16 + MAX_WBITS, 8, Z_DEFAULT_STRATEGY);
    std::string out(deflateBound(&z, data.size()), '\0');
    z.next_in = reinterpret_cast<Bytef*>(const_cast<char*>(data.data()));
    z.avail_in = static_cast<uInt>(data.size());
    z.next_out = reinterpret_cast<Bytef*>(out.data());
    z.avail_out = static_cast<uInt>(out.size());
    deflate(&z, Z_FINISH);
    out.resize(z.total_out);
    deflateEnd(&z);
    return out;
}

std::string three_articles()
{
    return article("g1") + article("g2", "نص سليم") + article("g3");
}

// CORRUPT_GZIP_ARTICLES articles, the second one's text changed in the
// compressed bytes: every deflate block still decodes. Far more than zlib's
// buffers hold (128 KiB in, 256 KiB out), so that a reader trusting the
// decoded lines indexes the damaged article long before the CRC at the end.
constexpr Xapian::doccount CORRUPT_GZIP_ARTICLES = 5000;

std::string corrupt_gzip()
{
    std::string lines = article("g1") + article("g2", "نص سليم");
    for (Xapian::doccount i = 3; i <= CORRUPT_GZIP_ARTICLES; ++i) {
        lines += article("g" + std::to_string(i));
    }
    std::string gz = gzip_stored(lines);
    const auto at = gz.find("سليم");
    gz[at + 1] = static_cast<char>(gz[at + 1] ^ 0x01);  // سليم -> ضليم: valid UTF-8 still
    return gz;
}

std::string truncated_gzip()
{
    std::string gz = gzip_stored(three_articles());
    return gz.substr(0, gz.find("g3"));
}

std::string nul_lines()
{
    return article("n1") + R"({"id": "n2", "title": "ع)" + std::string(1, '\0') +
           R"(", "text": "نص"})" + "\n" + article("n3") + "{broken\n" + article("n5");
}

std::string eleven_with_long_id()
{
    std::string out;
    for (int i = 1; i <= 11; ++i) {
        out += article(i == 6 ? std::string(300, 'x') : "l" + std::to_string(i));
    }
    return out;
}

const std::string X60 = std::string(60, 'x');
const std::string ELLIPSIS = "\xE2\x80\xA6";

std::vector<MustFail> rows()
{
    const std::string big_text(5U << 20U, 'a');  // 5 MiB, over MAX_ARTICLE_BYTES
    return {
        {"nul_byte_in_a_line",
         {{"a.jsonl", nul_lines()}},
         {"{D}/a.jsonl"},
         "",
         "{D}/a.jsonl:2: NUL byte at byte 25 of the line: \"{\\\"id\\\": \\\"n2\\\", \\\"title\\\": "
         "\\\"ع\\x00\\\", \\\"text\\\": \\\"نص\\\"}\" (skipped)\n"
         "{D}/a.jsonl:4: malformed JSON (parse error at line 1, column 2: syntax error while "
         "parsing object key - invalid literal; last read: '{b'; expected string literal): "
         "\"{broken\" (skipped)\n",
         3, 3},
        {"nul_byte_on_standard_input",
         {},
         {"-"},
         nul_lines(),
         "-:2: NUL byte at byte 25 of the line: \"{\\\"id\\\": \\\"n2\\\", \\\"title\\\": "
         "\\\"ع\\x00\\\", \\\"text\\\": \\\"نص\\\"}\" (skipped)\n"
         "-:4: malformed JSON (parse error at line 1, column 2: syntax error while "
         "parsing object key - invalid literal; last read: '{b'; expected string literal): "
         "\"{broken\" (skipped)\n",
         3, 3},
        {"id_too_long",
         {{"a.jsonl", eleven_with_long_id()}},
         {"{D}/a.jsonl"},
         "",
         "{D}/a.jsonl:6: id is longer than 239 bytes: \"" + X60 + ELLIPSIS + "\" (skipped)\n",
         3, 10},
        {"id_too_long_of_a_plain_text_file",
         {{std::string(245, 'y') + ".txt", "عنوان\nنص الخبر.\n"}, {"b.txt", "عنوان\nنص.\n"}},
         {"{D}"},
         "",
         "{D}/" + std::string(245, 'y') + ".txt: id is longer than 239 bytes: \"" +
             std::string(60, 'y') + ELLIPSIS + "\" (skipped)\n",
         3, 1},
        {"id_too_long_from_a_manifest",
         {{"a.txt", "عنوان\nنص الخبر.\n"},
          {"b.txt", "عنوان\nنص.\n"},
          {"manifest.tsv", "file\tid\na.txt\t" + std::string(240, 'z') + "\n"}},
         {"{D}"},
         "",
         "{D}/a.txt: id is longer than 239 bytes: \"" + std::string(60, 'z') + ELLIPSIS +
             "\" (skipped)\n",
         3, 1},
        {"id_of_239_bytes_is_indexed",
         {{"a.jsonl", article(std::string(239, 'x'))}},
         {"{D}/a.jsonl"},
         "",
         "",
         0, 1},
        {"long_words_source_and_category_are_indexed",
         {{"a.jsonl", R"({"id": "w", "title": ")" + std::string(300, 'z') + R"(", "text": ")" +
                          std::string(300, 'z') + " " + std::string(300, 'z') + " " +
                          [] {
                              std::string s;
                              for (int i = 0; i < 150; ++i) {
                                  s += "ب";
                              }
                              return s + " " + s;
                          }() +
                          R"(", "source": ")" + std::string(300, 's') + R"(", "category": ")" +
                          std::string(300, 'c') + "\"}\n"}},
         {"{D}/a.jsonl"},
         "",
         "",
         0, 1},
        {"empty_jsonl",
         {{"empty.jsonl", ""}, {"good.jsonl", article("e1")}},
         {"{D}"},
         "",
         "{D}/empty.jsonl: empty file (skipped)\n",
         3, 1},
        {"blank_jsonl",
         {{"blank.jsonl", "\n  \n\t\n"}},
         {"{D}/blank.jsonl"},
         "",
         "{D}/blank.jsonl: empty file (skipped)\n",
         3, 0},
        {"empty_standard_input", {}, {"-"}, "", "-: empty file (skipped)\n", 3, 0},
        {"duplicate_ids",
         {{"a.jsonl", article("d1") + article("d2") + article("d1", "نسخة ثانية")},
          {"b.jsonl", article("d3") + article("d2", "نسخة ثالثة")}},
         {"{D}"},
         "",
         "{D}/a.jsonl:3: id \"d1\" was already read at {D}/a.jsonl:1; this later article "
         "replaces it\n"
         "{D}/b.jsonl:2: id \"d2\" was already read at {D}/a.jsonl:2; this later article "
         "replaces it\n",
         3, 3},
        {"corrupt_gzip",
         {{"a.jsonl.gz", corrupt_gzip()}},
         {"{D}/a.jsonl.gz"},
         "",
         "{D}/a.jsonl.gz: corrupt gzip data (incorrect data check): no article of the file is "
         "indexed (skipped)\n",
         3, 0},
        {"corrupt_gzip_on_standard_input",
         {},
         {"-"},
         corrupt_gzip(),
         "-:5001: corrupt gzip data (incorrect data check): lines 1-5000 were read before the "
         "damage was found and may hold damaged articles (skipped)\n",
         3, CORRUPT_GZIP_ARTICLES},
        {"truncated_gzip",
         {{"a.jsonl.gz", truncated_gzip()}},
         {"{D}/a.jsonl.gz"},
         "",
         "{D}/a.jsonl.gz:3: truncated gzip data (unexpected end of file): the rest of the input "
         "is lost (skipped)\n",
         3, 2},
        {"line_too_long",
         {{"a.jsonl", article("t1") + R"({"id": "big", "text": ")" + big_text + "\"}\n" +
                          article("t3")}},
         {"{D}/a.jsonl"},
         "",
         "{D}/a.jsonl:2: line is longer than 4194304 bytes (the article size limit): "
         "\"{\\\"id\\\": \\\"big\\\", \\\"text\\\": \\\"" +
             std::string(37, 'a') + ELLIPSIS + "\" (skipped)\n",
         3, 2},
        {"plain_text_file_too_long",
         {{"big.txt", "عنوان\n" + big_text + "\n"}, {"b.txt", "عنوان\nنص.\n"}},
         {"{D}"},
         "",
         "{D}/big.txt: file is longer than 4194304 bytes (the article size limit): 5242892 "
         "bytes (skipped)\n",
         3, 1},
        {"malformed_json",
         {{"a.jsonl", article("m1") + "{\"id\": \"broken\", \"title\": \n"}},
         {"{D}/a.jsonl"},
         "",
         "{D}/a.jsonl:2: malformed JSON (parse error at line 1, column 27: syntax error while "
         "parsing value - unexpected end of input; expected '[', '{', or a literal): "
         "\"{\\\"id\\\": \\\"broken\\\", \\\"title\\\": \" (skipped)\n",
         3, 1},
        // Found by fuzz/jsonl_fuzzer: nlohmann reports a number past a
        // double's range as out_of_range, which aborted the whole run.
        {"number_out_of_range",
         {{"a.jsonl", article("n1") + "{\"id\": \"b\", \"text\": \"y\", \"n\": 1e999}\n" +
                          article("n3")}},
         {"{D}/a.jsonl"},
         "",
         "{D}/a.jsonl:2: malformed JSON (number overflow parsing '1e999'): "
         "\"{\\\"id\\\": \\\"b\\\", \\\"text\\\": \\\"y\\\", \\\"n\\\": 1e999}\" (skipped)\n",
         3, 2},
        {"not_a_json_object",
         {{"a.jsonl", "[1, 2]\n" + article("o2")}},
         {"{D}/a.jsonl"},
         "",
         "{D}/a.jsonl:1: not a JSON object: \"[1, 2]\" (skipped)\n",
         3, 1},
        {"missing_id",
         {{"a.jsonl", "{\"title\": \"بلا معرف\", \"text\": \"نص\"}\n{\"id\": \" \", \"text\": "
                      "\"نص\"}\n" + article("i3")}},
         {"{D}/a.jsonl"},
         "",
         "{D}/a.jsonl:1: missing \"id\": \"{\\\"title\\\": \\\"بلا معرف\\\", \\\"text\\\": "
         "\\\"نص\\\"}\" (skipped)\n"
         "{D}/a.jsonl:2: missing \"id\": \"{\\\"id\\\": \\\" \\\", \\\"text\\\": \\\"نص\\\"}\" "
         "(skipped)\n",
         3, 1},
        {"invalid_utf8_in_a_line",
         {{"a.jsonl", "{\"id\": \"u1\", \"text\": \"\xD9\x83\xFF\"}\n" + article("u2")}},
         {"{D}/a.jsonl"},
         "",
         "{D}/a.jsonl:1: invalid UTF-8 at byte 24 of the line: \"{\\\"id\\\": \\\"u1\\\", "
         "\\\"text\\\": \\\"ك\\xFF\\\"}\" (skipped)\n",
         3, 1},
        {"unparsable_date",
         {{"a.jsonl", "{\"id\": \"d\", \"text\": \"نص\", \"date\": \"7th Novembr\"}\n"}},
         {"{D}/a.jsonl"},
         "",
         "{D}/a.jsonl:1: field \"date\" is not a date: \"7th Novembr\" (indexed as undated)\n",
         3, 1},
        {"no_article_text",
         {{"a.jsonl", "{\"id\": \"notext\"}\n" + article("x2")}},
         {"{D}/a.jsonl"},
         "",
         "{D}/a.jsonl:1: no \"title\" or \"text\" for id \"notext\" (skipped)\n",
         3, 1},
        {"field_not_a_string",
         {{"a.jsonl", "{\"id\": \"f\", \"title\": {}, \"text\": \"نص\"}\n"}},
         {"{D}/a.jsonl"},
         "",
         "{D}/a.jsonl:1: field \"title\" is not a string: \"{}\" (ignored)\n",
         3, 1},
        {"missing_path",
         {{"a.jsonl", article("p1")}},
         {"{D}/nowhere", "{D}/a.jsonl"},
         "",
         "{D}/nowhere: no such file or directory (skipped)\n",
         3, 1},
        {"empty_plain_text_file",
         {{"empty.txt", "  \n\n"}, {"b.txt", "عنوان\nنص.\n"}},
         {"{D}"},
         "",
         "{D}/empty.txt: empty file (skipped)\n",
         3, 1},
        {"binary_plain_text_file",
         {{"binary.txt", std::string("abc\0def", 7)}},
         {"{D}"},
         "",
         "{D}/binary.txt:1: binary file (NUL byte at byte 3) (skipped)\n",
         3, 0},
        {"invalid_utf8_plain_text_file",
         {{"latin1.txt", "عنوان\nسطر ثان\ncaf\xE9\n"}},
         {"{D}"},
         "",
         "{D}/latin1.txt:3: invalid UTF-8 at byte 28: \"caf\\xE9\" (skipped)\n",
         3, 0},
    };
}

std::string with_dir(std::string text, const std::string& dir)
{
    for (auto at = text.find("{D}"); at != std::string::npos; at = text.find("{D}", at)) {
        text.replace(at, 3, dir);
        at += dir.size();
    }
    return text;
}

}  // namespace

BOOST_AUTO_TEST_SUITE(akhbar_index_must_fail)

BOOST_DATA_TEST_CASE(bad_input, boost::unit_test::data::make(rows()), row)
{
    TempDir dir;
    const std::string in = (dir / "in").string();
    fs::create_directories(in);
    for (const auto& [name, bytes] : row.files) {
        dir.write("in/" + name, bytes);
    }
    const std::string db = (dir / "db").string();
    std::vector<std::string> argv{TOOL, "--db", db};
    for (const auto& p : row.paths) {
        argv.push_back(with_dir(p, in));
    }
    const auto r = run_process(argv, row.input);
    BOOST_TEST(r.err == with_dir(row.expected_err, in));
    BOOST_TEST(r.exit_code == row.exit_code, r.err);
    BOOST_TEST(Xapian::Database(db).get_doccount() == row.articles);
}

// A subdirectory the indexer may not read is reported, and everything else
// indexed. Root reads any directory whatever its mode, so as root the tool is
// run as user nobody (setpriv, util-linux), with the input handed to nobody.
BOOST_AUTO_TEST_CASE(unreadable_subdirectory)
{
    TempDir dir;
    dir.write("in/a.txt", "عنوان\nنص.\n");
    dir.write("in/locked/b.txt", "عنوان\nنص آخر.\n");
    dir.write("in/open/c.txt", "عنوان\nنص ثالث.\n");
    std::vector<std::string> argv;
    if (geteuid() == 0) {
        for (const auto& entry : fs::recursive_directory_iterator(dir.path())) {
            BOOST_TEST_REQUIRE(chown(entry.path().c_str(), 65534, 65534) == 0);
        }
        BOOST_TEST_REQUIRE(chown(dir.path().c_str(), 65534, 65534) == 0);
        argv = {"/usr/bin/setpriv", "--reuid=65534", "--regid=65534", "--clear-groups"};
    }
    fs::permissions(dir / "in/locked", fs::perms::none);
    const std::string db = (dir / "db").string();
    for (const std::string& a : {TOOL, std::string("--db"), db, (dir / "in").string()}) {
        argv.push_back(a);
    }
    const auto r = run_process(argv);
    fs::permissions(dir / "in/locked", fs::perms::owner_all);  // so that TempDir can remove it
    BOOST_TEST(r.err == (dir / "in/locked").string() +
                            ": cannot read the directory: Permission denied; nothing under it "
                            "is indexed (skipped)\n");
    BOOST_TEST(r.exit_code == 3);
    BOOST_TEST(Xapian::Database(db).get_doccount() == 2U);
}

BOOST_AUTO_TEST_SUITE_END()
