#include "grouping.hpp"

#include <algorithm>
#include <numeric>
#include <unordered_map>

namespace akhbar::story_bench {

namespace {

/// Union-find with path halving; the smaller index becomes the root, so that
/// labels do not depend on the order edges come in.
class DisjointSets {
public:
    explicit DisjointSets(std::size_t n) : m_parent(n) { std::iota(m_parent.begin(), m_parent.end(), 0U); }

    std::uint32_t find(std::uint32_t x)
    {
        while (m_parent[x] != x) {
            m_parent[x] = m_parent[m_parent[x]];
            x = m_parent[x];
        }
        return x;
    }

    void join(std::uint32_t a, std::uint32_t b)
    {
        a = find(a);
        b = find(b);
        if (a != b) {
            m_parent[std::max(a, b)] = std::min(a, b);
        }
    }

private:
    std::vector<std::uint32_t> m_parent;
};

}  // namespace

std::vector<ScoredPair> candidate_pairs(const std::vector<std::optional<story::Signature>>& signatures,
                                        const std::vector<story::Filing>& filings)
{
    std::vector<std::uint64_t> codes;  // a << 32 | b
    for (std::size_t band = 0; band < story::BANDS; ++band) {
        std::unordered_map<std::uint64_t, std::vector<std::uint32_t>> buckets;
        for (std::size_t i = 0; i < signatures.size(); ++i) {
            if (signatures[i]) {
                buckets[story::band_key(*signatures[i], band)].push_back(static_cast<std::uint32_t>(i));
            }
        }
        for (const auto& [key, members] : buckets) {
            for (std::size_t x = 0; x < members.size(); ++x) {
                for (std::size_t y = x + 1; y < members.size(); ++y) {
                    codes.push_back((std::uint64_t{members[x]} << 32U) | members[y]);
                }
            }
        }
    }
    std::sort(codes.begin(), codes.end());
    codes.erase(std::unique(codes.begin(), codes.end()), codes.end());
    std::vector<ScoredPair> pairs;
    pairs.reserve(codes.size());
    for (const std::uint64_t code : codes) {
        const auto a = static_cast<std::uint32_t>(code >> 32U);
        const auto b = static_cast<std::uint32_t>(code & 0xFFFFFFFFU);
        pairs.push_back({a, b, story::similarity(*signatures[a], *signatures[b]),
                         !filings.empty() && story::follow_up(filings[a], filings[b])});
    }
    return pairs;
}

std::vector<std::uint32_t> components(std::size_t items, const std::vector<ScoredPair>& pairs,
                                      double threshold)
{
    DisjointSets sets(items);
    for (const ScoredPair& p : pairs) {
        if (p.similarity >= (p.follow_up ? std::max(threshold, story::FOLLOW_UP_THRESHOLD) : threshold)) {
            sets.join(p.a, p.b);
        }
    }
    std::vector<std::uint32_t> label(items);
    for (std::size_t i = 0; i < items; ++i) {
        label[i] = sets.find(static_cast<std::uint32_t>(i));
    }
    return label;
}

std::vector<double> thresholds()
{
    std::vector<double> out;
    for (int step = 30; step <= 90; step += 5) {
        out.push_back(step / 100.0);
    }
    return out;
}

}  // namespace akhbar::story_bench
