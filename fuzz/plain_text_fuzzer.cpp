// The plain-text article reader (title, cleaning, date, source): any valid
// UTF-8 text gives valid UTF-8 fields, a title no longer than
// MAX_TITLE_CHARS code points (and its ellipsis), a body no longer than the
// input, and a real date.

#include <cstddef>
#include <cstdint>
#include <string>

#include "akhbar/common/utf8.hpp"
#include "akhbar/indexer/plain_text.hpp"
#include "fuzz_check.hpp"

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size)
{
    namespace pt = akhbar::plain_text;
    const std::string_view text = akhbar::fuzz::as_text(data, size);
    // The reader (sources.cpp) refuses NUL bytes and invalid UTF-8 before it
    // calls parse(), whose contract is valid UTF-8.
    if (text.find('\0') != std::string_view::npos || akhbar::utf8::find_invalid(text)) {
        return 0;
    }
    const pt::Parsed parsed = pt::parse(text);
    for (const std::string* field : {&parsed.title, &parsed.text, &parsed.source}) {
        AKHBAR_FUZZ_CHECK(!akhbar::utf8::find_invalid(*field), "fields are valid UTF-8");
    }
    // A cut title ends with an ellipsis after its MAX_TITLE_CHARS code points.
    AKHBAR_FUZZ_CHECK(akhbar::utf8::decode(parsed.title).size() <= pt::MAX_TITLE_CHARS + 1,
                      "title within MAX_TITLE_CHARS");
    AKHBAR_FUZZ_CHECK(parsed.text.size() <= text.size(), "cleaning never adds text");
    AKHBAR_FUZZ_CHECK(!parsed.date || parsed.date->ok(), "a real date");
    return 0;
}
