#include <algorithm>
#include <fstream>
#include <sstream>

#include "akhbar/common/dates.hpp"
#include "akhbar/common/lines.hpp"
#include "akhbar/common/quote.hpp"
#include "akhbar/common/utf8.hpp"
#include "akhbar/indexer/sources.hpp"
#include "problem.hpp"

namespace fs = std::filesystem;

namespace akhbar {

using detail::make_problem;

Manifest Manifest::load(const fs::path& path, const std::function<void(Problem)>& report)
{
    Manifest manifest;
    manifest.m_path = path;
    const std::string file = path.string();
    std::ifstream in(path, std::ios::binary);
    if (!in) {
        report(make_problem(file, 0, "unreadable manifest", "cannot read the manifest"));
        return manifest;
    }
    static const std::vector<std::string> known{"file", "id",  "title",   "date",
                                                "source", "url", "category"};
    std::vector<std::string> columns;
    std::string line;
    std::size_t number = 0;
    while (next_data_line(in, line, number)) {
        if (const auto bad = utf8::find_invalid(line)) {
            report(make_problem(file, number, "invalid UTF-8",
                                "invalid UTF-8 at byte " + std::to_string(*bad) + ": " + quote_for_message(line)));
            continue;
        }
        std::vector<std::string> cells;
        std::stringstream row(line);
        std::string cell;
        while (std::getline(row, cell, '\t')) {
            cells.push_back(cell);
        }
        if (columns.empty()) {
            for (const auto& c : cells) {
                if (std::find(known.begin(), known.end(), c) == known.end()) {
                    report(make_problem(file, number, "bad manifest", "unknown column: " + quote_for_message(c)));
                }
            }
            if (std::find(cells.begin(), cells.end(), "file") == cells.end()) {
                report(make_problem(file, number, "bad manifest",
                                    "the header has no \"file\" column: " + quote_for_message(line)));
                return manifest;
            }
            columns = cells;
            continue;
        }
        Entry entry;
        entry.line = number;
        for (std::size_t i = 0; i < cells.size() && i < columns.size(); ++i) {
            if (!cells[i].empty()) {
                entry.fields[columns[i]] = cells[i];
            }
        }
        const auto name = entry.fields.find("file");
        if (name == entry.fields.end()) {
            report(make_problem(file, number, "bad manifest", "row has no file name: " + quote_for_message(line)));
            continue;
        }
        if (const auto date = entry.fields.find("date");
            date != entry.fields.end() && !dates::parse(date->second)) {
            report(make_problem(file, number, "unparsable date",
                                "field \"date\" is not a date: " + quote_for_message(date->second) +
                                    " (ignored)",
                                false));
            entry.fields.erase(date);
        }
        manifest.m_entries[name->second] = std::move(entry);
    }
    return manifest;
}

const Manifest::Entry* Manifest::find(const std::string& file_name) const
{
    const auto it = m_entries.find(file_name);
    return it == m_entries.end() ? nullptr : &it->second;
}

}  // namespace akhbar
