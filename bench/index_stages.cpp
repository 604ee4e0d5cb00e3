// Where indexing time goes: the articles of the given JSONL files are read
// into memory, turned into the indexer's own Xapian documents (its
// DocumentBuilder, one thread), and those same documents are then written by
// N threads into N databases, each write variant timed on its own:
//
//   full             what akhbar-index writes (positions, termlist, text),
//                    in glass's default 8 KB blocks
//   no-data          without the stored text (no snippets)
//   no-positions     without positions (no phrases, no proximity)
//   no-termlist      Xapian::DB_NO_TERMLIST (no updates, deletes or --like)
//   full-16k-blocks  full, 16 KB blocks
//   full-64k-blocks  full, 64 KB blocks: as akhbar-index's bulk partitions
//
// The write rate of `full-64k-blocks` is the ceiling of akhbar-index's bulk
// mode on this machine with analysis taken away; the other rows say what
// each feature the issue asks for costs.
//
//   akhbar-bench-index-stages THREADS WORKDIR FILE.jsonl.gz...

#include <chrono>
#include <filesystem>
#include <iomanip>
#include <iostream>
#include <string>
#include <thread>
#include <vector>

#include <xapian.h>

#include "akhbar/common/analyzer.hpp"
#include "akhbar/common/profile.hpp"
#include "akhbar/common/hashes.hpp"
#include "akhbar/indexer/sources.hpp"
#include "document_builder.hpp"

namespace fs = std::filesystem;

namespace {

using Clock = std::chrono::steady_clock;

double seconds_since(Clock::time_point start)
{
    return std::chrono::duration<double>(Clock::now() - start).count();
}

struct Variant {
    const char* name;
    int flags;
    bool data;
    bool positions;
    int block_size = 8192;
};

constexpr Variant VARIANTS[] = {
    {"full", 0, true, true},
    {"no-data", 0, false, true},
    {"no-positions", 0, true, false},
    {"no-termlist", Xapian::DB_NO_TERMLIST, true, true},
    {"full-16k-blocks", 0, true, true, 16384},
    {"full-64k-blocks", 0, true, true, 65536},
};

// The same terms, wdfs and values, without positions.
Xapian::Document without_positions(const Xapian::Document& doc)
{
    Xapian::Document out;
    for (auto t = doc.termlist_begin(); t != doc.termlist_end(); ++t) {
        out.add_term(*t, t.get_wdf());
    }
    for (auto v = doc.values_begin(); v != doc.values_end(); ++v) {
        out.add_value(v.get_valueno(), *v);
    }
    out.set_data(doc.get_data());
    return out;
}

// Writes docs[i] for i = first, first + step, ... into one database.
void write_partition(const std::vector<Xapian::Document>& docs, std::size_t first, std::size_t step,
                 const fs::path& path, const Variant& v)
{
    Xapian::WritableDatabase db(path.string(),
                                Xapian::DB_CREATE_OR_OVERWRITE | Xapian::DB_NO_SYNC | v.flags, v.block_size);
    for (std::size_t i = first; i < docs.size(); i += step) {
        if (v.data) {
            db.add_document(docs[i]);
        } else {
            Xapian::Document copy = docs[i];
            copy.set_data(std::string());
            db.add_document(copy);
        }
    }
    db.commit();
}

}  // namespace

int main(int argc, char* argv[])
{
    if (argc < 4) {
        std::cerr << "usage: akhbar-bench-index-stages THREADS WORKDIR FILE.jsonl.gz...\n";
        return 2;
    }
    const auto threads = static_cast<std::size_t>(std::stoul(argv[1]));
    const fs::path work = argv[2];
    fs::create_directories(work);
    // Our commit interval, as akhbar-index sets it.
    setenv("XAPIAN_FLUSH_THRESHOLD", "20001", 0);

    auto start = Clock::now();
    std::vector<akhbar::Article> articles;
    for (int i = 3; i < argc; ++i) {
        const akhbar::SourceFile source{argv[i], argv[i], akhbar::SourceKind::jsonl, 0, argv[i]};
        akhbar::read_articles(
            source, nullptr, [&](akhbar::Article&& a) { articles.push_back(std::move(a)); },
            [](const akhbar::Problem&) {});
    }
    const double read_s = seconds_since(start);

    start = Clock::now();
    akhbar::detail::DocumentBuilder builder{akhbar::Analyzer(akhbar::DEFAULT_PROFILE)};
    std::vector<Xapian::Document> docs;
    docs.reserve(articles.size());
    for (const auto& a : articles) {
        docs.push_back(builder.build(a, akhbar::schema::content_hash(a)));
    }
    const double build_s = seconds_since(start);
    std::vector<Xapian::Document> unpositioned;
    unpositioned.reserve(docs.size());
    for (const auto& d : docs) {
        unpositioned.push_back(without_positions(d));
    }

    const double n = static_cast<double>(docs.size());
    std::cout << std::fixed << std::setprecision(1) << docs.size() << " articles, " << threads
              << " writer threads\n\n"
              << "| stage | seconds | articles/s | size |\n|---|---|---|---|\n"
              << "| read + parse JSON (1 thread) | " << read_s << " | " << n / read_s << " | |\n"
              << "| analyze + build documents (1 thread) | " << build_s << " | " << n / build_s
              << " | |\n";
    for (const Variant& v : VARIANTS) {
        const auto& input = v.positions ? docs : unpositioned;
        start = Clock::now();
        std::vector<std::thread> writers;
        for (std::size_t t = 0; t < threads; ++t) {
            writers.emplace_back(write_partition, std::cref(input), t, threads,
                                 work / (std::string(v.name) + std::to_string(t)), std::cref(v));
        }
        for (auto& w : writers) {
            w.join();
        }
        const double write_s = seconds_since(start);
        std::uintmax_t bytes = 0;
        for (const auto& e : fs::recursive_directory_iterator(work)) {
            if (e.is_regular_file() && e.path().parent_path().filename().string().starts_with(v.name)) {
                bytes += e.file_size();
            }
        }
        std::cout << "| write, " << v.name << " (" << threads << " threads) | " << write_s << " | "
                  << n / write_s << " | " << std::setprecision(0) << static_cast<double>(bytes) / 1e6
                  << " MB uncompacted |\n"
                  << std::setprecision(1);
    }
    fs::remove_all(work);
    return 0;
}
