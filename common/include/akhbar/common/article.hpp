#pragma once
/// @file
/// An article: what the indexer stores and a search result shows. Plain data,
/// no Xapian or ICU.

#include <chrono>
#include <cstdint>
#include <optional>
#include <string>
#include <string_view>

#include "akhbar/common/api.hpp"

namespace akhbar {

/// Where a publication date came from.
enum class DateSource : std::uint8_t { none, metadata, text };

/// "none", "metadata" or "text".
[[nodiscard]] AKHBAR_API std::string_view to_string(DateSource source) noexcept;

/// One news article. `id` is required and unique in a database; `text` is
/// indexed and shown in snippets exactly as given (valid UTF-8).
struct Article {
    std::string id;
    std::string title;
    std::optional<std::chrono::year_month_day> date;
    DateSource date_source = DateSource::none;
    std::string source;
    std::string url;
    std::string category;
    std::string text;    ///< the article text, exactly as indexed
    std::string origin;  ///< file it came from ("-" for standard input, "" from code)

    friend bool operator==(const Article&, const Article&) = default;
};

}  // namespace akhbar
