// `report --format json`: "provcheck.report/1". The check object
// ("provcheck.check/1": every field of DESIGN.md unchanged, with the
// conflicts' "sides" and the subject-and-metric "groups" it carries) with
// two more members: "sources" (the inventory) and "claims" (each claim's id
// and own words). Keys in a fixed order.
#include <nlohmann/json.hpp>

#include "report/check_report.h"
#include "report/report.h"

namespace provcheck::report {
using nlohmann::ordered_json;

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
  // An array, not an object keyed by id: ordered_json finds keys by a linear
  // scan, which would make tens of thousands of claims quadratic.
  ordered_json claims = ordered_json::array();
  for (const auto& [id, text] : d.claim_text) claims.push_back({{"id", id}, {"text", text}});
  root["claims"] = std::move(claims);
  return root.dump(2, ' ', false, dump_opts) + "\n";
}

}  // namespace provcheck::report
