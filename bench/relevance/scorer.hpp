#pragma once
// Scores a TREC run against judgments: MAP@k, MRR@k and success@k, with the
// Qur'an QA 2023 rules for questions that have no answer.

#include <cstddef>
#include <istream>
#include <map>
#include <set>
#include <string>
#include <vector>

namespace akhbar::eval {

/// The passage id that marks "no answer in the collection".
inline constexpr const char* NO_ANSWER = "-1";

/// qid -> relevant ids (a no-answer question: exactly {"-1"}).
using Qrels = std::map<std::string, std::set<std::string>>;
/// qid -> ids in rank order.
using Run = std::map<std::string, std::vector<std::string>>;

/// Reads `qid 0 docid relevance` lines (TAB or space separated); rows with
/// relevance 0 are not relevant. Throws std::runtime_error naming the line.
Qrels read_qrels(std::istream& in);

/// Reads `qid Q0 docid rank score tag` lines; orders each query's ids by rank.
Run read_run(std::istream& in);

struct Scores {
    std::size_t questions = 0;
    double map = 0;      ///< mean average precision at depth
    double mrr = 0;      ///< mean reciprocal rank at depth
    double success = 0;  ///< share of questions with a relevant id at depth
};

struct Report {
    Scores official;    ///< every judged question; no-answer ones by the rule below
    Scores answerable;  ///< only questions that have an answer
};

/// Scores `run` against `qrels` at `depth`. Average precision divides by the
/// number of relevant ids. A no-answer question scores 1 (AP, RR and success)
/// only when the run has exactly one row for it, `-1`; otherwise 0. A judged
/// question missing from the run scores 0.
Report score(const Qrels& qrels, const Run& run, std::size_t depth = 10);

}  // namespace akhbar::eval
