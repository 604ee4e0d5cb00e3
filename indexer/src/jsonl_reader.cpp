#include <fcntl.h>
#include <unistd.h>

#include <algorithm>
#include <cerrno>
#include <cstring>

#include <nlohmann/json.hpp>

#include "akhbar/common/dates.hpp"
#include "akhbar/common/quote.hpp"
#include "akhbar/common/utf8.hpp"
#include "input_bytes.hpp"
#include "problem.hpp"
#include "source_readers.hpp"

namespace akhbar::detail {

namespace {

// One line of input, byte-exact (NUL bytes included).
struct Line {
    std::string text;             // without its '\n' (and '\r'); cut when too_long
    std::size_t number = 0;       // 1-based
    std::uintmax_t bytes = 0;     // its full length
    bool too_long = false;        // longer than MAX_ARTICLE_BYTES: text holds its start only
    bool terminated = false;      // ended by '\n' (not by the end of the input)
};

// Splits InputBytes into lines on '\n', never holding more than
// MAX_ARTICLE_BYTES of one line.
class LineReader {
public:
    explicit LineReader(InputBytes& in) : m_in(in), m_buffer(READ_CHUNK) {}

    // The next line; false at the end of the input.
    bool next(Line& line)
    {
        line.text.clear();
        line.bytes = 0;
        line.too_long = false;
        line.terminated = false;
        line.number = m_number + 1;
        for (;;) {
            if (m_pos == m_end) {
                m_pos = 0;
                m_end = m_in.read(m_buffer.data(), m_buffer.size());
                if (m_end == 0) {
                    if (line.bytes == 0) {
                        return false;
                    }
                    ++m_number;
                    return true;
                }
            }
            const char* start = m_buffer.data() + m_pos;
            const auto* eol = static_cast<const char*>(std::memchr(start, '\n', m_end - m_pos));
            const std::size_t n =
                eol != nullptr ? static_cast<std::size_t>(eol - start) : m_end - m_pos;
            append(line, start, n);
            m_pos += n;
            if (eol != nullptr) {
                ++m_pos;
                ++m_number;
                line.terminated = true;
                if (!line.too_long && !line.text.empty() && line.text.back() == '\r') {
                    line.text.pop_back();
                }
                return true;
            }
        }
    }

    // Lines returned so far.
    [[nodiscard]] std::size_t lines() const noexcept { return m_number; }

private:
    static void append(Line& line, const char* data, std::size_t n)
    {
        line.bytes += n;
        if (line.too_long) {
            return;
        }
        if (line.bytes > MAX_ARTICLE_BYTES) {
            // Keep what a message quotes, drop the rest as it streams past.
            line.too_long = true;
            line.text.append(data, std::min(n, std::size_t{256}));
            line.text.resize(std::min(line.text.size(), std::size_t{256}));
            line.text.shrink_to_fit();
            return;
        }
        line.text.append(data, n);
    }

    InputBytes& m_in;
    std::vector<char> m_buffer;
    std::size_t m_pos = 0;
    std::size_t m_end = 0;
    std::size_t m_number = 0;
};

// Field value as a string: strings as they are, numbers printed; other types
// (objects, arrays, booleans) are reported and ignored.
std::optional<std::string> string_field(const nlohmann::json& record, const char* name,
                                        const std::string& file, std::size_t line,
                                        const std::function<void(Problem)>& report)
{
    const auto it = record.find(name);
    if (it == record.end() || it->is_null()) {
        return std::nullopt;
    }
    if (it->is_string()) {
        return it->get<std::string>();
    }
    if (it->is_number()) {
        return it->dump();
    }
    report(make_problem(file, line, "bad field",
                        std::string("field \"") + name + "\" is not a string: " +
                            quote_for_message(it->dump()) + " (ignored)",
                        false));
    return std::nullopt;
}

// A gzip file is decoded once before its lines are trusted: zlib checks a
// member's CRC only at its end, after every line of it was handed out.
// Returns the problem that makes the file unusable, if any.
std::optional<std::string> check_gzip(const std::string& file,
                                      const std::atomic<bool>* cancel)
{
    const int fd = ::open(file.c_str(), O_RDONLY | O_CLOEXEC);
    if (fd < 0) {
        return std::nullopt;  // the reading pass reports it
    }
    InputBytes in(fd, true, cancel);
    std::vector<char> sink(READ_CHUNK);
    // The first read tells a gzip file from a plain one, which needs no check.
    if (in.read(sink.data(), sink.size()) <= 0 || !in.gzip()) {
        return std::nullopt;
    }
    while (in.read(sink.data(), sink.size()) > 0) {
    }
    if (!in.damaged()) {
        return std::nullopt;
    }
    return in.error();
}

}  // namespace

void read_jsonl(const SourceFile& source, const ArticleSink& sink,
                const std::function<void(Problem)>& report,
                const std::function<void(std::uintmax_t)>& progress,
                const std::atomic<bool>* cancel)
{
    const std::string file = source.path.string();
    const bool from_stdin = source.origin == "-";
    if (!from_stdin) {
        if (const auto damage = check_gzip(file, cancel)) {
            report(make_problem(file, 0, "corrupt gzip",
                                *damage + ": no article of the file is indexed"));
            return;
        }
    }
    const int fd = from_stdin ? STDIN_FILENO : ::open(file.c_str(), O_RDONLY | O_CLOEXEC);
    if (fd < 0) {
        report(make_problem(file, 0, "unreadable file",
                            std::string("cannot read the file: ") + std::strerror(errno)));
        return;
    }
    InputBytes in(fd, !from_stdin, cancel);
    LineReader lines(in);
    Line line;
    bool any = false;
    // Lines read from the current gzip member of standard input (which is not
    // checked beforehand): what a failed check may have damaged.
    while (lines.next(line)) {
        const std::size_t number = line.number;
        if (progress && number % 64 == 0) {
            progress(in.consumed());
        }
        if (!line.terminated && (in.cancelled() || !in.error().empty())) {
            break;  // a line cut short by cancellation or by a read or decompression error
        }
        if (line.too_long) {
            any = true;
            report(make_problem(file, number, "too long",
                                "line is longer than " + std::to_string(MAX_ARTICLE_BYTES) +
                                    " bytes (the article size limit): " + quote_for_message(line.text)));
            continue;
        }
        if (line.text.find_first_not_of(" \t") == std::string::npos) {
            continue;
        }
        any = true;
        if (const auto nul = line.text.find('\0'); nul != std::string::npos) {
            report(make_problem(file, number, "NUL byte",
                                "NUL byte at byte " + std::to_string(nul) +
                                    " of the line: " + quote_for_message(line.text)));
            continue;
        }
        if (const auto bad = utf8::find_invalid(line.text)) {
            report(make_problem(file, number, "invalid UTF-8",
                                "invalid UTF-8 at byte " + std::to_string(*bad) +
                                    " of the line: " + quote_for_message(line.text)));
            continue;
        }
        nlohmann::json record;
        try {
            record = nlohmann::json::parse(line.text);
        } catch (const nlohmann::json::exception& e) {
            // Syntax errors and numbers past a double's range (`1e999`:
            // nlohmann's out_of_range.406), without nlohmann's
            // "[json.exception.KIND.N] " prefix.
            std::string what = e.what();
            if (const auto end = what.find("] "); what.starts_with("[json.exception.") &&
                                                  end != std::string::npos) {
                what = what.substr(end + 2);
            }
            report(make_problem(file, number, "malformed JSON",
                                "malformed JSON (" + what + "): " + quote_for_message(line.text)));
            continue;
        }
        if (!record.is_object()) {
            report(make_problem(file, number, "malformed JSON",
                                "not a JSON object: " + quote_for_message(line.text)));
            continue;
        }
        Article article;
        const auto id = string_field(record, "id", file, number, report);
        if (!id || id->find_first_not_of(" \t") == std::string::npos) {
            report(make_problem(file, number, "missing id", "missing \"id\": " + quote_for_message(line.text)));
            continue;
        }
        article.id = *id;
        article.title = string_field(record, "title", file, number, report).value_or("");
        auto text = string_field(record, "text", file, number, report);
        if (!text || text->empty()) {
            text = string_field(record, "body", file, number, report);
        }
        article.text = text.value_or("");
        article.source = string_field(record, "source", file, number, report).value_or("");
        article.url = string_field(record, "url", file, number, report).value_or("");
        article.category = string_field(record, "category", file, number, report).value_or("");
        if (const auto date = string_field(record, "date", file, number, report);
            date && !date->empty()) {
            if (const auto parsed = dates::parse(*date)) {
                article.date = parsed;
                article.date_source = DateSource::metadata;
            } else {
                report(make_problem(file, number, "unparsable date",
                                    "field \"date\" is not a date: " + quote_for_message(*date) +
                                        " (indexed as undated)",
                                    false));
            }
        }
        if (article.title.empty() && article.text.empty()) {
            report(make_problem(file, number, "no article text",
                                "no \"title\" or \"text\" for id " + quote_for_message(article.id)));
            continue;
        }
        article.origin = source.origin;
        if (const auto defect = find_defect(article)) {
            report(make_problem(file, number, defect->reason, defect->what));
            continue;
        }
        sink(std::move(article), number);
    }
    if (!in.error().empty()) {
        const std::size_t at = line.number;  // the line cut short, or the one after the last
        std::string what = in.error();
        if (in.damaged()) {
            // Only standard input gets here (files were checked first).
            what += at > 1 ? ": lines 1-" + std::to_string(at - 1) +
                                 " were read before the damage was found and may hold "
                                 "damaged articles"
                           : ": nothing could be read";
        } else {
            what += ": the rest of the input is lost";
        }
        report(make_problem(file, at, in.damaged() ? "corrupt gzip" : "unreadable file", what));
    } else if (!any && !in.cancelled()) {
        report(make_problem(file, 0, "empty file", "empty file"));
    }
    if (progress) {
        progress(source.size);
    }
}

}  // namespace akhbar::detail
