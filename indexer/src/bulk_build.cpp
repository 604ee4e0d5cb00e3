// A bulk build: a fresh database (no database yet, an empty one, or a
// rebuild) written as one BuildPartition per thread in a work directory,
// each a series of segments flushed by memory, merged with the spelling
// lexicon of the whole run by Xapian's compactor at finish() and swapped
// into place. Story keys are written into the segments just before the
// merge, over all of them at once, so that the compactor packs them.

#include <algorithm>
#include <future>
#include <thread>
#include <unordered_map>
#include <vector>

#include "akhbar/common/hashes.hpp"
#include "akhbar/common/index_metadata.hpp"
#include "akhbar/common/spelling_lexicon.hpp"
#include "build_partition.hpp"
#include "lexicon_compactor.hpp"
#include "single_database.hpp"
#include "stories.hpp"
#include "work_dirs.hpp"

namespace fs = std::filesystem;

namespace akhbar::detail {

namespace {

constexpr std::size_t BYTES_PER_MB = std::size_t{1} << 20U;

unsigned partition_count(unsigned requested)
{
    if (requested != 0) {
        return requested;
    }
    const unsigned cores = std::thread::hardware_concurrency();
    return std::clamp(cores, 1U, 8U);
}

class BulkBuild final : public SingleDatabaseWriter {
public:
    explicit BulkBuild(SingleDatabase opened)
        : SingleDatabaseWriter(std::move(opened)), m_work(m_database.target),
          m_queues(partition_count(m_database.options.threads), PARTITION_QUEUE_CAPACITY)
    {
        const IndexerOptions& o = m_database.options;
        const auto n = static_cast<unsigned>(m_queues.queue_count());
        // The budget is shared: each partition buffers its part of it.
        const FlushLimits limits{o.commit_every, o.memory_mb * BYTES_PER_MB / n,
                                 std::max<std::size_t>(2, MAX_SEGMENTS / n)};
        for (unsigned i = 0; i < n; ++i) {
            m_partitions.push_back(std::make_unique<BuildPartition>(
                m_work.path() / ("partition" + std::to_string(i)), m_database.analyzer,
                m_database.profile, limits, m_queues, i));
        }
    }

    // Also when an owner's constructor throws after opening this writer.
    ~BulkBuild() override { abandon_unfinished(*this); }
    BulkBuild(const BulkBuild&) = delete;
    BulkBuild& operator=(const BulkBuild&) = delete;

    Outcome put(const Article& a) override
    {
        validate_article(a);
        std::string hash = schema::content_hash(a);
        // A new article goes to the partition with the least work that has
        // room: one busy committing must not hold up the others (hashing ids
        // to partitions left one core idle whenever its partition flushed).
        // A repeated id goes where its first version went, to replace it
        // there. The run's entry is written once a partition has the
        // article, so that a push that throws leaves no trace of it.
        using Action = PartitionWork::Action;
        const auto it = m_entries.find(a.id);
        if (it == m_entries.end()) {
            const std::size_t partition = m_queues.push_any({a, hash, Action::add, m_added + 1});
            ++m_added;
            m_entries.emplace(a.id, Entry{std::move(hash), partition});
            return Outcome::added;
        }
        if (it->second.hash == hash) {
            return Outcome::unchanged;
        }
        // Waits for room in that partition's queue even when another has
        // room: the new version must replace the first where it is.
        m_queues.push_to(it->second.partition, {a, hash, Action::replace, m_added + 1});
        ++m_added;
        it->second.hash = std::move(hash);
        return Outcome::updated;
    }

    bool remove(std::string_view id) override
    {
        // Nothing is in place yet; an article of this run is deleted in its
        // partition.
        const auto it = m_entries.find(std::string(id));
        if (it == m_entries.end()) {
            return false;
        }
        PartitionWork work;
        work.article.id = it->first;
        work.action = PartitionWork::Action::remove;
        m_queues.push_to(it->second.partition, std::move(work));
        m_entries.erase(it);
        return true;
    }

    // A fresh build has nothing in place to ask about.
    [[nodiscard]] std::vector<std::string> origins() const override { return {}; }
    [[nodiscard]] std::vector<std::string> ids_from(std::string_view /*origin*/) const override
    {
        return {};
    }

    void commit() override {}  // partitions commit on their own

    void finish() override
    {
        m_finished = true;
        try {
            merge();
        } catch (...) {
            discard();
            throw;
        }
    }

    void abandon() override
    {
        m_finished = true;
        discard();
    }

    [[nodiscard]] std::size_t document_count() const override
    {
        if (!m_finished) {
            return m_entries.size();
        }
        return Xapian::Database(m_database.target.string()).get_doccount();
    }

    [[nodiscard]] bool bulk() const noexcept override { return true; }

private:
    struct Entry {
        std::string hash;
        std::size_t partition = 0;
    };

    void merge()
    {
        m_queues.close();
        for (auto& partition : m_partitions) {
            partition->close();
        }
        std::vector<fs::path> segments;
        for (const auto& partition : m_partitions) {
            segments.insert(segments.end(), partition->segments().begin(),
                            partition->segments().end());
        }
        // The story keys (0.6 s on ANT, mostly one thread) are written into
        // the segments while the lexicon, a database of its own, is written
        // beside them.
        auto grouped = std::async(std::launch::async, [&] {
            return group_segments(segments, static_cast<unsigned>(m_partitions.size()));
        });
        const fs::path lexicon = write_lexicon();
        (void)grouped.get();
        Xapian::Database combined;
        for (const fs::path& segment : segments) {
            combined.add_database(Xapian::Database(segment.string()));
        }
        combined.add_database(Xapian::Database(lexicon.string()));
        const fs::path merged = m_work.path() / "merged";
        // FULL packs blocks tightly but leaves room for later updates.
        compact_merging_lexicons(combined, merged.string(), Xapian::Compactor::FULL,
                                 schema::BLOCK_SIZE);
        combined.close();
        {
            // The compactor keeps partition 0's metadata; write ours explicitly.
            Xapian::WritableDatabase out(merged.string(), Xapian::DB_OPEN);
            schema::write_index_info(out, m_database.profile, m_database.analyzer.stemmer_name());
            out.commit();
        }
        // Swap while still holding the old database's lock, then let it go.
        swap_into_place(merged, m_database.target);
        m_database.db.close();
        m_work.remove();
    }

    // The lexicon keeps words seen SPELLING_MIN_COUNT times in the whole
    // run, whichever partition or segment saw them, in a database of its own
    // (metadata only) that the compactor merges with the segments, so that
    // the final database stays packed.
    fs::path write_lexicon()
    {
        schema::LexiconTallies tallies;
        {
            // Freed before the lexicon is written: every word the run saw,
            // the largest of the copies.
            SpellingCounts counts;
            for (auto& partition : m_partitions) {
                merge_counts(counts, partition->take_spelling());
            }
            tallies = lexicon_tallies(counts);
        }
        const fs::path path = m_work.path() / "lexicon";
        Xapian::WritableDatabase db =
            open_writable(path, Xapian::DB_CREATE | Xapian::DB_NO_SYNC, path);
        schema::merge_into_spelling_lexicon(db, tallies);
        db.commit();
        return path;
    }

    void discard() noexcept
    {
        m_queues.close();
        m_partitions.clear();  // joins the threads
        m_work.remove();
    }

    WorkDir m_work;  // where the build is written, locked while it is
    PartitionQueues m_queues;  // outlives the partitions, which take from it
    std::vector<std::unique_ptr<BuildPartition>> m_partitions;
    std::unordered_map<std::string, Entry> m_entries;  // id -> where it went
    // The last SLOT_ADDED given: articles are numbered in the order they come.
    std::uint64_t m_added = 0;
};

}  // namespace

std::unique_ptr<IndexWriter> make_bulk_build(SingleDatabase opened)
{
    return std::make_unique<BulkBuild>(std::move(opened));
}

}  // namespace akhbar::detail
