#include "akhbar/common/profile.hpp"

#include <string>

#include "akhbar/common/enum_names.hpp"
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

namespace {

constexpr EnumNames<RankingScheme, 3> RANKING_SCHEMES{{
    {RankingScheme::akhbar, "akhbar"},
    {RankingScheme::bm25, "bm25"},
    {RankingScheme::lucene_bm25, "lucene-bm25"},
}};

}  // namespace

std::string_view to_string(RankingScheme scheme) noexcept
{
    return name_of(RANKING_SCHEMES, scheme);
}

RankingScheme parse_ranking(std::string_view name)
{
    return value_of(RANKING_SCHEMES, "ranking", name);
}

}  // namespace akhbar
