#include <cmath>
#include <nlohmann/json.hpp>

#include "report/check_report.h"

namespace provcheck::report {
using nlohmann::ordered_json;

namespace {

ordered_json summary_object(const core::CheckSummary& s) {
  ordered_json j;
  j["claims"] = s.claims;
  j["citations"] = s.citations;
  j["sources"] = s.sources;
  ordered_json by = ordered_json::object();
  for (core::CitationStatus st : core::k_all_statuses) {
    auto it = s.by_status.find(core::status_name(st));
    by[core::status_name(st)] = it == s.by_status.end() ? 0 : it->second;
  }
  j["by_status"] = by;
  j["conflicts"] = s.conflicts;
  j["errors"] = s.errors;
  j["warnings"] = s.warnings;
  return j;
}

ordered_json number_or_null(const std::optional<double>& v) {
  if (!v || !std::isfinite(*v)) return nullptr;
  return *v;
}

// One claim's assertion: a side of a conflict, or a row of a group.
ordered_json row_object(const core::AssertionRow& r) {
  ordered_json j;
  j["claim"] = r.claim;
  j["source"] = r.source;
  j["subject"] = r.subject;
  j["metric"] = r.metric;
  j["value"] = r.value;
  j["status_value"] = r.status_value.empty() ? ordered_json(nullptr) : ordered_json(r.status_value);
  j["low"] = number_or_null(r.low);
  j["high"] = number_or_null(r.high);
  j["unit"] = r.unit.empty() ? ordered_json(nullptr) : ordered_json(r.unit);
  j["approx"] = r.approx.empty() ? ordered_json(nullptr) : ordered_json(r.approx);
  j["as_of"] = r.as_of.empty() ? ordered_json(nullptr) : ordered_json(r.as_of);
  j["as_of_assumed"] = r.as_of_assumed;
  j["status"] = r.status;
  return j;
}

}  // namespace

std::string render_check_json(const core::CheckReport& report) {
  ordered_json root;
  root["schema"] = "provcheck.check/1";
  root["summary"] = summary_object(report.summary);
  ordered_json cites = ordered_json::array();
  for (const core::CitationFinding& f : report.citations) {
    ordered_json c;
    c["claim"] = f.claim;
    c["index"] = f.index;
    c["source"] = f.source;
    c["status"] = core::status_name(f.status);
    c["severity"] = core::severity_name(f.severity);
    c["pinned_span"] = {f.pinned_start, f.pinned_end};
    if (f.found_start && f.found_end) c["found_span"] = {*f.found_start, *f.found_end};
    else c["found_span"] = nullptr;
    c["similarity"] = f.similarity;
    c["message"] = f.message;
    c["claim_file"] = f.claim_file;
    c["claim_line"] = f.claim_line;
    if (f.page > 0) c["page"] = f.page;
    if (f.status != core::CitationStatus::intact) {
      c["old_passage"] = f.old_passage;
      c["new_passage"] = f.new_passage.empty() ? ordered_json(nullptr) : ordered_json(f.new_passage);
      c["diff"] = f.diff.empty() ? ordered_json(nullptr) : ordered_json(f.diff);
    }
    if (!f.since.empty()) c["since"] = f.since;
    cites.push_back(std::move(c));
  }
  root["citations"] = std::move(cites);
  ordered_json conflicts = ordered_json::array();
  for (const core::ConflictFinding& k : report.conflicts) {
    ordered_json c;
    c["kind"] = core::conflict_kind_name(k.kind);
    c["claims"] = k.claims;
    c["subject"] = k.subject;
    c["metric"] = k.metric;
    c["severity"] = core::severity_name(k.severity);
    c["message"] = k.message;
    ordered_json sides = ordered_json::array();
    for (const core::AssertionRow& r : k.sides) sides.push_back(row_object(r));
    c["sides"] = std::move(sides);
    conflicts.push_back(std::move(c));
  }
  root["conflicts"] = std::move(conflicts);
  ordered_json groups = ordered_json::array();
  for (const core::AssertionGroup& g : report.groups) {
    ordered_json gj;
    gj["subject"] = g.subject;
    gj["metric"] = g.metric;
    ordered_json rows = ordered_json::array();
    for (const core::AssertionRow& r : g.rows) rows.push_back(row_object(r));
    gj["claims"] = std::move(rows);
    groups.push_back(std::move(gj));
  }
  root["groups"] = std::move(groups);
  return root.dump(2, ' ', false, nlohmann::json::error_handler_t::replace) + "\n";
}

}  // namespace provcheck::report
