// The date parser: any bytes give a real calendar date or nothing; a date
// find() locates in a line lies on code-point boundaries and parses back to
// itself; a text parse() accepts is found by find() at its start.

#include <cstddef>
#include <cstdint>

#include "akhbar/common/dates.hpp"
#include "akhbar/common/utf8.hpp"
#include "fuzz_check.hpp"

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size)
{
    namespace dates = akhbar::dates;
    const std::string_view text = akhbar::fuzz::as_text(data, size);

    const auto parsed = dates::parse(text);
    AKHBAR_FUZZ_CHECK(!parsed || parsed->ok(), "parse() gives a real date");
    if (akhbar::utf8::find_invalid(text)) {
        AKHBAR_FUZZ_CHECK(!parsed, "invalid UTF-8 is not a date");
        return 0;  // find() requires valid UTF-8
    }
    const auto found = dates::find(text);
    if (parsed) {
        AKHBAR_FUZZ_CHECK(found && found->date == *parsed, "find() finds what parse() reads");
    }
    if (found) {
        AKHBAR_FUZZ_CHECK(found->date.ok(), "find() gives a real date");
        AKHBAR_FUZZ_CHECK(found->start < found->end && found->end <= text.size(),
                          "range inside the line");
        AKHBAR_FUZZ_CHECK(akhbar::fuzz::on_boundary(text, found->start) &&
                              akhbar::fuzz::on_boundary(text, found->end),
                          "range on code-point boundaries");
        const auto again = dates::parse(text.substr(found->start, found->end - found->start));
        AKHBAR_FUZZ_CHECK(again && *again == found->date, "the found text parses to the date");
    }
    return 0;
}
