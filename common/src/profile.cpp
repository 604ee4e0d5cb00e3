#include "akhbar/common/profile.hpp"

#include <string>

#include "akhbar/common/error.hpp"
#include "akhbar/common/quote.hpp"

namespace akhbar {

const AnalyzerProfile& find_profile(std::string_view name)
{
    for (const AnalyzerProfile& profile : PROFILES) {
        if (profile.name == name) {
            return profile;
        }
    }
    std::string valid;
    for (const AnalyzerProfile& profile : PROFILES) {
        valid += valid.empty() ? "" : ", ";
        valid += profile.name;
    }
    throw InvalidArgument("unknown analyzer profile " + quote_for_message(name) +
                          " (known: " + valid + ")");
}

std::string_view to_string(RankingScheme scheme) noexcept
{
    switch (scheme) {
    case RankingScheme::bm25:
        return "bm25";
    case RankingScheme::lucene_bm25:
        return "lucene-bm25";
    case RankingScheme::akhbar:
        break;
    }
    return "akhbar";
}

RankingScheme parse_ranking(std::string_view name)
{
    for (const RankingScheme scheme :
         {RankingScheme::akhbar, RankingScheme::bm25, RankingScheme::lucene_bm25}) {
        if (to_string(scheme) == name) {
            return scheme;
        }
    }
    throw InvalidArgument("unknown ranking " + quote_for_message(name) +
                          " (known: akhbar, bm25, lucene-bm25)");
}

}  // namespace akhbar
