#include "akhbar/indexer/sources.hpp"

#include <zlib.h>

#include <fcntl.h>
#include <poll.h>
#include <unistd.h>

#include <algorithm>
#include <cerrno>
#include <cstdio>
#include <cstring>
#include <fstream>
#include <memory>
#include <sstream>

#include <nlohmann/json.hpp>

#include "akhbar/common/error.hpp"
#include "akhbar/common/lines.hpp"
#include "akhbar/common/quote.hpp"
#include "akhbar/common/utf8.hpp"
#include "akhbar/common/dates.hpp"
#include "akhbar/indexer/plain_text.hpp"

namespace fs = std::filesystem;

namespace akhbar {

namespace {

Problem make_problem(const std::string& file, std::size_t line, std::string reason,
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

bool ends_with_any(const std::string& name, std::initializer_list<std::string_view> suffixes)
{
    return std::any_of(suffixes.begin(), suffixes.end(),
                       [&](std::string_view s) { return name.ends_with(s); });
}

bool is_jsonl_name(const std::string& name)
{
    return ends_with_any(name, {".jsonl", ".jsonl.gz", ".ndjson", ".ndjson.gz"});
}

bool is_plain_text_name(const std::string& name)
{
    return ends_with_any(name, {".txt", ".text"}) || name.find('.') == std::string::npos;
}

std::string describe_id(const fs::path& root, const fs::path& file)
{
    fs::path rel = root == file ? file.filename() : file.lexically_relative(root);
    rel.replace_extension();
    return rel.generic_string();
}

}  // namespace

// ------------------------------------------------------------------ articles

std::optional<ArticleDefect> find_defect(const Article& article)
{
    if (article.id.empty()) {
        return ArticleDefect{"missing id", "id is empty"};
    }
    if (article.id.size() > MAX_ID_BYTES) {
        return ArticleDefect{"id too long", "id is longer than " + std::to_string(MAX_ID_BYTES) +
                                                " bytes: " + quote_for_message(article.id)};
    }
    const std::pair<const char*, const std::string*> fields[] = {
        {"id", &article.id},         {"title", &article.title},   {"text", &article.text},
        {"source", &article.source}, {"url", &article.url},       {"category", &article.category},
        {"origin", &article.origin}};
    for (const auto& [name, value] : fields) {
        if (const auto bad = utf8::find_invalid(*value)) {
            return ArticleDefect{"invalid UTF-8", std::string("field \"") + name +
                                                      "\" is not valid UTF-8 at byte " +
                                                      std::to_string(*bad) + ": " + quote_for_message(*value)};
        }
    }
    return std::nullopt;
}

// ---------------------------------------------------------------- manifest

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

// ------------------------------------------------------------------ walking

std::vector<SourceFile> collect_sources(const std::vector<std::string>& paths,
                                        const std::function<void(Problem)>& report)
{
    std::vector<SourceFile> out;
    for (const std::string& arg : paths) {
        if (arg == "-") {
            out.push_back({"-", "-", SourceKind::jsonl, 0, "-"});
            continue;
        }
        std::error_code ec;
        const fs::path root = fs::absolute(fs::path(arg), ec).lexically_normal();
        const auto status = fs::status(root, ec);
        if (ec || !fs::exists(status)) {
            report(make_problem(arg, 0, "missing path", "no such file or directory"));
            continue;
        }
        if (fs::is_regular_file(status)) {
            const std::string name = root.filename().string();
            out.push_back({root, root.string(),
                           is_jsonl_name(name) ? SourceKind::jsonl : SourceKind::plain_text,
                           fs::file_size(root, ec), root});
            continue;
        }
        std::vector<SourceFile> found;
        for (auto it = fs::recursive_directory_iterator(
                 root, fs::directory_options::skip_permission_denied, ec);
             !ec && it != fs::recursive_directory_iterator(); it.increment(ec)) {
            const std::string name = it->path().filename().string();
            if (name.starts_with(".")) {
                if (it->is_directory()) {
                    it.disable_recursion_pending();
                }
                continue;
            }
            if (std::error_code dir_ec; it->is_directory(dir_ec)) {
                // The iterator would skip it silently (or, without
                // skip_permission_denied, end the whole walk): look first.
                const fs::directory_iterator probe(it->path(), dir_ec);
                if (dir_ec) {
                    report(make_problem(it->path().string(), 0, "unreadable directory",
                                        "cannot read the directory: " + dir_ec.message() +
                                            "; nothing under it is indexed"));
                    it.disable_recursion_pending();
                }
                continue;
            }
            if (!it->is_regular_file() || name == MANIFEST_NAME) {
                continue;
            }
            const fs::path p = it->path().lexically_normal();
            if (is_jsonl_name(name)) {
                found.push_back({p, p.string(), SourceKind::jsonl, it->file_size(), root});
            } else if (is_plain_text_name(name)) {
                found.push_back({p, p.string(), SourceKind::plain_text, it->file_size(), root});
            }
        }
        if (ec) {
            report(make_problem(arg, 0, "unreadable directory", "cannot list: " + ec.message()));
        }
        std::sort(found.begin(), found.end(),
                  [](const SourceFile& a, const SourceFile& b) { return a.path < b.path; });
        out.insert(out.end(), found.begin(), found.end());
    }
    return out;
}

// -------------------------------------------------------------- plain text

namespace {

std::size_t line_of_offset(std::string_view text, std::size_t offset)
{
    return 1 + static_cast<std::size_t>(std::count(text.begin(), text.begin() + offset, '\n'));
}

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

// ------------------------------------------------------------ JSON Lines

constexpr std::size_t READ_CHUNK = std::size_t{1} << 16U;
// How long a wait for input lasts before the cancel flag is looked at again
// (a signal cuts it short: Linux never restarts poll(), whatever SA_RESTART).
constexpr int POLL_MS = 200;

bool is_cancelled(const std::atomic<bool>* cancel)
{
    return cancel != nullptr && cancel->load();
}

// The bytes of a file or of standard input, gunzipped when they start with
// gzip's magic bytes (concatenated members too). Unlike zlib's gzread, which
// waits until its whole buffer is filled, it hands out what has arrived, and
// waits for input with poll(), so that a pipe with no data yet can be
// cancelled.
class InputBytes {
public:
    InputBytes(int fd, bool owned, const std::atomic<bool>* cancel)
        : m_fd(fd), m_owned(owned), m_cancel(cancel), m_in(READ_CHUNK)
    {
    }
    InputBytes(const InputBytes&) = delete;
    InputBytes& operator=(const InputBytes&) = delete;
    ~InputBytes()
    {
        if (m_inflating) {
            inflateEnd(&m_z);
        }
        if (m_owned) {
            ::close(m_fd);
        }
    }

    // Up to `size` bytes into `out`; 0 at the end of the input, on an error
    // (error() says which) or when cancelled.
    std::size_t read(char* out, std::size_t size)
    {
        if (!m_started) {
            start();
        }
        if (!m_gzip) {
            if (m_in_pos < m_in_end) {
                const std::size_t n = std::min(size, m_in_end - m_in_pos);
                std::copy_n(m_in.data() + m_in_pos, n, out);
                m_in_pos += n;
                return n;
            }
            return fill_raw(out, size);
        }
        return inflate_some(out, size);
    }

    [[nodiscard]] bool gzip() const noexcept { return m_gzip; }
    [[nodiscard]] bool cancelled() const noexcept { return m_was_cancelled; }
    /// Empty, or what went wrong ("corrupt gzip data (incorrect data check)").
    [[nodiscard]] const std::string& error() const noexcept { return m_error; }
    /// True when the error means the decoded bytes cannot be trusted (a
    /// failed check or invalid deflate data), not only that input ended early.
    [[nodiscard]] bool damaged() const noexcept { return m_damaged; }
    /// Input bytes consumed (compressed bytes for gzip).
    [[nodiscard]] std::uintmax_t consumed() const noexcept { return m_consumed; }

private:
    // Raw bytes straight from the descriptor; 0 at the end, on error or
    // cancellation.
    std::size_t fill_raw(char* out, std::size_t size)
    {
        for (;;) {
            if (is_cancelled(m_cancel)) {
                m_was_cancelled = true;
                return 0;
            }
            pollfd p{m_fd, POLLIN, 0};
            const int ready = ::poll(&p, 1, POLL_MS);
            if (ready < 0 && errno != EINTR) {
                m_error = std::string("cannot read: ") + std::strerror(errno);
                return 0;
            }
            if (ready <= 0) {
                continue;
            }
            const ssize_t n = ::read(m_fd, out, size);
            if (n < 0) {
                if (errno == EINTR || errno == EAGAIN) {
                    continue;
                }
                m_error = std::string("cannot read: ") + std::strerror(errno);
                return 0;
            }
            m_consumed += static_cast<std::uintmax_t>(n);
            return static_cast<std::size_t>(n);
        }
    }

    void start()
    {
        m_started = true;
        // Two bytes decide: gzip's magic 1F 8B.
        while (m_in_end < 2) {
            const std::size_t n = fill_raw(m_in.data() + m_in_end, m_in.size() - m_in_end);
            if (n == 0) {
                break;
            }
            m_in_end += n;
        }
        m_gzip = m_in_end >= 2 && static_cast<unsigned char>(m_in[0]) == 0x1FU &&
                 static_cast<unsigned char>(m_in[1]) == 0x8BU;
        if (m_gzip) {
            m_z = z_stream{};
            // 16 + MAX_WBITS: gzip wrapper, whose CRC-32 and length inflate checks.
            if (inflateInit2(&m_z, 16 + MAX_WBITS) != Z_OK) {
                throw std::bad_alloc();
            }
            m_inflating = true;
        }
    }

    std::size_t inflate_some(char* out, std::size_t size)
    {
        if (m_finished || !m_error.empty()) {
            return 0;
        }
        m_z.next_out = reinterpret_cast<Bytef*>(out);
        m_z.avail_out = static_cast<uInt>(size);
        while (m_z.avail_out == size) {
            if (m_in_pos == m_in_end) {
                m_in_pos = 0;
                m_in_end = fill_raw(m_in.data(), m_in.size());
                if (m_in_end == 0) {
                    if (!m_was_cancelled && m_error.empty() && m_member_started) {
                        m_error = "truncated gzip data (unexpected end of file)";
                    }
                    m_finished = m_error.empty();
                    break;
                }
            }
            if (!m_member_started) {
                // After a member: another one, or the end. zlib's gzread ends
                // at bytes that start no member; so does this.
                if (static_cast<unsigned char>(m_in[m_in_pos]) != 0x1FU) {
                    m_finished = true;
                    break;
                }
                m_member_started = true;
            }
            m_z.next_in = reinterpret_cast<Bytef*>(m_in.data() + m_in_pos);
            m_z.avail_in = static_cast<uInt>(m_in_end - m_in_pos);
            const int rc = ::inflate(&m_z, Z_NO_FLUSH);
            m_in_pos = m_in_end - m_z.avail_in;
            if (rc == Z_STREAM_END) {
                inflateReset(&m_z);
                m_member_started = false;
            } else if (rc == Z_DATA_ERROR || rc == Z_NEED_DICT) {
                m_error = std::string("corrupt gzip data (") +
                          (m_z.msg != nullptr ? m_z.msg : "invalid data") + ")";
                m_damaged = true;
                break;
            } else if (rc == Z_MEM_ERROR) {
                throw std::bad_alloc();
            }
        }
        return size - m_z.avail_out;
    }

    int m_fd;
    bool m_owned;
    const std::atomic<bool>* m_cancel;
    std::vector<char> m_in;
    std::size_t m_in_pos = 0;
    std::size_t m_in_end = 0;
    std::uintmax_t m_consumed = 0;
    bool m_started = false;
    bool m_gzip = false;
    bool m_inflating = false;
    bool m_member_started = false;
    bool m_finished = false;
    bool m_was_cancelled = false;
    bool m_damaged = false;
    std::string m_error;
    z_stream m_z{};
};

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

}  // namespace

void read_articles(const SourceFile& source, const Manifest* manifest, const ArticleSink& sink,
                   const std::function<void(Problem)>& report,
                   const std::function<void(std::uintmax_t)>& progress,
                   const std::atomic<bool>* cancel)
{
    if (source.kind == SourceKind::jsonl) {
        read_jsonl(source, sink, report, progress, cancel);
        return;
    }
    read_plain_text(source, manifest, sink, report);
    if (progress) {
        progress(source.size);
    }
}

void read_articles(const SourceFile& source, const Manifest* manifest,
                   const std::function<void(Article&&)>& sink,
                   const std::function<void(Problem)>& report,
                   const std::function<void(std::uintmax_t)>& progress)
{
    read_articles(
        source, manifest, [&](Article&& article, std::size_t /*line*/) { sink(std::move(article)); },
        report, progress);
}

}  // namespace akhbar
