#pragma once
// BM25 exactly as Lucene 8.7's BM25Similarity scores one text field, for the
// `lucene` ranking scheme. Internal.
//
// Xapian's BM25Weight differs from it in three ways that reorder hits: its
// idf is log((N - n + 0.5) / (n + 0.5)) (floored near 1) where Lucene's is
// log(1 + (N - n + 0.5) / (n + 0.5)); it normalizes by the exact document
// length where Lucene stores each length in one byte, lossily
// (SmallFloat.intToByte4: exact below 24 tokens, then 4 significant bits,
// so 1,000 and 1,100 tokens read back as 984 and 1,048); and it sums in
// double where Lucene computes each term's score in float.

#include <cstdint>
#include <string>

#include <xapian.h>

namespace akhbar::detail {

/// Lucene's one-byte field length (org.apache.lucene.util.SmallFloat.intToByte4).
[[nodiscard]] std::uint8_t lucene_length_to_byte(std::uint32_t length) noexcept;

/// The length a byte of lucene_length_to_byte() reads back as
/// (SmallFloat.byte4ToInt; Lucene's BM25Similarity.LENGTH_TABLE).
[[nodiscard]] std::uint32_t lucene_byte_to_length(std::uint8_t byte) noexcept;

/// Lucene 8.7 BM25Similarity as a Xapian weight. Per term and document:
///   idf    = (float) ln(1 + (N - n + 0.5) / (n + 0.5))
///   weight = boost * idf, boost = the query term's wqf times Xapian's scale factor
///            (Lucene merges a repeated SHOULD clause into one with a boost of the count)
///   norm   = 1f / (k1 * (1 - b + b * byte_to_length(length_to_byte(dl)) / avgdl))
///   score  = weight - weight / (1f + tf * norm)          (all in float, as Lucene)
/// with N the database's document count, n the term's, dl the document's
/// length (its wdf sum: the number of indexed tokens) and avgdl their mean as
/// a float. Xapian adds the terms' scores in double; Lucene in double too, then
/// rounds the sum to float.
///
/// Not registered with Xapian's remote protocol: xapian-tcpsrv does not know
/// it, so a search over remote targets uses Xapian's BM25Weight with the same
/// k1 and b instead (rescore.cpp).
class LuceneBM25Weight final : public Xapian::Weight {
public:
    /// Lucene's defaults: k1 = 1.2, b = 0.75 (floats, as Lucene keeps them).
    explicit LuceneBM25Weight(float k1 = 1.2F, float b = 0.75F);

    [[nodiscard]] std::string name() const override;
    [[nodiscard]] std::string serialise() const override;
    [[nodiscard]] LuceneBM25Weight* unserialise(const std::string& serialised) const override;
    [[nodiscard]] LuceneBM25Weight* clone() const override;

    double get_sumpart(Xapian::termcount wdf, Xapian::termcount doclen,
                       Xapian::termcount uniqterms) const override;
    double get_maxpart() const override;
    double get_sumextra(Xapian::termcount doclen, Xapian::termcount uniqterms) const override;
    double get_maxextra() const override;

private:
    void init(double factor) override;
    [[nodiscard]] float score(Xapian::termcount wdf, Xapian::termcount doclen) const noexcept;

    float m_k1;
    float m_b;
    float m_weight = 0;
    /// The norm factor of every length byte, as BM25Similarity's cache.
    float m_norm[256] = {};
};

}  // namespace akhbar::detail
