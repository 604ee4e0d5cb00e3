#include "lexicon_compactor.hpp"

#include <span>

#include "akhbar/common/spelling_lexicon.hpp"

namespace akhbar::detail {

namespace {

// Glass (1.4) passes the key as its B-tree stores it, after the two bytes
// that mark user metadata.
constexpr std::string_view GLASS_METADATA_MARK{"\0\xc0", 2};

}  // namespace

std::string LexiconCompactor::resolve_duplicate_metadata(const std::string& key, size_t num_tags,
                                                         const std::string tags[])
{
    std::string_view user_key = key;
    if (user_key.starts_with(GLASS_METADATA_MARK)) {
        user_key.remove_prefix(GLASS_METADATA_MARK.size());
    }
    if (!schema::is_lexicon_key(user_key)) {
        return tags[0];
    }
    return schema::merge_lexicon_metadata(user_key, std::span<const std::string>(tags, num_tags));
}

void compact_merging_lexicons(Xapian::Database sources, const std::string& destination,
                              unsigned flags, int block_size)
{
    LexiconCompactor compactor;
    sources.compact(destination, flags, block_size, compactor);
}

}  // namespace akhbar::detail
