#pragma once
/// @file
/// An article as the indexer handles it: what the stored document holds.

#include "akhbar/common/schema.hpp"

namespace akhbar {

/// One news article. `id` is required and unique in a database; `text` is
/// indexed and shown in snippets exactly as given.
using Article = schema::StoredArticle;
using schema::DateSource;

}  // namespace akhbar
