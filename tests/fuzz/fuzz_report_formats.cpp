// Fuzzes every machine-read report writer with findings whose every text
// field comes from the input (hostile claim ids, sources, claims files,
// messages, passages, diffs, subjects). Invariants: no crash; `check
// --format json` and `report --format json` parse as JSON; SARIF parses
// and has SARIF's shape (version 2.1.0, one run, results with a ruleId
// known to the driver, a level, a message text and URIs); JUnit XML is
// well-formed for expat, a real XML parser, with one testcase per finding;
// GitHub output has one workflow command per annotated finding, each on
// one line, with only the file, line and title properties.

#include <expat.h>
#include <fuzzer/FuzzedDataProvider.h>

#include <cstddef>
#include <cstdint>
#include <set>
#include <string>
#include <string_view>

#include <nlohmann/json.hpp>

#include "fuzz_check.h"
#include "report/check_report.h"
#include "report/report.h"

namespace core = provcheck::core;
namespace report = provcheck::report;
using nlohmann::json;

namespace {

json parse(const std::string& s, const char* what) {
  try {
    return json::parse(s);
  } catch (const json::exception& e) {
    std::fprintf(stderr, "%s does not parse: %s\n", what, e.what());
    FUZZ_CHECK(false, "output does not parse as JSON");
  }
  return {};
}

struct XmlCount {
  std::size_t testcases = 0;
};

void XMLCALL on_start(void* user, const XML_Char* name, const XML_Char**) {
  if (std::string_view(name) == "testcase") ++static_cast<XmlCount*>(user)->testcases;
}

std::size_t junit_testcases(const std::string& xml) {
  XML_Parser p = XML_ParserCreate("UTF-8");
  XmlCount count;
  XML_SetUserData(p, &count);
  XML_SetStartElementHandler(p, on_start);
  bool ok = XML_Parse(p, xml.data(), static_cast<int>(xml.size()), 1) == XML_STATUS_OK;
  if (!ok) {
    std::fprintf(stderr, "JUnit XML error at line %lu: %s\n", static_cast<unsigned long>(XML_GetCurrentLineNumber(p)),
                 XML_ErrorString(XML_GetErrorCode(p)));
  }
  XML_ParserFree(p);
  FUZZ_CHECK(ok, "JUnit XML is not well-formed");
  return count.testcases;
}

void check_sarif(const json& j, std::size_t findings) {
  FUZZ_CHECK(j.at("version") == "2.1.0" && j.at("runs").is_array() && j.at("runs").size() == 1, "SARIF's frame");
  const json& run = j["runs"][0];
  std::set<std::string> rules;
  for (const json& r : run.at("tool").at("driver").at("rules")) rules.insert(r.at("id").get<std::string>());
  FUZZ_CHECK(run.at("results").is_array() && run["results"].size() <= findings, "SARIF results");
  for (const json& r : run["results"]) {
    FUZZ_CHECK(rules.count(r.at("ruleId").get<std::string>()) == 1, "a result whose rule the driver lacks");
    std::string level = r.at("level").get<std::string>();
    FUZZ_CHECK(level == "error" || level == "warning" || level == "note", "a SARIF level outside the schema");
    FUZZ_CHECK(r.at("message").at("text").is_string(), "a result without a message text");
    for (const json& l : r.value("locations", json::array())) {
      FUZZ_CHECK(l.at("physicalLocation").at("artifactLocation").at("uri").is_string(), "a location without a URI");
    }
  }
}

void check_github(const std::string& gh, std::size_t commands) {
  std::size_t seen = 0, lines = 0;
  for (std::size_t at = 0; at < gh.size();) {
    std::size_t eol = gh.find('\n', at);
    FUZZ_CHECK(eol != std::string::npos, "GitHub output does not end in a line break");
    std::string_view line(gh.data() + at, eol - at);
    at = eol + 1;
    ++lines;
    FUZZ_CHECK(line.find('\r') == std::string_view::npos, "a carriage return inside a GitHub line");
    if (line.rfind("::", 0) != 0) {
      FUZZ_CHECK(line.rfind("provcheck: ", 0) == 0, "a line that is neither a command nor the summary");
      continue;
    }
    ++seen;
    std::size_t sp = line.find(' '), end = line.find("::", 2);
    FUZZ_CHECK(sp != std::string_view::npos && end != std::string_view::npos && sp < end, "a malformed command");
    std::string_view cmd = line.substr(2, sp - 2);
    FUZZ_CHECK(cmd == "error" || cmd == "warning" || cmd == "notice", "an unexpected workflow command");
    std::string_view props = line.substr(sp + 1, end - sp - 1);
    for (std::size_t p = 0; p <= props.size();) {
      std::size_t comma = props.find(',', p);
      std::string_view prop = props.substr(p, comma == std::string_view::npos ? std::string_view::npos : comma - p);
      std::string_view key = prop.substr(0, prop.find('='));
      FUZZ_CHECK(key == "file" || key == "line" || key == "title", "a property the input brought");
      if (comma == std::string_view::npos) break;
      p = comma + 1;
    }
  }
  FUZZ_CHECK(seen == commands, "the input added or removed a workflow command");
  FUZZ_CHECK(lines == commands + 1, "a GitHub annotation spilled over several lines");
}

}  // namespace

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
  FuzzedDataProvider in(data, size);
  auto text = [&] { return in.ConsumeRandomLengthString(64); };
  core::CheckReport r;
  int n = in.ConsumeIntegralInRange(0, 4);
  for (int i = 0; i < n; ++i) {
    core::CitationFinding f;
    f.claim = text();
    f.index = in.ConsumeIntegralInRange(0, 3);
    f.source = text();
    f.claim_file = text();
    f.claim_line = in.ConsumeIntegralInRange(0, 1000);
    f.status = core::k_all_statuses[in.ConsumeIntegralInRange<std::size_t>(0, std::size(core::k_all_statuses) - 1)];
    f.severity = static_cast<core::Severity>(in.ConsumeIntegralInRange(0, 3));
    f.pinned_start = in.ConsumeIntegral<std::uint32_t>();
    f.pinned_end = f.pinned_start + in.ConsumeIntegralInRange(0, 500);
    if (in.ConsumeBool()) {
      f.found_start = in.ConsumeIntegral<std::uint32_t>();
      f.found_end = *f.found_start + in.ConsumeIntegralInRange(0, 500);
    }
    f.similarity = in.ConsumeProbability<double>();
    f.message = text();
    f.old_passage = text();
    f.new_passage = text();
    f.diff = text();
    f.since = text();
    f.page = in.ConsumeIntegralInRange(0, 9);
    r.citations.push_back(f);
  }
  int m = in.ConsumeIntegralInRange(0, 2);
  for (int i = 0; i < m; ++i) {
    core::ConflictFinding c;
    c.kind = static_cast<core::ConflictKind>(in.ConsumeIntegralInRange(0, 2));
    c.severity = static_cast<core::Severity>(in.ConsumeIntegralInRange(1, 3));
    c.subject = text();
    c.metric = text();
    c.message = text();
    for (int s = 0; s < 2; ++s) {
      core::AssertionRow row;
      row.claim = s == 0 && !r.citations.empty() ? r.citations[0].claim : text();
      row.source = text();
      row.subject = c.subject;
      row.metric = c.metric;
      row.value = text();
      row.unit = text();
      row.approx = text();
      row.as_of = text();
      row.status = "intact";
      c.claims.push_back(row.claim);
      c.sides.push_back(row);
    }
    r.conflicts.push_back(c);
  }
  core::summarize(r, r.citations.size(), 1);
  report::CiContext ctx;
  ctx.fail_on = static_cast<core::Severity>(in.ConsumeIntegralInRange(1, 3));
  ctx.tool_version = "0.0.0";
  for (const auto& f : r.citations) {
    ctx.source_files[f.source] = "sources/" + text();
    if (in.ConsumeBool()) {
      ctx.spans[report::window_key(f.claim, f.index)] =
          report::SourceSpan{f.pinned_start, f.pinned_end - f.pinned_start, 1, 1, 2, 3};
    }
  }

  json j = parse(report::render_check_json(r), "check --format json");
  FUZZ_CHECK(j.at("citations").size() == r.citations.size(), "check JSON lost a citation");
  report::ReportData d;
  d.check = r;
  parse(report::render_report_json(d), "report --format json");
  check_sarif(parse(report::render_sarif(r, ctx), "SARIF"), r.citations.size() + r.conflicts.size());
  FUZZ_CHECK(junit_testcases(report::render_junit(r, ctx)) == r.citations.size() + r.conflicts.size(),
             "JUnit testcases do not match the findings");
  std::size_t commands = r.conflicts.size();
  for (const auto& f : r.citations) commands += report::annotated(f) ? 1 : 0;
  check_github(report::render_github(r, ctx), commands);
  return 0;
}
