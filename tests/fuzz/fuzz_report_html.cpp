// Fuzzes the report renderers with hostile text in every field a source or
// a claim controls (report/report.h, report/escape.h). Invariants: the HTML
// never holds a tag or attribute the input brought (no <script, <img,
// <iframe, event handler, href to anything but http(s) or an anchor), it is
// valid UTF-8, and xml_escape leaves no markup character; JUnit and GitHub
// output carry no raw control character; SARIF stays valid UTF-8.

#include <cstddef>
#include <cstdint>
#include <string>
#include <string_view>

#include "fuzz_check.h"
#include "report/escape.h"
#include "report/report.h"
#include "util/utf8.h"

namespace core = provcheck::core;
namespace report = provcheck::report;

namespace {

std::string lower(std::string s) {
  for (char& c : s) c = (c >= 'A' && c <= 'Z') ? static_cast<char>(c - 'A' + 'a') : c;
  return s;
}

bool valid_utf8(std::string_view s) { return provcheck::util::check_utf8(s).invalid_sequences == 0; }

// Scans every tag's attribute names (outside quoted values) for on...=.
bool has_event_handler(const std::string& h) {
  auto name_char = [](char c) { return (c >= 'a' && c <= 'z') || (c >= '0' && c <= '9') || c == '-' || c == ':'; };
  for (std::size_t i = h.find('<'); i != std::string::npos; i = h.find('<', i + 1)) {
    std::size_t j = i + 1;
    while (j < h.size() && (name_char(h[j]) || h[j] == '/' || h[j] == '!')) ++j;
    while (j < h.size() && h[j] != '>') {
      if (h[j] == ' ' || h[j] == '\n' || h[j] == '/') {
        ++j;
        continue;
      }
      std::size_t n = j;
      while (j < h.size() && name_char(h[j])) ++j;
      if (j - n >= 2 && h.compare(n, 2, "on") == 0) return true;
      if (j == n) ++j;
      if (j < h.size() && h[j] == '=') {
        ++j;
        if (j < h.size() && (h[j] == '"' || h[j] == '\'')) {
          j = h.find(h[j], j + 1);
          if (j == std::string::npos) return true;  // an unterminated value
          ++j;
        }
      }
    }
    i = j;
    if (i >= h.size()) break;
  }
  return false;
}

}  // namespace

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
  std::string in(reinterpret_cast<const char*>(data), size);
  std::string esc = report::xml_escape(in);
  FUZZ_CHECK(esc.find_first_of("<>\"'") == std::string::npos, "xml_escape left a markup character");
  FUZZ_CHECK(valid_utf8(esc), "xml_escape output is not valid UTF-8");

  report::ReportData d;
  core::CitationFinding f;
  f.claim = "c";
  f.source = in;
  f.claim_file = in;
  f.claim_line = 3;
  f.status = core::CitationStatus::figure_changed;
  f.severity = core::Severity::error;
  f.message = in;
  f.old_passage = in;
  f.new_passage = in;
  f.diff = "[-" + in + "-]{+" + in + "+} " + in;
  f.found_start = 0;
  f.found_end = in.size() / 2;
  d.check.citations.push_back(f);
  core::AssertionRow r;
  r.claim = "c";
  r.source = in;
  r.subject = in;
  r.metric = in;
  r.value = in;
  r.status_value = in;
  r.as_of = in.size() > 10 ? in.substr(0, 10) : in;
  core::ConflictFinding k;
  k.claims = {"c", in};
  k.subject = in;
  k.message = in;
  k.sides = {r, r};
  d.check.conflicts.push_back(k);
  core::AssertionRow r2 = r;
  r2.as_of = "2016-12";
  r2.source = in + "2";
  d.check.groups.push_back({in, in, {r, r2}});
  d.sources.push_back({in, in, in, in, in, in, in, in, in, in, in, 1});
  d.claim_text["c"] = in;
  d.windows[report::window_key("c", 0)] = report::make_window(in, 0, in.size() / 2, 16);
  core::summarize(d.check, 1, 1);

  std::string html = lower(report::render_report_html(d));
  FUZZ_CHECK(valid_utf8(html), "HTML is not valid UTF-8");
  for (const char* bad : {"<script", "<img", "<iframe", "<object", "<embed", "<form", "<base", "<link", "<meta http-equiv=\"refresh"}) {
    FUZZ_CHECK(html.find(bad) == std::string::npos, "HTML holds an element the input brought");
  }
  FUZZ_CHECK(!has_event_handler(html), "HTML holds an event-handler attribute");
  for (std::size_t p = html.find("href=\""); p != std::string::npos; p = html.find("href=\"", p + 1)) {
    std::string_view target = std::string_view(html).substr(p + 6);
    FUZZ_CHECK(target.rfind("http://", 0) == 0 || target.rfind("https://", 0) == 0 || target.rfind("#", 0) == 0,
               "a link to something other than http(s) or an anchor");
  }

  report::CiContext ctx;
  std::string junit = report::render_junit(d.check, ctx);
  std::string gh = report::render_github(d.check, ctx);
  for (char c : junit + gh) {
    unsigned char u = static_cast<unsigned char>(c);
    FUZZ_CHECK(u >= 0x20 || c == '\n' || c == '\t', "a raw control character in JUnit or GitHub output");
  }
  std::size_t lines = 0;
  for (char c : gh) lines += c == '\n';
  FUZZ_CHECK(lines == 3, "a GitHub annotation spilled over several lines");
  FUZZ_CHECK(valid_utf8(report::render_sarif(d.check, ctx)), "SARIF is not valid UTF-8");
  FUZZ_CHECK(valid_utf8(report::render_report_markdown(d)), "Markdown is not valid UTF-8");
  return 0;
}
