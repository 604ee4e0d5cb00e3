#include "akhbar/common/story_signature.hpp"

#include <algorithm>
#include <array>
#include <limits>

namespace akhbar::story {

namespace {

// SplitMix64's finalizer (Steele, Lea & Flood 2014): a bijection of 64-bit
// integers in which every input bit reaches every output bit. Stable across
// platforms and versions, as stored signatures need.
constexpr std::uint64_t mix(std::uint64_t x) noexcept
{
    x ^= x >> 30U;
    x *= 0xBF58476D1CE4E5B9ULL;
    x ^= x >> 27U;
    x *= 0x94D049BB133111EBULL;
    x ^= x >> 31U;
    return x;
}

std::uint64_t word_hash(std::string_view word) noexcept
{
    std::uint64_t h = 0xCBF29CE484222325ULL;  // FNV-1a
    for (const char c : word) {
        h ^= static_cast<unsigned char>(c);
        h *= 0x100000001B3ULL;
    }
    return mix(h);
}

constexpr std::uint64_t rotate(std::uint64_t x, unsigned bits) noexcept
{
    return (x << bits) | (x >> (64U - bits));
}

// The seed of hash function k: distinct, well spread.
constexpr std::uint64_t seed(std::size_t k) noexcept
{
    return mix(0x9E3779B97F4A7C15ULL * (k + 1));
}

constexpr std::array<std::uint64_t, SIGNATURE_HASHES> SEEDS = [] {
    std::array<std::uint64_t, SIGNATURE_HASHES> seeds{};
    for (std::size_t k = 0; k < seeds.size(); ++k) {
        seeds[k] = seed(k);
    }
    return seeds;
}();

// least[k] = the smallest mix(h ^ SEEDS[k]) over the n shingle hashes h.
//
// The signature was 8.6% of a build's instructions (callgrind, one ANT
// article in eight) and 2% of its CPU samples (perf): 64 hashes per shingle,
// each two 64-bit multiplies. With the hash functions as the inner loop the
// compiler computes 4 or 8 of them per instruction; the clones use AVX2 or
// AVX-512 (its 64-bit multiply and minimum) where the CPU has them, chosen
// once when the program is loaded (a glibc ifunc). The minima, and so the
// signature, are the same on every CPU (tests/common/test_story_signature.cpp
// pins them). Clang before 18 dispatches target_clones wrongly
// (llvm/llvm-project#55830): the fuzz build (clang 14) keeps the plain loop.
#if defined(__x86_64__) && defined(__GLIBC__) && (!defined(__clang__) || __clang_major__ >= 18)
[[gnu::target_clones("arch=x86-64-v4", "arch=x86-64-v3", "default")]]
#endif
void least_hashes(const std::uint64_t* shingles, std::size_t n,
                  std::array<std::uint64_t, SIGNATURE_HASHES>& least) noexcept
{
    for (std::size_t i = 0; i < n; ++i) {
        const std::uint64_t h = shingles[i];
        for (std::size_t k = 0; k < SIGNATURE_HASHES; ++k) {
            least[k] = std::min(least[k], mix(h ^ SEEDS[k]));
        }
    }
}

}  // namespace

std::optional<Signature> signature(const std::vector<Token>& tokens)
{
    std::vector<std::uint64_t> words;
    words.reserve(tokens.size());
    for (const Token& t : tokens) {
        if (!t.normalized.empty()) {
            words.push_back(word_hash(t.normalized));
        }
    }
    if (words.empty()) {
        return std::nullopt;
    }
    // Each shingle's hash depends on its words and their order.
    const std::size_t width = std::min(SHINGLE_WORDS, words.size());
    std::vector<std::uint64_t> shingles;
    shingles.reserve(words.size() - width + 1);
    for (std::size_t i = 0; i + width <= words.size(); ++i) {
        std::uint64_t h = 0;
        for (std::size_t j = 0; j < width; ++j) {
            h = mix(h ^ rotate(words[i + j], static_cast<unsigned>(j * 21 + 1)));
        }
        shingles.push_back(h);
    }
    std::sort(shingles.begin(), shingles.end());
    shingles.erase(std::unique(shingles.begin(), shingles.end()), shingles.end());

    std::array<std::uint64_t, SIGNATURE_HASHES> least;
    least.fill(std::numeric_limits<std::uint64_t>::max());
    least_hashes(shingles.data(), shingles.size(), least);
    Signature s{};
    for (std::size_t k = 0; k < SIGNATURE_HASHES; ++k) {
        // The low bits: the high bits of a minimum are mostly zero.
        s[k] = static_cast<std::uint16_t>(least[k] & 0xFFFFU);
    }
    return s;
}

double similarity(const Signature& a, const Signature& b) noexcept
{
    std::size_t agree = 0;
    for (std::size_t k = 0; k < SIGNATURE_HASHES; ++k) {
        agree += a[k] == b[k] ? 1U : 0U;
    }
    return static_cast<double>(agree) / static_cast<double>(SIGNATURE_HASHES);
}

std::uint64_t band_key(const Signature& s, std::size_t band) noexcept
{
    std::uint64_t h = seed(SIGNATURE_HASHES + band);
    for (std::size_t r = 0; r < BAND_ROWS; ++r) {
        h = mix(h ^ (static_cast<std::uint64_t>(s[band * BAND_ROWS + r]) << (16U * r)));
    }
    return h;
}

std::string serialise(const Signature& s)
{
    std::string out;
    out.reserve(2 * SIGNATURE_HASHES);
    for (const std::uint16_t v : s) {
        out.push_back(static_cast<char>(v & 0xFFU));
        out.push_back(static_cast<char>(v >> 8U));
    }
    return out;
}

std::optional<Signature> unserialise(std::string_view value) noexcept
{
    if (value.size() != 2 * SIGNATURE_HASHES) {
        return std::nullopt;
    }
    Signature s{};
    for (std::size_t k = 0; k < SIGNATURE_HASHES; ++k) {
        s[k] = static_cast<std::uint16_t>(static_cast<unsigned char>(value[2 * k]) |
                                          (static_cast<unsigned char>(value[2 * k + 1]) << 8U));
    }
    return s;
}

Filing filing(std::string_view source, std::string_view yyyymmdd) noexcept
{
    Filing f;
    if (!source.empty()) {
        std::uint64_t h = 14695981039346656037ULL;  // FNV-1a
        for (const char c : source) {
            h = (h ^ static_cast<unsigned char>(c)) * 1099511628211ULL;
        }
        f.source = h | 1U;  // never 0, which means none
    }
    if (yyyymmdd.size() == 8 &&
        std::all_of(yyyymmdd.begin(), yyyymmdd.end(), [](char c) { return c >= '0' && c <= '9'; })) {
        for (const char c : yyyymmdd) {
            f.day = f.day * 10 + static_cast<std::uint32_t>(c - '0');
        }
    }
    return f;
}

bool follow_up(const Filing& a, const Filing& b) noexcept
{
    return a.source != 0 && a.source == b.source && a.day != 0 && b.day != 0 && a.day != b.day;
}

double threshold(const Filing& a, const Filing& b) noexcept
{
    return follow_up(a, b) ? FOLLOW_UP_THRESHOLD : SIMILARITY_THRESHOLD;
}

}  // namespace akhbar::story
