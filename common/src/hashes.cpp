#include "akhbar/common/hashes.hpp"

#include <cstdint>
#include <cstdio>

#include "akhbar/common/date_format.hpp"
#include "akhbar/common/terms.hpp"

namespace akhbar::schema {

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

std::string url_term(std::string_view url)
{
    std::string t(PREFIX_URL);
    if (t.size() + url.size() <= MAX_TERM_BYTES) {
        return t += url;
    }
    Fnv1a h;
    h.mix(url);
    return t + "#" + h.hex();
}

}  // namespace akhbar::schema
