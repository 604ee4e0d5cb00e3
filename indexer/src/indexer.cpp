// The Indexer facade: one IndexWriter (index_writer.hpp), chosen at
// construction, behind the public API, which throws akhbar errors only.

#include "akhbar/indexer/indexer.hpp"

#include <xapian.h>

#include "akhbar/common/error.hpp"
#include "akhbar/common/index_metadata.hpp"
#include "index_writer.hpp"
#include "sharded_index.hpp"

namespace fs = std::filesystem;

namespace akhbar {

namespace {

// A Xapian error that escapes a writer (disk full, a database removed
// underneath) becomes an IndexError with Xapian's description.
template <class F>
auto translating_xapian_errors(F f) -> decltype(f())
{
    try {
        return f();
    } catch (const Xapian::Error& e) {
        throw IndexError(e.get_description());
    }
}

}  // namespace

namespace detail {

std::unique_ptr<IndexWriter> open_index_writer(IndexerOptions options)
{
    check_options(options);
    if (options.existing_only) {
        const fs::path path = options.db.empty() ? schema::default_database_path() : options.db;
        std::error_code ec;
        if (!fs::exists(path, ec)) {
            throw IndexError("no database at " + path.string());
        }
    }
    if (ShardedIndex::wanted(options)) {
        return std::make_unique<ShardedIndex>(std::move(options));
    }
    return open_single_database(std::move(options));
}

void abandon_unfinished(IndexWriter& writer) noexcept
{
    if (!writer.finished()) {
        try {
            writer.abandon();
        } catch (...) {
            // The database stays at its last commit.
        }
    }
}

}  // namespace detail

struct Indexer::Impl {
    // A constructor, not an aggregate: make_unique cannot parenthesise an
    // aggregate's initialiser before Clang 16 (P0960).
    explicit Impl(std::unique_ptr<detail::IndexWriter> w) : writer(std::move(w)) {}
    std::unique_ptr<detail::IndexWriter> writer;
};

Indexer::Indexer(IndexerOptions options)
    : m_impl(std::make_unique<Impl>(translating_xapian_errors(
          [&] { return detail::open_index_writer(std::move(options)); })))
{
}

Indexer::~Indexer()
{
    if (m_impl) {
        detail::abandon_unfinished(*m_impl->writer);
    }
}

Indexer::Outcome Indexer::put(const Article& article)
{
    return translating_xapian_errors([&] { return m_impl->writer->put(article); });
}

bool Indexer::remove(std::string_view id)
{
    return translating_xapian_errors([&] { return m_impl->writer->remove(id); });
}

std::vector<std::string> Indexer::origins() const
{
    return translating_xapian_errors([&] { return m_impl->writer->origins(); });
}

std::vector<std::string> Indexer::ids_from(std::string_view origin) const
{
    return translating_xapian_errors([&] { return m_impl->writer->ids_from(origin); });
}

void Indexer::commit()
{
    translating_xapian_errors([&] { m_impl->writer->commit(); });
}

void Indexer::finish()
{
    translating_xapian_errors([&] { m_impl->writer->finish(); });
}

void Indexer::abandon()
{
    translating_xapian_errors([&] { m_impl->writer->abandon(); });
}

std::size_t Indexer::document_count() const
{
    return translating_xapian_errors([&] { return m_impl->writer->document_count(); });
}

bool Indexer::bulk() const noexcept
{
    return m_impl->writer->bulk();
}

const fs::path& Indexer::path() const noexcept
{
    return m_impl->writer->path();
}

std::string_view Indexer::profile() const noexcept
{
    return m_impl->writer->profile();
}

const std::vector<std::string>& Indexer::repairs() const noexcept
{
    return m_impl->writer->repairs();
}

ShardBy Indexer::shard_by() const noexcept
{
    return m_impl->writer->shard_by();
}

}  // namespace akhbar
