#pragma once
// What reaches a terminal must not act on it: the check shared by the
// printer tests and the CLI tests (issue #15, point 7).

#include <sstream>
#include <string>
#include <vector>

#include <boost/test/unit_test.hpp>

#include "akhbar/common/utf8.hpp"

namespace akhbar::test {

/// Checks `out` holds nothing a terminal obeys: valid UTF-8, no control but
/// line ends and tabs (TSV columns), no DEL or C1 control, no bidi embedding
/// or override, and bidi isolates only as the printers' own FSI … PDI pairs
/// closed on their line (none at all unless `isolates_allowed`).
inline void check_terminal_safe(const std::string& out, bool isolates_allowed)
{
    BOOST_TEST_REQUIRE(!utf8::find_invalid(out).has_value());
    int open = 0;
    std::size_t pos = 0;
    while (pos < out.size()) {
        const char32_t cp = utf8::next(out, pos);
        BOOST_TEST_CONTEXT("U+" << std::hex << static_cast<unsigned>(cp) << " before byte "
                                << std::dec << pos)
        {
            BOOST_TEST((cp >= 0x20 || cp == U'\n' || cp == U'\t'));
            BOOST_TEST(!(cp >= 0x7F && cp <= 0x9F));
            BOOST_TEST(!(cp >= 0x202A && cp <= 0x202E));
            BOOST_TEST(!(cp == 0x2066 || cp == 0x2067));
            if (cp == 0x2068) {
                BOOST_TEST(isolates_allowed);
                ++open;
            } else if (cp == 0x2069) {
                BOOST_TEST(--open >= 0);
            } else if (cp == U'\n') {
                BOOST_TEST(open == 0);
            }
        }
    }
}

/// The lines of `out`, without their line ends.
inline std::vector<std::string> lines_of(const std::string& out)
{
    std::vector<std::string> lines;
    std::istringstream in(out);
    for (std::string line; std::getline(in, line);) {
        lines.push_back(line);
    }
    return lines;
}

/// `out` without the printers' bidi isolates (FSI, PDI), as a reader sees it.
inline std::string without_isolates(std::string out)
{
    for (const std::string mark : {"\xE2\x81\xA8", "\xE2\x81\xA9"}) {
        for (auto at = out.find(mark); at != std::string::npos; at = out.find(mark)) {
            out.erase(at, mark.size());
        }
    }
    return out;
}

}  // namespace akhbar::test
