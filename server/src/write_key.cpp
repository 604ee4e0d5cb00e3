#include "write_key.hpp"

#include <algorithm>

namespace akhbar::server {

bool bearer_matches(std::string_view authorization, std::string_view key)
{
    // The scheme's name is case-insensitive (RFC 9110, 11.1), then spaces.
    constexpr std::string_view scheme = "bearer";
    std::string_view given;
    if (authorization.size() > scheme.size() && authorization[scheme.size()] == ' ' &&
        std::equal(scheme.begin(), scheme.end(), authorization.begin(), [](char s, char a) {
            return s == (a >= 'A' && a <= 'Z' ? static_cast<char>(a - 'A' + 'a') : a);
        })) {
        given = authorization.substr(scheme.size());
        given.remove_prefix(std::min(given.find_first_not_of(' '), given.size()));
    }
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
