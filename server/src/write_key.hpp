#pragma once
// The write key's check.

#include <string_view>

namespace akhbar::server {

/// True when `authorization` (an Authorization header's value) is
/// `Bearer KEY` with KEY equal to `key`. The comparison takes the same time
/// whatever the given key (it depends on `key`'s length only), so that
/// timing answers tells nothing of the key.
[[nodiscard]] bool bearer_matches(std::string_view authorization, std::string_view key);

}  // namespace akhbar::server
