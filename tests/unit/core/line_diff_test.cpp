#include "core/line_diff.h"

#include <gtest/gtest.h>

#include <string>

namespace provcheck::core {
namespace {

std::string lines(int n, int changed = -1) {
  std::string s;
  for (int i = 0; i < n; ++i) s += (i == changed ? "changed " : "line ") + std::to_string(i) + "\n";
  return s;
}

TEST(LineDiff, EqualTextsHaveNoHunks) { EXPECT_TRUE(line_diff(lines(50), lines(50)).empty()); }

TEST(LineDiff, OneChangedLineIsOneHunkWithItsByteSpans) {
  std::string a = lines(10), b = lines(10, 4);
  auto h = line_diff(a, b);
  ASSERT_EQ(h.size(), 1u);
  EXPECT_EQ(h[0].old_lines.first_line, 4u);
  EXPECT_EQ(h[0].old_lines.lines, 1u);
  EXPECT_EQ(a.substr(h[0].old_lines.begin, h[0].old_lines.end - h[0].old_lines.begin), "line 4\n");
  EXPECT_EQ(b.substr(h[0].new_lines.begin, h[0].new_lines.end - h[0].new_lines.begin), "changed 4\n");
}

TEST(LineDiff, InsertionAndDeletionInTheMiddle) {
  std::string a = "a\nb\nc\nd\ne\n", b = "a\nc\nd\nX\nY\ne\n";
  auto h = line_diff(a, b);
  ASSERT_EQ(h.size(), 2u);
  EXPECT_EQ(h[0].old_lines.first_line, 1u);  // b deleted
  EXPECT_EQ(h[0].old_lines.lines, 1u);
  EXPECT_EQ(h[0].new_lines.lines, 0u);
  EXPECT_EQ(h[1].old_lines.lines, 0u);  // X, Y inserted before e
  EXPECT_EQ(h[1].new_lines.first_line, 3u);
  EXPECT_EQ(h[1].new_lines.lines, 2u);
  EXPECT_EQ(h[1].old_lines.begin, a.find("e\n"));
}

TEST(LineDiff, MovedParagraphIsADeletionAndAnInsertion) {
  std::string a = "p1\np2\np3\np4\n", b = "p2\np3\np4\np1\n";
  auto h = line_diff(a, b);
  ASSERT_EQ(h.size(), 2u);
  EXPECT_EQ(h[0].old_lines.lines + h[1].old_lines.lines, 1u);
  EXPECT_EQ(h[0].new_lines.lines + h[1].new_lines.lines, 1u);
}

TEST(LineDiff, LastLineWithoutNewlineAndEmptyTexts) {
  auto h = line_diff("a\nb", "a\nc");
  ASSERT_EQ(h.size(), 1u);
  EXPECT_EQ(h[0].old_lines.begin, 2u);
  EXPECT_EQ(h[0].old_lines.end, 3u);
  ASSERT_EQ(line_diff("", "x\n").size(), 1u);
  ASSERT_EQ(line_diff("x\n", "").size(), 1u);
  EXPECT_TRUE(line_diff("", "").empty());
}

TEST(LineDiff, BeyondTheEditBudgetTheMiddleIsOneBlock) {
  std::string a, b;
  for (int i = 0; i < 200; ++i) {
    a += "a" + std::to_string(i) + "\n";
    b += "b" + std::to_string(i) + "\n";
  }
  auto h = line_diff("head\n" + a + "tail\n", "head\n" + b + "tail\n", 10);
  ASSERT_EQ(h.size(), 1u);
  EXPECT_EQ(h[0].old_lines.first_line, 1u);
  EXPECT_EQ(h[0].old_lines.lines, 200u);
  EXPECT_EQ(h[0].new_lines.lines, 200u);
  // Within budget the same texts diff line by line into one block too (all differ).
  EXPECT_EQ(line_diff(a, b).size(), 1u);
}

}  // namespace
}  // namespace provcheck::core
