#pragma once
/// @file
/// The value slots of an Akhbar index: per-document values the indexer
/// writes and the searcher sorts, filters and breaks ties by.

#include <xapian.h>

namespace akhbar::schema {

inline constexpr Xapian::valueno SLOT_DATE = 0;          ///< "YYYYMMDD", absent when undated
inline constexpr Xapian::valueno SLOT_SOURCE = 1;        ///< source as written
inline constexpr Xapian::valueno SLOT_CONTENT_HASH = 2;  ///< 16 hex digits, see content_hash()
/// The last term position of the article's lead, in decimal: its title and
/// the first paragraph of its body. Absent when the body is one paragraph
/// (nothing sets a lead apart from the rest) or has no indexed word.
inline constexpr Xapian::valueno SLOT_LEAD_END = 3;
/// tie_key() of the article's id: equal scores are ordered by it, so that
/// results do not depend on document ids (how the collection was sharded,
/// which writer thread took an article) nor on where its files were.
inline constexpr Xapian::valueno SLOT_TIE_KEY = 4;
/// Profile `lucene` only: the order the article was added to its database
/// (Xapian::sortable_serialise of 1, 2, ... within one build; an update
/// continues from the largest value given). Its equal scores are ordered by it,
/// as Lucene orders equal scores by document number, which is that order.
inline constexpr Xapian::valueno SLOT_ADDED = 5;

/// The category as written, absent when the article has none. Databases
/// written before categories were stored as values (December 2026) have
/// none: their category facet is empty until they are indexed again (the
/// `category:` filter reads PREFIX_CATEGORY terms, which they have).
inline constexpr Xapian::valueno SLOT_CATEGORY = 6;

/// The MinHash signature of the article's body (story::serialise(), see
/// story_signature.hpp); absent when the body has no word. Databases
/// written before story keys (December 2026) have none.
inline constexpr Xapian::valueno SLOT_STORY_SIGNATURE = 7;
/// The story key: the id of the earliest article of the story (by date,
/// undated last, then id), set on every article of a story of two or more
/// and absent on an article alone, so that Xapian's collapse (which never
/// collapses an empty key) keeps it.
inline constexpr Xapian::valueno SLOT_STORY = 8;
/// The ids of every article of the story, the key's first, in the order of
/// the key (encode_story_members() in record.hpp); set and absent as
/// SLOT_STORY is. A value, not a term per story: a term changed on a
/// document already written makes Xapian 1.4 read all its positions (6 s of
/// a 45 s build of ANT), a value changed costs nothing of the kind.
inline constexpr Xapian::valueno SLOT_STORY_MEMBERS = 9;

}  // namespace akhbar::schema
