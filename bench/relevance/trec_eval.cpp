// akhbar-trec-eval QRELS RUN [DEPTH]: MAP, MRR and success at DEPTH (10),
// official (no-answer questions by the Qur'an QA 2023 rule) and over
// answerable questions only, as one TSV line each.
#include <fstream>
#include <iostream>

#include "scorer.hpp"

int main(int argc, char* argv[])
{
    if (argc < 3 || argc > 4) {
        std::cerr << "usage: akhbar-trec-eval QRELS RUN [DEPTH]\n";
        return 2;
    }
    try {
        std::ifstream q(argv[1]);
        std::ifstream r(argv[2]);
        if (!q || !r) {
            std::cerr << "akhbar-trec-eval: cannot read " << (q ? argv[2] : argv[1]) << "\n";
            return 1;
        }
        const auto report = akhbar::eval::score(akhbar::eval::read_qrels(q), akhbar::eval::read_run(r),
                                                argc == 4 ? std::stoul(argv[3]) : 10);
        std::cout.setf(std::ios::fixed);
        std::cout.precision(4);
        for (const auto& [name, s] : {std::pair{"official", report.official}, std::pair{"answerable", report.answerable}}) {
            std::cout << name << "\tquestions\t" << s.questions << "\tmap\t" << s.map << "\tmrr\t" << s.mrr
                      << "\tsuccess\t" << s.success << "\n";
        }
    } catch (const std::exception& e) {
        std::cerr << "akhbar-trec-eval: " << e.what() << "\n";
        return 1;
    }
    return 0;
}
