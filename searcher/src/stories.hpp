#pragma once
// Stories at search time (docs/stories.md): the copies of a hit's story,
// read from the ids each member holds. Internal header.

#include <functional>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include <xapian.h>

#include "akhbar/searcher/searcher.hpp"
#include "rescore.hpp"

namespace akhbar::detail {

/// The ids of the articles of `doc`'s story (schema::SLOT_STORY_MEMBERS),
/// its own included, in the key's order; none for an article alone.
[[nodiscard]] std::vector<std::string> story_members(const Xapian::Document& doc);

/// The same for article `id` of `db`; none when there is no such article.
[[nodiscard]] std::vector<std::string> story_members(const Xapian::Database& db,
                                                     std::string_view id);

/// The articles `ids`: an OR of their id terms.
[[nodiscard]] Xapian::Query members_query(const std::vector<std::string>& ids);

/// The story of `doc`, article `id` of `db`: its key (schema::SLOT_STORY)
/// and every other article of its story (schema::SLOT_STORY_MEMBERS) that
/// `db` holds with that key, by date (undated last), then id. No key, no
/// copies for an article alone.
[[nodiscard]] Story story_of(const Xapian::Database& db, const Xapian::Document& doc,
                             std::string_view id);

/// The hits of `mset` (a collapsed match of `query` over `db`), each
/// replaced by the member of its story that ranks first in `order`
/// (ranks_before(), by score_key(): near-ties to the tie key) among its
/// members that match; a hit alone or already the first stays. Xapian's
/// collapse keeps the best member by the exact weight, then the first it
/// meets among equal ones, and copies of one text often tie exactly, or a
/// few units in the last place apart in another layout: without this,
/// which copy is shown would depend on document ids and sharding. One
/// match over the members of every story with another matching member
/// finds them all. `configure` sets a match's weighting and order as the
/// search's (order_match). With `any_remote` targets, every hit with a
/// story key is looked at: merging the matches of several remote shards,
/// Xapian 1.4 does not count what each server collapsed (0, seen with
/// 1.4.22 for two members in one shard), so the count cannot say that no
/// other member matched; and by date the match breaks a tie of date and
/// score by document id.
[[nodiscard]] std::vector<Xapian::MSetIterator> stand_ins(
    const Xapian::Database& db, const Xapian::Query& query, const Xapian::MSet& mset,
    const Ordering& order, bool any_remote,
    const std::function<void(Xapian::Enquire&)>& configure);

}  // namespace akhbar::detail
