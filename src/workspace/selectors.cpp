#include "workspace/selectors.h"

#include "workspace/fast_read.h"
#include "workspace/json_input.h"

namespace provcheck::workspace {
using util::Error;
using util::ErrorKind;

namespace {
const std::vector<std::string_view> k_selector_fields = {"id", "text_file", "exact", "prefix", "suffix", "start", "end"};
}

namespace {
util::Result<SelectorRequest> parse_line(std::string_view line, const std::string& origin);
}

util::Result<SelectorRequest> parse_selector_line(std::string_view line, const std::string& origin) {
  SelectorRequest fast;
  if (fast_parse_selector(line, fast)) return fast;
  auto r = parse_line(line, origin);
  if (r.ok()) return r;
  // Positions inside the line come out as "origin:1:COL"; say "origin:COL".
  std::string msg = r.error().message();
  std::string head = origin + ":1:";
  if (msg.rfind(head, 0) == 0) msg = origin + ":" + msg.substr(head.size());
  return Error(r.error().kind(), msg);
}

namespace {

util::Result<SelectorRequest> parse_line(std::string_view line, const std::string& origin) {
  JsonValue v;
  PC_ASSIGN_OR_RETURN(v, parse_json(line, origin));
  if (v.type != JsonValue::Type::object) {
    return Error(ErrorKind::invalid_input, origin + ": each line must be a JSON object");
  }
  SelectorRequest r;
  bool has_start = false, has_end = false;
  for (auto& [key, f] : v.fields) {
    if (key == "start" || key == "end") {
      std::int64_t n = 0;
      PC_ASSIGN_OR_RETURN(n, json_int(f, origin, key));
      if (n < 0) return Error(ErrorKind::invalid_input, origin + ": field \"" + key + "\" must not be negative");
      (key == "start" ? r.selector.start : r.selector.end) = static_cast<std::uint64_t>(n);
      (key == "start" ? has_start : has_end) = true;
      continue;
    }
    if (key == "id" && f.type == JsonValue::Type::integer) {
      r.id = std::to_string(f.integer);
      continue;
    }
    std::string* slot = key == "id" ? &r.id : key == "text_file" ? &r.text_file : key == "exact" ? &r.selector.quote
                      : key == "prefix" ? &r.selector.prefix : key == "suffix" ? &r.selector.suffix : nullptr;
    if (!slot) return unknown_key_error(origin, f, key, k_selector_fields, "a selector");
    PC_ASSIGN_OR_RETURN(*slot, json_take_string(f, origin, key));
  }
  if (r.id.empty()) return Error(ErrorKind::invalid_input, origin + ": missing \"id\"");
  if (r.text_file.empty()) return Error(ErrorKind::invalid_input, origin + ": missing \"text_file\"");
  if (r.selector.quote.empty()) return Error(ErrorKind::invalid_input, origin + ": missing or empty \"exact\"");
  if (!has_start || !has_end) {
    return Error(ErrorKind::invalid_input, origin + ": \"start\" and \"end\" are required (the pinned span, in bytes)");
  }
  return r;
}

}  // namespace
}  // namespace provcheck::workspace
