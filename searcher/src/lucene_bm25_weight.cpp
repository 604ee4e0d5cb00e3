#include "lucene_bm25_weight.hpp"

#include <algorithm>
#include <bit>
#include <cmath>
#include <cstring>
#include <limits>

namespace akhbar::detail {

namespace {

// org.apache.lucene.util.SmallFloat (Lucene 8.7), longToInt4 / int4ToLong:
// a 4-bit mantissa (its leading 1 implicit) and a 5-bit exponent; 0 is
// reserved for the subnormal values 0..7.
std::uint32_t long_to_int4(std::uint64_t i) noexcept
{
    const int bits = 64 - std::countl_zero(i);
    if (bits < 4) {
        return static_cast<std::uint32_t>(i);
    }
    const int shift = bits - 4;
    auto encoded = static_cast<std::uint32_t>(i >> shift);
    encoded &= 0x07U;                                      // the implicit leading bit
    encoded |= static_cast<std::uint32_t>(shift + 1) << 3;  // +1: 0 means subnormal
    return encoded;
}

std::uint64_t int4_to_long(std::uint32_t i) noexcept
{
    const std::uint64_t bits = i & 0x07U;
    const int shift = static_cast<int>(i >> 3) - 1;
    return shift == -1 ? bits : (bits | 0x08U) << shift;
}

constexpr std::uint32_t INT_MAX32 = std::numeric_limits<std::int32_t>::max();

// Lengths below this are stored exactly: the byte values the encoding of
// Integer.MAX_VALUE leaves free (255 - 231).
const std::uint32_t NUM_FREE_VALUES = 255 - long_to_int4(INT_MAX32);

}  // namespace

std::uint8_t lucene_length_to_byte(std::uint32_t length) noexcept
{
    length = std::min(length, INT_MAX32);  // a Java int
    if (length < NUM_FREE_VALUES) {
        return static_cast<std::uint8_t>(length);
    }
    return static_cast<std::uint8_t>(NUM_FREE_VALUES + long_to_int4(length - NUM_FREE_VALUES));
}

std::uint32_t lucene_byte_to_length(std::uint8_t byte) noexcept
{
    if (byte < NUM_FREE_VALUES) {
        return byte;
    }
    return static_cast<std::uint32_t>(NUM_FREE_VALUES + int4_to_long(byte - NUM_FREE_VALUES));
}

LuceneBM25Weight::LuceneBM25Weight(float k1, float b) : m_k1(k1), m_b(b)
{
    need_stat(COLLECTION_SIZE);
    need_stat(TERMFREQ);
    need_stat(AVERAGE_LENGTH);
    need_stat(DOC_LENGTH);
    need_stat(DOC_LENGTH_MIN);
    need_stat(WDF);
    need_stat(WDF_MAX);
    need_stat(WQF);
}

std::string LuceneBM25Weight::name() const
{
    return "akhbar.LuceneBM25";
}

std::string LuceneBM25Weight::serialise() const
{
    std::string out(2 * sizeof(float), '\0');
    std::memcpy(out.data(), &m_k1, sizeof(float));
    std::memcpy(out.data() + sizeof(float), &m_b, sizeof(float));
    return out;
}

LuceneBM25Weight* LuceneBM25Weight::unserialise(const std::string& serialised) const
{
    if (serialised.size() != 2 * sizeof(float)) {
        throw Xapian::SerialisationError("bad serialised akhbar.LuceneBM25 weight");
    }
    float k1 = 0;
    float b = 0;
    std::memcpy(&k1, serialised.data(), sizeof(float));
    std::memcpy(&b, serialised.data() + sizeof(float), sizeof(float));
    return new LuceneBM25Weight(k1, b);
}

LuceneBM25Weight* LuceneBM25Weight::clone() const
{
    return new LuceneBM25Weight(m_k1, m_b);
}

void LuceneBM25Weight::init(double factor)
{
    // BM25Similarity.idf and avgFieldLength: double arithmetic, then float.
    const auto n = static_cast<double>(get_termfreq());
    const auto docs = static_cast<double>(get_collection_size());
    const auto idf = static_cast<float>(std::log(1 + (docs - n + 0.5) / (n + 0.5)));
    const auto avgdl = static_cast<float>(get_average_length());
    m_weight = static_cast<float>(factor * get_wqf()) * idf;
    for (unsigned i = 0; i < 256; ++i) {
        const auto length = static_cast<float>(lucene_byte_to_length(static_cast<std::uint8_t>(i)));
        m_norm[i] = 1.0F / (m_k1 * ((1 - m_b) + m_b * length / avgdl));
    }
}

float LuceneBM25Weight::score(Xapian::termcount wdf, Xapian::termcount doclen) const noexcept
{
    if (wdf == 0) {
        return 0;  // a term that only marks (the title's S terms in a lucene index)
    }
    // BM25Scorer.score: weight * freq / (freq + 1 / norm), rewritten by
    // Lucene so as to stay monotonic in float; the same operations here.
    const float norm = m_norm[lucene_length_to_byte(doclen)];
    return m_weight - m_weight / (1.0F + static_cast<float>(wdf) * norm);
}

double LuceneBM25Weight::get_sumpart(Xapian::termcount wdf, Xapian::termcount doclen,
                                     Xapian::termcount /*uniqterms*/) const
{
    return score(wdf, doclen);
}

double LuceneBM25Weight::get_maxpart() const
{
    // The score grows with tf and falls with the length.
    return score(std::max<Xapian::termcount>(get_wdf_upper_bound(), 1), get_doclength_lower_bound());
}

double LuceneBM25Weight::get_sumextra(Xapian::termcount /*doclen*/,
                                      Xapian::termcount /*uniqterms*/) const
{
    return 0;
}

double LuceneBM25Weight::get_maxextra() const
{
    return 0;
}

}  // namespace akhbar::detail
