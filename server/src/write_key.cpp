#include "write_key.hpp"

namespace akhbar::server {

bool bearer_matches(std::string_view authorization, std::string_view key)
{
    constexpr std::string_view scheme = "Bearer ";
    const std::string_view given =
        authorization.starts_with(scheme) ? authorization.substr(scheme.size()) : std::string_view{};
    // Every byte of the key is compared, with a byte of the given key or 0,
    // and the differences gathered without an early exit.
    unsigned diff = given.size() == key.size() ? 0U : 1U;
    diff |= key.empty() ? 1U : 0U;
    for (std::size_t i = 0; i < key.size(); ++i) {
        const unsigned char g = i < given.size() ? static_cast<unsigned char>(given[i]) : 0U;
        diff |= g ^ static_cast<unsigned char>(key[i]);
    }
    return diff == 0;
}

}  // namespace akhbar::server
