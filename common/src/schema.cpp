#include "akhbar/common/schema.hpp"

#include <array>
#include <cstdio>
#include <cstdlib>

#include "akhbar/common/error.hpp"
#include "akhbar/common/profile.hpp"
#include "akhbar/common/utf8.hpp"
#include "akhbar/common/version.hpp"

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

}  // namespace akhbar::schema

namespace akhbar {

std::string_view to_string(DateSource source) noexcept
{
    switch (source) {
    case DateSource::metadata:
        return "metadata";
    case DateSource::text:
        return "text";
    case DateSource::none:
        break;
    }
    return "none";
}

}  // namespace akhbar

namespace akhbar::schema {

std::string format_iso(std::chrono::year_month_day date)
{
    char buf[16];
    std::snprintf(buf, sizeof buf, "%04d-%02u-%02u", static_cast<int>(date.year()),
                  static_cast<unsigned>(date.month()), static_cast<unsigned>(date.day()));
    return buf;
}

std::string format_compact(std::chrono::year_month_day date)
{
    char buf[16];
    std::snprintf(buf, sizeof buf, "%04d%02u%02u", static_cast<int>(date.year()),
                  static_cast<unsigned>(date.month()), static_cast<unsigned>(date.day()));
    return buf;
}

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

namespace {

// FNV-1a, 64-bit.
class Fnv1a {
public:
    void mix(std::string_view s)
    {
        for (const char c : s) {
            m_h ^= static_cast<unsigned char>(c);
            m_h *= 0x100000001B3ULL;
        }
    }

    [[nodiscard]] std::string hex() const
    {
        char buf[17];
        std::snprintf(buf, sizeof buf, "%016llx", static_cast<unsigned long long>(m_h));
        return buf;
    }

private:
    std::uint64_t m_h = 0xCBF29CE484222325ULL;
};

}  // namespace

std::string content_hash(const StoredArticle& a)
{
    // Fields are separated by their lengths so that moving bytes from one
    // field to the next changes the hash.
    Fnv1a h;
    auto field = [&h](std::string_view s) {
        h.mix(std::to_string(s.size()));
        h.mix(":");
        h.mix(s);
    };
    field(a.id);
    field(a.title);
    field(a.date ? format_compact(*a.date) : std::string());
    field(to_string(a.date_source));
    field(a.source);
    field(a.url);
    field(a.category);
    field(a.text);
    field(a.origin);
    return h.hex();
}

std::string tie_key(std::string_view id)
{
    Fnv1a h;
    h.mix(id);
    return h.hex();
}

std::optional<std::size_t> first_paragraph_end(std::string_view text)
{
    constexpr std::string_view SPACE = " \t\r\n\v\f";
    const std::size_t start = text.find_first_not_of(SPACE);
    if (start == std::string_view::npos) {
        return std::nullopt;
    }
    const std::size_t end = text.find('\n', start);
    if (end == std::string_view::npos || text.find_first_not_of(SPACE, end) == std::string_view::npos) {
        return std::nullopt;
    }
    return end;
}

std::string encode_term(std::string_view utf8)
{
    std::string out;
    out.reserve(utf8.size());
    std::size_t pos = 0;
    while (pos < utf8.size()) {
        const std::size_t at = pos;
        const char32_t cp = utf8::next(utf8, pos);
        if (cp >= COMPACT_FIRST && cp <= COMPACT_LAST) {
            out += static_cast<char>(0x80U + (cp - COMPACT_FIRST));
        } else {
            out.append(utf8, at, pos - at);
        }
    }
    return out;
}

std::string decode_term(std::string_view term)
{
    std::string out;
    out.reserve(term.size() * 2);
    std::size_t pos = 0;
    while (pos < term.size()) {
        const auto byte = static_cast<unsigned char>(term[pos]);
        if (byte < 0x80U) {
            out += static_cast<char>(byte);
            ++pos;
        } else if (byte <= 0x80U + (COMPACT_LAST - COMPACT_FIRST)) {
            utf8::append(out, COMPACT_FIRST + (byte - 0x80U));
            ++pos;
        } else {
            // A UTF-8 sequence: its lead byte says how long it is.
            const std::size_t length = byte >= 0xF0U ? 4 : byte >= 0xE0U ? 3 : 2;
            out.append(term.substr(pos, length));
            pos += length;
        }
    }
    return out;
}

IndexInfo read_index_info(const Xapian::Database& db)
{
    IndexInfo info;
    info.schema_version = db.get_metadata(std::string(META_SCHEMA));
    info.profile = db.get_metadata(std::string(META_PROFILE));
    info.stemmer = db.get_metadata(std::string(META_STEMMER));
    info.analyzer_version = db.get_metadata(std::string(META_ANALYZER));
    info.writer_version = db.get_metadata(std::string(META_WRITER));
    return info;
}

void write_index_info(Xapian::WritableDatabase& db, std::string_view profile,
                      std::string_view stemmer)
{
    db.set_metadata(std::string(META_SCHEMA), std::to_string(SCHEMA_VERSION));
    db.set_metadata(std::string(META_ANALYZER), std::to_string(ANALYZER_VERSION));
    db.set_metadata(std::string(META_WRITER), std::string(VERSION));
    db.set_metadata(std::string(META_PROFILE), std::string(profile));
    db.set_metadata(std::string(META_STEMMER), std::string(stemmer));
}

bool require_compatible(const IndexInfo& info, Xapian::doccount documents,
                        const std::string& path)
{
    if (info.schema_version.empty()) {
        if (documents > 0) {
            throw IndexError(path + " is not an Akhbar database (it has no \"" +
                             std::string(META_SCHEMA) + "\" metadata)");
        }
        return false;
    }
    const std::string rebuild = ": rebuild it with akhbar-index --rebuild";
    if (info.schema_version != std::to_string(SCHEMA_VERSION)) {
        throw IndexError(path + " has index schema version " + info.schema_version +
                         ", this Akhbar reads version " + std::to_string(SCHEMA_VERSION) +
                         rebuild);
    }
    if (info.analyzer_version != std::to_string(ANALYZER_VERSION)) {
        throw IndexError(path + " was analyzed with analyzer version " + info.analyzer_version +
                         ", this Akhbar uses version " + std::to_string(ANALYZER_VERSION) +
                         rebuild);
    }
    try {
        (void)find_profile(info.profile);
    } catch (const InvalidArgument&) {
        throw IndexError(path + " was built with analyzer profile \"" + info.profile +
                         "\", which this Akhbar does not know" + rebuild);
    }
    return true;
}

std::filesystem::path default_database_path()
{
    if (const char* env = std::getenv("AKHBAR_DB"); env != nullptr && *env != '\0') {
        return env;
    }
    if (const char* xdg = std::getenv("XDG_DATA_HOME"); xdg != nullptr && *xdg != '\0') {
        return std::filesystem::path(xdg) / "akhbar" / "default.db";
    }
    if (const char* home = std::getenv("HOME"); home != nullptr && *home != '\0') {
        return std::filesystem::path(home) / ".local" / "share" / "akhbar" / "default.db";
    }
    return "akhbar.db";
}

}  // namespace akhbar::schema
