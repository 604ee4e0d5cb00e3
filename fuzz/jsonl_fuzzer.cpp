// The JSON Lines reader (indexer/src/sources.cpp): the input is one .jsonl
// file. Every line that is not blank gives exactly one outcome, an article or
// a skipped-article problem naming that line; fields are valid UTF-8; every
// message starts with FILE:LINE.

#include <sys/mman.h>
#include <unistd.h>

#include <cstddef>
#include <cstdint>
#include <cstdio>
#include <set>
#include <string>
#include <vector>

#include "akhbar/common/utf8.hpp"
#include "akhbar/indexer/sources.hpp"
#include "fuzz_check.hpp"

namespace {

// Non-blank lines, numbered as the reader numbers them: split at '\n', a
// terminated line loses one trailing '\r', blank means only spaces and tabs.
std::set<std::size_t> non_blank_lines(std::string_view text)
{
    std::set<std::size_t> lines;
    std::size_t number = 0;
    std::size_t start = 0;
    while (start < text.size()) {
        const std::size_t nl = text.find('\n', start);
        std::string_view line = text.substr(start, nl == std::string_view::npos ? nl : nl - start);
        if (nl != std::string_view::npos && !line.empty() && line.back() == '\r') {
            line.remove_suffix(1);
        }
        ++number;
        if (line.find_first_not_of(" \t") != std::string_view::npos) {
            lines.insert(number);
        }
        if (nl == std::string_view::npos) {
            break;
        }
        start = nl + 1;
    }
    return lines;
}

}  // namespace

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size)
{
    // One in-memory file for the whole run, rewritten for each input.
    static const int fd = memfd_create("akhbar-fuzz.jsonl", 0);
    static const std::string path = "/proc/self/fd/" + std::to_string(fd);
    AKHBAR_FUZZ_CHECK(fd >= 0, "memfd_create");
    const std::string_view text = akhbar::fuzz::as_text(data, size);
    AKHBAR_FUZZ_CHECK(ftruncate(fd, 0) == 0 && pwrite(fd, data, size, 0) == static_cast<ssize_t>(size),
                      "write the input file");

    akhbar::SourceFile source;
    source.path = path;
    source.origin = path;
    source.kind = akhbar::SourceKind::jsonl;
    source.size = size;
    std::size_t articles = 0;
    std::multiset<std::size_t> skipped;
    akhbar::read_articles(
        source, nullptr,
        [&](akhbar::Article&& a) {
            ++articles;
            AKHBAR_FUZZ_CHECK(a.id.find_first_not_of(" \t") != std::string::npos, "an id");
            AKHBAR_FUZZ_CHECK(!a.title.empty() || !a.text.empty(), "a title or a text");
            for (const std::string* field : {&a.id, &a.title, &a.text, &a.source, &a.url,
                                             &a.category}) {
                AKHBAR_FUZZ_CHECK(!akhbar::utf8::find_invalid(*field), "fields are valid UTF-8");
            }
            AKHBAR_FUZZ_CHECK(!a.date || a.date->ok(), "a real date");
        },
        [&](akhbar::Problem p) {
            AKHBAR_FUZZ_CHECK(p.file == path, "the problem names the file");
            AKHBAR_FUZZ_CHECK(p.message.starts_with(path + ":"), "the message names the file");
            if (p.skipped && p.line > 0) {
                skipped.insert(p.line);
            }
        });

    // gzip input is decompressed first: its lines are not the input's.
    if (size >= 2 && data[0] == 0x1f && data[1] == 0x8b) {
        return 0;
    }
    const std::set<std::size_t> lines = non_blank_lines(text);
    for (const std::size_t line : skipped) {
        AKHBAR_FUZZ_CHECK(lines.count(line) == 1, "a skipped line is a non-blank input line");
        AKHBAR_FUZZ_CHECK(skipped.count(line) == 1, "a line is skipped once");
    }
    AKHBAR_FUZZ_CHECK(articles + skipped.size() == lines.size(),
                      "each non-blank line is an article or a skipped problem");
    return 0;
}
