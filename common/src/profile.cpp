#include "akhbar/common/profile.hpp"

#include <string>

#include "akhbar/common/error.hpp"

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
    throw InvalidArgument("unknown analyzer profile \"" + std::string(name) +
                          "\" (known: " + valid + ")");
}

}  // namespace akhbar
