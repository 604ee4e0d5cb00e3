#pragma once
/// @file
/// Where articles come from: directories of plain-text files (with an
/// optional manifest.tsv beside them), JSON Lines files (.jsonl, .jsonl.gz)
/// and standard input. Readers report every problem with file and line and
/// go on with the rest. Exported: a program reads Akhbar's input formats
/// with them, checked as akhbar-index checks them, without indexing (bench/
/// makes its query sets and relevance judgments so).

#include <atomic>
#include <cstdint>
#include <filesystem>
#include <functional>
#include <map>
#include <optional>
#include <string>
#include <string_view>
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

/// The largest article accepted, in bytes: a JSON Lines line or a
/// plain-text file longer than this is skipped without being read into
/// memory. The longest line of the ANT files is 38,923 bytes; 4 MiB is a
/// hundred times that, and bounds what one article can cost (its line,
/// parsed JSON and analysis take a few times its size).
inline constexpr std::size_t MAX_ARTICLE_BYTES = std::size_t{4} << 20U;

/// The manifest file name looked for in each directory of plain-text articles.
inline constexpr std::string_view MANIFEST_NAME = "manifest.tsv";

/// Metadata given explicitly for plain-text articles; wins over what is
/// extracted from the text. A TAB-separated file with a header line naming
/// its columns: `file` (required) and any of id, title, date, source, url,
/// category; `#` starts a comment line; empty cells give nothing.
class AKHBAR_API Manifest {
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
/// A path that does not exist, and a directory that cannot be read (with
/// everything under it), is reported and skipped.
[[nodiscard]] AKHBAR_API std::vector<SourceFile> collect_sources(
    const std::vector<std::string>& paths,
    const std::function<void(Problem)>& report);

/// Receives each article read, with its 1-based line (0 for a plain-text
/// file, which is one article).
using ArticleSink = std::function<void(Article&&, std::size_t line)>;

/// Reads the articles of one source, calling `sink` for each and `report`
/// for each problem; articles that find_defect() rejects are reported and
/// skipped. `progress(bytes)` is called now and then with the number of
/// input bytes consumed. Reading stops early, at the next wait for input or
/// the next 64 KiB read, once `cancel` is set; the lines already received are
/// still delivered. Lines are read byte-exactly: a NUL byte, invalid UTF-8 or
/// a line over MAX_ARTICLE_BYTES is reported and skipped on its own. A gzip
/// file is checked (CRC and length of every member) before any of its lines is
/// trusted: a damaged one is reported and no article of it is read; a
/// truncated one gives the lines before the cut. (Standard input cannot be
/// read twice: its articles are read as they come, and a damaged gzip stream
/// is reported with the lines that may hold damaged articles.)
AKHBAR_API void read_articles(const SourceFile& source, const Manifest* manifest,
                              const ArticleSink& sink,
                              const std::function<void(Problem)>& report,
                              const std::function<void(std::uintmax_t)>& progress = {},
                              const std::atomic<bool>* cancel = nullptr);

/// The same, for a caller that needs no line numbers.
AKHBAR_API void read_articles(const SourceFile& source, const Manifest* manifest,
                              const std::function<void(Article&&)>& sink,
                              const std::function<void(Problem)>& report,
                              const std::function<void(std::uintmax_t)>& progress = {});

}  // namespace akhbar
