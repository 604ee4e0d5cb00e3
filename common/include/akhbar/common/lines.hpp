#pragma once
/// @file
/// Reading line-oriented data files (manifests, query batches): CRLF endings
/// tolerated, blank lines and `#` comment lines skipped, line numbers kept
/// for messages.

#include <cstddef>
#include <istream>
#include <string>

namespace akhbar {

/// Reads the next line that holds data into `line` (without its line end),
/// advancing `number` (1-based) past every line read. False at end of input.
inline bool next_data_line(std::istream& in, std::string& line, std::size_t& number)
{
    while (std::getline(in, line)) {
        ++number;
        if (!line.empty() && line.back() == '\r') {
            line.pop_back();
        }
        if (!line.empty() && line[0] != '#') {
            return true;
        }
    }
    return false;
}

}  // namespace akhbar
