#include "report/locate_json.h"

#include <charconv>
#include <cstdio>

#include "util/utf8.h"

namespace provcheck::report {
namespace {

// JSON string escaping; invalid UTF-8 becomes U+FFFD, as nlohmann's
// "replace" handler does elsewhere.
void append_json_string(std::string& out, std::string_view s) {
  out += '"';
  std::size_t i = 0;
  while (i < s.size()) {
    auto c = static_cast<unsigned char>(s[i]);
    if (c >= 0x80) {
      util::Decoded d = util::decode_utf8(s, i);
      if (d.valid) out.append(s.substr(i, d.length));
      else util::append_utf8(out, util::k_replacement);
      i += d.length;
      continue;
    }
    if (c == '"' || c == '\\') {
      out += '\\';
      out += static_cast<char>(c);
    } else if (c < 0x20) {
      char buf[8];
      std::snprintf(buf, sizeof buf, "\\u%04x", c);
      out += buf;
    } else {
      out += static_cast<char>(c);
    }
    ++i;
  }
  out += '"';
}

}  // namespace

// Hand-written for speed (a large `locate` run writes hundreds of thousands
// of these); the shape is fixed and tested against a JSON parser.
std::string render_locate_line(const std::string& id, const core::Verdict& v) {
  std::string out;
  out.reserve(96 + id.size());
  out += "{\"id\":";
  append_json_string(out, id);
  out += ",\"status\":\"";
  out += core::status_name(v.status);
  out += "\",\"start\":";
  out += v.found_start ? std::to_string(*v.found_start) : std::string("null");
  out += ",\"end\":";
  out += v.found_end ? std::to_string(*v.found_end) : std::string("null");
  char sim[32];
  auto res = std::to_chars(sim, sim + sizeof sim, v.similarity);  // shortest round trip, as nlohmann prints
  std::string num(sim, res.ptr);
  if (num.find_first_of(".eE") == std::string::npos && num.find("inf") == std::string::npos) num += ".0";
  out += ",\"similarity\":";
  out += num;
  out += "}\n";
  return out;
}

}  // namespace provcheck::report
