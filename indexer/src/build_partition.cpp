#include "build_partition.hpp"

#include <algorithm>
#include <iterator>
#include <optional>

#include "akhbar/common/index_metadata.hpp"
#include "akhbar/common/terms.hpp"
#include "single_database.hpp"

namespace fs = std::filesystem;

namespace akhbar::detail {

namespace {

/// Partitions of a bulk build are written with glass's largest blocks (fewer
/// block splits: writes measured 18% faster than with the default 8 KB,
/// bench/index_stages.cpp); the compactor writes the final database with
/// the default 8 KB blocks, which queries read best.
constexpr int PARTITION_BLOCK_SIZE = 65536;

}  // namespace

BuildPartition::BuildPartition(fs::path dir, const Analyzer& analyzer, std::string_view profile,
                               FlushLimits limits, PartitionQueues& queues,
                               std::size_t queue_index)
    : m_dir(std::move(dir)), m_profile(profile),
      m_stemmer(analyzer.stemmer_name()),
      m_builder(analyzer), m_limits(limits), m_queues(queues), m_queue_index(queue_index)
{
    fs::create_directory(m_dir);
    open_segment();  // even an empty partition leaves a database to merge
    m_thread = std::thread([this] { run(); });
}

BuildPartition::~BuildPartition()
{
    if (m_thread.joinable()) {
        m_queues.close();
        m_thread.join();
    }
}

void BuildPartition::close()
{
    m_thread.join();
    if (m_error) {
        std::rethrow_exception(m_error);
    }
}

void BuildPartition::run()
{
    try {
        while (std::optional<PartitionWork> work = m_queues.pop(m_queue_index)) {
            if (!m_open) {
                open_segment();
            }
            write(*work);
            if (m_buffered_articles >= m_limits.articles || m_buffered_bytes >= m_limits.bytes) {
                flush_segment();
            }
        }
        if (m_open) {
            flush_segment();
        }
    } catch (...) {
        m_error = std::current_exception();
        m_queues.fail(m_error);
    }
}

void BuildPartition::write(const PartitionWork& work)
{
    using Action = PartitionWork::Action;
    const std::string id_term = term(schema::PREFIX_ID, work.article.id);
    if (work.action != Action::add) {
        delete_from_earlier_segment(id_term);
    }
    if (work.action == Action::remove) {
        m_db.delete_document(id_term);
        return;
    }
    Xapian::Document doc = m_builder.build(work.article, work.hash, work.added);
    if (work.action == Action::replace) {
        m_db.replace_document(id_term, doc);
    } else {
        m_db.add_document(doc);
    }
    ++m_buffered_articles;
    m_buffered_bytes += m_builder.buffered_bytes();
}

// Each flush goes to a fresh database. Profiled: flushing into a database
// that already holds postings reads and rewrites the tail of every term's
// posting list; the compactor merges the segments in one pass instead.
void BuildPartition::open_segment()
{
    m_segments.push_back(m_dir / ("segment" + std::to_string(m_segments.size())));
    m_db = open_writable(m_segments.back(), Xapian::DB_CREATE | Xapian::DB_NO_SYNC,
                         m_segments.back(), PARTITION_BLOCK_SIZE);
    schema::write_index_info(m_db, m_profile, m_stemmer);
    m_open = true;
}

void BuildPartition::flush_segment()
{
    m_db.commit();
    m_db.close();
    m_open = false;
    m_buffered_articles = 0;
    m_buffered_bytes = 0;
    if (m_segments.size() >= std::max<std::size_t>(m_limits.segments, 2)) {
        compact_segments();
    }
}

// The segments written so far become one, so that a tiny budget or a huge
// input never has more segments open than FlushLimits::segments.
void BuildPartition::compact_segments()
{
    Xapian::Database all;
    for (const fs::path& segment : m_segments) {
        all.add_database(Xapian::Database(segment.string()));
    }
    const fs::path merged = m_dir / ("merged" + std::to_string(++m_compactions));
    all.compact(merged.string(), Xapian::Compactor::STANDARD, PARTITION_BLOCK_SIZE);
    all.close();
    for (const fs::path& segment : m_segments) {
        fs::remove_all(segment);
    }
    m_segments = {merged};
}

// A repeated id is sent to the partition that has its first version, which
// may be in a segment already written.
void BuildPartition::delete_from_earlier_segment(const std::string& id_term)
{
    if (m_segments.size() < 2 || m_db.term_exists(id_term)) {
        return;
    }
    for (auto it = std::next(m_segments.rbegin()); it != m_segments.rend(); ++it) {
        if (Xapian::Database(it->string()).term_exists(id_term)) {
            Xapian::WritableDatabase earlier =
                open_writable(*it, Xapian::DB_OPEN | Xapian::DB_NO_SYNC, *it);
            earlier.delete_document(id_term);
            earlier.commit();
            return;
        }
    }
}

}  // namespace akhbar::detail
