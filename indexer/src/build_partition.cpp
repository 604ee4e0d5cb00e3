#include "build_partition.hpp"

#include "akhbar/common/index_metadata.hpp"
#include "akhbar/common/terms.hpp"
#include "single_database.hpp"

namespace fs = std::filesystem;

namespace akhbar::detail {

namespace {

constexpr std::size_t QUEUE_CAPACITY = 64;

/// Partitions of a bulk build are written with glass's largest blocks (fewer
/// block splits: writes measured 18% faster than with the default 8 KB,
/// bench/index_stages.cpp); the compactor writes the final database with
/// the default 8 KB blocks, which queries read best.
constexpr int PARTITION_BLOCK_SIZE = 65536;

}  // namespace

BuildPartition::BuildPartition(fs::path path, const Analyzer& analyzer, std::string_view profile,
                               std::size_t commit_every)
    : m_path(std::move(path)),
      m_builder(analyzer),
      m_commit_every(commit_every),
      m_db(open_writable(m_path, Xapian::DB_CREATE_OR_OVERWRITE | Xapian::DB_NO_SYNC, m_path,
                         PARTITION_BLOCK_SIZE))
{
    schema::write_index_info(m_db, profile, analyzer.stemmer_name());
    m_thread = std::thread([this] { run(); });
}

BuildPartition::~BuildPartition()
{
    if (m_thread.joinable()) {
        close_queue();
        m_thread.join();
    }
}

void BuildPartition::push(Article article, std::string hash, bool replace, std::uint64_t added)
{
    enqueue({std::move(article), std::move(hash), replace ? Action::replace : Action::add, added});
}

void BuildPartition::remove(const std::string& id)
{
    Article a;
    a.id = id;
    enqueue({std::move(a), {}, Action::remove});
}

void BuildPartition::close()
{
    close_queue();
    m_thread.join();
    std::unique_lock lock(m_mutex);
    rethrow_locked();
}

std::size_t BuildPartition::backlog()
{
    std::lock_guard lock(m_mutex);
    return m_queue.size() + (m_working ? 1 : 0);
}

void BuildPartition::enqueue(Item item)
{
    std::unique_lock lock(m_mutex);
    m_not_full.wait(lock, [&] { return m_queue.size() < QUEUE_CAPACITY || m_error; });
    rethrow_locked();
    m_queue.push_back(std::move(item));
    m_not_empty.notify_one();
}

void BuildPartition::close_queue()
{
    std::lock_guard lock(m_mutex);
    m_closing = true;
    m_not_empty.notify_one();
}

void BuildPartition::rethrow_locked()
{
    if (m_error) {
        std::rethrow_exception(m_error);
    }
}

void BuildPartition::run()
{
    try {
        std::size_t since_commit = 0;
        for (;;) {
            Item item;
            {
                std::unique_lock lock(m_mutex);
                m_working = false;
                m_not_empty.wait(lock, [&] { return !m_queue.empty() || m_closing; });
                if (m_queue.empty()) {
                    break;
                }
                item = std::move(m_queue.front());
                m_queue.pop_front();
                m_working = true;
                m_not_full.notify_one();
            }
            const std::string id_term = term(schema::PREFIX_ID, item.article.id);
            if (item.action == Action::remove) {
                m_db.delete_document(id_term);
            } else if (item.action == Action::replace) {
                m_db.replace_document(id_term,
                                      m_builder.build(item.article, item.hash, item.added));
            } else {
                m_db.add_document(m_builder.build(item.article, item.hash, item.added));
            }
            if (++since_commit >= m_commit_every) {
                m_builder.flush_spelling(m_db);
                m_db.commit();
                since_commit = 0;
            }
        }
        m_builder.flush_spelling(m_db);
        m_db.commit();
        m_db.close();
    } catch (...) {
        std::lock_guard lock(m_mutex);
        m_error = std::current_exception();
        m_queue.clear();
        m_not_full.notify_all();
    }
}

}  // namespace akhbar::detail
