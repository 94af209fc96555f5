#include "workspace/settings_file.h"

#include <gtest/gtest.h>

namespace provcheck::workspace {
namespace {

std::string error_of(const std::string& json) {
  auto r = parse_settings(json, "provcheck.json");
  EXPECT_FALSE(r.ok()) << json;
  return r.ok() ? "" : r.error().message();
}

}  // namespace

TEST(SettingsFile, EveryKey) {
  auto s = parse_settings(R"({
  "schema": "provcheck.settings/1",
  "fail_on": "warning",
  "severity": {"statuses": {"modified": "error", "normalized": "ok"},
               "conflicts": {"claim_quote_mismatch": "warning"}},
  "aliases": {"subjects": {"Eastern Aleppo": "East Aleppo"}, "metrics": {"residents": "population"},
              "values": {"rebels": "opposition"}},
  "tolerances": {"rounding": false, "exact": 0.01, "approximate": 0.2, "almost": 0.05,
                 "qualifiers": {"some": 0.15}}
})", "provcheck.json");
  ASSERT_TRUE(s.ok()) << s.error().message();
  EXPECT_EQ(s->fail_on, core::Severity::warning);
  EXPECT_EQ(s->severity_for(core::CitationStatus::modified), core::Severity::error);
  EXPECT_EQ(s->severity_for(core::CitationStatus::normalized), core::Severity::ok);
  EXPECT_EQ(s->severity_for(core::CitationStatus::missing), core::Severity::error);
  EXPECT_EQ(s->severity_for(core::ConflictKind::claim_quote_mismatch), core::Severity::warning);
  EXPECT_EQ(s->severity_for(core::ConflictKind::figure_conflict), core::Severity::error);
  EXPECT_EQ(s->subject("eastern   ALEPPO"), "East Aleppo");
  EXPECT_EQ(s->subject("West Aleppo"), "West Aleppo");
  EXPECT_EQ(s->metric("Residents"), "population");
  EXPECT_EQ(s->status_value("rebels"), "opposition");
  EXPECT_FALSE(s->tolerances.rounding);
  EXPECT_DOUBLE_EQ(s->tolerances.exact, 0.01);
  EXPECT_DOUBLE_EQ(s->tolerance_for("about"), 0.2);
  EXPECT_DOUBLE_EQ(s->tolerance_for("some"), 0.15);
  EXPECT_DOUBLE_EQ(s->tolerance_for("nearly"), 0.05);
}

TEST(SettingsFile, DefaultsWhenEmpty) {
  auto s = parse_settings("{}", "provcheck.json");
  ASSERT_TRUE(s.ok());
  EXPECT_FALSE(s->fail_on);
  EXPECT_TRUE(s->tolerances.rounding);
  EXPECT_DOUBLE_EQ(s->tolerance_for("about"), 0.1);
  EXPECT_EQ(s->severity_for(core::CitationStatus::modified), core::Severity::warning);
}

TEST(SettingsFile, UnknownKeysSuggestTheNearest) {
  std::string m = error_of("{\n  \"fail_onn\": \"error\"\n}");
  EXPECT_NE(m.find("provcheck.json:2:"), std::string::npos) << m;
  EXPECT_NE(m.find("did you mean \"fail_on\""), std::string::npos) << m;
  EXPECT_NE(error_of(R"({"tolerances": {"aproximate": 0.1}})").find("\"approximate\""), std::string::npos);
  EXPECT_NE(error_of(R"({"severity": {"statuses": {"modifed": "error"}}})").find("\"modified\""), std::string::npos);
  EXPECT_NE(error_of(R"({"severity": {"conflicts": {"figure_conflct": "error"}}})").find("\"figure_conflict\""),
            std::string::npos);
  EXPECT_NE(error_of(R"({"aliases": {"subject": {}}})").find("\"subjects\""), std::string::npos);
}

TEST(SettingsFile, WrongTypesAndValuesNameTheKey) {
  EXPECT_NE(error_of(R"({"fail_on": 1})").find("\"fail_on\" must be a string"), std::string::npos);
  EXPECT_NE(error_of(R"({"fail_on": "info"})").find("choose warning or error"), std::string::npos);
  EXPECT_NE(error_of(R"({"severity": {"statuses": {"missing": "fatal"}}})").find("severity.statuses.missing"),
            std::string::npos);
  EXPECT_NE(error_of(R"({"tolerances": {"approximate": "10%"}})").find("tolerances.approximate"), std::string::npos);
  EXPECT_NE(error_of(R"({"tolerances": {"exact": 2}})").find("from 0 to 1"), std::string::npos);
  EXPECT_NE(error_of(R"({"tolerances": {"rounding": "yes"}})").find("true or false"), std::string::npos);
  EXPECT_NE(error_of(R"({"aliases": {"metrics": {"residents": 3}}})").find("aliases.metrics.residents"),
            std::string::npos);
  EXPECT_NE(error_of(R"({"aliases": {"metrics": {"a": "b", "b": "c"}}})").find("itself an alias"), std::string::npos);
  EXPECT_NE(error_of(R"({"schema": "provcheck.settings/9"})").find("provcheck.settings/1"), std::string::npos);
  EXPECT_NE(error_of("[1]").find("JSON object"), std::string::npos);
  EXPECT_NE(error_of("{\"fail_on\": ").find("invalid JSON"), std::string::npos);
}

}  // namespace provcheck::workspace

namespace provcheck::workspace {

TEST(SettingsFile, StoreAndWorkspaceId) {
  auto s = parse_settings(R"({"store": "postgresql://desk@db/news", "workspace_id": "0a1b-2c"})", "provcheck.json");
  ASSERT_TRUE(s.ok()) << s.error().message();
  EXPECT_EQ(s->store, "postgresql://desk@db/news");
  EXPECT_EQ(s->workspace_id, "0a1b-2c");
  EXPECT_TRUE(parse_settings(R"({"store": "sqlite"})", "provcheck.json").ok());
}

TEST(SettingsFile, StoreWithPasswordIsRefusedWithoutShowingIt) {
  for (const char* url : {"postgresql://desk:s3cret@db/news", "postgresql://desk@db/news?password=s3cret"}) {
    auto s = parse_settings(std::string(R"({"store": ")") + url + "\"}", "provcheck.json");
    ASSERT_FALSE(s.ok()) << url;
    EXPECT_EQ(s.error().kind(), util::ErrorKind::invalid_input);
    EXPECT_NE(s.error().message().find("PGPASSWORD"), std::string::npos);
  }
  auto other = parse_settings(R"({"store": "mysql://db"})", "provcheck.json");
  ASSERT_FALSE(other.ok());
  EXPECT_NE(other.error().message().find("postgresql://"), std::string::npos);
  EXPECT_FALSE(parse_settings(R"({"workspace_id": "Bad Id!"})", "provcheck.json").ok());
}

}  // namespace provcheck::workspace
