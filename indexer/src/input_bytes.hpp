#pragma once
/// @file
/// The input of the JSON Lines reader: the bytes of a file or of standard
/// input, gunzipped as they come. Internal to the indexer.

#include <zlib.h>

#include <atomic>
#include <cstddef>
#include <cstdint>
#include <string>
#include <vector>

namespace akhbar::detail {

/// Bytes read from the input at a time.
inline constexpr std::size_t READ_CHUNK = std::size_t{1} << 16U;

// The bytes of a file or of standard input, gunzipped when they start with
// gzip's magic bytes (concatenated members too). Unlike zlib's gzread, which
// waits until its whole buffer is filled, it hands out what has arrived, and
// waits for input with poll(), so that a pipe with no data yet can be
// cancelled.
class InputBytes {
public:
    InputBytes(int fd, bool owned, const std::atomic<bool>* cancel);
    InputBytes(const InputBytes&) = delete;
    InputBytes& operator=(const InputBytes&) = delete;
    ~InputBytes();

    // Up to `size` bytes into `out`; 0 at the end of the input, on an error
    // (error() says which) or when cancelled.
    std::size_t read(char* out, std::size_t size);

    [[nodiscard]] bool gzip() const noexcept { return m_gzip; }
    [[nodiscard]] bool cancelled() const noexcept { return m_was_cancelled; }
    /// Empty, or what went wrong ("corrupt gzip data (incorrect data check)").
    [[nodiscard]] const std::string& error() const noexcept { return m_error; }
    /// True when the error means the decoded bytes cannot be trusted (a
    /// failed check or invalid deflate data), not only that input ended early.
    [[nodiscard]] bool damaged() const noexcept { return m_damaged; }
    /// Input bytes consumed (compressed bytes for gzip).
    [[nodiscard]] std::uintmax_t consumed() const noexcept { return m_consumed; }

private:
    // Raw bytes straight from the descriptor; 0 at the end, on error or
    // cancellation.
    std::size_t fill_raw(char* out, std::size_t size);
    void start();
    std::size_t inflate_some(char* out, std::size_t size);

    int m_fd;
    bool m_owned;
    const std::atomic<bool>* m_cancel;
    std::vector<char> m_in;
    std::size_t m_in_pos = 0;
    std::size_t m_in_end = 0;
    std::uintmax_t m_consumed = 0;
    bool m_started = false;
    bool m_gzip = false;
    bool m_inflating = false;
    bool m_member_started = false;
    bool m_finished = false;
    bool m_was_cancelled = false;
    bool m_damaged = false;
    std::string m_error;
    z_stream m_z{};
};

}  // namespace akhbar::detail
