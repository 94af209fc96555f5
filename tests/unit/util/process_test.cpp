// run_process: an argument vector reaches the program unparsed, both
// streams are collected (however large), the exit code is reported, and a
// missing program is not_found.
#include "util/process.h"

#include <gtest/gtest.h>

#include <filesystem>

namespace provcheck::util {
namespace {

TEST(Process, ArgumentsAreNotReparsed) {
  auto r = run_process({"printf", "%s|", "a b", "$(echo no)", ";", "*"}, std::filesystem::temp_directory_path());
  ASSERT_TRUE(r.ok()) << r.error().message();
  EXPECT_EQ(r->exit_code, 0);
  EXPECT_EQ(r->out, "a b|$(echo no)|;|*|");
}

TEST(Process, CollectsBothLargeStreamsAndTheExitCode) {
  auto r = run_process({"sh", "-c", "head -c 300000 /dev/zero; head -c 200000 /dev/zero >&2; exit 7"}, ".");
  ASSERT_TRUE(r.ok()) << r.error().message();
  EXPECT_EQ(r->exit_code, 7);
  EXPECT_EQ(r->out.size(), 300000u);
  EXPECT_EQ(r->err.size(), 200000u);
}

TEST(Process, RunsInTheGivenFolder) {
  auto r = run_process({"pwd", "-P"}, "/");
  ASSERT_TRUE(r.ok());
  EXPECT_EQ(r->out, "/\n");
}

TEST(Process, MissingProgramIsNotFound) {
  auto r = run_process({"provcheck-no-such-program-xyz"}, ".");
  ASSERT_FALSE(r.ok());
  EXPECT_EQ(r.error().kind(), ErrorKind::not_found);
}

}  // namespace
}  // namespace provcheck::util
