#pragma once
/// @file
/// Xapian's compactor, told how to merge spelling lexicons: by default it
/// keeps the first source's value of a metadata key that several sources
/// hold, which would drop the words of every other source's bucket.

#include <xapian.h>

namespace akhbar::detail {

/// A Compactor merging the lexicon buckets (spelling_lexicon.hpp) of its
/// sources entry by entry; other metadata keys keep the first source's value,
/// as Xapian's default does.
class LexiconCompactor final : public Xapian::Compactor {
public:
    std::string resolve_duplicate_metadata(const std::string& key, size_t num_tags,
                                           const std::string tags[]) override;
};

/// `sources` (a handle: Xapian's compact() is not const) compacted into
/// `destination` with a LexiconCompactor.
void compact_merging_lexicons(Xapian::Database sources, const std::string& destination,
                              unsigned flags, int block_size);

}  // namespace akhbar::detail
