// JUnit XML and GitHub workflow commands: the CI verdicts of `check`.
//
// JUnit: one testsuite of citations (a testcase per citation, classname the
// claims file) and one of conflicts (a testcase per conflict). A testcase
// fails when its severity reaches the failure threshold; a finding below it
// passes and says what it is in <system-out>.
//
// GitHub: one annotation per finding that is not ok, on the claims file's
// line: error -> ::error, warning -> ::warning, info -> ::notice; intact and
// moved citations get none. Data is escaped as GitHub's runner expects
// (% \r \n), property values also : and ,.
#include <map>

#include "report/escape.h"
#include "report/report.h"

namespace provcheck::report {
namespace {

std::string n(std::size_t v) { return std::to_string(v); }

std::string citation_name(const core::CitationFinding& f) {
  return f.claim + (f.index > 0 ? " [" + n(static_cast<std::size_t>(f.index) + 1) + "]" : "") + " cites " + f.source;
}

// What a reviewer needs to see of a finding, as plain text lines.
std::string citation_details(const core::CitationFinding& f) {
  std::string out = std::string(core::status_name(f.status)) + " (" + core::severity_name(f.severity) + ")";
  if (!f.message.empty()) out += ": " + f.message;
  out += "\nwhere: " + f.claim_file + ":" + std::to_string(f.claim_line) + "; source " + f.source + " bytes " +
         n(f.pinned_start) + "-" + n(f.pinned_end);
  if (f.found_start && f.found_end) out += ", found at " + n(*f.found_start) + "-" + n(*f.found_end);
  if (!f.diff.empty()) out += "\ndiff: " + f.diff;
  if (!f.old_passage.empty()) out += "\nwas: " + f.old_passage;
  if (!f.new_passage.empty()) out += "\nnow: " + f.new_passage;
  if (!f.since.empty()) out += "\nsince: " + f.since;
  return out;
}

std::string conflict_name(const core::ConflictFinding& c) {
  std::string ids;
  for (const std::string& id : c.claims) ids += (ids.empty() ? "" : ", ") + id;
  return std::string(core::conflict_kind_name(c.kind)) + ": " + c.subject + (c.metric.empty() ? "" : " / " + c.metric) +
         " (" + ids + ")";
}

std::string conflict_details(const core::ConflictFinding& c) {
  std::string out = std::string(core::conflict_kind_name(c.kind)) + " (" + core::severity_name(c.severity) + "): " +
                    c.message;
  for (const core::AssertionRow& r : c.sides) {
    out += "\n- " + r.claim + ": " + (r.approx.empty() ? "" : r.approx + " ") + r.value +
           (r.unit.empty() ? "" : " " + r.unit) + ", as of " + (r.as_of.empty() ? "?" : r.as_of) +
           (r.as_of_assumed ? " (published)" : "") + ", source " + r.source;
  }
  return out;
}

struct Place {
  std::string file;
  int line = 0;
};

std::map<std::string, Place> claim_places(const core::CheckReport& r) {
  std::map<std::string, Place> out;
  for (const core::CitationFinding& f : r.citations) out.emplace(f.claim, Place{f.claim_file, f.claim_line});
  return out;
}

// GitHub's escaping of workflow command data and properties (actions/toolkit's command.ts).
std::string gh_data(std::string_view raw) {
  std::string s = clean_utf8(raw), out;
  for (char c : s) {
    if (c == '%') out += "%25";
    else if (c == '\r') out += "%0D";
    else if (c == '\n') out += "%0A";
    else out += c;
  }
  return out;
}

std::string gh_property(std::string_view raw) {
  std::string s = gh_data(raw), out;
  for (char c : s) {
    if (c == ':') out += "%3A";
    else if (c == ',') out += "%2C";
    else out += c;
  }
  return out;
}

const char* gh_command(core::Severity s) {
  return s == core::Severity::error ? "error" : s == core::Severity::warning ? "warning" : "notice";
}

std::string gh_line(core::Severity s, const Place* at, const std::string& title, const std::string& message) {
  std::string props;
  if (at && !at->file.empty()) {
    props = "file=" + gh_property(at->file);
    if (at->line > 0) props += ",line=" + std::to_string(at->line);
    props += ",";
  }
  props += "title=" + gh_property(title);
  return std::string("::") + gh_command(s) + " " + props + "::" + gh_data(message) + "\n";
}

}  // namespace

bool annotated(const core::CitationFinding& f) { return f.severity != core::Severity::ok; }

std::string render_junit(const core::CheckReport& r, const CiContext& ctx) {
  std::size_t cite_failures = 0, conflict_failures = 0;
  for (const auto& f : r.citations) cite_failures += f.severity >= ctx.fail_on ? 1 : 0;
  for (const auto& c : r.conflicts) conflict_failures += c.severity >= ctx.fail_on ? 1 : 0;
  std::size_t tests = r.citations.size() + r.conflicts.size();
  std::string out = "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n<testsuites name=\"provcheck\" tests=\"" + n(tests) +
                    "\" failures=\"" + n(cite_failures + conflict_failures) + "\" errors=\"0\" skipped=\"0\">\n";
  out += "  <testsuite name=\"provcheck.citations\" tests=\"" + n(r.citations.size()) + "\" failures=\"" +
         n(cite_failures) + "\" errors=\"0\" skipped=\"0\">\n";
  for (const core::CitationFinding& f : r.citations) {
    out += "    <testcase classname=\"" + xml_attribute(f.claim_file) + "\" name=\"" + xml_attribute(citation_name(f)) +
           "\" file=\"" + xml_attribute(f.claim_file) + "\" line=\"" + std::to_string(f.claim_line) + "\"";
    if (f.severity == core::Severity::ok) {
      out += "/>\n";
      continue;
    }
    out += ">\n";
    std::string details = xml_escape(citation_details(f));
    if (f.severity >= ctx.fail_on) {
      out += "      <failure type=\"" + std::string(core::status_name(f.status)) + "\" message=\"" +
             xml_attribute(std::string(core::status_name(f.status)) + ": " + f.message) + "\">" + details + "</failure>\n";
    } else {
      out += "      <system-out>" + details + "</system-out>\n";
    }
    out += "    </testcase>\n";
  }
  out += "  </testsuite>\n  <testsuite name=\"provcheck.conflicts\" tests=\"" + n(r.conflicts.size()) +
         "\" failures=\"" + n(conflict_failures) + "\" errors=\"0\" skipped=\"0\">\n";
  auto places = claim_places(r);
  for (const core::ConflictFinding& c : r.conflicts) {
    const Place* at = c.claims.empty() || !places.count(c.claims[0]) ? nullptr : &places[c.claims[0]];
    out += "    <testcase classname=\"conflicts\" name=\"" + xml_attribute(conflict_name(c)) + "\"";
    if (at) out += " file=\"" + xml_attribute(at->file) + "\" line=\"" + std::to_string(at->line) + "\"";
    out += ">\n";
    std::string details = xml_escape(conflict_details(c));
    if (c.severity >= ctx.fail_on) {
      out += "      <failure type=\"" + std::string(core::conflict_kind_name(c.kind)) + "\" message=\"" +
             xml_attribute(c.message) + "\">" + details + "</failure>\n";
    } else {
      out += "      <system-out>" + details + "</system-out>\n";
    }
    out += "    </testcase>\n";
  }
  out += "  </testsuite>\n</testsuites>\n";
  return out;
}

std::string render_github(const core::CheckReport& r, const CiContext&) {
  std::string out;
  for (const core::CitationFinding& f : r.citations) {
    if (!annotated(f)) continue;
    Place at{f.claim_file, f.claim_line};
    std::string message = "claim " + f.claim + " cites " + f.source + ": " + core::status_name(f.status) +
                          (f.message.empty() ? "" : " - " + f.message) + (f.diff.empty() ? "" : "\ndiff: " + f.diff);
    out += gh_line(f.severity, &at, "provcheck: " + std::string(core::status_name(f.status)), message);
  }
  auto places = claim_places(r);
  for (const core::ConflictFinding& c : r.conflicts) {
    const Place* at = c.claims.empty() || !places.count(c.claims[0]) ? nullptr : &places[c.claims[0]];
    out += gh_line(c.severity, at, "provcheck: " + std::string(core::conflict_kind_name(c.kind)), conflict_details(c));
  }
  const core::CheckSummary& s = r.summary;
  out += "provcheck: " + n(s.claims) + " claims, " + n(s.citations) + " citations, " + n(s.sources) + " sources; " +
         n(s.conflicts) + " conflicts; " + n(s.errors) + " errors, " + n(s.warnings) + " warnings\n";
  return out;
}

}  // namespace provcheck::report
