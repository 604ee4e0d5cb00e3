#include "scorer.hpp"

#include <algorithm>
#include <sstream>
#include <stdexcept>

namespace akhbar::eval {

Qrels read_qrels(std::istream& in)
{
    Qrels qrels;
    std::string line;
    std::size_t number = 0;
    while (std::getline(in, line)) {
        ++number;
        std::istringstream fields(line);
        std::string qid, iter, doc;
        int relevance = 0;
        if (line.find_first_not_of(" \t\r") == std::string::npos) {
            continue;
        }
        if (!(fields >> qid >> iter >> doc >> relevance)) {
            throw std::runtime_error("qrels line " + std::to_string(number) + ": expected qid 0 docid relevance: \"" +
                                     line + "\"");
        }
        auto& relevant = qrels[qid];  // a judged question, even if nothing is relevant
        if (relevance > 0) {
            relevant.insert(doc);
        }
    }
    return qrels;
}

Run read_run(std::istream& in)
{
    std::map<std::string, std::vector<std::pair<int, std::string>>> ranked;
    std::string line;
    std::size_t number = 0;
    while (std::getline(in, line)) {
        ++number;
        if (line.find_first_not_of(" \t\r") == std::string::npos) {
            continue;
        }
        std::istringstream fields(line);
        std::string qid, q0, doc;
        int rank = 0;
        if (!(fields >> qid >> q0 >> doc >> rank)) {
            throw std::runtime_error("run line " + std::to_string(number) + ": expected qid Q0 docid rank score tag: \"" +
                                     line + "\"");
        }
        ranked[qid].emplace_back(rank, doc);
    }
    Run run;
    for (auto& [qid, rows] : ranked) {
        std::stable_sort(rows.begin(), rows.end(), [](const auto& a, const auto& b) { return a.first < b.first; });
        for (const auto& row : rows) {
            run[qid].push_back(row.second);
        }
    }
    return run;
}

Report score(const Qrels& qrels, const Run& run, std::size_t depth)
{
    Report report;
    for (const auto& [qid, relevant] : qrels) {
        const auto it = run.find(qid);
        const std::vector<std::string> empty;
        const std::vector<std::string>& ranking = it == run.end() ? empty : it->second;
        double ap = 0;
        double rr = 0;
        bool success = false;
        const bool no_answer = relevant.size() == 1 && *relevant.begin() == NO_ANSWER;
        if (no_answer) {
            success = ranking.size() == 1 && ranking[0] == NO_ANSWER;
            ap = rr = success ? 1 : 0;
        } else if (!relevant.empty()) {
            std::size_t hits = 0;
            std::set<std::string> seen;
            for (std::size_t k = 0; k < ranking.size() && k < depth; ++k) {
                if (relevant.count(ranking[k]) != 0 && seen.insert(ranking[k]).second) {
                    ++hits;
                    ap += static_cast<double>(hits) / static_cast<double>(k + 1);
                    if (rr == 0) {
                        rr = 1.0 / static_cast<double>(k + 1);
                    }
                }
            }
            ap /= static_cast<double>(relevant.size());
            success = hits > 0;
        }
        for (Scores* s : {&report.official, no_answer ? nullptr : &report.answerable}) {
            if (s == nullptr) {
                continue;
            }
            ++s->questions;
            s->map += ap;
            s->mrr += rr;
            s->success += success ? 1 : 0;
        }
    }
    for (Scores* s : {&report.official, &report.answerable}) {
        if (s->questions > 0) {
            const auto n = static_cast<double>(s->questions);
            s->map /= n;
            s->mrr /= n;
            s->success /= n;
        }
    }
    return report;
}

}  // namespace akhbar::eval
