#include "core/span_map.h"

#include <gtest/gtest.h>

#include <string>

namespace provcheck::core {
namespace {

std::string at(std::string_view text, MappedSpan m) { return std::string(text.substr(m.begin, m.end - m.begin)); }

}  // namespace

// Issue 12 item 11: an edit before a passage that was then changed shifted
// the old offsets, and the "now at the pinned place" window started mid-word.
TEST(SpanMap, EditBeforeThePassageShiftsIt) {
  std::string old_text = "Intro line.\nThe council said 40 homes were lost.\nEnd.\n";
  std::string new_text = "Intro line, now much longer than before.\nThe council said 55 homes were lost.\nEnd.\n";
  std::size_t b = old_text.find("40 homes"), e = b + 8;
  EXPECT_EQ(at(new_text, map_span(old_text, new_text, b, e)), "55 homes");
  std::size_t w = old_text.find("The council");
  EXPECT_EQ(at(new_text, map_span(old_text, new_text, w, old_text.find("\nEnd"))), "The council said 55 homes were lost.");
}

TEST(SpanMap, ReplacedWordsMapOntoWhatReplacedThem) {
  std::string old_text = "A.\nWe met on Monday with the mayor and two aides.\nB.\n";
  std::string new_text = "New first paragraph.\n\nA.\nWe met on Tuesday with the governor and two aides.\nB.\n";
  std::size_t b = old_text.find("Monday"), e = old_text.find(" and two");
  EXPECT_EQ(at(new_text, map_span(old_text, new_text, b, e)), "Tuesday with the governor");
}

TEST(SpanMap, ARemovedPassageIsAnEmptySpanAtItsPlace) {
  std::string old_text = "One.\nTwo is gone now.\nThree.\n";
  std::string new_text = "Zero.\nOne.\nThree.\n";
  MappedSpan m = map_span(old_text, new_text, old_text.find("Two"), old_text.find("\nThree"));
  EXPECT_EQ(m.begin, m.end);
  EXPECT_EQ(m.begin, new_text.find("Three"));
}

// The diff pairs the rewritten line with an inserted paragraph; the mapping
// follows the line that shares its start and end.
TEST(SpanMap, FollowsTheLineEditedInPlaceNotTheOneTheDiffPairs) {
  std::string old_text = "Town ledger.\n\nThe bridge reopened on Monday after repairs, the engineer said.\n\nThe market.\n";
  std::string new_text = "Town ledger, kept by the clerk.\n\nA new paragraph was added here.\n\n"
                         "The ferry was cancelled again on Tuesday, the engineer said.\n\nThe market.\n";
  std::size_t b = old_text.find("The bridge"), e = old_text.find(", the engineer");
  EXPECT_EQ(at(new_text, map_span(old_text, new_text, b, e)), "The ferry was cancelled again on Tuesday");
  EXPECT_EQ(at(new_text, map_span(old_text, new_text, 0, 12)), "Town ledger, kept by the clerk.");
}

TEST(SpanMap, NeverStartsOrEndsInsideAWord) {
  std::string old_text = "alpha beta gamma delta\n";
  std::string new_text = "alpha betamax gamma delta\n";
  MappedSpan m = map_span(old_text, new_text, 8, 12);  // "ta g" in the old
  std::string s = at(new_text, m);
  EXPECT_EQ(s, "betamax gamma");
}

}  // namespace provcheck::core
