// akhbar-analyze: shows what the analyzer does to a text, token by token.
// Exit codes: 0 ok, 1 bad input (invalid UTF-8) or a database that cannot
// be read (--db), 2 usage error.

#include <iostream>
#include <iterator>
#include <string>
#include <vector>

#include <boost/program_options.hpp>

#include "akhbar/common/analyzer.hpp"
#include "akhbar/common/error.hpp"
#include "akhbar/common/index_metadata.hpp"
#include "akhbar/common/quote.hpp"
#include "akhbar/common/token_output.hpp"
#include "akhbar/common/usage.hpp"
#include "akhbar/common/dash_words.hpp"
#include "akhbar/common/version.hpp"

namespace po = boost::program_options;

int main(int argc, char* argv[])
{
    std::string profile;
    std::string stemmer;
    std::string db;
    std::vector<std::string> words;
    po::options_description visible(
        "Usage: akhbar-analyze [--profile NAME | --db DIR] [--stemmer NAME] [--json] [TEXT...]\n"
        "Prints one line per token: original, normalized, stem, start, end (byte offsets).\n"
        "Reads standard input when no TEXT is given.\n\nOptions");
    visible.add_options()
        ("profile", po::value(&profile), "analyzer profile: akhbar (default), lucene, snowball, none")
        ("db", po::value(&db), "analyze as this database's articles were: its profile and stemmer")
        ("stemmer", po::value(&stemmer), "override the profile's stemmer: light10, light10-pronouns, snowball, none")
        ("json", "print a JSON array instead of TSV lines")
        ("version", "print the version and exit")
        ("help,h", "show this help");
    po::options_description all;
    all.add(visible).add_options()("text", po::value(&words));
    po::positional_options_description positional;
    positional.add("text", -1);

    po::variables_map vm;
    try {
        // "-سوريا" is text to analyze, in its place, as in akhbar-search.
        po::store(po::command_line_parser(akhbar::cli::arguments_with_dash_words(argc, argv))
                      .options(all)
                      .positional(positional)
                      .run(),
                  vm);
        po::notify(vm);
        akhbar::cli::unmark(words);
    } catch (const po::error& e) {
        std::cerr << akhbar::usage_error("akhbar-analyze", e.what());
        return 2;
    }
    if (vm.count("help") != 0U) {
        std::cout << visible << "\n";
        return 0;
    }
    if (vm.count("version") != 0U) {
        std::cout << "akhbar-analyze " << akhbar::VERSION << "\n";
        return 0;
    }

    if (!db.empty() && !profile.empty()) {
        std::cerr << akhbar::usage_error("akhbar-analyze", "--db and --profile go separately "
                                                           "(the database has its profile)");
        return 2;
    }
    if (!db.empty()) {
        try {
            const akhbar::schema::IndexInfo info = akhbar::schema::read_database_info(db);
            profile = info.profile;
            // The database's stemmer, unless --stemmer asks for another.
            stemmer = stemmer.empty() ? info.stemmer : stemmer;
        } catch (const akhbar::Error& e) {
            std::cerr << "akhbar-analyze: " << akhbar::escape_controls(e.what()) << "\n";
            return 1;
        }
    }
    if (profile.empty()) {
        profile = akhbar::DEFAULT_PROFILE;
    }

    std::string text;
    if (words.empty()) {
        text.assign(std::istreambuf_iterator<char>(std::cin), std::istreambuf_iterator<char>());
    } else {
        for (const std::string& word : words) {
            text += text.empty() ? "" : " ";
            text += word;
        }
    }

    try {
        const akhbar::Analyzer analyzer(profile, stemmer);
        const auto tokens = analyzer.analyze(text);
        std::cout << (vm.count("json") != 0U ? akhbar::tokens_to_json(tokens)
                                             : akhbar::tokens_to_tsv(tokens));
    } catch (const akhbar::Utf8Error& e) {
        std::cerr << "akhbar-analyze: input: " << akhbar::escape_controls(e.what()) << "\n";
        return 1;
    } catch (const akhbar::InvalidArgument& e) {
        std::cerr << akhbar::usage_error("akhbar-analyze", e.what());
        return 2;
    } catch (const std::exception& e) {
        std::cerr << "akhbar-analyze: " << akhbar::escape_controls(e.what()) << "\n";
        return 1;
    }
    return 0;
}
