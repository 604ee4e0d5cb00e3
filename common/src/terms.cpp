#include "akhbar/common/terms.hpp"

#include "akhbar/common/utf8.hpp"

namespace akhbar::schema {

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

std::optional<Xapian::docid> document_of(const Xapian::Database& db, std::string_view id)
{
    std::string id_term(PREFIX_ID);
    id_term += id;
    if (id.empty() || id_term.size() > MAX_TERM_BYTES) {
        return std::nullopt;
    }
    const auto it = db.postlist_begin(id_term);
    if (it == db.postlist_end(id_term)) {
        return std::nullopt;
    }
    return *it;
}

}  // namespace akhbar::schema
