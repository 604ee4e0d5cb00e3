#include "akhbar/common/record.hpp"

#include <chrono>
#include <cstdint>
#include <optional>

#include "akhbar/common/date_format.hpp"
#include "akhbar/common/error.hpp"

namespace akhbar::schema {

namespace {

// Record layout, version 1:
//   byte  version (1)
//   byte  date source (0 none, 1 metadata, 2 text)
//   field date ("YYYYMMDD" or empty)
//   field id, title, source, url, category, origin, text
// where a field is a varint byte length followed by the bytes. The record is
// not compressed here: Xapian's glass backend deflates document data itself
// (measured: compressing first made the docdata table larger, and slower).
constexpr unsigned char RECORD_VERSION = 1;

void put_varint(std::string& out, std::uint64_t value)
{
    while (value >= 0x80U) {
        out += static_cast<char>((value & 0x7FU) | 0x80U);
        value >>= 7;
    }
    out += static_cast<char>(value);
}

void put_field(std::string& out, std::string_view field)
{
    put_varint(out, field.size());
    out += field;
}

class Reader {
public:
    explicit Reader(std::string_view data) : m_data(data) {}

    unsigned char byte()
    {
        need(1);
        return static_cast<unsigned char>(m_data[m_pos++]);
    }

    std::uint64_t varint()
    {
        std::uint64_t value = 0;
        for (int shift = 0; shift < 64; shift += 7) {
            const unsigned char b = byte();
            value |= static_cast<std::uint64_t>(b & 0x7FU) << shift;
            if ((b & 0x80U) == 0) {
                return value;
            }
        }
        fail("varint too long");
    }

    std::string field()
    {
        const std::uint64_t size = varint();
        need(size);
        std::string out(m_data.substr(m_pos, size));
        m_pos += size;
        return out;
    }

    [[nodiscard]] bool at_end() const noexcept { return m_pos == m_data.size(); }

    [[noreturn]] static void fail(const std::string& what)
    {
        throw IndexError("corrupt document data: " + what);
    }

private:
    void need(std::uint64_t n) const
    {
        if (n > m_data.size() - m_pos) {
            fail("record truncated");
        }
    }
    std::string_view m_data;
    std::size_t m_pos = 0;
};

std::optional<std::chrono::year_month_day> parse_compact(std::string_view s)
{
    if (s.empty()) {
        return std::nullopt;
    }
    auto digits = [&](std::size_t from, std::size_t n) {
        int v = 0;
        for (std::size_t i = from; i < from + n; ++i) {
            if (s[i] < '0' || s[i] > '9') {
                Reader::fail("bad date \"" + std::string(s) + "\"");
            }
            v = v * 10 + (s[i] - '0');
        }
        return v;
    };
    if (s.size() != 8) {
        Reader::fail("bad date \"" + std::string(s) + "\"");
    }
    const std::chrono::year_month_day date{std::chrono::year{digits(0, 4)},
                                           std::chrono::month{static_cast<unsigned>(digits(4, 2))},
                                           std::chrono::day{static_cast<unsigned>(digits(6, 2))}};
    if (!date.ok()) {
        Reader::fail("bad date \"" + std::string(s) + "\"");
    }
    return date;
}

}  // namespace

std::string encode(const StoredArticle& a)
{
    std::string out;
    out.reserve(a.text.size() + a.title.size() + a.url.size() + a.origin.size() + 64);
    out += static_cast<char>(RECORD_VERSION);
    out += static_cast<char>(a.date_source);
    put_field(out, a.date ? format_compact(*a.date) : std::string());
    for (const std::string* field :
         {&a.id, &a.title, &a.source, &a.url, &a.category, &a.origin, &a.text}) {
        put_field(out, *field);
    }
    return out;
}

StoredArticle decode(std::string_view data)
{
    Reader in(data);
    if (const unsigned char version = in.byte(); version != RECORD_VERSION) {
        Reader::fail("unknown record version " + std::to_string(version));
    }
    StoredArticle a;
    const unsigned char date_source = in.byte();
    if (date_source > static_cast<unsigned char>(DateSource::text)) {
        Reader::fail("unknown date source " + std::to_string(date_source));
    }
    a.date_source = static_cast<DateSource>(date_source);
    a.date = parse_compact(in.field());
    for (std::string* field :
         {&a.id, &a.title, &a.source, &a.url, &a.category, &a.origin, &a.text}) {
        *field = in.field();
    }
    if (!in.at_end()) {
        Reader::fail("trailing bytes after the record");
    }
    return a;
}

std::string encode_story_members(const std::vector<std::string>& ids)
{
    std::string out;
    for (const std::string& id : ids) {
        put_field(out, id);
    }
    return out;
}

std::vector<std::string> decode_story_members(std::string_view value)
{
    Reader in(value);
    std::vector<std::string> ids;
    while (!in.at_end()) {
        ids.push_back(in.field());
    }
    return ids;
}

}  // namespace akhbar::schema
