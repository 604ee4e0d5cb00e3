#pragma once
// Reads test-vector files: TAB-separated columns, `#` comment lines (the
// header naming source and license), each row keeping its line number so a
// failure points at the file line.

#include <cstddef>
#include <iosfwd>
#include <string>
#include <vector>

namespace akhbar::test {

struct TsvRow {
    std::string file;
    std::size_t line = 0;
    std::vector<std::string> columns;

    [[nodiscard]] const std::string& at(std::size_t i) const;
};

std::ostream& operator<<(std::ostream& os, const TsvRow& row);

/// Rows of tests/data/NAME (throws std::runtime_error when unreadable).
std::vector<TsvRow> read_tsv(const std::string& name);

/// Whole contents of a file (binary), throws std::runtime_error when unreadable.
std::string read_file(const std::string& path);

/// Paths of the seed articles in corpus/, sorted.
std::vector<std::string> seed_articles();

}  // namespace akhbar::test
