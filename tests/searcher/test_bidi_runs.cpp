// Left-to-right runs isolated for a terminal (bidi_runs.hpp): a run is found
// by ICU's bidi classes, and never split inside a word or an id.
// One named row per rule; `{` and `}` stand for FSI (U+2068) and PDI (U+2069).

#include <boost/test/data/test_case.hpp>
#include <boost/test/unit_test.hpp>

#include <ostream>
#include <string>

#include "bidi_runs.hpp"

namespace {

struct Row {
    const char* name;
    std::string text;
    std::string isolated;  // `{` FSI, `}` PDI
};
std::ostream& operator<<(std::ostream& os, const Row& r) { return os << r.name; }

const Row ROWS[] = {
    {"a Latin word in Arabic text", "قال Reuters إن", "قال {Reuters} إن"},
    {"an apostrophe inside a name", "ساحل العاج Côte d'Ivoire اليوم",
     "ساحل العاج {Côte d'Ivoire} اليوم"},
    {"an id with an underscore", "001_c3a5d13f4eaa2ea5", "{001_c3a5d13f4eaa2ea5}"},
    {"the --like header", "related:001_c3a5d13f4eaa2ea5", "{related:001_c3a5d13f4eaa2ea5}"},
    {"an ISO date", "في 2025-11-07 قال", "في {2025-11-07} قال"},
    {"digits and letters after a clitic", "بـ5G", "بـ{5G}"},
    {"Latin words, digits and spaces are one run", "Real Madrid 3 - 1 Barcelona",
     "{Real Madrid 3 - 1 Barcelona}"},
    {"an Arabic word splits two runs", "BBC و CNN", "{BBC} و {CNN}"},
    {"an Arabic comma after a run stays out", "قال Trump، ثم", "قال {Trump}، ثم"},
    {"brackets around a run stay out", "قال (Reuters) إن", "قال ({Reuters}) إن"},
    {"a bracket opened in a run closes in it", "Abc (xyz) عربي", "{Abc (xyz)} عربي"},
    {"a combining mark on the last letter", "قال Cafe\xCC\x81 ثم", "قال {Cafe\xCC\x81} ثم"},
    {"Arabic-Indic digits (AN) stay in the flow", "عام ٢٠٢٥ قال", "عام ٢٠٢٥ قال"},
    {"an escape is one run with its backslash", "نص \\x1B[2J نص", "نص {\\x1B[2J} نص"},
    {"Arabic only", "اتفاقات أبراهام", "اتفاقات أبراهام"},
    {"empty", "", ""},
};

std::string shown(std::string text)
{
    for (const auto& [mark, sign] : {std::pair{"\xE2\x81\xA8", "{"}, std::pair{"\xE2\x81\xA9", "}"}}) {
        for (auto at = text.find(mark); at != std::string::npos; at = text.find(mark)) {
            text.replace(at, 3, sign);
        }
    }
    return text;
}

}  // namespace

BOOST_AUTO_TEST_SUITE(bidi_runs)

BOOST_DATA_TEST_CASE(left_to_right_runs, boost::unit_test::data::make(ROWS), row)
{
    BOOST_TEST(shown(akhbar::detail::isolate_ltr_runs(row.text)) == row.isolated);
}

BOOST_AUTO_TEST_CASE(a_whole_field)
{
    BOOST_TEST(shown(akhbar::detail::isolate_whole("بوابة الوفد")) == "{بوابة الوفد}");
}

BOOST_AUTO_TEST_SUITE_END()
