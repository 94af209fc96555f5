// `report --format json`: "provcheck.report/1". The check object of
// DESIGN.md ("provcheck.check/1", every field unchanged) with three more
// members: "sources" (the inventory), "groups" (claims side by side by
// subject and metric) and "claims" (each claim's id and own words, by id). Keys in a fixed
// order.
#include <nlohmann/json.hpp>

#include "report/check_report.h"
#include "report/report.h"

namespace provcheck::report {
using nlohmann::ordered_json;

namespace {

ordered_json opt_number(const std::optional<double>& v) { return v ? ordered_json(*v) : ordered_json(nullptr); }

ordered_json row_json(const core::AssertionRow& r) {
  ordered_json j;
  j["claim"] = r.claim;
  j["source"] = r.source;
  j["subject"] = r.subject;
  j["metric"] = r.metric;
  j["value"] = r.value;
  j["low"] = opt_number(r.low);
  j["high"] = opt_number(r.high);
  j["status_value"] = r.status_value.empty() ? ordered_json(nullptr) : ordered_json(r.status_value);
  j["unit"] = r.unit;
  j["approx"] = r.approx;
  j["as_of"] = r.as_of;
  j["as_of_assumed"] = r.as_of_assumed;
  j["status"] = r.status;
  return j;
}

}  // namespace

std::string render_report_json(const ReportData& d) {
  const auto dump_opts = nlohmann::json::error_handler_t::replace;
  ordered_json root = ordered_json::parse(render_check_json(d.check));
  root["schema"] = "provcheck.report/1";
  ordered_json sources = ordered_json::array();
  for (const SourceRow& s : d.sources) {
    ordered_json j;
    j["id"] = s.id;
    j["file"] = s.file;
    j["title"] = s.title;
    j["publisher"] = s.publisher;
    j["url"] = s.url;
    j["published"] = s.published;
    j["retrieved"] = s.retrieved;
    j["media_type"] = s.media_type;
    j["captured_hash"] = s.captured_hash;
    j["current_hash"] = s.current_hash.empty() ? ordered_json(nullptr) : ordered_json(s.current_hash);
    j["status"] = !s.problem.empty() ? "unusable"
                  : (!s.captured_hash.empty() && !s.current_hash.empty() && s.captured_hash != s.current_hash)
                      ? "changed"
                      : "as_captured";
    j["problem"] = s.problem.empty() ? ordered_json(nullptr) : ordered_json(s.problem);
    j["citations"] = s.citations;
    sources.push_back(std::move(j));
  }
  root["sources"] = std::move(sources);
  ordered_json groups = ordered_json::array();
  for (const core::AssertionGroup& g : d.check.groups) {
    ordered_json j;
    j["subject"] = g.subject;
    j["metric"] = g.metric;
    ordered_json rows = ordered_json::array();
    for (const core::AssertionRow& r : g.rows) rows.push_back(row_json(r));
    j["rows"] = std::move(rows);
    groups.push_back(std::move(j));
  }
  root["groups"] = std::move(groups);
  // An array, not an object keyed by id: ordered_json finds keys by a linear
  // scan, which would make tens of thousands of claims quadratic.
  ordered_json claims = ordered_json::array();
  for (const auto& [id, text] : d.claim_text) claims.push_back({{"id", id}, {"text", text}});
  root["claims"] = std::move(claims);
  // The conflict sides, when the check object does not carry them itself.
  for (std::size_t i = 0; i < d.check.conflicts.size() && i < root["conflicts"].size(); ++i) {
    ordered_json& c = root["conflicts"][i];
    if (c.contains("sides")) continue;
    ordered_json sides = ordered_json::array();
    for (const core::AssertionRow& r : d.check.conflicts[i].sides) sides.push_back(row_json(r));
    c["sides"] = std::move(sides);
  }
  return root.dump(2, ' ', false, dump_opts) + "\n";
}

}  // namespace provcheck::report
