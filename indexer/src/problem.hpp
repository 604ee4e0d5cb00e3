#pragma once
/// @file
/// The Problem every source reader reports, built one way. Internal to the
/// indexer.

#include <cstddef>
#include <string>
#include <utility>

#include "akhbar/indexer/sources.hpp"

namespace akhbar::detail {

inline Problem make_problem(const std::string& file, std::size_t line, std::string reason,
                            const std::string& what, bool skipped = true)
{
    Problem p;
    p.file = file;
    p.line = line;
    p.reason = std::move(reason);
    p.message = (line == 0 ? file : file + ":" + std::to_string(line)) + ": " + what;
    p.skipped = skipped;
    return p;
}

}  // namespace akhbar::detail
