#pragma once
// The API's errors: an HTTP status and a message, sent as
// {"error": {"code": STATUS, "message": "…"}}.

#include <exception>
#include <stdexcept>
#include <string>

namespace akhbar::server {

/// An answer other than 200 that a handler decides on (404 for an unknown
/// id, 401 without the write key, 413 for a query over the limit...).
class ApiError : public std::runtime_error {
public:
    ApiError(int status, const std::string& message)
        : std::runtime_error(message), m_status(status)
    {
    }
    [[nodiscard]] int status() const noexcept { return m_status; }

private:
    int m_status;
};

/// A status and message for what a handler threw: ApiError as it says;
/// QueryError and InvalidArgument (a bad query or parameter) 400, with the
/// library's message; IndexError 503 (a database that cannot be opened or
/// read now: missing, locked by a writer, a shard down without partial
/// results); anything else 500 with its message only.
struct ErrorAnswer {
    int status;
    std::string message;
};
[[nodiscard]] ErrorAnswer answer_for(const std::exception_ptr& error);

/// The error body: {"error":{"code":STATUS,"message":"MESSAGE"}}.
[[nodiscard]] std::string error_json(int status, const std::string& message);

}  // namespace akhbar::server
