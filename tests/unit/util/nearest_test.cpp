#include "util/nearest.h"

#include <gtest/gtest.h>

namespace provcheck::util {

TEST(Nearest, EditDistanceCountsASwapOnce) {
  EXPECT_EQ(edit_distance("ned", "end"), 1u);
  EXPECT_EQ(edit_distance("chek", "check"), 1u);
  EXPECT_EQ(edit_distance("", "abc"), 3u);
  EXPECT_EQ(edit_distance("same", "same"), 0u);
}

TEST(Nearest, SuggestsTheClosestNameOrNone) {
  std::vector<std::string> commands{"init", "source", "claim", "check", "report", "search"};
  EXPECT_EQ(nearest("chek", commands), "check");
  EXPECT_EQ(nearest("clam", commands), "claim");
  EXPECT_EQ(nearest("reprot", commands), "report");
  EXPECT_EQ(nearest("xyzzy", commands), std::nullopt);
  std::vector<std::string> flags{"--quote", "--source", "--occurrence"};
  EXPECT_EQ(nearest("--qoute", flags), "--quote");
  EXPECT_EQ(nearest("--occurence", flags), "--occurrence");
}

TEST(Nearest, AUniquePrefixIsEnough) {
  std::vector<std::string> subs{"add", "import", "list", "show", "accept"};
  EXPECT_EQ(nearest("impo", subs), "import");
  EXPECT_EQ(nearest("accep", subs), "accept");
  EXPECT_EQ(nearest("a", subs), "add");  // within two edits
  std::vector<std::string> two{"reindex", "report"};
  EXPECT_EQ(nearest("repo", two), "report");
  EXPECT_EQ(nearest("re", two), std::nullopt);  // a prefix of both: no guess
}

}  // namespace provcheck::util
