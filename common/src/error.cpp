#include "akhbar/common/error.hpp"

#include <cstdio>
#include <utility>

namespace akhbar {

namespace {

std::string describe_utf8_error(std::size_t offset, unsigned char byte)
{
    char hex[8];
    std::snprintf(hex, sizeof hex, "0x%02X", static_cast<unsigned>(byte));
    return "invalid UTF-8 at byte " + std::to_string(offset) + " (byte " + hex + ")";
}

std::string locate(const std::string& file, std::size_t line, const std::string& what)
{
    return line == 0 ? file + ": " + what : file + ":" + std::to_string(line) + ": " + what;
}

}  // namespace

Utf8Error::Utf8Error(std::size_t offset, unsigned char byte)
    : InvalidArgument(describe_utf8_error(offset, byte)), m_offset(offset)
{
}

CorpusError::CorpusError(std::string file, std::size_t line, const std::string& what)
    : Error(locate(file, line, what)), m_file(std::move(file)), m_line(line)
{
}

QueryError::QueryError(std::string query, const std::string& what)
    : Error(what), m_query(std::move(query))
{
}

}  // namespace akhbar
