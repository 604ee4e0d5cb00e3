#include "input_bytes.hpp"

#include <poll.h>
#include <unistd.h>

#include <algorithm>
#include <cerrno>
#include <cstring>
#include <new>

namespace akhbar::detail {

namespace {

// How long a wait for input lasts before the cancel flag is looked at again
// (a signal cuts it short: Linux never restarts poll(), whatever SA_RESTART).
constexpr int POLL_MS = 200;

bool is_cancelled(const std::atomic<bool>* cancel)
{
    return cancel != nullptr && cancel->load();
}

}  // namespace

InputBytes::InputBytes(int fd, bool owned, const std::atomic<bool>* cancel)
    : m_fd(fd), m_owned(owned), m_cancel(cancel), m_in(READ_CHUNK)
{
}

InputBytes::~InputBytes()
{
    if (m_inflating) {
        inflateEnd(&m_z);
    }
    if (m_owned) {
        ::close(m_fd);
    }
}

std::size_t InputBytes::read(char* out, std::size_t size)
{
    if (!m_started) {
        start();
    }
    if (!m_gzip) {
        if (m_in_pos < m_in_end) {
            const std::size_t n = std::min(size, m_in_end - m_in_pos);
            std::copy_n(m_in.data() + m_in_pos, n, out);
            m_in_pos += n;
            return n;
        }
        return fill_raw(out, size);
    }
    return inflate_some(out, size);
}

std::size_t InputBytes::fill_raw(char* out, std::size_t size)
{
    for (;;) {
        if (is_cancelled(m_cancel)) {
            m_was_cancelled = true;
            return 0;
        }
        pollfd p{m_fd, POLLIN, 0};
        const int ready = ::poll(&p, 1, POLL_MS);
        if (ready < 0 && errno != EINTR) {
            m_error = std::string("cannot read: ") + std::strerror(errno);
            return 0;
        }
        if (ready <= 0) {
            continue;
        }
        const ssize_t n = ::read(m_fd, out, size);
        if (n < 0) {
            if (errno == EINTR || errno == EAGAIN) {
                continue;
            }
            m_error = std::string("cannot read: ") + std::strerror(errno);
            return 0;
        }
        m_consumed += static_cast<std::uintmax_t>(n);
        return static_cast<std::size_t>(n);
    }
}

void InputBytes::start()
{
    m_started = true;
    // Two bytes decide: gzip's magic 1F 8B.
    while (m_in_end < 2) {
        const std::size_t n = fill_raw(m_in.data() + m_in_end, m_in.size() - m_in_end);
        if (n == 0) {
            break;
        }
        m_in_end += n;
    }
    m_gzip = m_in_end >= 2 && static_cast<unsigned char>(m_in[0]) == 0x1FU &&
             static_cast<unsigned char>(m_in[1]) == 0x8BU;
    if (m_gzip) {
        m_z = z_stream{};
        // 16 + MAX_WBITS: gzip wrapper, whose CRC-32 and length inflate checks.
        if (inflateInit2(&m_z, 16 + MAX_WBITS) != Z_OK) {
            throw std::bad_alloc();
        }
        m_inflating = true;
    }
}

std::size_t InputBytes::inflate_some(char* out, std::size_t size)
{
    if (m_finished || !m_error.empty()) {
        return 0;
    }
    m_z.next_out = reinterpret_cast<Bytef*>(out);
    m_z.avail_out = static_cast<uInt>(size);
    while (m_z.avail_out == size) {
        if (m_in_pos == m_in_end) {
            m_in_pos = 0;
            m_in_end = fill_raw(m_in.data(), m_in.size());
            if (m_in_end == 0) {
                if (!m_was_cancelled && m_error.empty() && m_member_started) {
                    m_error = "truncated gzip data (unexpected end of file)";
                }
                m_finished = m_error.empty();
                break;
            }
        }
        if (!m_member_started) {
            // After a member: another one, or the end. zlib's gzread ends
            // at bytes that start no member; so does this.
            if (static_cast<unsigned char>(m_in[m_in_pos]) != 0x1FU) {
                m_finished = true;
                break;
            }
            m_member_started = true;
        }
        m_z.next_in = reinterpret_cast<Bytef*>(m_in.data() + m_in_pos);
        m_z.avail_in = static_cast<uInt>(m_in_end - m_in_pos);
        const int rc = ::inflate(&m_z, Z_NO_FLUSH);
        m_in_pos = m_in_end - m_z.avail_in;
        if (rc == Z_STREAM_END) {
            inflateReset(&m_z);
            m_member_started = false;
        } else if (rc == Z_DATA_ERROR || rc == Z_NEED_DICT) {
            m_error = std::string("corrupt gzip data (") +
                      (m_z.msg != nullptr ? m_z.msg : "invalid data") + ")";
            m_damaged = true;
            break;
        } else if (rc == Z_MEM_ERROR) {
            throw std::bad_alloc();
        }
    }
    return size - m_z.avail_out;
}

}  // namespace akhbar::detail
