#include "akhbar/common/spelling_lexicon.hpp"

#include <algorithm>
#include <cstdint>
#include <limits>
#include <map>

#include "akhbar/common/error.hpp"

// The lexicon lives in the database's user metadata, not in Xapian's
// spelling table: add_spelling() writes, for every word, posting lists of
// its byte fragments (head, tail, bookends, trigrams; glass_spelling.cc),
// 12% of a bulk build's time, which Akhbar's own spelling index does not
// read; and the table cannot keep a written form.
//
// Format 1: key META_LEXICON = "1 BUCKETS"; key META_LEXICON_BUCKET + the
// bucket number in 4 hex digits, for every bucket holding a word (FNV-1a of
// the normalized word, modulo BUCKETS). A bucket is its entries in byte order
// of the normalized word, each: length and bytes of the normalized word,
// length and bytes of the written form (length 0: the same as the normalized
// word), count, written count; every number an unsigned LEB128 varint.
// Buckets keep a whole read to one pass over a few thousand keys and an
// update of a few articles to the buckets of their words.

namespace akhbar::schema {

namespace {

constexpr std::string_view FORMAT_VERSION = "1";

std::uint32_t fnv1a(std::string_view s)
{
    std::uint32_t h = 2166136261U;
    for (const char c : s) {
        h ^= static_cast<unsigned char>(c);
        h *= 16777619U;
    }
    return h;
}

std::string bucket_key(unsigned bucket)
{
    static constexpr char HEX[] = "0123456789abcdef";
    std::string key(META_LEXICON_BUCKET);
    for (int shift = 12; shift >= 0; shift -= 4) {
        key += HEX[(bucket >> static_cast<unsigned>(shift)) & 0xFU];
    }
    return key;
}

Xapian::termcount saturating_add(Xapian::termcount a, Xapian::termcount b)
{
    const Xapian::termcount max = std::numeric_limits<Xapian::termcount>::max();
    return a > max - b ? max : a + b;
}

void put_varint(std::string& out, std::uint64_t n)
{
    while (n >= 0x80U) {
        out += static_cast<char>((n & 0x7FU) | 0x80U);
        n >>= 7U;
    }
    out += static_cast<char>(n);
}

// Reads one bucket, naming its key in every error.
class BucketReader {
public:
    BucketReader(std::string_view key, std::string_view data) : m_key(key), m_data(data) {}

    [[nodiscard]] bool done() const noexcept { return m_pos == m_data.size(); }

    std::uint64_t varint()
    {
        std::uint64_t n = 0;
        for (unsigned shift = 0; shift < 64; shift += 7) {
            if (m_pos == m_data.size()) {
                fail();
            }
            const auto byte = static_cast<unsigned char>(m_data[m_pos++]);
            n |= static_cast<std::uint64_t>(byte & 0x7FU) << shift;
            if ((byte & 0x80U) == 0) {
                return n;
            }
        }
        fail();
    }

    Xapian::termcount count()
    {
        const std::uint64_t n = varint();
        if (n > std::numeric_limits<Xapian::termcount>::max()) {
            fail();
        }
        return static_cast<Xapian::termcount>(n);
    }

    std::string_view bytes()
    {
        const std::uint64_t n = varint();
        if (n > m_data.size() - m_pos) {
            fail();
        }
        const std::string_view s = m_data.substr(m_pos, n);
        m_pos += n;
        return s;
    }

    [[noreturn]] void fail() const
    {
        throw IndexError("spelling lexicon: metadata \"" + std::string(m_key) +
                         "\" is not in lexicon format " + std::string(FORMAT_VERSION));
    }

private:
    std::string_view m_key;
    std::string_view m_data;
    std::size_t m_pos = 0;
};

// One bucket, kept sorted so that its encoding does not depend on the order
// words were merged in.
using Bucket = std::map<std::string, LexiconTally, std::less<>>;

// Calls emit(normalized, tally) for each entry of the bucket at `key`.
template <typename Emit>
void for_each_entry(std::string_view key, std::string_view data, Emit&& emit)
{
    BucketReader in(key, data);
    while (!in.done()) {
        std::string normalized(in.bytes());
        const std::string_view written = in.bytes();
        LexiconTally t;
        t.written = written.empty() ? normalized : std::string(written);
        t.count = in.count();
        t.written_count = in.count();
        if (normalized.empty()) {
            in.fail();
        }
        emit(std::move(normalized), std::move(t));
    }
}

void decode_bucket(std::string_view key, std::string_view data, Bucket& into)
{
    for_each_entry(key, data, [&](std::string normalized, LexiconTally t) {
        const auto [it, added] = into.try_emplace(std::move(normalized), t);
        if (!added) {
            merge_tally(it->second, t);
        }
    });
}

std::string encode_bucket(const Bucket& bucket)
{
    std::string out;
    for (const auto& [normalized, t] : bucket) {
        put_varint(out, normalized.size());
        out += normalized;
        const std::string_view written =
            t.written == normalized ? std::string_view{} : std::string_view{t.written};
        put_varint(out, written.size());
        out += written;
        put_varint(out, t.count);
        put_varint(out, t.written_count);
    }
    return out;
}

// The bucket count of `db`'s lexicon; 0 when it has none.
unsigned bucket_count(const Xapian::Database& db)
{
    const std::string format = db.get_metadata(std::string(META_LEXICON));
    if (format.empty()) {
        return 0;
    }
    const std::string prefix = std::string(FORMAT_VERSION) + " ";
    if (!format.starts_with(prefix)) {
        throw IndexError("spelling lexicon: format \"" + format + "\" is not format " +
                         std::string(FORMAT_VERSION) + ": rebuild with akhbar-index --rebuild");
    }
    unsigned n = 0;
    for (std::size_t i = prefix.size(); i < format.size(); ++i) {
        if (format[i] < '0' || format[i] > '9' || n > 0xFFFFU) {
            n = 0;
            break;
        }
        n = n * 10 + static_cast<unsigned>(format[i] - '0');
    }
    if (n == 0 || n > 0x10000U) {
        throw IndexError("spelling lexicon: bad bucket count in \"" + format + "\"");
    }
    return n;
}

// Xapian's spelling table, as written before the lexicon: no written forms.
LexiconTallies read_spelling_table(const Xapian::Database& db)
{
    LexiconTallies out;
    for (auto it = db.spellings_begin(); it != db.spellings_end(); ++it) {
        const Xapian::termcount n = it.get_termfreq();
        out[*it] = {*it, n, n};
    }
    return out;
}

}  // namespace

void merge_tally(LexiconTally& into, const LexiconTally& from)
{
    into.count = saturating_add(into.count, from.count);
    if (into.written == from.written) {
        into.written_count = saturating_add(into.written_count, from.written_count);
    } else if (from.written_count > into.written_count ||
               (from.written_count == into.written_count && from.written < into.written)) {
        into.written = from.written;
        into.written_count = from.written_count;
    }
}

void merge_tallies(LexiconTallies& into, const LexiconTallies& from)
{
    for (const auto& [word, t] : from) {
        const auto [it, added] = into.try_emplace(word, t);
        if (!added) {
            merge_tally(it->second, t);
        }
    }
}

LexiconTallies read_spelling_tallies(const Xapian::Database& db)
{
    if (bucket_count(db) == 0) {
        return read_spelling_table(db);
    }
    Bucket all;
    const std::string prefix(META_LEXICON_BUCKET);
    for (auto it = db.metadata_keys_begin(prefix); it != db.metadata_keys_end(prefix); ++it) {
        decode_bucket(*it, db.get_metadata(*it), all);
    }
    LexiconTallies out;
    out.reserve(all.size());
    for (auto& [word, t] : all) {
        out.emplace(word, std::move(t));
    }
    return out;
}

std::vector<LexiconWord> read_spelling_lexicon(const Xapian::Database& db)
{
    std::vector<LexiconWord> words;
    if (bucket_count(db) == 0) {
        for (auto it = db.spellings_begin(); it != db.spellings_end(); ++it) {
            words.push_back({*it, *it, it.get_termfreq()});
        }
        return words;  // the table lists words in byte order
    }
    const std::string prefix(META_LEXICON_BUCKET);
    for (auto it = db.metadata_keys_begin(prefix); it != db.metadata_keys_end(prefix); ++it) {
        for_each_entry(*it, db.get_metadata(*it), [&](std::string normalized, LexiconTally t) {
            words.push_back({std::move(normalized), std::move(t.written), t.count});
        });
    }
    std::sort(words.begin(), words.end(),
              [](const LexiconWord& a, const LexiconWord& b) { return a.normalized < b.normalized; });
    return words;
}

void merge_into_spelling_lexicon(Xapian::WritableDatabase& db, const LexiconTallies& tallies)
{
    unsigned buckets = bucket_count(db);
    const LexiconTallies converted = buckets == 0 ? read_spelling_table(db) : LexiconTallies{};
    if (buckets == 0) {
        if (tallies.empty() && converted.empty()) {
            return;  // nothing to store: no lexicon keys at all
        }
        buckets = LEXICON_BUCKETS;
        db.set_metadata(std::string(META_LEXICON),
                        std::string(FORMAT_VERSION) + " " + std::to_string(buckets));
    }
    std::map<unsigned, Bucket> touched;
    for (const LexiconTallies* source : {&converted, &tallies}) {
        for (const auto& [word, t] : *source) {
            if (word.empty() || t.count == 0) {
                continue;
            }
            const unsigned b = fnv1a(word) % buckets;
            auto [it, first] = touched.try_emplace(b);
            if (first) {
                const std::string key = bucket_key(b);
                decode_bucket(key, db.get_metadata(key), it->second);
            }
            const auto [entry, added] = it->second.try_emplace(word, t);
            if (!added) {
                merge_tally(entry->second, t);
            }
        }
    }
    for (const auto& [b, bucket] : touched) {
        db.set_metadata(bucket_key(b), encode_bucket(bucket));
    }
}

bool is_lexicon_key(std::string_view key)
{
    return key == META_LEXICON || key.starts_with(META_LEXICON_BUCKET);
}

std::string merge_lexicon_metadata(std::string_view key, std::span<const std::string> tags)
{
    if (tags.empty()) {
        return {};
    }
    if (key == META_LEXICON) {
        if (std::any_of(tags.begin(), tags.end(), [&](const auto& t) { return t != tags[0]; })) {
            throw IndexError("spelling lexicon: cannot merge lexicons of formats \"" + tags[0] +
                             "\" and another; rebuild with akhbar-index --rebuild");
        }
        return tags[0];
    }
    Bucket merged;
    for (const std::string& tag : tags) {
        decode_bucket(key, tag, merged);
    }
    return encode_bucket(merged);
}

}  // namespace akhbar::schema
