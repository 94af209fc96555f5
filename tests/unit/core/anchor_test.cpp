#include "core/anchor.h"

#include <gtest/gtest.h>

#include "core/quote.h"

namespace provcheck::core {
namespace {

const std::string k_doc =
    "Opening paragraph about the week.\n\n"
    "Monitors said the army now holds three-quarters of the eastern districts, a sharp gain.\n\n"
    "A closing note on the weather and the roads.\n";

Citation pin(const std::string& text, const std::string& quote, std::optional<int> occ = std::nullopt) {
  auto r = resolve_quote(text, quote, occ, "src", "snap");
  EXPECT_TRUE(r.ok()) << r.error().message();
  return r->citation;
}

Verdict judge(const std::string& text, const Citation& c) {
  SourceView v(text);
  return judge_citation(v, c);
}

}  // namespace

TEST(Anchor, Intact) {
  Citation c = pin(k_doc, "the army now holds three-quarters");
  Verdict v = judge(k_doc, c);
  EXPECT_EQ(v.status, CitationStatus::intact);
  EXPECT_EQ(v.found_start, c.start);
}

TEST(Anchor, MovedWhenTextInsertedBefore) {
  Citation c = pin(k_doc, "the army now holds three-quarters");
  std::string changed = "A new first paragraph.\n\n" + k_doc;
  Verdict v = judge(changed, c);
  EXPECT_EQ(v.status, CitationStatus::moved);
  EXPECT_EQ(*v.found_start, c.start + 24);
}

TEST(Anchor, MovedParagraphWithChangedContextStillFound) {
  std::string para = "Monitors said the army now holds three-quarters of the eastern districts, a sharp gain.";
  Citation c = pin(k_doc, para);
  std::string changed = "Fresh lede.\n\n" + para + "\n\nOpening paragraph about the week.\n\nA closing note on the weather.\n";
  EXPECT_EQ(judge(changed, c).status, CitationStatus::moved);
}

TEST(Anchor, NormalizedWhenReflowedOrRetyped) {
  Citation c = pin(k_doc, "the army now holds three-quarters of the eastern districts");
  std::string reflowed = k_doc;
  reflowed.replace(reflowed.find("holds three"), 11, "holds\nthree");
  Verdict v = judge(reflowed, c);
  EXPECT_EQ(v.status, CitationStatus::normalized);
  EXPECT_EQ(v.new_passage, "the army now holds\nthree-quarters of the eastern districts");
  std::string dashed = k_doc;
  dashed.replace(dashed.find("three-quarters"), 14, "three\u2013quarters");
  EXPECT_EQ(judge(dashed, c).status, CitationStatus::normalized);
}

TEST(Anchor, FigureChangedInsideOtherwiseIdenticalSentence) {
  Citation c = pin(k_doc, "the army now holds three-quarters of the eastern districts");
  std::string edited = k_doc;
  edited.replace(edited.find("three-quarters"), 14, "two-thirds");
  Verdict v = judge(edited, c);
  EXPECT_EQ(v.status, CitationStatus::figure_changed);
  EXPECT_EQ(v.new_passage, "the army now holds two-thirds of the eastern districts");
  EXPECT_NE(v.diff.find("[-three-quarters-]"), std::string::npos) << v.diff;
  EXPECT_NE(v.diff.find("{+two-thirds+}"), std::string::npos) << v.diff;
}

TEST(Anchor, FigureChangesNeverPassAsMilder) {
  const std::string base = "Officials said some 4,000 fighters and 250,000 residents remained, about 4.7 million in all.";
  Citation c = pin(base, base);
  for (auto [from, to] : {std::pair{"250,000", "270,000"}, std::pair{"4.7 million", "4.9 million"},
                          std::pair{"some 4,000", "4,000"}, std::pair{"about 4.7", "4.7"}}) {
    std::string edited = base;
    edited.replace(edited.find(from), std::string(from).size(), to);
    EXPECT_EQ(judge(edited, c).status, CitationStatus::figure_changed) << from << " -> " << to;
  }
}

TEST(Anchor, ModifiedWhenWordingChangedAndFiguresDidNot) {
  Citation c = pin(k_doc, "the army now holds three-quarters of the eastern districts");
  std::string edited = k_doc;
  edited.replace(edited.find("army"), 4, "government");
  Verdict v = judge(edited, c);
  EXPECT_EQ(v.status, CitationStatus::modified);
  EXPECT_NE(v.diff.find("[-army-]"), std::string::npos) << v.diff << " / " << v.new_passage;
}

TEST(Anchor, MissingWhenThePassageIsDeleted) {
  Citation c = pin(k_doc, "the army now holds three-quarters of the eastern districts");
  std::string edited = "Opening paragraph about the week.\n\nA closing note on the weather and the roads.\n";
  Verdict v = judge(edited, c);
  EXPECT_EQ(v.status, CitationStatus::missing);
  EXPECT_FALSE(v.message.empty());
}

TEST(Anchor, CorrectedPassageDoesNotJumpToOldCopyElsewhere) {
  std::string text = "Early: officials counted 250,000 residents in the east. Then other news.\n"
                     "Summary box: officials counted 250,000 residents in the east. End of box.\n";
  Citation c = pin(text, "officials counted 250,000 residents in the east", 1);
  std::string corrected = text;
  corrected.replace(corrected.find("250,000"), 7, "270,000");  // the pinned (first) copy
  Verdict v = judge(corrected, c);
  EXPECT_NE(v.status, CitationStatus::intact);
  EXPECT_NE(v.status, CitationStatus::moved);
  EXPECT_NE(v.status, CitationStatus::normalized);
}

TEST(Anchor, ContextPicksAmongRepeats) {
  std::string text = "Alpha says: the road is closed. Beta says: the road is closed. Gamma says: the road is closed.";
  Citation c = pin(text, "the road is closed", 2);
  Verdict v = judge("PREFACE. " + text, c);
  EXPECT_EQ(v.status, CitationStatus::moved);
  EXPECT_EQ(*v.found_start, c.start + 9);
}

TEST(Anchor, AmbiguousWhenContextCannotChoose) {
  Citation c;
  c.quote = "the road is closed";
  c.prefix = "said: ";
  c.suffix = " today.";
  c.start = 500;  // the pinned span is gone
  c.end = 518;
  Verdict v = judge("A said: the road is closed today. B said: the road is closed today.", c);
  EXPECT_EQ(v.status, CitationStatus::ambiguous) << v.message;
  EXPECT_FALSE(v.found_start.has_value());
}

TEST(Anchor, QuoteAtStartAndEndOfDocument) {
  Citation first = pin(k_doc, "Opening paragraph");
  Citation last = pin(k_doc, "the weather and the roads.\n");
  EXPECT_EQ(judge(k_doc, first).status, CitationStatus::intact);
  EXPECT_EQ(judge(k_doc, last).status, CitationStatus::intact);
  EXPECT_EQ(judge("Opening paragraph about it.", first).status, CitationStatus::intact);
  EXPECT_EQ(judge("New: Opening paragraph about it.", first).status, CitationStatus::moved);
  EXPECT_EQ(judge("Lede.\n" + k_doc, last).status, CitationStatus::moved);
}

TEST(Anchor, EmptyDocumentIsMissing) {
  Citation c = pin(k_doc, "Opening paragraph");
  EXPECT_EQ(judge("", c).status, CitationStatus::missing);
}

}  // namespace provcheck::core

namespace provcheck::core {

const std::string k_story =
    "Aid agencies met on Monday in the border town to plan the week.\n\n"
    "The agency says 250,000 people still live in the eastern districts.\n\n"
    "Convoys are expected to leave at dawn on Tuesday if the road stays open.\n\n"
    "Short heading here\n\n"
    "Officials gave no timetable for the return of the displaced families.\n";

// Regression (bench/drift d001552): a corrected figure with the old words kept
// in a box right after it, sharing the old suffix; the copy must not win.
TEST(Anchor, StaleCopyBesideCorrectedFigureIsNotWhereThePassageWent) {
  Citation c = pin(k_story, "The agency says 250,000 people still live in the eastern districts.");
  std::string changed = k_story;
  changed.replace(changed.find("The agency says 250,000"), 23, "The agency says some 270,000");
  changed.insert(changed.find("\n\nConvoys"),
                 "\n\nAt a glance: The agency says 250,000 people still live in the eastern districts.");
  Verdict v = judge(changed, c);
  EXPECT_EQ(v.status, CitationStatus::figure_changed) << v.message;
  EXPECT_EQ(changed.substr(*v.found_start, 14), "The agency say");
}

// Regression (bench/drift d000484): the passage was rewritten and the old
// words kept beside it; a trimmed copy of them is not an edit.
TEST(Anchor, RewrittenPassageWithStaleCopyBesideItIsMissing) {
  Citation c = pin(k_story, "Convoys are expected to leave at dawn on Tuesday if the road stays open.");
  std::string changed = k_story;
  changed.replace(changed.find("Convoys are expected"), 72,
                  "No convoy will move this week; the crossing was closed by the army. Summary box: Convoys are "
                  "expected to leave at dawn on Tuesday if the road stays open. This box was not updated.");
  Verdict v = judge(changed, c);
  EXPECT_EQ(v.status, CitationStatus::missing) << v.message;
}

// Regression (bench/drift d000008): a short heading moved elsewhere with new
// context on both sides; its old place closed up, so it moved.
TEST(Anchor, ShortParagraphMovedWhereItsOldPlaceClosedUpIsMoved) {
  Citation c = pin(k_story, "Short heading here");
  std::string changed = k_story;
  changed.erase(changed.find("Short heading here\n\n"), 20);
  changed.insert(0, "Short heading here\n\n");
  Verdict v = judge(changed, c);
  EXPECT_EQ(v.status, CitationStatus::moved) << v.message;
  EXPECT_EQ(*v.found_start, 0u);
}

}  // namespace provcheck::core

namespace provcheck::core {

// Regression (bench/drift d003214, scale set): a whole-paragraph quote was
// replaced by a note, and the old words kept in the next paragraph after a
// label, sharing the old suffix; the copy is not where the passage went.
TEST(Anchor, ReplacedParagraphWithOldWordsKeptAfterALabelIsMissing) {
  const std::string doc =
      "Opening words of the report on the crossing.\n\n"
      "By March, officials counted 8,300 families displaced from the valley since the spring.\n\n"
      "The road north stayed closed for a second week.\n";
  Citation c = pin(doc, "By March, officials counted 8,300 families displaced from the valley since the spring.");
  std::string changed = doc;
  changed.replace(changed.find("By March"), 87,
                  "This paragraph was rewritten after publication.\n\nKey points (as first published): By March, "
                  "officials counted 8,300 families displaced from the valley since the spring.");
  Verdict v = judge(changed, c);
  EXPECT_EQ(v.status, CitationStatus::missing) << v.message;
  // A paragraph inserted before the same passage leaves it moved.
  std::string inserted = doc;
  inserted.insert(inserted.find("By March"), "A new paragraph about the weather in the hills.\n\n");
  EXPECT_EQ(judge(inserted, c).status, CitationStatus::moved);
}

}  // namespace provcheck::core
