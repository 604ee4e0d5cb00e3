#include "support/tsv.hpp"

#include <algorithm>
#include <filesystem>
#include <fstream>
#include <ostream>
#include <sstream>
#include <stdexcept>

namespace akhbar::test {

const std::string& TsvRow::at(std::size_t i) const
{
    static const std::string empty;
    return i < columns.size() ? columns[i] : empty;
}

std::ostream& operator<<(std::ostream& os, const TsvRow& row)
{
    os << row.file << ":" << row.line << ":";
    for (const auto& c : row.columns) {
        os << " [" << c << "]";
    }
    return os;
}

std::string read_file(const std::string& path)
{
    std::ifstream in(path, std::ios::binary);
    if (!in) {
        throw std::runtime_error("cannot read " + path);
    }
    std::ostringstream text;
    text << in.rdbuf();
    return text.str();
}

std::vector<TsvRow> read_tsv(const std::string& name)
{
    const std::string path = std::string(AKHBAR_TEST_DATA_DIR) + "/" + name;
    std::istringstream in(read_file(path));
    std::vector<TsvRow> rows;
    std::string line;
    std::size_t number = 0;
    while (std::getline(in, line)) {
        ++number;
        if (line.empty() || line[0] == '#') {
            continue;
        }
        TsvRow row{name, number, {}};
        std::size_t start = 0;
        for (;;) {
            const auto tab = line.find('\t', start);
            row.columns.push_back(line.substr(start, tab - start));
            if (tab == std::string::npos) {
                break;
            }
            start = tab + 1;
        }
        rows.push_back(std::move(row));
    }
    return rows;
}

std::vector<std::string> seed_articles()
{
    std::vector<std::string> paths;
    for (const auto& entry :
         std::filesystem::directory_iterator(std::string(AKHBAR_SOURCE_DIR) + "/corpus")) {
        if (entry.path().extension() == ".txt") {
            paths.push_back(entry.path().string());
        }
    }
    std::sort(paths.begin(), paths.end());
    return paths;
}

}  // namespace akhbar::test
