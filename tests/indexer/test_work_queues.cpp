// The bulk build's queues (work_queues.hpp): a new item goes to the queue
// with the least work that has room, the feeder waits only while every
// queue is full, closing drains, and a consumer's failure reaches the feeder.

#include <boost/test/unit_test.hpp>

#include <chrono>
#include <cstddef>
#include <exception>
#include <future>
#include <latch>
#include <memory>
#include <optional>
#include <stdexcept>
#include <string>
#include <thread>
#include <vector>

#include "work_queues.hpp"

using akhbar::detail::WorkQueues;

namespace {

constexpr auto PATIENCE = std::chrono::seconds(30);

// Whether `f` is ready within PATIENCE; if not, the queues are failed so
// that every thread waiting on them ends and the test fails instead of
// hanging.
template <class T>
bool ready(std::future<T>& f, WorkQueues<int>& queues)
{
    if (f.wait_for(PATIENCE) == std::future_status::ready) {
        return true;
    }
    queues.fail(std::make_exception_ptr(std::runtime_error("a thread waited too long")));
    return false;
}

// Starts `body` on a thread and returns once the thread is running, plus a
// moment for it to reach its wait.
template <class Body>
auto started(Body body)
{
    auto running = std::make_shared<std::latch>(1);
    auto future = std::async(std::launch::async, [running, body] {
        running->count_down();
        return body();
    });
    running->wait();
    std::this_thread::sleep_for(std::chrono::milliseconds(50));
    return future;
}

// Closes the queues and takes what remains in queue `i`.
std::vector<int> rest(WorkQueues<int>& queues, std::size_t i)
{
    queues.close();
    std::vector<int> out;
    while (const std::optional<int> item = queues.pop(i)) {
        out.push_back(*item);
    }
    return out;
}

}  // namespace

BOOST_AUTO_TEST_SUITE(work_queues)

BOOST_AUTO_TEST_CASE(new_items_go_round_the_queues_while_they_are_alike)
{
    WorkQueues<int> queues(3, 10);
    std::vector<std::size_t> chosen;
    for (int i = 0; i < 6; ++i) {
        chosen.push_back(queues.push_any(i));
    }
    BOOST_TEST(chosen == (std::vector<std::size_t>{0, 1, 2, 0, 1, 2}),
               boost::test_tools::per_element());
}

// A consumer holding an item counts as one item of work.
BOOST_AUTO_TEST_CASE(an_item_being_worked_on_counts)
{
    WorkQueues<int> queues(2, 10);
    BOOST_TEST(queues.push_any(0) == 0U);
    BOOST_TEST(queues.push_any(1) == 1U);  // the next tie goes to queue 0
    BOOST_TEST(*queues.pop(0) == 0);       // consumer 0 holds item 0
    queues.push_to(0, 2);
    // Queue 0: one item waiting and one held; queue 1: one waiting.
    BOOST_TEST(queues.push_any(3) == 1U);
}

// A consumer that holds its item a long time (a partition writing a
// segment) with a full queue must not stop the feeder while another queue
// has room: with one queue each, the feeder blocked on the busy one and the
// other consumer idled.
BOOST_AUTO_TEST_CASE(a_full_queue_does_not_hold_the_feeder_while_another_has_room)
{
    WorkQueues<int> queues(2, 2);
    for (int i = 0; i < 4; ++i) {
        queues.push_any(i);  // both full; consumer 0 never takes anything here
    }
    auto feeder = std::async(std::launch::async, [&] {
        std::vector<std::size_t> chosen;
        for (int i = 4; i < 10; ++i) {
            chosen.push_back(queues.push_any(i));
        }
        return chosen;
    });
    auto consumer = std::async(std::launch::async, [&] {
        std::vector<int> taken;
        for (int i = 0; i < 8; ++i) {
            const std::optional<int> item = queues.pop(1);
            if (!item) {
                break;
            }
            taken.push_back(*item);
        }
        return taken;
    });
    BOOST_TEST_REQUIRE(ready(feeder, queues));  // else the feeder waits on queue 0
    BOOST_TEST_REQUIRE(ready(consumer, queues));
    BOOST_TEST(feeder.get() == std::vector<std::size_t>(6, 1), boost::test_tools::per_element());
    BOOST_TEST(consumer.get() == (std::vector<int>{1, 3, 4, 5, 6, 7, 8, 9}),
               boost::test_tools::per_element());
    BOOST_TEST(rest(queues, 0) == (std::vector<int>{0, 2}), boost::test_tools::per_element());
}

BOOST_AUTO_TEST_CASE(the_feeder_waits_while_every_queue_is_full)
{
    WorkQueues<int> queues(2, 1);
    queues.push_any(0);
    queues.push_any(1);  // the next tie would go to queue 0
    auto feeder = started([&] { return queues.push_any(2); });
    BOOST_TEST((feeder.wait_for(std::chrono::seconds(0)) == std::future_status::timeout));
    BOOST_TEST(*queues.pop(1) == 1);
    BOOST_TEST_REQUIRE(ready(feeder, queues));
    BOOST_TEST(feeder.get() == 1U);
    // No queue ever held more than it has room for.
    BOOST_TEST(rest(queues, 0) == std::vector<int>{0}, boost::test_tools::per_element());
    BOOST_TEST(rest(queues, 1) == std::vector<int>{2}, boost::test_tools::per_element());
}

BOOST_AUTO_TEST_CASE(an_item_for_one_queue_waits_for_room_there)
{
    WorkQueues<int> queues(2, 1);
    queues.push_to(0, 0);
    auto feeder = started([&] { queues.push_to(0, 1); });
    BOOST_TEST((feeder.wait_for(std::chrono::seconds(0)) == std::future_status::timeout));
    BOOST_TEST(*queues.pop(0) == 0);
    BOOST_TEST_REQUIRE(ready(feeder, queues));
    BOOST_TEST(rest(queues, 0) == std::vector<int>{1}, boost::test_tools::per_element());
    BOOST_TEST(rest(queues, 1).empty());
}

BOOST_AUTO_TEST_CASE(closing_lets_each_consumer_take_what_remains_then_ends)
{
    WorkQueues<int> queues(2, 10);
    queues.push_to(0, 7);
    queues.push_to(0, 8);
    auto waiting = started([&] { return queues.pop(1); });
    queues.close();
    BOOST_TEST_REQUIRE(ready(waiting, queues));
    BOOST_TEST(!waiting.get().has_value());
    BOOST_TEST(*queues.pop(0) == 7);
    BOOST_TEST(*queues.pop(0) == 8);
    BOOST_TEST(!queues.pop(0).has_value());
    BOOST_CHECK_THROW(queues.push_any(9), std::logic_error);
}

BOOST_AUTO_TEST_CASE(a_failure_reaches_the_feeder_and_ends_every_consumer)
{
    WorkQueues<int> queues(2, 1);
    queues.push_to(0, 0);
    auto feeder = started([&] { queues.push_to(0, 1); });     // waits for room
    auto consumer = started([&] { return queues.pop(1); });  // waits for an item
    queues.fail(std::make_exception_ptr(std::runtime_error("disk full")));
    queues.fail(std::make_exception_ptr(std::runtime_error("second")));  // the first one stays
    BOOST_TEST_REQUIRE(ready(feeder, queues));
    BOOST_TEST_REQUIRE(ready(consumer, queues));
    BOOST_CHECK_EXCEPTION(feeder.get(), std::runtime_error, [](const std::runtime_error& e) {
        return std::string(e.what()) == "disk full";
    });
    BOOST_TEST(!consumer.get().has_value());
    BOOST_CHECK_THROW(queues.push_any(3), std::runtime_error);
    BOOST_TEST(!queues.pop(0).has_value());  // what waited is dropped
}

BOOST_AUTO_TEST_CASE(queues_need_room)
{
    BOOST_CHECK_THROW(WorkQueues<int>(0, 1), std::invalid_argument);
    BOOST_CHECK_THROW(WorkQueues<int>(1, 0), std::invalid_argument);
}

BOOST_AUTO_TEST_SUITE_END()
