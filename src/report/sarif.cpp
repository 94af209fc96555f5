// SARIF 2.1.0 for code-scanning tools. One run; the driver's rules are the
// statuses that are findings and the conflict kinds, each with its default
// level. A result per citation that is not ok (ruleId = its status) and per
// conflict (ruleId = its kind). A citation's result points first to the
// claim's line in its claims file, then to the passage in the source file:
// byte offset and length always, lines and columns (Unicode code points,
// columnKind) when the text layer is the file's bytes. Deterministic: no
// invocation times, no GUIDs.
#include <map>
#include <nlohmann/json.hpp>

#include "report/escape.h"
#include "report/report.h"

namespace provcheck::report {
using nlohmann::ordered_json;

namespace {

struct Rule {
  const char* id;
  const char* name;
  core::Severity severity;
  const char* text;
};

constexpr Rule k_rules[] = {
    {"normalized", "CitationNormalized", core::Severity::info,
     "The quote matches only after Unicode, whitespace, line-wrap or typographic normalization."},
    {"modified", "CitationModified", core::Severity::warning,
     "A close match of the quote exists, but its wording changed; its figures did not."},
    {"figure_changed", "CitationFigureChanged", core::Severity::error,
     "A close match of the quote exists and a figure in it differs."},
    {"ambiguous", "CitationAmbiguous", core::Severity::error,
     "Two or more places fit the quote equally well and its context cannot choose."},
    {"missing", "CitationMissing", core::Severity::error, "No acceptable match of the quote is in the source."},
    {"source_missing", "SourceMissing", core::Severity::error,
     "The cited source's file or its sidecar is gone or unreadable."},
    {"claim_quote_mismatch", "ClaimQuoteMismatch", core::Severity::error,
     "The claim's figure is not among the figures of its own quote."},
    {"figure_conflict", "FigureConflict", core::Severity::error,
     "Claims about the same subject and metric at overlapping times give figures whose intervals do not meet."},
    {"status_conflict", "StatusConflict", core::Severity::error,
     "Claims about the same subject and metric at overlapping times give different status values."},
    {"possible_conflict", "PossibleConflict", core::Severity::warning,
     "Claims about the same subject and metric give different values, but one as-of is coarser and contains the "
     "other (a month and a day in it), so both may hold if the value changed within the coarser period."},
};

const char* level(core::Severity s) {
  switch (s) {
    case core::Severity::error: return "error";
    case core::Severity::warning: return "warning";
    case core::Severity::info: return "note";
    case core::Severity::ok: return "none";
  }
  return "error";
}

int rule_index(std::string_view id) {
  for (std::size_t i = 0; i < std::size(k_rules); ++i) {
    if (id == k_rules[i].id) return static_cast<int>(i);
  }
  return -1;
}

ordered_json artifact(const std::string& uri) {
  ordered_json a;
  a["uri"] = uri;
  a["uriBaseId"] = "WORKSPACE";
  return a;
}

ordered_json claim_location(int id, const std::string& file, int line, const std::string& claim) {
  ordered_json loc;
  loc["id"] = id;
  ordered_json phys;
  phys["artifactLocation"] = artifact(file);
  if (line > 0) phys["region"] = {{"startLine", line}};
  loc["physicalLocation"] = std::move(phys);
  loc["message"] = {{"text", "claim " + claim}};
  return loc;
}

ordered_json source_location(int id, const core::CitationFinding& f, const CiContext& ctx) {
  auto file = ctx.source_files.find(f.source);
  if (file == ctx.source_files.end()) return nullptr;
  ordered_json loc;
  loc["id"] = id;
  ordered_json phys;
  phys["artifactLocation"] = artifact(file->second);
  auto span = ctx.spans.find(window_key(f.claim, f.index));
  if (span != ctx.spans.end()) {
    const SourceSpan& s = span->second;
    ordered_json region;
    if (s.start_line > 0) {
      region["startLine"] = s.start_line;
      region["startColumn"] = s.start_column;
      region["endLine"] = s.end_line;
      region["endColumn"] = s.end_column;
    }
    region["byteOffset"] = s.byte_offset;
    region["byteLength"] = s.byte_length;
    phys["region"] = std::move(region);
  }
  loc["physicalLocation"] = std::move(phys);
  bool found = f.found_start.has_value();
  loc["message"] = {{"text", found ? "the cited passage in " + f.source + " as found now"
                                   : "where the cited passage was pinned in " + f.source}};
  return loc;
}

ordered_json citation_result(const core::CitationFinding& f, const CiContext& ctx) {
  ordered_json r;
  r["ruleId"] = core::status_name(f.status);
  r["ruleIndex"] = rule_index(core::status_name(f.status));
  r["level"] = level(f.severity);
  std::string text = "Claim " + f.claim + " cites " + f.source + ": " + core::status_name(f.status) +
                     (f.message.empty() ? "." : ". " + f.message);
  if (!f.diff.empty()) text += "\nWord diff: " + f.diff;
  r["message"] = {{"text", clean_utf8(text)}};
  ordered_json locs = ordered_json::array();
  locs.push_back(claim_location(0, f.claim_file, f.claim_line, f.claim));
  ordered_json src = source_location(1, f, ctx);
  if (!src.is_null()) locs.push_back(std::move(src));
  r["locations"] = std::move(locs);
  r["partialFingerprints"] = {{"provcheckCitation/v1", window_key(f.claim, f.index) + ":" + core::status_name(f.status)}};
  ordered_json props;
  props["claim"] = f.claim;
  props["citationIndex"] = f.index;
  props["source"] = f.source;
  props["status"] = core::status_name(f.status);
  props["similarity"] = f.similarity;
  props["pinnedSpan"] = {f.pinned_start, f.pinned_end};
  if (f.found_start && f.found_end) props["foundSpan"] = {*f.found_start, *f.found_end};
  if (!f.old_passage.empty()) props["oldPassage"] = clean_utf8(f.old_passage);
  if (!f.new_passage.empty()) props["newPassage"] = clean_utf8(f.new_passage);
  if (!f.diff.empty()) props["diff"] = clean_utf8(f.diff);
  if (!f.since.empty()) props["since"] = f.since;
  r["properties"] = std::move(props);
  return r;
}

ordered_json conflict_result(const core::ConflictFinding& c,
                             const std::map<std::string, const core::CitationFinding*>& first) {
  ordered_json r;
  r["ruleId"] = core::conflict_kind_name(c.kind);
  r["ruleIndex"] = rule_index(core::conflict_kind_name(c.kind));
  r["level"] = level(c.severity);
  r["message"] = {{"text", clean_utf8(c.message.empty() ? std::string(core::conflict_kind_name(c.kind)) : c.message)}};
  ordered_json locs = ordered_json::array();
  int id = 0;
  for (const std::string& claim : c.claims) {
    auto f = first.find(claim);
    if (f != first.end()) locs.push_back(claim_location(id++, f->second->claim_file, f->second->claim_line, claim));
  }
  if (!locs.empty()) r["locations"] = std::move(locs);
  std::string ids;
  for (const std::string& claim : c.claims) ids += (ids.empty() ? "" : ",") + claim;
  r["partialFingerprints"] = {{"provcheckConflict/v1", std::string(core::conflict_kind_name(c.kind)) + ":" + ids}};
  ordered_json props;
  props["kind"] = core::conflict_kind_name(c.kind);
  props["claims"] = c.claims;
  props["subject"] = clean_utf8(c.subject);
  props["metric"] = clean_utf8(c.metric);
  r["properties"] = std::move(props);
  return r;
}

}  // namespace

std::string render_sarif(const core::CheckReport& report, const CiContext& ctx) {
  ordered_json rules = ordered_json::array();
  for (const Rule& rule : k_rules) {
    ordered_json j;
    j["id"] = rule.id;
    j["name"] = rule.name;
    j["shortDescription"] = {{"text", rule.text}};
    j["fullDescription"] = {{"text", rule.text}};
    j["defaultConfiguration"] = {{"level", level(rule.severity)}};
    j["properties"] = {{"tags", {"provenance"}}};
    rules.push_back(std::move(j));
  }
  ordered_json driver;
  driver["name"] = "provcheck";
  driver["version"] = ctx.tool_version;
  driver["semanticVersion"] = ctx.tool_version;
  driver["rules"] = std::move(rules);
  ordered_json results = ordered_json::array();
  for (const core::CitationFinding& f : report.citations) {
    if (annotated(f)) results.push_back(citation_result(f, ctx));
  }
  std::map<std::string, const core::CitationFinding*> first;
  for (const core::CitationFinding& f : report.citations) first.emplace(f.claim, &f);
  for (const core::ConflictFinding& c : report.conflicts) results.push_back(conflict_result(c, first));
  ordered_json run;
  run["tool"] = {{"driver", std::move(driver)}};
  run["originalUriBaseIds"] = {{"WORKSPACE", {{"description", {{"text", "The provcheck workspace's root folder."}}}}}};
  run["columnKind"] = "unicodeCodePoints";
  run["results"] = std::move(results);
  ordered_json root;
  root["$schema"] = "https://json.schemastore.org/sarif-2.1.0.json";
  root["version"] = "2.1.0";
  root["runs"] = ordered_json::array({std::move(run)});
  return root.dump(2, ' ', false, nlohmann::json::error_handler_t::replace) + "\n";
}

}  // namespace provcheck::report
