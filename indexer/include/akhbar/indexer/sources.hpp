#pragma once
/// @file
/// Where articles come from: directories of plain-text files (with an
/// optional manifest.tsv beside them), JSON Lines files (.jsonl, .jsonl.gz)
/// and standard input. Readers report every problem with file and line and
/// go on with the rest.

#include <cstdint>
#include <filesystem>
#include <functional>
#include <map>
#include <optional>
#include <string>
#include <vector>

#include "akhbar/indexer/article.hpp"

namespace akhbar {

/// Something wrong with the input. `skipped` means no article came of it;
/// otherwise the article was indexed with the problem repaired (a date that
/// could not be read is dropped and the article indexed as undated).
struct Problem {
    std::string file;
    std::size_t line = 0;  ///< 1-based; 0 when about the whole file
    std::string reason;    ///< short key for the summary: "malformed JSON", ...
    std::string message;   ///< full text, `FILE:LINE: what is wrong: "value"`
    bool skipped = true;
};

enum class SourceKind : std::uint8_t { plain_text, jsonl };

/// One input file (or standard input, path "-").
struct SourceFile {
    std::filesystem::path path;
    /// What documents record as their origin: the absolute path, or "-".
    std::string origin;
    SourceKind kind = SourceKind::plain_text;
    std::uintmax_t size = 0;  ///< bytes, 0 for standard input
    /// The PATH argument it was found under (ids of plain-text files are
    /// their paths relative to it).
    std::filesystem::path root;
};

/// The manifest file name looked for in each directory of plain-text articles.
inline constexpr std::string_view MANIFEST_NAME = "manifest.tsv";

/// Metadata given explicitly for plain-text articles; wins over what is
/// extracted from the text. A TAB-separated file with a header line naming
/// its columns: `file` (required) and any of id, title, date, source, url,
/// category; `#` starts a comment line; empty cells give nothing.
class Manifest {
public:
    struct Entry {
        std::size_t line = 0;
        std::map<std::string, std::string> fields;
    };

    /// Reads `path`; problems are reported and their rows skipped.
    static Manifest load(const std::filesystem::path& path,
                         const std::function<void(Problem)>& report);

    /// The entry for a file name, or nullptr.
    [[nodiscard]] const Entry* find(const std::string& file_name) const;

    [[nodiscard]] const std::filesystem::path& path() const noexcept { return m_path; }

private:
    std::filesystem::path m_path;
    std::map<std::string, Entry> m_entries;
};

/// Expands PATH arguments: directories recursively (sorted; hidden files
/// and the manifest are not articles), files, and "-" for standard input.
/// A path that does not exist is reported and skipped.
[[nodiscard]] std::vector<SourceFile> collect_sources(const std::vector<std::string>& paths,
                                                      const std::function<void(Problem)>& report);

/// Reads the articles of one source, calling `sink` for each and `report`
/// for each problem. `progress(bytes)` is called now and then with the
/// number of input bytes consumed. Throws only on I/O failure of the whole
/// file (reported as a Problem first).
void read_articles(const SourceFile& source, const Manifest* manifest,
                   const std::function<void(Article&&)>& sink,
                   const std::function<void(Problem)>& report,
                   const std::function<void(std::uintmax_t)>& progress = {});

}  // namespace akhbar
