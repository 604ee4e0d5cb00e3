#pragma once
// What every Akhbar fuzz target shares: a check that stops the run with a
// message (libFuzzer then saves the input as crash-*), and the bytes as text.

#include <cstddef>
#include <cstdint>
#include <cstdio>
#include <cstdlib>
#include <string_view>

namespace akhbar::fuzz {

// An invariant the code promises. abort() rather than an exception, so that
// libFuzzer records the input and the stack, whatever the target catches.
#define AKHBAR_FUZZ_CHECK(cond, what)                                                   \
    do {                                                                                \
        if (!(cond)) {                                                                  \
            std::fprintf(stderr, "%s:%d: invariant failed: %s (%s)\n", __FILE__, __LINE__, \
                         #cond, what);                                                  \
            std::abort();                                                               \
        }                                                                               \
    } while (false)

inline std::string_view as_text(const std::uint8_t* data, std::size_t size) noexcept
{
    return {reinterpret_cast<const char*>(data), size};
}

// True when byte `pos` of `text` starts a code point (or is the end).
inline bool on_boundary(std::string_view text, std::size_t pos) noexcept
{
    return pos == text.size() ||
           (pos < text.size() && (static_cast<unsigned char>(text[pos]) & 0xC0U) != 0x80U);
}

}  // namespace akhbar::fuzz
