// The query parser (searcher/src/query_parser.cpp) over a small index of
// tests/data/ant_sample.jsonl, so that stem classes, root classes,
// wildcards and source filters expand against a real vocabulary. Each input
// is parsed in syntax mode (any words, then every word) and in literal mode:
// it either parses or throws QueryError, and what parses runs in Xapian.

#include <cstddef>
#include <cstdint>
#include <cstdio>
#include <cstdlib>
#include <filesystem>
#include <string>

#include <xapian.h>

#include "akhbar/common/analyzer.hpp"
#include "akhbar/common/error.hpp"
#include "akhbar/indexer/sources.hpp"
#include "document_builder.hpp"
#include "fuzz_check.hpp"
#include "query_parser.hpp"

namespace {

// How many articles of the sample the index holds: enough vocabulary for
// every expansion, few enough that each query runs in microseconds.
constexpr std::size_t INDEXED_ARTICLES = 40;

// The index lives in a temporary directory (the glass backend, as in
// production; Xapian's in-memory backend is deprecated), removed at exit.
const std::string& temporary_directory()
{
    // Never destroyed: the atexit handler, registered during its
    // initialization, runs after the destructors of statics made before it.
    static const std::string* dir = [] {
        std::string pattern = std::filesystem::temp_directory_path() / "akhbar-fuzz-XXXXXX";
        AKHBAR_FUZZ_CHECK(mkdtemp(pattern.data()) != nullptr, "mkdtemp");
        std::atexit([] { std::filesystem::remove_all(temporary_directory()); });
        return new std::string(pattern);
    }();
    return *dir;
}

Xapian::Database sample_index(const akhbar::Analyzer& analyzer)
{
    Xapian::WritableDatabase db(temporary_directory() + "/db", Xapian::DB_CREATE_OR_OVERWRITE);
    akhbar::detail::DocumentBuilder builder(analyzer);
    akhbar::SourceFile source;
    source.path = AKHBAR_SOURCE_DIR "/tests/data/ant_sample.jsonl";
    source.origin = source.path.string();
    source.kind = akhbar::SourceKind::jsonl;
    std::size_t count = 0;
    akhbar::read_articles(
        source, nullptr,
        [&](akhbar::Article&& a) {
            if (count++ < INDEXED_ARTICLES) {
                db.add_document(builder.build(a, a.id));
            }
        },
        [](const akhbar::Problem& p) { std::fprintf(stderr, "%s\n", p.message.c_str()); });
    AKHBAR_FUZZ_CHECK(count >= INDEXED_ARTICLES, "the sample index has its articles");
    builder.flush_spelling(db);
    db.commit();
    return db;
}

void parse_and_run(std::string_view text, bool match_all, bool literal,
                   const akhbar::Analyzer& analyzer, const Xapian::Database& db,
                   akhbar::detail::StemClasses& classes)
{
    akhbar::detail::ParsedQuery parsed;
    try {
        parsed = akhbar::detail::parse_query(text, match_all, analyzer, db, literal, &classes);
    } catch (const akhbar::QueryError& e) {
        AKHBAR_FUZZ_CHECK(e.query() == text, "QueryError keeps the query");
        AKHBAR_FUZZ_CHECK(*e.what() != '\0', "QueryError says what is wrong");
        return;
    }
    try {
        Xapian::Enquire enquire(db);
        enquire.set_query(parsed.query);
        (void)enquire.get_mset(0, 10);
    } catch (const Xapian::Error& e) {
        std::fprintf(stderr, "Xapian: %s\n", e.get_description().c_str());
        AKHBAR_FUZZ_CHECK(false, "a query that parses runs");
    }
}

}  // namespace

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size)
{
    static const akhbar::Analyzer analyzer;  // the default profile: every expansion on
    static const Xapian::Database db = sample_index(analyzer);
    static akhbar::detail::StemClasses classes(analyzer.profile().expansion_stemmer);

    const std::string_view text = akhbar::fuzz::as_text(data, size);
    parse_and_run(text, false, false, analyzer, db, classes);
    parse_and_run(text, true, false, analyzer, db, classes);
    parse_and_run(text, false, true, analyzer, db, classes);
    return 0;
}
