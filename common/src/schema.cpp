#include "akhbar/common/schema.hpp"

#include <zlib.h>

#include <array>
#include <cstdio>
#include <cstdlib>

#include "akhbar/common/error.hpp"
#include "akhbar/common/profile.hpp"
#include "akhbar/common/version.hpp"

namespace akhbar::schema {

namespace {

// Record layout, version 1:
//   byte  version (1)
//   byte  date source (0 none, 1 metadata, 2 text)
//   field date ("YYYYMMDD" or empty)
//   field id, title, source, url, category, origin
//   byte  text encoding (0 raw, 1 deflate)
//   varint uncompressed text length
//   field text (raw or deflated bytes)
// where a field is a varint byte length followed by the bytes.
constexpr unsigned char RECORD_VERSION = 1;
constexpr unsigned char TEXT_RAW = 0;
constexpr unsigned char TEXT_DEFLATE = 1;
// Below this, deflate rarely pays for its header.
constexpr std::size_t COMPRESS_MIN_BYTES = 64;

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
    out.reserve(a.text.size() / 2 + a.title.size() + 128);
    out += static_cast<char>(RECORD_VERSION);
    out += static_cast<char>(a.date_source);
    put_field(out, a.date ? format_compact(*a.date) : std::string());
    for (const std::string* field : {&a.id, &a.title, &a.source, &a.url, &a.category, &a.origin}) {
        put_field(out, *field);
    }
    if (a.text.size() >= COMPRESS_MIN_BYTES) {
        uLongf size = compressBound(static_cast<uLong>(a.text.size()));
        std::string deflated(size, '\0');
        if (compress2(reinterpret_cast<Bytef*>(deflated.data()), &size,
                      reinterpret_cast<const Bytef*>(a.text.data()),
                      static_cast<uLong>(a.text.size()), Z_DEFAULT_COMPRESSION) == Z_OK &&
            size < a.text.size()) {
            deflated.resize(size);
            out += static_cast<char>(TEXT_DEFLATE);
            put_varint(out, a.text.size());
            put_field(out, deflated);
            return out;
        }
    }
    out += static_cast<char>(TEXT_RAW);
    put_varint(out, a.text.size());
    put_field(out, a.text);
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
    for (std::string* field : {&a.id, &a.title, &a.source, &a.url, &a.category, &a.origin}) {
        *field = in.field();
    }
    const unsigned char encoding = in.byte();
    const std::uint64_t length = in.varint();
    std::string stored = in.field();
    if (encoding == TEXT_RAW) {
        a.text = std::move(stored);
    } else if (encoding == TEXT_DEFLATE) {
        if (length > (std::uint64_t{1} << 32)) {
            Reader::fail("implausible text length");
        }
        a.text.assign(length, '\0');
        uLongf size = static_cast<uLongf>(length);
        if (uncompress(reinterpret_cast<Bytef*>(a.text.data()), &size,
                       reinterpret_cast<const Bytef*>(stored.data()),
                       static_cast<uLong>(stored.size())) != Z_OK ||
            size != length) {
            Reader::fail("text does not inflate");
        }
    } else {
        Reader::fail("unknown text encoding " + std::to_string(encoding));
    }
    if (a.text.size() != length) {
        Reader::fail("text length mismatch");
    }
    return a;
}

std::string content_hash(const StoredArticle& a)
{
    // FNV-1a, 64-bit; fields are separated by their lengths so that moving
    // bytes from one field to the next changes the hash.
    std::uint64_t h = 0xCBF29CE484222325ULL;
    auto mix = [&h](std::string_view s) {
        for (const char c : s) {
            h ^= static_cast<unsigned char>(c);
            h *= 0x100000001B3ULL;
        }
    };
    auto field = [&](std::string_view s) {
        mix(std::to_string(s.size()));
        mix(":");
        mix(s);
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
    char buf[17];
    std::snprintf(buf, sizeof buf, "%016llx", static_cast<unsigned long long>(h));
    return buf;
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
