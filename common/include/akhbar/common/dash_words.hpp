#pragma once
/// @file
/// Words that start with "-" on a tool's command line: `-سوريا` excludes a
/// word from a query (or is text to analyze), not an unknown option. Boost's
/// Program_options takes every argument that starts with "-" for an option,
/// so such a word is handed to it marked with a leading U+001F (a control
/// character no one types), which makes it a positional argument in its
/// place; `unmarked` takes the mark off the values read.

#include <string>
#include <string_view>
#include <vector>

namespace akhbar::cli {

inline constexpr char DASH_WORD_MARK = '\x1F';

/// argv[1..argc) with each `-` + non-ASCII word marked; the others as given.
inline std::vector<std::string> arguments_with_dash_words(int argc, const char* const* argv)
{
    std::vector<std::string> args;
    for (int i = 1; i < argc; ++i) {
        const std::string_view arg = argv[i];
        if (arg.size() > 1 && arg[0] == '-' && static_cast<unsigned char>(arg[1]) >= 0x80U) {
            args.push_back(DASH_WORD_MARK + std::string(arg));
        } else {
            args.emplace_back(arg);
        }
    }
    return args;
}

/// `value` without the mark, if it has one.
inline std::string unmarked(std::string value)
{
    if (!value.empty() && value.front() == DASH_WORD_MARK) {
        value.erase(0, 1);
    }
    return value;
}

inline void unmark(std::vector<std::string>& values)
{
    for (std::string& v : values) {
        v = unmarked(std::move(v));
    }
}

}  // namespace akhbar::cli
