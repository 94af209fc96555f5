// The report renderers on CheckReport values built here: conflicts and
// subject-and-metric groups (which the conflict judge fills), hostile text
// in every field, and the CI formats' structure and escaping.
#include "report/report.h"

#include <gtest/gtest.h>

#include <regex>

#include <nlohmann/json.hpp>

#include "report/check_report.h"
#include "report/escape.h"
#include "report/html_parts.h"

namespace provcheck::report {
namespace {

const std::string k_hostile = "<script>document.title='pwned'</script>\"><img src=x onerror=alert(1)>";

std::size_t count(const std::string& hay, const std::string& needle) {
  std::size_t n = 0;
  for (std::size_t p = hay.find(needle); p != std::string::npos; p = hay.find(needle, p + 1)) ++n;
  return n;
}

core::CitationFinding finding(std::string claim, std::string source, core::CitationStatus st, int line) {
  core::CitationFinding f;
  f.claim = std::move(claim);
  f.source = std::move(source);
  f.claim_file = "claims/a.json";
  f.claim_line = line;
  f.status = st;
  f.severity = core::default_severity(st);
  f.pinned_start = 10;
  f.pinned_end = 40;
  if (st != core::CitationStatus::missing) {
    f.found_start = 10;
    f.found_end = 40;
  }
  f.similarity = st == core::CitationStatus::intact ? 1.0 : 0.9;
  return f;
}

core::AssertionRow row(std::string claim, std::string source, double v, std::string as_of, std::string status = "intact") {
  core::AssertionRow r;
  r.claim = std::move(claim);
  r.source = std::move(source);
  r.subject = "East Harbour";
  r.metric = "population";
  r.value = std::to_string(static_cast<long>(v));
  r.low = v * 0.95;
  r.high = v * 1.05;
  r.approx = "about";
  r.unit = "people";
  r.as_of = std::move(as_of);
  r.status = std::move(status);
  return r;
}

// Two sources disagree about one figure at one time; a third claim is later.
ReportData sample() {
  ReportData d;
  d.tool_version = "9.9.9";
  auto& c = d.check;
  c.citations.push_back(finding("pop-a", "ledger", core::CitationStatus::intact, 4));
  auto fc = finding("pop-b", "gazette", core::CitationStatus::figure_changed, 20);
  fc.old_passage = "some 9,000 people";
  fc.new_passage = "some 9,500 people";
  fc.diff = "some [-9,000-]{+9,500+} people";
  fc.message = "a figure in the passage changed";
  c.citations.push_back(fc);
  auto mod = finding("pop-c", "wire", core::CitationStatus::modified, 36);
  mod.diff = "the [-town-]{+city+} said";
  mod.message = "the passage was reworded";
  c.citations.push_back(mod);
  core::ConflictFinding k;
  k.kind = core::ConflictKind::figure_conflict;
  k.claims = {"pop-a", "pop-b"};
  k.subject = "East Harbour";
  k.metric = "population";
  k.message = "12,000 and 9,000 do not meet for March 2025";
  k.sides = {row("pop-a", "ledger", 12000, "2025-03"), row("pop-b", "gazette", 9000, "2025-03", "figure_changed")};
  c.conflicts.push_back(k);
  core::AssertionGroup g;
  g.subject = "East Harbour";
  g.metric = "population";
  g.rows = {row("pop-a", "ledger", 12000, "2025-03"), row("pop-b", "gazette", 9000, "2025-03", "figure_changed"),
            row("pop-c", "wire", 7000, "2025-06", "modified")};
  c.groups.push_back(g);
  core::summarize(c, 3, 3);
  d.sources = {{"gazette", "sources/gazette.md", "Gazette", "Island Gazette", "https://example.org/g", "2025-03-11", "",
                "text/markdown", "xxh3-128:aa", "xxh3-128:bb", "", 1},
               {"ledger", "sources/ledger.txt", "Ledger", "Coastal Ledger", "", "2025-03-04", "", "text/plain",
                "xxh3-128:cc", "xxh3-128:cc", "", 1},
               {"wire", "sources/wire.txt", "Wire", "Wire", "", "", "", "text/plain", "xxh3-128:dd", "", "gone", 1}};
  d.claim_text = {{"pop-a", "About 12,000 people"}, {"pop-b", "Some 9,000 people"}, {"pop-c", "7,000 people"}};
  d.windows[window_key("pop-a", 0)] = make_window("Before it. About 12,000 people lived there. After it.", 11, 30, 20);
  return d;
}

TEST(ReportHtml, HostileTextIsEscapedEverywhere) {
  ReportData d = sample();
  d.check.citations[0].message = k_hostile;
  d.check.citations[1].old_passage = k_hostile;
  d.check.citations[1].diff = "[-" + k_hostile + "-]{+ok+}";
  d.check.conflicts[0].message = k_hostile;
  d.check.conflicts[0].sides[0].value = k_hostile;
  d.check.groups[0].rows[0].source = k_hostile;
  d.check.groups[0].subject = k_hostile;
  d.sources[0].title = k_hostile;
  d.sources[0].publisher = k_hostile;
  d.sources[0].url = "javascript:alert(3)";
  d.sources[1].url = "https://example.org/a\"onmouseover=\"alert(4)";
  d.claim_text["pop-a"] = k_hostile;
  d.claim_quote["pop-b"] = k_hostile;
  d.windows[window_key("pop-a", 0)] = make_window(k_hostile + " middle " + k_hostile, 60, 68, 100);
  std::string html = render_report_html(d);
  EXPECT_EQ(html.find("<script"), std::string::npos);
  EXPECT_EQ(html.find("<img"), std::string::npos);
  EXPECT_EQ(html.find("href=\"javascript"), std::string::npos);
  EXPECT_EQ(html.find("onmouseover=\""), std::string::npos);
  EXPECT_NE(html.find("&lt;script&gt;document.title=&#39;pwned&#39;&lt;/script&gt;&quot;&gt;&lt;img"), std::string::npos);
  EXPECT_NE(html.find("javascript:alert(3)"), std::string::npos) << "the bad URL is shown as text";
  EXPECT_NE(html.find("Content-Security-Policy"), std::string::npos);
}

// Issue 12 item 12: a conflict card shows both claims' quotes side by side,
// each with its source and dates.
TEST(ReportHtml, ConflictCardShowsBothQuotesWithSourcesAndDates) {
  ReportData d = sample();
  d.claim_quote = {{"pop-a", "about 12,000 people lived on the island"}, {"pop-b", "some 9,000 residents"}};
  std::string html = render_report_html(d);
  std::size_t sides = html.find("<div class=\"sides\">");
  ASSERT_NE(sides, std::string::npos);
  std::size_t a = html.find("<blockquote>about 12,000 people lived on the island</blockquote>", sides);
  std::size_t b = html.find("<blockquote>some 9,000 residents</blockquote>", sides);
  ASSERT_NE(a, std::string::npos);
  ASSERT_NE(b, std::string::npos);
  EXPECT_LT(a, b);
  EXPECT_NE(html.find("Ledger · Coastal Ledger · as of 2025-03 · published 2025-03-04", sides), std::string::npos);
  EXPECT_NE(html.find("Gazette · Island Gazette · as of 2025-03 · published 2025-03-11", sides), std::string::npos);
  std::string md = render_report_markdown(d);
  std::size_t ma = md.find("> about 12,000 people lived on the island");
  std::size_t mb = md.find("> some 9,000 residents");
  ASSERT_NE(ma, std::string::npos) << md;
  ASSERT_NE(mb, std::string::npos) << md;
  EXPECT_NE(md.find("Ledger, published 2025-03-04:"), std::string::npos) << md;
}

TEST(ReportHtml, ShowsSummaryFailuresFirstConflictsGroupsAndSources) {
  std::string html = render_report_html(sample());
  EXPECT_NE(html.find("Provenance broken: 2 errors, 1 warning."), std::string::npos);
  // Failures first: the error before the warning, both before the list of every citation.
  std::size_t err = html.find("<article class=\"finding f-error\">"), warn = html.find("<article class=\"finding f-warning\">");
  ASSERT_NE(err, std::string::npos);
  ASSERT_NE(warn, std::string::npos);
  EXPECT_LT(err, warn);
  EXPECT_LT(warn, html.find("id=\"citations\""));
  EXPECT_LT(html.find("id=\"attention\""), html.find("id=\"conflicts\""));
  // The word diff as deletions and insertions.
  EXPECT_NE(html.find("some <del>9,000</del><ins>9,500</ins> people"), std::string::npos);
  // The conflict with both sides and why.
  EXPECT_NE(html.find("12,000 and 9,000 do not meet for March 2025"), std::string::npos);
  std::size_t conflicts = html.find("id=\"conflicts\""), figures = html.find("id=\"figures\"");
  std::string conflict_part = html.substr(conflicts, figures - conflicts);
  EXPECT_NE(conflict_part.find("pop-a"), std::string::npos);
  EXPECT_NE(conflict_part.find("pop-b"), std::string::npos);
  EXPECT_NE(conflict_part.find("figure_conflict"), std::string::npos);
  // The group's table and timeline: one mark per claim, two in conflict.
  std::string fig = html.substr(figures, html.find("id=\"citations\"") - figures);
  EXPECT_EQ(count(fig, "<svg"), 1u);
  EXPECT_EQ(count(fig, "<circle"), 3u);
  EXPECT_EQ(count(fig, "class=\"mark conflict"), 2u);
  EXPECT_NE(fig.find(">ledger</text>"), std::string::npos);
  EXPECT_NE(fig.find(">gazette</text>"), std::string::npos);
  EXPECT_EQ(count(fig, "<tr class=\"in-conflict\">"), 2u);
  // The passage inside its text.
  EXPECT_NE(html.find("Before it. <mark>About 12,000 people</mark> lived there."), std::string::npos);
  // Sources: links only for http(s), the unusable one says why.
  EXPECT_NE(html.find("<a href=\"https://example.org/g\""), std::string::npos);
  EXPECT_NE(html.find("unusable</span> gone"), std::string::npos);
  EXPECT_NE(html.find("changed since capture"), std::string::npos);
  EXPECT_EQ(render_report_html(sample()), html) << "deterministic";
}

TEST(ReportHtml, MissingPassageShowsTheOldWordsAndWhatIsAtItsPlaceNow) {
  ReportData d;
  auto f = finding("gone", "ledger", core::CitationStatus::missing, 7);
  f.old_passage = "the bridge reopened on Monday";
  d.check.citations.push_back(f);
  core::summarize(d.check, 1, 1);
  PassageWindow w = make_window("Before. The ferry was cancelled again. After.", 8, 38, 10);
  w.at_pinned_place = true;
  w.mapped = true;
  d.windows[window_key("gone", 0)] = w;
  std::string html = render_report_html(d);
  std::size_t old = html.find("<blockquote class=\"old\">the bridge reopened on Monday</blockquote>");
  std::size_t now = html.find("Where the passage was, the source now reads:");
  ASSERT_NE(old, std::string::npos);
  ASSERT_NE(now, std::string::npos);
  EXPECT_LT(old, now);
  EXPECT_NE(html.find("<blockquote class=\"context pinned-place\">Before. <mark>The ferry was cancelled again.</mark>"),
            std::string::npos);
}

// Issue 12 item 11: without the pinned snapshot the old offsets say nothing
// about the new words, so nothing is highlighted; a removed passage is an
// empty highlight, also shown as none.
TEST(ReportHtml, UnmappedOrRemovedPassageHasNoHighlight) {
  ReportData d;
  auto f = finding("gone", "ledger", core::CitationStatus::missing, 7);
  f.old_passage = "the bridge reopened on Monday";
  d.check.citations.push_back(f);
  core::summarize(d.check, 1, 1);
  PassageWindow w = make_window("Before. The ferry was cancelled again. After.", 8, 8, 10);
  w.at_pinned_place = true;
  d.windows[window_key("gone", 0)] = w;
  std::string html = render_report_html(d);
  EXPECT_NE(html.find("Around its old place"), std::string::npos);
  EXPECT_EQ(html.find("<mark>"), std::string::npos);
  d.windows[window_key("gone", 0)].mapped = true;
  html = render_report_html(d);
  EXPECT_NE(html.find("Its words were removed"), std::string::npos);
  EXPECT_EQ(html.find("<mark>"), std::string::npos);
}

TEST(ReportHtml, NoTimelineForOneDateAndOneSource) {
  core::AssertionGroup g;
  g.subject = "S";
  g.metric = "m";
  g.rows = {row("a", "same", 10, "2025-03"), row("b", "same", 11, "2025-03")};
  EXPECT_FALSE(html::wants_timeline(g));
  g.rows[1].source = "other";
  EXPECT_TRUE(html::wants_timeline(g));
  g.rows = {row("a", "same", 10, "2025-03")};
  EXPECT_FALSE(html::wants_timeline(g));
}

TEST(ReportHtml, StatusTimelineHasOneRowPerWord) {
  core::AssertionGroup g;
  g.subject = "Hama";
  g.metric = "control";
  for (auto [claim, word, date] : {std::tuple{"a", "government", "2016"}, std::tuple{"b", "opposition", "2024-12-06"},
                                   std::tuple{"c", "government", "2020-03"}}) {
    core::AssertionRow r;
    r.claim = claim;
    r.source = std::string("src-") + claim;
    r.value = word;
    r.status_value = word;
    r.as_of = date;
    g.rows.push_back(r);
  }
  ASSERT_TRUE(html::wants_timeline(g));
  std::string svg = html::timeline_svg(g, {"b"});
  EXPECT_EQ(count(svg, "<circle"), 3u);
  EXPECT_NE(svg.find(">government</text>"), std::string::npos);
  EXPECT_NE(svg.find(">opposition</text>"), std::string::npos);
  EXPECT_EQ(count(svg, "class=\"mark conflict"), 1u);
}

// Marks on one spot (same as-of, same value) are drawn each, but labelled
// once with their sources counted: labels drawn over each other are unreadable.
TEST(ReportHtml, MarksOnOneSpotShareALabel) {
  core::AssertionGroup g;
  g.subject = "Hama";
  g.metric = "control";
  for (auto [claim, source, word, date] :
       {std::tuple{"a", "desk", "opposition", "2024-12"}, std::tuple{"b", "wire", "opposition", "2024-12"},
        std::tuple{"c", "gazette", "government", "2016"}}) {
    core::AssertionRow r;
    r.claim = claim;
    r.source = source;
    r.value = word;
    r.status_value = word;
    r.as_of = date;
    g.rows.push_back(r);
  }
  std::string svg = html::timeline_svg(g, {});
  EXPECT_EQ(count(svg, "<circle"), 3u);
  EXPECT_EQ(count(svg, "class=\"label\""), 2u);
  EXPECT_NE(svg.find(">desk +1</text>"), std::string::npos) << svg;
  EXPECT_NE(svg.find(">gazette</text>"), std::string::npos);
}

// The text elements of an SVG with boxes estimated from their characters
// (0.62 em a character, from the baseline 0.8 em up and 0.25 em down), the
// font size by class as the report's stylesheet sets it.
struct SvgText {
  std::string cls, text;
  double x0, y0, x1, y1;
};

std::vector<SvgText> svg_texts(const std::string& svg) {
  static const std::regex k_text(
      R"re(<text class="([a-z]+)" x="(-?\d+)" y="(-?\d+)"(?: text-anchor="([a-z]+)")?>([^<]*)</text>)re");
  std::vector<SvgText> out;
  for (auto it = std::sregex_iterator(svg.begin(), svg.end(), k_text); it != std::sregex_iterator(); ++it) {
    const std::smatch& m = *it;
    std::string text = std::regex_replace(m[5].str(), std::regex("&[a-z#0-9]+;"), "_");
    double font = m[1] == "tick" ? 12 : m[1] == "flag" ? 14 : 11;
    std::size_t chars = 0;
    for (char c : text) chars += (static_cast<unsigned char>(c) & 0xC0) != 0x80;
    double w = static_cast<double>(chars) * font * 0.62, x = std::stod(m[2]), y = std::stod(m[3]);
    double left = m[4] == "end" ? x - w : m[4] == "middle" ? x - w / 2 : x;
    out.push_back({m[1], text, left, y - font * 0.8, left + w, y + font * 0.25});
  }
  return out;
}

// Issue 12 item 13: one vague figure among exact ones, claims crowded in one
// month, one source with many claims.
core::AssertionGroup crowded_group() {
  core::AssertionGroup g;
  g.subject = "East Harbour";
  g.metric = "population";
  int i = 0;
  for (auto [source, v, date] : {std::tuple{"desk", 9000.0, "2016"}, std::tuple{"desk", 9500.0, "2018-06"},
                                 std::tuple{"desk", 12000.0, "2020-03"}, std::tuple{"wire", 11800.0, "2020-03"},
                                 std::tuple{"gazette", 11500.0, "2020-04"}, std::tuple{"ledger", 12200.0, "2020-02"},
                                 std::tuple{"a-rather-long-source-name", 11900.0, "2020-05"},
                                 std::tuple{"wire", 10500.0, "2022"}, std::tuple{"desk", 10800.0, "2024-12"}}) {
    g.rows.push_back(row("claim-" + std::to_string(++i), source, v, date));
  }
  core::AssertionRow vague = row("vague-1", "desk", 0, "2019");
  vague.value = "hundreds of thousands";
  vague.low = 100000;
  vague.high = 999999;
  vague.approx.clear();
  g.rows.push_back(vague);
  return g;
}

TEST(ReportHtml, TimelineLabelsOverlapNothing) {
  core::AssertionGroup g = crowded_group();
  std::string svg = html::timeline_svg(g, {"claim-3", "claim-4"});
  std::vector<SvgText> texts = svg_texts(svg);
  std::size_t labels = 0, ticks = 0;
  for (std::size_t i = 0; i < texts.size(); ++i) {
    labels += texts[i].cls == "label";
    ticks += texts[i].cls == "tick";
    for (std::size_t j = i + 1; j < texts.size(); ++j) {
      const SvgText &a = texts[i], &b = texts[j];
      bool overlap = a.x0 < b.x1 && b.x0 < a.x1 && a.y0 < b.y1 && b.y0 < a.y1;
      EXPECT_FALSE(overlap) << a.cls << " '" << a.text << "' overlaps " << b.cls << " '" << b.text << "'\n" << svg;
    }
  }
  EXPECT_GE(ticks, 6u);
  EXPECT_GE(labels, 8u) << "labels are moved, not dropped, while there is room\n" << svg;
  // The same figures shifted into one pile still never overlap.
  for (auto& r : g.rows) r.as_of = "2020-03";
  g.rows[0].as_of = "2016";
  std::vector<SvgText> piled = svg_texts(html::timeline_svg(g, {}));
  for (std::size_t i = 0; i < piled.size(); ++i) {
    for (std::size_t j = i + 1; j < piled.size(); ++j) {
      const SvgText &a = piled[i], &b = piled[j];
      EXPECT_FALSE(a.x0 < b.x1 && b.x0 < a.x1 && a.y0 < b.y1 && b.y0 < a.y1) << a.text << " / " << b.text;
    }
  }
}

TEST(ReportHtml, VagueFigureDoesNotSquashTheExactOnes) {
  core::AssertionGroup g = crowded_group();
  std::string svg = html::timeline_svg(g, {});
  double top = 0;
  for (const SvgText& t : svg_texts(svg)) {
    if (t.cls != "tick" || t.text.size() < 5) continue;  // years are 4 digits; figures have a comma
    std::string digits;
    for (char c : t.text) {
      if (c >= '0' && c <= '9') digits += c;
    }
    if (!digits.empty() && t.text.find(',') != std::string::npos) top = std::max(top, std::stod(digits));
  }
  EXPECT_GE(top, 10000);
  EXPECT_LT(top, 20000) << "the axis spans the exact figures\n" << svg;
  EXPECT_EQ(count(svg, "class=\"past\""), 1u) << "an arrow where the vague bar runs past the axis";
  EXPECT_NE(svg.find("vague-1 runs up to 999,999"), std::string::npos) << svg;
  EXPECT_GE(count(svg, "<rect class=\"range\""), 1u);
  // Without the vague figure nothing is clipped.
  g.rows.pop_back();
  EXPECT_EQ(count(html::timeline_svg(g, {}), "class=\"past\""), 0u);
}

TEST(ReportHtml, ClaimsOfOneSourceAreToldApart) {
  std::string svg = html::timeline_svg(crowded_group(), {});
  for (int i = 1; i <= 9; ++i) {
    std::string id = "claim-" + std::to_string(i);
    EXPECT_NE(svg.find("<title>" + id + ": "), std::string::npos) << id;
  }
  EXPECT_NE(svg.find(">desk · claim-1</text>"), std::string::npos) << svg;
  EXPECT_NE(svg.find(">desk · claim-9</text>"), std::string::npos) << svg;
  EXPECT_NE(svg.find(">gazette</text>"), std::string::npos) << "a source with one claim keeps its short label";
}

TEST(ReportHtml, ParsesAsOfDatesAndIntervals) {
  auto y = html::parse_as_of("2016");
  ASSERT_TRUE(y);
  EXPECT_DOUBLE_EQ(y->from, 2016);
  EXPECT_DOUBLE_EQ(y->to, 2017);
  auto m = html::parse_as_of("2016-12");
  ASSERT_TRUE(m);
  EXPECT_NEAR(m->from, 2016 + 11 / 12.0, 1e-9);
  auto iv = html::parse_as_of("2012-07/2016-07");
  ASSERT_TRUE(iv);
  EXPECT_LT(iv->from, 2012.6);
  EXPECT_GT(iv->to, 2016.5);
  EXPECT_TRUE(html::parse_as_of("../2011"));
  EXPECT_TRUE(html::parse_as_of("2024-12-06T10:00:00Z"));
  EXPECT_FALSE(html::parse_as_of("last spring"));
  EXPECT_FALSE(html::parse_as_of("2016-13"));
}

TEST(ReportHtml, FormatsFigures) {
  EXPECT_EQ(html::format_figure(250000), "250,000");
  EXPECT_EQ(html::format_figure(4700000), "4.7 million");
  EXPECT_EQ(html::format_figure(0.75), "0.75");
  EXPECT_EQ(html::format_figure(-1200), "-1,200");
}

TEST(ReportMarkdown, ConflictsGroupsAndFailuresFirst) {
  ReportData d = sample();
  d.check.citations[0].message = "a | b <i>x</i>";
  std::string md = render_report_markdown(d);
  std::size_t err = md.find("| error | figure_changed | pop-b"), warn = md.find("| warning | modified | pop-c");
  ASSERT_NE(err, std::string::npos);
  ASSERT_NE(warn, std::string::npos);
  EXPECT_LT(err, warn);
  EXPECT_NE(md.find("## Conflicts (1)"), std::string::npos);
  EXPECT_NE(md.find("### figure_conflict (error): East Harbour · population"), std::string::npos);
  EXPECT_NE(md.find("| pop-a | about 12000 people | 2025-03 | ledger | intact |"), std::string::npos);
  EXPECT_NE(md.find("<details><summary>East Harbour · population (3 claims, 2 in conflict)</summary>"), std::string::npos);
  EXPECT_NE(md.find("| pop-a (conflict) |"), std::string::npos);
  EXPECT_NE(md.find("some [-9,000-]{+9,500+} people"), std::string::npos);
  EXPECT_EQ(md.find("<i>"), std::string::npos);
  EXPECT_NE(md.find("<details><summary>Sources (3)</summary>"), std::string::npos);
  EXPECT_NE(md.find("Claim: Some 9,000 people"), std::string::npos);
}

TEST(ReportMarkdown, StaysWithinACommentsSize) {
  core::CheckReport r;
  for (int i = 0; i < 3000; ++i) {
    auto f = finding("claim-" + std::to_string(10000 + i), "src", core::CitationStatus::figure_changed, i + 1);
    f.message = "a figure in the passage changed";
    f.diff = "[-" + std::string(60, 'a') + "-]{+" + std::string(60, 'b') + "+}";
    r.citations.push_back(f);
  }
  core::summarize(r, 3000, 1);
  std::string md = render_check_markdown(r);
  EXPECT_LT(md.size(), 65536u);
  EXPECT_NE(md.find("| error | figure_changed | claim-10000 |"), std::string::npos);
  EXPECT_NE(md.find(" more (the HTML report has everything)."), std::string::npos);
  EXPECT_EQ(md.find("claim-12999"), std::string::npos);
}

TEST(ReportMarkdown, CodeBlockOutgrowsBackticks) {
  std::string block = md_code_block("a ``` b");
  EXPECT_EQ(block.rfind("````text\n", 0), 0u);
}

TEST(ReportJson, AddsSourcesGroupsClaimsAndConflictSides) {
  auto j = nlohmann::json::parse(render_report_json(sample()));
  EXPECT_EQ(j["schema"], "provcheck.report/1");
  EXPECT_EQ(j["summary"]["conflicts"], 1);
  EXPECT_EQ(j["sources"].size(), 3u);
  EXPECT_EQ(j["sources"][0]["status"], "changed");
  EXPECT_EQ(j["sources"][2]["status"], "unusable");
  EXPECT_EQ(j["groups"][0]["claims"].size(), 3u);
  EXPECT_EQ(j["groups"][0]["claims"][0]["low"], 11400);
  EXPECT_EQ(j["conflicts"][0]["sides"][1]["claim"], "pop-b");
  ASSERT_EQ(j["claims"].size(), 3u);
  EXPECT_EQ(j["claims"][2]["id"], "pop-c");
  EXPECT_EQ(j["claims"][2]["text"], "7,000 people");
  EXPECT_EQ(j["citations"].size(), 3u);
}

CiContext ci(core::Severity fail_on = core::Severity::error) {
  CiContext ctx;
  ctx.fail_on = fail_on;
  ctx.tool_version = "9.9.9";
  ctx.source_files = {{"gazette", "sources/gazette.md"}, {"wire", "sources/wire.txt"}};
  ctx.spans[window_key("pop-b", 0)] = SourceSpan{10, 30, 2, 5, 2, 35};
  return ctx;
}

TEST(ReportJunit, OneTestcasePerCitationAndConflict) {
  ReportData d = sample();
  std::string xml = render_junit(d.check, ci());
  EXPECT_NE(xml.find("<testsuites name=\"provcheck\" tests=\"4\" failures=\"2\""), std::string::npos);
  EXPECT_EQ(count(xml, "<testcase "), 4u);
  EXPECT_EQ(count(xml, "<failure "), 2u);
  EXPECT_NE(xml.find("<failure type=\"figure_changed\" message=\"figure_changed: a figure in the passage changed\">"),
            std::string::npos);
  EXPECT_NE(xml.find("<failure type=\"figure_conflict\""), std::string::npos);
  EXPECT_NE(xml.find("<system-out>modified (warning)"), std::string::npos);
  std::string strict = render_junit(d.check, ci(core::Severity::warning));
  EXPECT_EQ(count(strict, "<failure "), 3u);
  d.check.citations[1].message = k_hostile + "\x01";
  std::string hostile = render_junit(d.check, ci());
  EXPECT_EQ(hostile.find("<script"), std::string::npos);
  EXPECT_EQ(hostile.find('\x01'), std::string::npos);
}

TEST(ReportSarif, ResultsPointToClaimLineAndSourceSpan) {
  auto j = nlohmann::json::parse(render_sarif(sample().check, ci()));
  EXPECT_EQ(j["version"], "2.1.0");
  auto& run = j["runs"][0];
  EXPECT_EQ(run["tool"]["driver"]["name"], "provcheck");
  auto& results = run["results"];
  ASSERT_EQ(results.size(), 3u);  // two drifted citations and a conflict; the intact one is no finding
  auto& fc = results[0];
  EXPECT_EQ(fc["ruleId"], "figure_changed");
  EXPECT_EQ(fc["level"], "error");
  EXPECT_EQ(run["tool"]["driver"]["rules"][fc["ruleIndex"].get<int>()]["id"], "figure_changed");
  EXPECT_EQ(fc["locations"][0]["physicalLocation"]["artifactLocation"]["uri"], "claims/a.json");
  EXPECT_EQ(fc["locations"][0]["physicalLocation"]["region"]["startLine"], 20);
  auto& src = fc["locations"][1]["physicalLocation"];
  EXPECT_EQ(src["artifactLocation"]["uri"], "sources/gazette.md");
  EXPECT_EQ(src["region"]["byteOffset"], 10);
  EXPECT_EQ(src["region"]["byteLength"], 30);
  EXPECT_EQ(src["region"]["startLine"], 2);
  EXPECT_EQ(results[1]["level"], "warning");
  EXPECT_EQ(results[1]["locations"][1]["physicalLocation"].count("region"), 0u) << "no span known: file only";
  auto& conflict = results[2];
  EXPECT_EQ(conflict["ruleId"], "figure_conflict");
  ASSERT_EQ(conflict["locations"].size(), 2u);
  EXPECT_EQ(conflict["locations"][1]["physicalLocation"]["region"]["startLine"], 20);
}

TEST(ReportGithub, AnnotationsEscapedAsTheRunnerExpects) {
  ReportData d = sample();
  d.check.citations[1].claim_file = "claims/odd:name,x.json";
  d.check.citations[1].message = "100% sure\r\nsecond line";
  std::string gh = render_github(d.check, ci());
  EXPECT_NE(gh.find("::error file=claims/odd%3Aname%2Cx.json,line=20,title=provcheck%3A figure_changed::claim pop-b "
                    "cites gazette: figure_changed - 100%25 sure%0D%0Asecond line%0Adiff: some [-9,000-]{+9,500+} people\n"),
            std::string::npos)
      << gh;
  EXPECT_NE(gh.find("::warning file=claims/a.json,line=36,"), std::string::npos);
  EXPECT_NE(gh.find("::error file=claims/a.json,line=4,title=provcheck%3A figure_conflict::"), std::string::npos);
  EXPECT_EQ(gh.find("pop-a cites ledger"), std::string::npos) << "intact citations get no annotation";
}

TEST(ReportEscape, SafeLinksOnlyHttp) {
  EXPECT_TRUE(safe_link("https://example.org/a?b=c"));
  EXPECT_TRUE(safe_link("HTTP://example.org"));
  EXPECT_FALSE(safe_link("javascript:alert(1)"));
  EXPECT_FALSE(safe_link(" https://example.org"));
  EXPECT_FALSE(safe_link("https://example.org/\"><script>"));
  EXPECT_FALSE(safe_link("data:text/html,x"));
  EXPECT_FALSE(safe_link("//example.org"));
  EXPECT_FALSE(safe_link("https://"));
}

TEST(ReportEscape, CleanUtf8ReplacesInvalidBytesAndDropsControls) {
  EXPECT_EQ(clean_utf8(std::string("a\xff" "b\x01" "c\n", 6)), "a\xEF\xBF\xBD" "bc\n");
  EXPECT_EQ(xml_escape("<a href='x'>&</a>"), "&lt;a href=&#39;x&#39;&gt;&amp;&lt;/a&gt;");
  // Attribute values keep their line breaks and tabs through an XML parser's normalization.
  EXPECT_EQ(xml_attribute("a\nb\tc\r\x01<"), "a&#10;b&#9;c&#13;&lt;");
}

TEST(ReportEscape, ParsesWordDiff) {
  auto pieces = parse_word_diff("some [-4,000-]{+4,500+} families");
  ASSERT_EQ(pieces.size(), 4u);
  EXPECT_EQ(pieces[0].text, "some ");
  EXPECT_EQ(pieces[1].kind, DiffPiece::Kind::removed);
  EXPECT_EQ(pieces[1].text, "4,000");
  EXPECT_EQ(pieces[2].kind, DiffPiece::Kind::added);
  EXPECT_EQ(pieces[3].text, " families");
  auto odd = parse_word_diff("an [-unclosed marker");
  ASSERT_EQ(odd.size(), 1u);
  EXPECT_EQ(odd[0].text, "an [-unclosed marker");
}

TEST(ReportWindow, SnapsToCharactersAndWords) {
  std::string text = "Zürich and Genève: the passage here, then more words follow.";
  std::size_t b = text.find("the passage"), e = b + std::string("the passage").size();
  PassageWindow w = make_window(text, b, e, 9);
  EXPECT_EQ(w.passage, "the passage");
  EXPECT_EQ(w.before, "Genève: ");
  EXPECT_EQ(w.after, " here,");
  PassageWindow mid = make_window(text, b, e, 7);  // would start inside "Genève:": that word is left out
  EXPECT_EQ(mid.before, "");
  EXPECT_TRUE(w.cut_before);
  EXPECT_TRUE(w.cut_after);
  EXPECT_EQ(text.substr(w.start, w.before.size() + w.passage.size() + w.after.size()), w.before + w.passage + w.after);
  PassageWindow all = make_window("short", 0, 5, 100);
  EXPECT_FALSE(all.cut_before);
  EXPECT_FALSE(all.cut_after);
  PassageWindow clamped = make_window("short", 3, 99, 1);
  EXPECT_EQ(clamped.passage, "rt");
}

}  // namespace
}  // namespace provcheck::report
