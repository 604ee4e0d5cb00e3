#pragma once
/// @file
/// The one error hierarchy of Akhbar. Every error message quotes the offending
/// value, so that a user can find it: `corpus/x.jsonl:17: field "date" is not a
/// date: "7th Novembr"`.

#include <cstddef>
#include <stdexcept>
#include <string>

#include "akhbar/common/api.hpp"

namespace akhbar {

/// Base of every exception Akhbar throws on purpose.
class AKHBAR_API Error : public std::runtime_error {
public:
    using std::runtime_error::runtime_error;
};

/// A caller passed a value the library cannot use (unknown profile name,
/// malformed option, invalid UTF-8 text...).
class AKHBAR_API InvalidArgument : public Error {
public:
    using Error::Error;
};

/// Text that is not valid UTF-8. `offset()` is the byte offset of the first
/// byte that cannot start or continue a well-formed sequence.
class AKHBAR_API Utf8Error : public InvalidArgument {
public:
    Utf8Error(std::size_t offset, unsigned char byte);
    [[nodiscard]] std::size_t offset() const noexcept { return m_offset; }

private:
    std::size_t m_offset;
};

/// A problem in the input collection, located by file and (1-based) line;
/// `line() == 0` when the problem concerns the whole file.
class AKHBAR_API CorpusError : public Error {
public:
    CorpusError(std::string file, std::size_t line, const std::string& what);
    [[nodiscard]] const std::string& file() const noexcept { return m_file; }
    [[nodiscard]] std::size_t line() const noexcept { return m_line; }

private:
    std::string m_file;
    std::size_t m_line;
};

/// The index cannot be opened, read or written as asked (missing, locked,
/// built with another analyzer profile or schema version...).
class AKHBAR_API IndexError : public Error {
public:
    using Error::Error;
};

/// A query that cannot be parsed or run; keeps the query as given.
class AKHBAR_API QueryError : public Error {
public:
    QueryError(std::string query, const std::string& what);
    [[nodiscard]] const std::string& query() const noexcept { return m_query; }

private:
    std::string m_query;
};

}  // namespace akhbar
