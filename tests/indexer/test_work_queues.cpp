// The bulk build's queues (work_queues.hpp): a new item goes to the queue
// with the least work that has room, the feeder waits only while every
// queue is full, closing drains, and a consumer's failure reaches the feeder.

#include <boost/test/unit_test.hpp>

#include <chrono>
#include <future>
#include <optional>
#include <stdexcept>
#include <string>
#include <vector>

#include "work_queues.hpp"

using akhbar::detail::WorkQueues;

namespace {

constexpr auto PATIENCE = std::chrono::seconds(30);

}  // namespace

BOOST_AUTO_TEST_SUITE(work_queues)

BOOST_AUTO_TEST_CASE(new_items_go_to_the_queue_with_least_work)
{
    WorkQueues<int> queues(3, 10);
    std::vector<std::size_t> chosen;
    for (int i = 0; i < 6; ++i) {
        chosen.push_back(queues.push_any(i));  // ties go round
    }
    BOOST_TEST(chosen == (std::vector<std::size_t>{0, 1, 2, 0, 1, 2}), boost::test_tools::per_element());
    // Queue 1's consumer holds item 1 and item 4 waits: work 2, as queue 0's
    // two waiting items. Queue 2's consumer takes 2, then holds 5: work 1.
    BOOST_TEST(*queues.pop(1) == 1);
    BOOST_TEST(*queues.pop(2) == 2);
    BOOST_TEST(*queues.pop(2) == 5);
    BOOST_TEST(queues.push_any(6) == 2U);
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
    const bool fed = feeder.wait_for(PATIENCE) == std::future_status::ready;
    if (!fed) {  // the feeder waits on queue 0: end both threads, then fail
        queues.fail(std::make_exception_ptr(std::runtime_error("the feeder waited")));
    }
    BOOST_TEST_REQUIRE(fed);
    BOOST_TEST(feeder.get() == std::vector<std::size_t>(6, 1), boost::test_tools::per_element());
    BOOST_TEST(consumer.get() == (std::vector<int>{1, 3, 4, 5, 6, 7, 8, 9}),
               boost::test_tools::per_element());
}

BOOST_AUTO_TEST_CASE(the_feeder_waits_while_every_queue_is_full)
{
    WorkQueues<int> queues(2, 1);
    queues.push_any(0);
    queues.push_any(1);
    auto feeder = std::async(std::launch::async, [&] { return queues.push_any(2); });
    BOOST_TEST((feeder.wait_for(std::chrono::milliseconds(50)) == std::future_status::timeout));
    BOOST_TEST(*queues.pop(1) == 1);
    BOOST_TEST_REQUIRE((feeder.wait_for(PATIENCE) == std::future_status::ready));
    BOOST_TEST(feeder.get() == 1U);
}

BOOST_AUTO_TEST_CASE(an_item_for_one_queue_waits_for_room_there)
{
    WorkQueues<int> queues(2, 1);
    queues.push_to(0, 0);
    auto feeder = std::async(std::launch::async, [&] { queues.push_to(0, 1); });
    BOOST_TEST((feeder.wait_for(std::chrono::milliseconds(50)) == std::future_status::timeout));
    BOOST_TEST(*queues.pop(0) == 0);
    BOOST_TEST_REQUIRE((feeder.wait_for(PATIENCE) == std::future_status::ready));
    BOOST_TEST(*queues.pop(0) == 1);
}

BOOST_AUTO_TEST_CASE(closing_lets_each_consumer_take_what_remains_then_ends)
{
    WorkQueues<int> queues(2, 10);
    queues.push_to(0, 7);
    queues.push_to(0, 8);
    auto waiting = std::async(std::launch::async, [&] { return queues.pop(1); });
    queues.close();
    BOOST_TEST(*queues.pop(0) == 7);
    BOOST_TEST(*queues.pop(0) == 8);
    BOOST_TEST(!queues.pop(0).has_value());
    BOOST_TEST_REQUIRE((waiting.wait_for(PATIENCE) == std::future_status::ready));
    BOOST_TEST(!waiting.get().has_value());
}

BOOST_AUTO_TEST_CASE(a_failure_reaches_the_feeder_and_ends_every_consumer)
{
    WorkQueues<int> queues(2, 1);
    queues.push_any(0);
    queues.push_any(1);
    auto feeder = std::async(std::launch::async, [&] { return queues.push_any(2); });
    queues.fail(std::make_exception_ptr(std::runtime_error("disk full")));
    queues.fail(std::make_exception_ptr(std::runtime_error("second")));  // the first one stays
    BOOST_TEST_REQUIRE((feeder.wait_for(PATIENCE) == std::future_status::ready));
    BOOST_CHECK_EXCEPTION(feeder.get(), std::runtime_error,
                          [](const std::runtime_error& e) { return std::string(e.what()) == "disk full"; });
    BOOST_CHECK_THROW(queues.push_to(1, 3), std::runtime_error);
    BOOST_TEST(!queues.pop(0).has_value());  // what waited is dropped
    BOOST_TEST(!queues.pop(1).has_value());
}

BOOST_AUTO_TEST_SUITE_END()
