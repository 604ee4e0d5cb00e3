#include <algorithm>
#include <fstream>
#include <sstream>

#include "akhbar/common/dates.hpp"
#include "akhbar/common/quote.hpp"
#include "akhbar/common/utf8.hpp"
#include "akhbar/indexer/plain_text.hpp"
#include "problem.hpp"
#include "source_readers.hpp"

namespace fs = std::filesystem;

namespace akhbar::detail {

namespace {

std::string describe_id(const fs::path& root, const fs::path& file)
{
    fs::path rel = root == file ? file.filename() : file.lexically_relative(root);
    rel.replace_extension();
    return rel.generic_string();
}

std::size_t line_of_offset(std::string_view text, std::size_t offset)
{
    return 1 + static_cast<std::size_t>(std::count(text.begin(), text.begin() + offset, '\n'));
}

}  // namespace

void read_plain_text(const SourceFile& source, const Manifest* manifest, const ArticleSink& sink,
                     const std::function<void(Problem)>& report)
{
    const std::string file = source.path.string();
    std::ifstream in(source.path, std::ios::binary);
    if (!in) {
        report(make_problem(file, 0, "unreadable file", "cannot read the file"));
        return;
    }
    std::error_code ec;
    if (const auto size = fs::file_size(source.path, ec); !ec && size > MAX_ARTICLE_BYTES) {
        report(make_problem(file, 0, "too long",
                            "file is longer than " + std::to_string(MAX_ARTICLE_BYTES) +
                                " bytes (the article size limit): " + std::to_string(size) +
                                " bytes"));
        return;
    }
    std::ostringstream buffer;
    buffer << in.rdbuf();
    const std::string bytes = buffer.str();

    if (bytes.find('\0') != std::string::npos) {
        const auto at = bytes.find('\0');
        report(make_problem(file, line_of_offset(bytes, at), "binary file",
                            "binary file (NUL byte at byte " + std::to_string(at) + ")"));
        return;
    }
    if (const auto bad = utf8::find_invalid(bytes)) {
        const std::size_t line_start = bytes.rfind('\n', *bad) == std::string::npos
                                           ? 0
                                           : bytes.rfind('\n', *bad) + 1;
        const std::size_t line_end = bytes.find('\n', *bad);
        report(make_problem(file, line_of_offset(bytes, *bad), "invalid UTF-8",
                            "invalid UTF-8 at byte " + std::to_string(*bad) + ": " +
                                quote_for_message(std::string_view(bytes).substr(line_start, line_end - line_start))));
        return;
    }
    if (bytes.find_first_not_of(" \t\r\n") == std::string::npos) {
        report(make_problem(file, 0, "empty file", "empty file"));
        return;
    }

    plain_text::Parsed parsed = plain_text::parse(bytes);
    Article article;
    article.id = describe_id(source.root, source.path);
    article.title = std::move(parsed.title);
    article.text = std::move(parsed.text);
    article.source = std::move(parsed.source);
    if (parsed.date) {
        article.date = parsed.date;
        article.date_source = DateSource::text;
    }
    if (const Manifest::Entry* entry =
            manifest ? manifest->find(source.path.filename().string()) : nullptr) {
        for (const auto& [key, value] : entry->fields) {
            if (key == "id") {
                article.id = value;
            } else if (key == "title") {
                article.title = value;
            } else if (key == "source") {
                article.source = value;
            } else if (key == "url") {
                article.url = value;
            } else if (key == "category") {
                article.category = value;
            } else if (key == "date") {
                article.date = dates::parse(value);  // checked when the manifest was loaded
                article.date_source = DateSource::metadata;
            }
        }
    }
    if (article.text.empty() && article.title.empty()) {
        report(make_problem(file, 0, "no article text", "no article text after cleaning"));
        return;
    }
    article.origin = source.origin;
    if (const auto defect = find_defect(article)) {
        report(make_problem(file, 0, defect->reason, defect->what));
        return;
    }
    sink(std::move(article), 0);
}

}  // namespace akhbar::detail
