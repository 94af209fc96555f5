#include "app/pin_hint.h"

#include <gtest/gtest.h>

namespace provcheck::app {

TEST(PinHint, ShellWordsQuoteOnlyWhatNeedsIt) {
  EXPECT_EQ(shell_word("east-aleppo"), "east-aleppo");
  EXPECT_EQ(shell_word("two words"), "'two words'");
  EXPECT_EQ(shell_word("Moscow's view"), "'Moscow'\\''s view'");
  EXPECT_EQ(shell_word(""), "''");
}

TEST(PinHint, CommandRepeatsEveryFlagOfTheRequest) {
  core::ClaimRequest r;
  r.source = "wire";
  r.quote = "about 250,000 people still live";
  r.id = "pop";
  r.assertion.subject = "East Aleppo";
  r.assertion.value = "250,000";
  r.tags = {"siege"};
  r.origin = "claim add";
  std::string text = "Monitors said about 270,000 people still live there.\n";
  util::Error e = with_pin_hint(util::Error(util::ErrorKind::not_found, "not there"), r, text);
  EXPECT_EQ(e.kind(), util::ErrorKind::not_found);
  EXPECT_NE(e.message().find("to pin it, run: provcheck claim add --source wire --quote 'about 270,000 people "
                             "still live' --id pop --subject 'East Aleppo' --value 250,000 --tag siege"),
            std::string::npos)
      << e.message();
  r.origin = "claims.jsonl:3";
  e = with_pin_hint(util::Error(util::ErrorKind::not_found, "not there"), r, text);
  EXPECT_NE(e.message().find("set \"quote\" on that line"), std::string::npos) << e.message();
  // Other errors, and quotes with nothing close, pass through unchanged.
  EXPECT_EQ(with_pin_hint(util::Error(util::ErrorKind::invalid_input, "x"), r, text).message(), "x");
  r.quote = "qqq zzz www";
  EXPECT_EQ(with_pin_hint(util::Error(util::ErrorKind::not_found, "x"), r, text).message(), "x");
}

}  // namespace provcheck::app
