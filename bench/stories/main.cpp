// akhbar-story-bench: measures story grouping (docs/stories.md, "Measured")
// on JSON Lines articles read and analyzed as akhbar-index reads and
// analyzes them. Each command prints a Markdown report.
//
//   akhbar-story-bench exact FILE...           exact copies: all in one story?
//   akhbar-story-bench near [--sample N] FILE...   synthetic copies: recall, wrong merges
//   akhbar-story-bench sizes FILE...           stories of 2+ per threshold, largest, sizes
//   akhbar-story-bench largest [--threshold T] [--stories S] [--show M] FILE...
//                                              the S largest stories, M members each
//   akhbar-story-bench pairs [--threshold T] [--pairs K] --out PREFIX FILE...
//                                              K grouped pairs to judge: PREFIX.md, PREFIX.tsv

#include <algorithm>
#include <charconv>
#include <cstdio>
#include <fstream>
#include <iostream>
#include <map>
#include <random>
#include <set>
#include <stdexcept>
#include <string>
#include <unordered_map>
#include <vector>

#include "akhbar/common/quote.hpp"
#include "akhbar/common/usage.hpp"
#include "corpus.hpp"
#include "grouping.hpp"
#include "report_text.hpp"
#include "synthetic.hpp"
#include "word_diff.hpp"

namespace {

using namespace akhbar;
using namespace akhbar::story_bench;

constexpr std::string_view TOOL = "akhbar-story-bench";
constexpr std::uint64_t SEED = 20261202;
/// near: the shortest body sampled, in words.
constexpr std::size_t MIN_SAMPLE_WORDS = 50;
/// near: originals whose signatures agree this much or more are not both
/// sampled, so that two originals grouped is a wrong merge at every threshold.
constexpr double DISTINCT_ORIGINALS = 0.3;
/// near: a last-paragraph cut of at most this share of the words is
/// reported apart too (ANT's lines are long: a cut often takes half a body).
constexpr double SMALL_CUT = 0.25;
/// pairs: characters of each body shown.
constexpr std::size_t EXCERPT_CHARS = 400;

constexpr std::string_view USAGE =
    "usage: akhbar-story-bench COMMAND [OPTIONS] FILE.jsonl[.gz]...\n"
    "Measures story grouping (docs/stories.md) on articles read as akhbar-index reads them.\n"
    "  exact                 exact copies: is each group of identical bodies one story?\n"
    "  near [--sample N]     synthetic copies of N articles (500): recall per change, wrong merges\n"
    "  sizes                 stories of 2+ per threshold, the largest, the distribution of sizes\n"
    "  largest [--threshold T] [--stories S] [--show M]\n"
    "                        the S (5) largest stories at T, M (60) members each\n"
    "  pairs --out PREFIX [--threshold T] [--pairs K] [--exclude TSV]\n"
    "                        K (200) grouped pairs with different bodies, to judge: PREFIX.md, PREFIX.tsv;\n"
    "                        none of the pairs of TSV (ids in its 3rd and 4th columns: pairs judged before)\n"
    "T defaults to story::SIMILARITY_THRESHOLD; reports are Markdown on standard output.\n"
    "Exit: 0 ok, 1 runtime error, 2 usage error.\n";

struct Options {
    std::string command;
    std::size_t sample = 500;
    std::size_t pairs = 200;
    std::size_t show = 60;
    std::size_t stories = 5;
    double threshold = story::SIMILARITY_THRESHOLD;
    std::string out;
    std::string exclude;
    std::vector<std::string> files;
};

struct UsageError {
    std::string message;
};

template <typename T>
T number(std::string_view option, std::string_view value)
{
    T out{};
    const auto [end, ec] = std::from_chars(value.data(), value.data() + value.size(), out);
    if (ec != std::errc{} || end != value.data() + value.size()) {
        throw UsageError{std::string(option) + " takes a number, not " + quote_for_message(value)};
    }
    return out;
}

Options parse(int argc, char* argv[])
{
    Options o;
    if (argc < 2) {
        throw UsageError{"no command (exact, near, sizes, largest, pairs)"};
    }
    o.command = argv[1];
    if (o.command != "exact" && o.command != "near" && o.command != "sizes" && o.command != "largest" &&
        o.command != "pairs") {
        throw UsageError{"unknown command " + quote_for_message(o.command)};
    }
    for (int i = 2; i < argc; ++i) {
        const std::string_view arg = argv[i];
        const auto value = [&]() -> std::string_view {
            if (i + 1 >= argc) {
                throw UsageError{std::string(arg) + " needs a value"};
            }
            return argv[++i];
        };
        if (arg == "--sample") {
            o.sample = number<std::size_t>(arg, value());
        } else if (arg == "--pairs") {
            o.pairs = number<std::size_t>(arg, value());
        } else if (arg == "--stories") {
            o.stories = number<std::size_t>(arg, value());
        } else if (arg == "--show") {
            o.show = number<std::size_t>(arg, value());
        } else if (arg == "--threshold") {
            o.threshold = number<double>(arg, value());
            if (!(o.threshold > 0 && o.threshold <= 1)) {
                throw UsageError{"--threshold must be above 0 and at most 1"};
            }
        } else if (arg == "--out") {
            o.out = value();
        } else if (arg == "--exclude") {
            o.exclude = value();
        } else if (arg.starts_with("--")) {
            throw UsageError{"unknown option " + quote_for_message(arg)};
        } else {
            o.files.emplace_back(arg);
        }
    }
    if (o.files.empty()) {
        throw UsageError{"no FILE.jsonl[.gz] given"};
    }
    if (o.command == "pairs" && o.out.empty()) {
        throw UsageError{"pairs needs --out PREFIX"};
    }
    if (o.command == "near" && o.sample < 2) {
        throw UsageError{"--sample must be 2 or more"};
    }
    return o;
}

std::string percent(std::size_t part, std::size_t whole)
{
    char out[32];
    std::snprintf(out, sizeof out, "%.1f%%", whole == 0 ? 100.0 : 100.0 * static_cast<double>(part) /
                                                                       static_cast<double>(whole));
    return out;
}

std::string fixed(double v, int digits = 2)
{
    char out[32];
    std::snprintf(out, sizeof out, "%.*f", digits, v);
    return out;
}

bool blank(const std::string& text)
{
    return text.find_first_not_of(" \t\r\n") == std::string::npos;
}

/// The members of each component of 2 or more, by label.
std::map<std::uint32_t, std::vector<std::uint32_t>> stories(const std::vector<std::uint32_t>& label)
{
    std::map<std::uint32_t, std::vector<std::uint32_t>> all;
    for (std::size_t i = 0; i < label.size(); ++i) {
        all[label[i]].push_back(static_cast<std::uint32_t>(i));
    }
    std::erase_if(all, [](const auto& kv) { return kv.second.size() < 2; });
    return all;
}

// ---- exact -----------------------------------------------------------------

int exact(const std::vector<Article>& articles)
{
    std::unordered_map<std::string_view, std::vector<std::uint32_t>> by_body;
    for (std::size_t i = 0; i < articles.size(); ++i) {
        if (!blank(articles[i].text)) {
            by_body[articles[i].text].push_back(static_cast<std::uint32_t>(i));
        }
    }
    std::vector<std::vector<std::uint32_t>> groups;
    for (auto& [body, members] : by_body) {
        if (members.size() > 1) {
            groups.push_back(std::move(members));
        }
    }
    std::sort(groups.begin(), groups.end());
    const auto sigs = signatures(articles);
    const auto pairs = candidate_pairs(sigs, filings(articles));
    std::size_t in_groups = 0;
    std::size_t one_source = 0;
    std::size_t wordless = 0;
    for (const auto& g : groups) {
        in_groups += g.size();
        one_source += std::all_of(g.begin(), g.end(),
                                  [&](std::uint32_t i) { return articles[i].source == articles[g[0]].source; })
                          ? 1U
                          : 0U;
        wordless += sigs[g[0]] ? 0U : 1U;
    }
    std::cout << "## Exact copies\n\n"
              << articles.size() << " articles; " << groups.size()
              << " groups of 2+ articles with one identical non-empty body (" << in_groups
              << " articles), " << one_source << " of them from one source only; " << wordless
              << " groups whose body has no word (no signature: never a story).\n\n"
              << "| threshold | exact groups in one story | recall |\n|---|---|---|\n";
    bool all_recalled = true;
    for (const double t : thresholds()) {
        const auto label = components(articles.size(), pairs, t);
        std::size_t whole = 0;
        for (const auto& g : groups) {
            whole += std::all_of(g.begin(), g.end(), [&](std::uint32_t i) { return label[i] == label[g[0]]; })
                         ? 1U
                         : 0U;
        }
        const std::size_t eligible = groups.size() - wordless;
        all_recalled = all_recalled && whole == eligible;
        std::cout << "| " << fixed(t) << " | " << whole << " of " << eligible << " | " << percent(whole, eligible)
                  << " |\n";
    }
    std::cout << "\n" << (all_recalled ? "Every" : "NOT every")
              << " exact group with a word lands in one story at every threshold.\n";
    return 0;
}

// ---- near ------------------------------------------------------------------


int near(const std::vector<Article>& articles, std::size_t sample)
{
    // Candidates: bodies of MIN_SAMPLE_WORDS words or more, one per body text.
    std::vector<std::uint32_t> pool;
    std::set<std::string_view> seen;
    for (std::size_t i = 0; i < articles.size(); ++i) {
        if (words(articles[i].text).size() >= MIN_SAMPLE_WORDS && seen.insert(articles[i].text).second) {
            pool.push_back(static_cast<std::uint32_t>(i));
        }
    }
    std::mt19937_64 rng(SEED);
    std::shuffle(pool.begin(), pool.end(), rng);
    std::vector<std::uint32_t> originals;
    std::vector<story::Signature> original_sigs;
    std::size_t rejected = 0;
    for (std::size_t p = 0; p < pool.size() && originals.size() < sample; ++p) {
        const auto sig = signatures(std::vector<const std::string*>{&articles[pool[p]].text})[0];
        if (!sig || std::any_of(original_sigs.begin(), original_sigs.end(), [&](const story::Signature& s) {
                return story::similarity(s, *sig) >= DISTINCT_ORIGINALS;
            })) {
            ++rejected;
            continue;
        }
        originals.push_back(pool[p]);
        original_sigs.push_back(*sig);
    }
    if (originals.size() < 2) {
        std::cerr << TOOL << ": fewer than 2 bodies of " << MIN_SAMPLE_WORDS << " words or more\n";
        return 1;
    }
    // Items: the originals, then per original one copy per change.
    const std::size_t n = originals.size();
    std::vector<std::string> texts;
    std::vector<std::uint32_t> original_of;  // per item, its original's index in `originals`
    std::vector<int> change_of;              // -1 for an original
    std::size_t unchanged = 0;               // copies whose body is the original's (headline, or nothing to cut)
    std::vector<double> cut_share;           // per original: the share of its words the cut removed
    for (std::size_t o = 0; o < n; ++o) {
        texts.push_back(articles[originals[o]].text);
        original_of.push_back(static_cast<std::uint32_t>(o));
        change_of.push_back(-1);
    }
    for (std::size_t o = 0; o < n; ++o) {
        const std::string& text = articles[originals[o]].text;
        const std::string& donor = articles[originals[(o + 1 + rng() % (n - 1)) % n]].text;
        const std::vector<std::string_view> donor_words = words(donor);
        const std::string sentence = inserted_sentence(donor, donor_words, rng);
        for (std::size_t c = 0; c < std::size(CHANGES); ++c) {
            std::string copy = copy_with(CHANGES[c], text, sentence, donor_words, rng);
            unchanged += copy == text ? 1U : 0U;
            if (CHANGES[c] == Change::cut_last) {
                cut_share.push_back(1.0 - static_cast<double>(words(copy).size()) /
                                              static_cast<double>(words(text).size()));
            }
            texts.push_back(std::move(copy));
            original_of.push_back(static_cast<std::uint32_t>(o));
            change_of.push_back(static_cast<int>(c));
        }
    }
    std::vector<const std::string*> text_ptrs;
    for (const std::string& t : texts) {
        text_ptrs.push_back(&t);
    }
    const auto sigs = signatures(text_ptrs);
    const auto pairs = candidate_pairs(sigs);  // no filings: every copy is filed as its original

    std::vector<double> sorted_cuts = cut_share;
    std::sort(sorted_cuts.begin(), sorted_cuts.end());
    const auto small_cuts = static_cast<std::size_t>(
        std::count_if(cut_share.begin(), cut_share.end(), [](double share) { return share <= SMALL_CUT; }));
    std::cout << "## Near copies (synthetic)\n\n"
              << n << " originals sampled (seed " << SEED << ", bodies of " << MIN_SAMPLE_WORDS
              << "+ words, distinct bodies; " << rejected << " drawn and set aside because their signature agreed "
              << ">= " << DISTINCT_ORIGINALS << " with one already drawn), " << n * std::size(CHANGES)
              << " copies (" << unchanged << " with the original's body: new headline"
              << ", or nothing to cut); grouped in isolation from the rest of the collection. The last paragraph "
              << "cut removed a median " << fixed(100 * sorted_cuts[n / 2], 0) << "% of the words (a quarter of the cuts "
              << "removed " << fixed(100 * sorted_cuts[3 * n / 4], 0) << "% or more); `cut-last <= "
              << fixed(100 * SMALL_CUT, 0) << "%` is the recall on the cuts that removed at most that share.\n"
              << "Recall: copies in one story with their original. Wrong merges: copies in one story with another "
                 "original, plus pairs of originals in one story.\n\n| threshold |";
    for (const Change c : CHANGES) {
        std::cout << " " << name(c) << " |";
    }
    std::cout << " cut-last <= " << fixed(100 * SMALL_CUT, 0) << "% (" << small_cuts << ") | wrong merges |\n|---|";
    for (std::size_t c = 0; c <= std::size(CHANGES) + 1; ++c) {
        std::cout << "---|";
    }
    std::cout << "\n";
    for (const double t : thresholds()) {
        const auto label = components(texts.size(), pairs, t);
        std::vector<std::size_t> recalled(std::size(CHANGES), 0);
        std::size_t small_cuts_recalled = 0;
        // The originals in each component.
        std::unordered_map<std::uint32_t, std::size_t> originals_in;
        for (std::size_t o = 0; o < n; ++o) {
            ++originals_in[label[o]];
        }
        std::size_t wrong = 0;
        for (const auto& [component, count] : originals_in) {
            wrong += count * (count - 1) / 2;
        }
        for (std::size_t i = n; i < texts.size(); ++i) {
            const bool with_own = label[i] == label[original_of[i]];
            recalled[static_cast<std::size_t>(change_of[i])] += with_own ? 1U : 0U;
            if (CHANGES[static_cast<std::size_t>(change_of[i])] == Change::cut_last &&
                cut_share[original_of[i]] <= SMALL_CUT) {
                small_cuts_recalled += with_own ? 1U : 0U;
            }
            const auto it = originals_in.find(label[i]);
            const std::size_t others = it == originals_in.end() ? 0 : it->second - (with_own ? 1U : 0U);
            wrong += others > 0 ? 1U : 0U;
        }
        std::cout << "| " << fixed(t) << " |";
        for (const std::size_t r : recalled) {
            std::cout << " " << percent(r, n) << " |";
        }
        std::cout << " " << percent(small_cuts_recalled, small_cuts) << " | " << wrong << " |\n";
    }
    return 0;
}

// ---- sizes and largest -----------------------------------------------------

int sizes(const std::vector<Article>& articles)
{
    const auto sigs = signatures(articles);
    const auto pairs = candidate_pairs(sigs, filings(articles));
    static constexpr std::size_t BUCKETS[] = {2, 3, 4, 6, 11, 21, 51};
    std::cout << "## Stories on the whole collection\n\n"
              << articles.size() << " articles, " << pairs.size() << " LSH candidate pairs.\n\n"
              << "| threshold | stories of 2+ | articles in them | largest | 2 | 3 | 4-5 | 6-10 | 11-20 | 21-50 | 51+ |\n"
              << "|---|---|---|---|---|---|---|---|---|---|---|\n";
    for (const double t : thresholds()) {
        const auto all = stories(components(articles.size(), pairs, t));
        std::size_t members = 0;
        std::size_t largest = 0;
        std::vector<std::size_t> histogram(std::size(BUCKETS), 0);
        for (const auto& [label, m] : all) {
            members += m.size();
            largest = std::max(largest, m.size());
            const auto bucket = std::upper_bound(std::begin(BUCKETS), std::end(BUCKETS), m.size()) - std::begin(BUCKETS) - 1;
            ++histogram[static_cast<std::size_t>(bucket)];
        }
        std::cout << "| " << fixed(t) << " | " << all.size() << " | " << members << " | " << largest << " |";
        for (const std::size_t h : histogram) {
            std::cout << " " << h << " |";
        }
        std::cout << "\n";
    }
    return 0;
}

int largest(const std::vector<Article>& articles, double threshold, std::size_t top, std::size_t show)
{
    const auto sigs = signatures(articles);
    const auto pairs = candidate_pairs(sigs, filings(articles));
    const auto label = components(articles.size(), pairs, threshold);
    std::vector<std::vector<std::uint32_t>> ranked;
    for (auto& [component, members] : stories(label)) {
        ranked.push_back(std::move(members));
    }
    // Largest first; among equals, the one whose first article comes first.
    std::stable_sort(ranked.begin(), ranked.end(),
                     [](const auto& x, const auto& y) { return x.size() > y.size(); });
    std::cout << "## The largest stories at threshold " << fixed(threshold) << "\n";
    if (ranked.empty()) {
        std::cout << "\nNo story of 2 or more.\n";
    }
    for (std::size_t r = 0; r < ranked.size() && r < top; ++r) {
        std::vector<std::uint32_t>& members = ranked[r];
        std::sort(members.begin(), members.end(),
                  [&](std::uint32_t a, std::uint32_t b) { return earlier(articles[a], articles[b]); });
        const std::uint32_t key = members[0];
        std::size_t edges = 0;
        for (const ScoredPair& p : pairs) {
            edges += p.similarity >= threshold && label[p.a] == label[key] ? 1U : 0U;
        }
        std::set<std::string_view> bodies;
        for (const auto m : members) {
            bodies.insert(articles[m].text);
        }
        std::cout << "\n### " << r + 1 << ". " << members.size() << " articles\n\n"
                  << bodies.size() << " distinct bodies, " << edges << " edges; story key "
                  << markdown(articles[key].id) << ", whose body begins: "
                  << markdown(excerpt(articles[key].text, 100))
                  << "\nSimilarity is to the key's article (the earliest).\n\n"
                  << "| id | source | date | similarity to key | words | title |\n|---|---|---|---|---|---|\n";
        for (std::size_t k = 0; k < members.size() && k < show; ++k) {
            const Article& a = articles[members[k]];
            std::cout << "| " << markdown(a.id) << " | " << markdown(a.source) << " | " << day(a) << " | "
                      << fixed(story::similarity(*sigs[key], *sigs[members[k]])) << " | "
                      << words(a.text).size() << " | " << markdown(excerpt(a.title, 80)) << " |\n";
        }
        if (members.size() > show) {
            std::cout << "\n(" << members.size() - show << " more.)\n";
        }
    }
    return 0;
}

// ---- pairs -----------------------------------------------------------------

// The pairs (id, id) of a TSV whose 3rd and 4th columns are ids (a pairs
// file, or judgments of one); lines starting with "#" and the header skipped.
std::set<std::pair<std::string, std::string>> pairs_in(const std::string& tsv)
{
    std::set<std::pair<std::string, std::string>> out;
    if (tsv.empty()) {
        return out;
    }
    std::ifstream in(tsv);
    if (!in) {
        throw std::runtime_error("cannot read " + quote_for_message(tsv));
    }
    std::string line;
    while (std::getline(in, line)) {
        if (line.empty() || line.starts_with("#") || line.starts_with("pair\t")) {
            continue;
        }
        std::vector<std::string> fields;
        std::size_t from = 0;
        for (std::size_t tab; (tab = line.find('\t', from)) != std::string::npos; from = tab + 1) {
            fields.push_back(line.substr(from, tab - from));
        }
        fields.push_back(line.substr(from));
        if (fields.size() >= 4) {
            out.emplace(fields[2], fields[3]);
            out.emplace(fields[3], fields[2]);
        }
    }
    return out;
}

int judge_pairs(const std::vector<Article>& articles, double threshold, std::size_t k, const std::string& out,
                const std::string& exclude)
{
    const auto judged = pairs_in(exclude);
    const auto sigs = signatures(articles);
    const auto label = components(articles.size(), candidate_pairs(sigs, filings(articles)), threshold);
    const auto all = stories(label);
    // Reservoir sampling over every grouped pair whose bodies differ.
    std::mt19937_64 rng(SEED);
    std::vector<std::pair<std::uint32_t, std::uint32_t>> chosen;
    std::size_t grouped = 0;
    std::size_t identical = 0;
    std::size_t excluded = 0;
    for (const auto& [component, members] : all) {
        for (std::size_t x = 0; x < members.size(); ++x) {
            for (std::size_t y = x + 1; y < members.size(); ++y) {
                ++grouped;
                if (articles[members[x]].text == articles[members[y]].text) {
                    ++identical;
                    continue;
                }
                if (judged.contains({articles[members[x]].id, articles[members[y]].id})) {
                    ++excluded;
                    continue;
                }
                const std::size_t seen = grouped - identical - excluded;
                if (chosen.size() < k) {
                    chosen.emplace_back(members[x], members[y]);
                } else if (const std::size_t r = rng() % seen; r < k) {
                    chosen[r] = {members[x], members[y]};
                }
            }
        }
    }
    std::sort(chosen.begin(), chosen.end());
    std::ofstream md(out + ".md");
    std::ofstream tsv_file(out + ".tsv");
    if (!md || !tsv_file) {
        std::cerr << TOOL << ": cannot write " << quote_for_message(out + ".md") << " or .tsv\n";
        return 1;
    }
    const std::string counts = std::to_string(grouped) + " pairs of articles grouped together (members of one story) at threshold " +
                               fixed(threshold) + ", " + std::to_string(identical) + " of them exact copies (identical bodies); " +
                               std::to_string(chosen.size()) + " of the " + std::to_string(grouped - identical - excluded) +
                               " others" + (exclude.empty() ? "" : " not in " + exclude + " (" + std::to_string(excluded) + " pairs)") +
                               " sampled (seed " + std::to_string(SEED) + ")";
    md << "# Grouped pairs to judge\n\n" << counts << ".\n\n"
       << "For each pair: **same story** (one text copied, republished or updated) or **different stories**. "
          "Article text is escaped (line breaks shown as ¶). `similarity` is the signatures' estimate of the Jaccard "
          "similarity of the bodies' 3-word shingles; a pair below the threshold is marked \"through others\": the "
          "story joins it through other members (chaining).\n\n";
    tsv_file << "pair\tsimilarity\tid_a\tid_b\tsource_a\tsource_b\tdate_a\tdate_b\ttitle_a\ttitle_b\twords_in_common\t"
                "judgment\n";
    for (std::size_t p = 0; p < chosen.size(); ++p) {
        const Article& a = articles[chosen[p].first];
        const Article& b = articles[chosen[p].second];
        const double sim = story::similarity(*sigs[chosen[p].first], *sigs[chosen[p].second]);
        const WordDiff diff = word_diff(a.text, b.text);
        md << "## Pair " << p + 1 << " — similarity " << fixed(sim) << (sim >= threshold ? "" : " (through others)")
           << "\n\n"
           << "- A: **" << markdown(a.id) << "** " << markdown(a.source) << ", " << day(a) << ": "
           << markdown(excerpt(a.title, 120)) << "\n"
           << "- B: **" << markdown(b.id) << "** " << markdown(b.source) << ", " << day(b) << ": "
           << markdown(excerpt(b.title, 120)) << "\n"
           << "- A's body: " << markdown(excerpt(a.text, EXCERPT_CHARS)) << "\n"
           << "- B's body: " << markdown(excerpt(b.text, EXCERPT_CHARS)) << "\n"
           << "- Words: " << markdown(summary(diff)) << "\n"
           << "- Judgment: [ ] same story  [ ] different stories\n\n";
        tsv_file << p + 1 << "\t" << fixed(sim) << "\t" << tsv(a.id) << "\t" << tsv(b.id) << "\t" << tsv(a.source)
                 << "\t" << tsv(b.source) << "\t" << day(a) << "\t" << day(b) << "\t" << tsv(a.title) << "\t"
                 << tsv(b.title) << "\t" << diff.common << "/" << std::max(diff.words_a, diff.words_b) << "\t\n";
    }
    std::cout << "## Grouped pairs\n\n" << counts << ": " << markdown(out) << ".md and .tsv.\n";
    return md && tsv_file ? 0 : 1;
}

}  // namespace

int main(int argc, char* argv[])
{
    if (argc == 2 && (std::string_view(argv[1]) == "--help" || std::string_view(argv[1]) == "-h")) {
        std::cout << USAGE;
        return 0;
    }
    Options o;
    try {
        o = parse(argc, argv);
    } catch (const UsageError& e) {
        std::cerr << usage_error(TOOL, e.message);
        return 2;
    }
    try {
        const std::vector<Article> articles = read_jsonl(o.files);
        if (articles.empty()) {
            std::cerr << TOOL << ": no article read\n";
            return 1;
        }
        if (o.command == "exact") {
            return exact(articles);
        }
        if (o.command == "near") {
            return near(articles, o.sample);
        }
        if (o.command == "sizes") {
            return sizes(articles);
        }
        if (o.command == "largest") {
            return largest(articles, o.threshold, o.stories, o.show);
        }
        return judge_pairs(articles, o.threshold, o.pairs, o.out, o.exclude);
    } catch (const std::exception& e) {
        std::cerr << TOOL << ": " << escape_controls(e.what()) << "\n";
        return 1;
    }
}
