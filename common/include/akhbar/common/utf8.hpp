#pragma once
/// @file
/// Strict UTF-8 decoding and encoding. Strict means: no overlong forms, no
/// surrogates, nothing above U+10FFFF, no truncated sequences (RFC 3629).

#include <cstddef>
#include <optional>
#include <string>
#include <string_view>

namespace akhbar::utf8 {

/// Byte offset of the first byte of `text` that is not part of a well-formed
/// UTF-8 sequence, or nothing when the whole text is valid.
[[nodiscard]] std::optional<std::size_t> find_invalid(std::string_view text) noexcept;

/// Throws akhbar::Utf8Error naming the offset of the first invalid byte.
void validate(std::string_view text);

/// Decodes the code point starting at `text[pos]` and advances `pos` past it.
/// Precondition: `text` is valid UTF-8 and `pos < text.size()`.
[[nodiscard]] char32_t next(std::string_view text, std::size_t& pos) noexcept;

/// Appends the UTF-8 encoding of code point `cp` (which must be a scalar value).
void append(std::string& out, char32_t cp);

/// Decodes valid UTF-8 into code points.
[[nodiscard]] std::u32string decode(std::string_view text);

/// Encodes code points as UTF-8.
[[nodiscard]] std::string encode(std::u32string_view text);

}  // namespace akhbar::utf8
