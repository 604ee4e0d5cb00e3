#pragma once
/// @file
/// The readers behind read_articles(), one per SourceKind. Internal to the
/// indexer.

#include <atomic>
#include <cstdint>
#include <functional>

#include "akhbar/indexer/sources.hpp"

namespace akhbar::detail {

/// A plain-text file as one article, with the metadata its manifest gives.
void read_plain_text(const SourceFile& source, const Manifest* manifest, const ArticleSink& sink,
                     const std::function<void(Problem)>& report);

/// A JSON Lines file or standard input (gzipped or not), an article a line.
void read_jsonl(const SourceFile& source, const ArticleSink& sink,
                const std::function<void(Problem)>& report,
                const std::function<void(std::uintmax_t)>& progress,
                const std::atomic<bool>* cancel);

}  // namespace akhbar::detail
