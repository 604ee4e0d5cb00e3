// Cleaning and metadata extraction for plain-text articles: one row per
// cleaning rule, the lines that must survive, and the five seed articles
// checked against what each text states.

#include <boost/test/data/test_case.hpp>
#include <boost/test/unit_test.hpp>

#include <set>

#include "akhbar/common/date_format.hpp"
#include "akhbar/indexer/plain_text.hpp"
#include "support/named_row.hpp"
#include "support/tsv.hpp"

namespace bdata = boost::unit_test::data;
namespace pt = akhbar::plain_text;

namespace {

struct RuleRow {
    const char* name;  // the rule's
    const char* line;  // the boilerplate line, written as sites write it
};
std::ostream& operator<<(std::ostream& os, const RuleRow& r) { return os << r.name; }

// clang-format off
const RuleRow RULE_ROWS[] = {
    {"javascript-notice", "Sorry, you need to enable JavaScript to visit this website."},
    {"read-more",         "اقرأ المزيد"},
    {"related-notice",    "يحتوي هذا القسم على المقلات ذات صلة, الموضوعة في (Related Nodes field)"},
    {"more-from-section", "المزيد من دوليات"},
    {"advertisement",     "إعلان"},
    {"keywords",          "كلمات دلالية: ﻛﺎزاﺧﺴﺘﺎن اتفاقيات إبراهيم"},
    {"tags",              "الكلمات المفتاحية: كازاخستان"},
    {"categories",        "تصنيفات"},
    {"stories-for-you",   "قصص قد تهمك"},
    {"read-also",         "إقرأ أيضاً:"},
    {"see-also",          "شاهد أيضا: فيديو"},
    {"related-articles",  "مقالات ذات صلة"},
};

// Lines that look like boilerplate at a glance but are article text.
const char* const KEPT_LINES[] = {
    "المزيد من الدول تتجه نحو تبني السلام والازدهار من خلال اتفاقيات إبراهيم في العالم كله",
    "إعلان كازاخستان الانضمام جاء بعد اتصال هاتفي",
    "اقرأ المزيدَ من التحليلات في عدد الغد من الصحيفة مع ملف خاص",
    "تصنيفات الدول حسب المؤشر لم تتغير هذا العام",
};
// clang-format on

pt::Parsed parse_with(const std::string& line)
{
    return pt::parse("عنوان الخبر\nالفقرة الأولى من الخبر.\n" + line + "\nالفقرة الأخيرة.\n");
}

}  // namespace

BOOST_AUTO_TEST_SUITE(plain_text)

BOOST_DATA_TEST_CASE(cleaning_rule, bdata::make(RULE_ROWS), row)
{
    const pt::Parsed parsed = parse_with(row.line);
    BOOST_TEST_REQUIRE(parsed.rules_applied.size() == 1U);
    BOOST_TEST(parsed.rules_applied[0] == row.name);
    const pt::CleaningRule* rule = nullptr;
    for (const auto& r : pt::CLEANING_RULES) {
        if (r.name == row.name) {
            rule = &r;
        }
    }
    BOOST_TEST_REQUIRE(rule != nullptr);
    const std::string expected = rule->action == pt::Action::drop_rest
                                     ? "الفقرة الأولى من الخبر."
                                     : "الفقرة الأولى من الخبر.\nالفقرة الأخيرة.";
    BOOST_TEST(parsed.text == expected);
    BOOST_TEST(parsed.title == "عنوان الخبر");
}

BOOST_AUTO_TEST_CASE(every_rule_has_a_row)
{
    akhbar::test::check_every_rule_has_a_row(RULE_ROWS, pt::CLEANING_RULES);
}

BOOST_DATA_TEST_CASE(article_text_is_kept, bdata::make(KEPT_LINES), line)
{
    const pt::Parsed parsed = parse_with(line);
    BOOST_TEST(parsed.rules_applied.empty());
    BOOST_TEST(parsed.text.find(line) != std::string::npos);
}

BOOST_AUTO_TEST_CASE(labels_date_and_source)
{
    const pt::Parsed parsed = pt::parse(
        "عنوان\nتاريخ النشر: 7th, November 2025 GMT\nنص الخبر هنا.\nالمصدر: بوابة الوفد\n");
    BOOST_TEST_REQUIRE(parsed.date.has_value());
    BOOST_TEST(akhbar::schema::format_iso(*parsed.date) == "2025-11-07");
    BOOST_TEST(parsed.source == "بوابة الوفد");
    BOOST_TEST(parsed.text == "نص الخبر هنا.");
}

BOOST_AUTO_TEST_CASE(a_date_in_prose_is_not_the_publication_date)
{
    const pt::Parsed parsed =
        pt::parse("عنوان\nتمهيد.\nتمهيد آخر.\nففي 10 أبريل 1992، أقامت الدولتان رسمياً علاقات.\n");
    BOOST_TEST(!parsed.date.has_value());
}

BOOST_AUTO_TEST_CASE(a_caption_date_outside_the_header_is_ignored)
{
    std::string text = "عنوان\n";
    for (int i = 0; i < 8; ++i) {
        text += "فقرة من الخبر رقم " + std::to_string(i) + ".\n";
    }
    text += "صورة من الاجتماع. 6 نوفمبر 2025 - رويترز\n";
    BOOST_TEST(!pt::parse(text).date.has_value());
}

BOOST_AUTO_TEST_CASE(long_first_sentence_is_kept_in_body_and_shortened_as_title)
{
    std::string sentence;
    for (int i = 0; i < 40; ++i) {
        sentence += "كلمة ";
    }
    sentence += "نهاية.";
    const pt::Parsed parsed = pt::parse(sentence + "\nفقرة ثانية.\n");
    BOOST_TEST(parsed.text.starts_with(sentence));
    BOOST_TEST(parsed.title.ends_with("\xE2\x80\xA6"));
    BOOST_TEST(parsed.title.size() < sentence.size());
}

BOOST_AUTO_TEST_CASE(empty_text)
{
    const pt::Parsed parsed = pt::parse("");
    BOOST_TEST(parsed.title.empty());
    BOOST_TEST(parsed.text.empty());
}

// The seed articles, against what each text states.
struct SeedRow {
    const char* file;
    const char* title;
    const char* date;  // from the text, or "none"
    const char* source;
    const char* first_words;  // how the cleaned body starts
    const char* last_words;   // how it ends (appended material removed)
};
std::ostream& operator<<(std::ostream& os, const SeedRow& r) { return os << r.file; }

// clang-format off
const SeedRow SEED_ROWS[] = {
    {"000_786451a9d8ba9878.txt", "كازاخستان تعلن أنها ستنضم إلى \"اتفاقات أبراهام\"",
     "none",  // the text never states its date; corpus/manifest.tsv supplies it
     "", "خطوة رمزية إلى حد كبير", "اتفاق السلام السعودي - الإسرائيلي لا يزال بعيداً."},
    {"001_c3a5d13f4eaa2ea5.txt", "كازاخستان تختار التطبيع مع إسرائيل وتبتعد عن الذاكرة الفلسطينية",
     "2025-11-07",  // "تاريخ النشر: 7th, November 2025 GMT"
     "بوابة الوفد", "أعلنت كازاخستان قرارها", "عقب انهيار الاتحاد السوفيتى."},
    {"002_9f15b159de594b2e.txt", "الرئيس الأميركي يعلن انضمام كازاخستان إلى \"اتفاقات أبراهام\"",
     "2025-11-06",  // caption "... آسيا الوسطى. 6 نوفمبر 2025 - رويترز"
     "الشرق",       // dateline "دبي -الشرق"
     "الرئيس الأميركي دونالد ترمب يتوسط", "بالرئيس الكازاخي، قاسم جومارت توكاييف."},
    {"003_8eece42878a556b8.txt", "قال الكاتب الأميركي إيشان ثارور إن الإعلان عن انضمام كازاخستان إلى اتفاقيات أبراهام يوم الخميس الماضي أثار الكثير من علامات الاستفهام.",
     "2025-11-11",  // " date 2025-11-11 قال الكاتب..."
     "", "قال الكاتب الأميركي إيشان ثارور", "من دون الدخول في صراعات المنطقة."},
    {"004_95045ce95f73ec43.txt", "كازاخستان تنضم لاتفاقيات إبراهيم: 33 عاماً من العلاقات مع إسرائيل ومستقبل الشراكة الإقليمية",
     "none",  // "10 أبريل 1992" in the body is history, not the publication date
     "", "في الآونة الأخيرة، أعلنت كازاخستان", "في السنوات القادمة."},
};
// clang-format on

BOOST_DATA_TEST_CASE(seed_article, bdata::make(SEED_ROWS), row)
{
    const std::string text =
        akhbar::test::read_file(std::string(AKHBAR_SOURCE_DIR) + "/corpus/" + row.file);
    const pt::Parsed parsed = pt::parse(text);
    BOOST_TEST(parsed.title == row.title);
    BOOST_TEST((parsed.date ? akhbar::schema::format_iso(*parsed.date) : "none") == row.date);
    BOOST_TEST(parsed.source == row.source);
    BOOST_TEST(parsed.text.starts_with(row.first_words));
    BOOST_TEST(parsed.text.ends_with(row.last_words));
    for (const char* boilerplate :
         {"Sorry, you need", "اقرأ المزيد", "قصص قد تهمك", "كلمات دلالية", "إقرأ أيضاً", "المصدر:",
          "تاريخ النشر", "المزيد من دوليات"}) {
        BOOST_TEST(parsed.text.find(boilerplate) == std::string::npos, boilerplate);
    }
}

BOOST_AUTO_TEST_SUITE_END()
