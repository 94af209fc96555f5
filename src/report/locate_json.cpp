#include "report/locate_json.h"

#include <nlohmann/json.hpp>

namespace provcheck::report {

std::string render_locate_line(const std::string& id, const core::Verdict& v) {
  nlohmann::ordered_json j;
  j["id"] = id;
  j["status"] = core::status_name(v.status);
  j["start"] = v.found_start ? nlohmann::ordered_json(*v.found_start) : nlohmann::ordered_json(nullptr);
  j["end"] = v.found_end ? nlohmann::ordered_json(*v.found_end) : nlohmann::ordered_json(nullptr);
  j["similarity"] = v.similarity;
  return j.dump(-1, ' ', false, nlohmann::json::error_handler_t::replace) + "\n";
}

}  // namespace provcheck::report
