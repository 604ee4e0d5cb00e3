#pragma once
/// @file
/// Synthetic copies of an article with a known expected grouping: the
/// changes an outlet makes when it republishes a wire story, each a pure
/// function of the text (and a seeded generator where the change is random).

#include <cstddef>
#include <cstdint>
#include <random>
#include <string>
#include <string_view>
#include <vector>

namespace akhbar::story_bench {

/// The kinds of change measured, in report order.
enum class Change : std::uint8_t {
    headline,         ///< new title, body unchanged
    dateline,         ///< "القاهرة (رويترز) - " style prefix
    cut_last,         ///< last paragraph cut (last sentence for a one-paragraph body)
    insert_sentence,  ///< a sentence of another article inserted in the middle
    replace_words,    ///< REPLACED_SHARE of the words replaced by words of another article
    rewrite,          ///< new headline, dateline and last paragraph cut together
    all,              ///< dateline, last paragraph cut, sentence inserted, words replaced
};
inline constexpr Change CHANGES[] = {Change::headline,        Change::dateline,      Change::cut_last,
                                     Change::insert_sentence, Change::replace_words, Change::rewrite,
                                     Change::all};

/// The share of words replace_words changes.
inline constexpr double REPLACED_SHARE = 0.2;

/// A short name for reports: "headline", "dateline", ...
[[nodiscard]] std::string_view name(Change change) noexcept;

/// The whitespace-separated words of `text`, in order.
[[nodiscard]] std::vector<std::string_view> words(std::string_view text);

/// The sentences of `text`: up to and including a '.', '!', '?', '؟' or line
/// break followed by white space (or the end), surrounding white space left out.
[[nodiscard]] std::vector<std::string_view> sentences(std::string_view text);

/// `text` after a news-agency dateline: "CITY (AGENCY) - ".
[[nodiscard]] std::string with_dateline(std::string_view text, std::string_view dateline);

/// One of a few agency datelines, picked by `rng`.
[[nodiscard]] std::string_view pick_dateline(std::mt19937_64& rng);

/// `text` without its last non-empty line; when it has one line only, without
/// its last sentence; unchanged when it has one sentence only.
[[nodiscard]] std::string without_last_paragraph(std::string_view text);

/// `text` with `sentence` inserted at the sentence boundary nearest its
/// middle byte (after the first sentence when there is only one).
[[nodiscard]] std::string with_sentence_inserted(std::string_view text, std::string_view sentence);

/// `text` with round(share * words) of its words, at random positions,
/// replaced by random words of `donor`; white space kept. Unchanged when
/// `donor` is empty.
[[nodiscard]] std::string with_words_replaced(std::string_view text,
                                              const std::vector<std::string_view>& donor,
                                              double share, std::mt19937_64& rng);

/// Bounds of the sentence inserted by insert_sentence: see inserted_sentence().
inline constexpr std::size_t INSERTED_WORDS_MIN = 5;
inline constexpr std::size_t INSERTED_WORDS_MAX = 40;
inline constexpr std::size_t INSERTED_WORDS_RUN = 20;

/// A sentence of `donor` (whose words are `donor_words`) to insert: one of
/// INSERTED_WORDS_MIN to INSERTED_WORDS_MAX words picked by `rng`; when it has
/// none (a body without sentence ends is one long "sentence"),
/// INSERTED_WORDS_RUN consecutive words of it. Bounded, so that the copy
/// stays its original's and does not become the donor's. Empty for an empty donor.
[[nodiscard]] std::string inserted_sentence(std::string_view donor,
                                            const std::vector<std::string_view>& donor_words,
                                            std::mt19937_64& rng);

/// `text` after `change`: `sentence` is what insert_sentence inserts,
/// `donor_words` what replace_words draws from; `rng` picks datelines and
/// replaced words.
[[nodiscard]] std::string copy_with(Change change, std::string_view text, std::string_view sentence,
                                    const std::vector<std::string_view>& donor_words, std::mt19937_64& rng);

}  // namespace akhbar::story_bench
