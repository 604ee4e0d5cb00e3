#pragma once
/// @file
/// The Article the indexer takes (defined in common/, shared with the searcher).

#include "akhbar/common/article.hpp"
