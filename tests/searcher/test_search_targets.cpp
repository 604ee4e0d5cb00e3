// The search targets' own rules (search_targets.hpp): what a failure says,
// and what on disk is watched for changes.

#include <boost/test/unit_test.hpp>

#include <string>

#include <xapian.h>

#include "search_targets.hpp"
#include "support/temp_dir.hpp"

using akhbar::detail::SearchTarget;

namespace {

SearchTarget local(const std::string& path)
{
    SearchTarget s;
    s.name = path;
    s.path = path;
    return s;
}

}  // namespace

BOOST_AUTO_TEST_SUITE(search_targets)

BOOST_AUTO_TEST_CASE(a_failure_says_which_target_and_why)
{
    using akhbar::detail::describe_failure;
    SearchTarget remote;
    remote.name = "tcp://127.0.0.1:1";
    remote.remote = true;
    BOOST_TEST(describe_failure(remote, Xapian::NetworkError("timed out")) ==
               "tcp://127.0.0.1:1 did not answer: timed out");
    BOOST_TEST(describe_failure(local("x.db"), Xapian::DatabaseNotFoundError("gone")) ==
               "no database at x.db (index articles with akhbar-index first)");
    BOOST_TEST(describe_failure(local("x.db"), Xapian::DatabaseOpeningError("bad")) ==
               "cannot open database x.db: bad");
}

BOOST_AUTO_TEST_CASE(the_disk_state_follows_stubs_and_version_files_only)
{
    using akhbar::detail::disk_state;
    const akhbar::test::TempDir dir;
    const std::string stub = dir.write("XAPIANDB", "auto a\n").string();
    dir.write("a/iamglass", "revision 1");
    SearchTarget remote;
    remote.remote = true;
    remote.path = (dir / "a").string();  // never read: remote targets follow their server

    const std::string before = disk_state({stub}, {local((dir / "a").string()), remote});
    BOOST_TEST(disk_state({stub}, {local((dir / "a").string()), remote}) == before);
    dir.write("a/iamglass", "revision 2");
    BOOST_TEST(disk_state({stub}, {local((dir / "a").string()), remote}) != before);
    const std::string at_2 = disk_state({stub}, {local((dir / "a").string())});
    dir.write("XAPIANDB", "auto a\nauto b\n");
    BOOST_TEST(disk_state({stub}, {local((dir / "a").string())}) != at_2);
    // A remote target has no disk state here: xapian-tcpsrv's reopen() follows it.
    BOOST_TEST(disk_state({}, {remote}).empty());
}

BOOST_AUTO_TEST_SUITE_END()
