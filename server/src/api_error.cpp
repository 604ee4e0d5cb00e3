#include "api_error.hpp"

#include <nlohmann/json.hpp>

#include "akhbar/common/error.hpp"

namespace akhbar::server {

ErrorAnswer answer_for(const std::exception_ptr& error)
{
    try {
        std::rethrow_exception(error);
    } catch (const ApiError& e) {
        return {e.status(), e.what()};
    } catch (const QueryError& e) {
        return {400, e.what()};  // the parser's message, with the position
    } catch (const InvalidArgument& e) {
        return {400, e.what()};
    } catch (const IndexError& e) {
        return {503, e.what()};
    } catch (const std::exception& e) {
        // The message only: no type, stack or internal state.
        return {500, e.what()};
    } catch (...) {
        return {500, "internal error"};
    }
}

std::string error_json(int status, const std::string& message)
{
    nlohmann::json body;
    body["error"]["code"] = status;
    body["error"]["message"] = message;
    // Invalid UTF-8 in a message (from a query or an id) is replaced, never
    // a reason for the error answer itself to fail.
    return body.dump(-1, ' ', false, nlohmann::json::error_handler_t::replace);
}

}  // namespace akhbar::server
