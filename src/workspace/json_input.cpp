#include "workspace/json_input.h"

#include <simdjson.h>

#include <algorithm>
#include <nlohmann/json.hpp>

#include "util/nearest.h"

namespace provcheck::workspace {
namespace od = simdjson::ondemand;
using util::Error;
using util::ErrorKind;

namespace {

// Maps byte offsets to line and column, moving forward incrementally.
class LineMap {
 public:
  explicit LineMap(std::string_view text) : m_text(text) {}
  void locate(std::size_t offset, int& line, int& column) {
    offset = std::min(offset, m_text.size());
    if (offset < m_offset) { m_offset = 0; m_line = 1; m_line_start = 0; }
    for (; m_offset < offset; ++m_offset) {
      if (m_text[m_offset] == '\n') { ++m_line; m_line_start = m_offset + 1; }
    }
    line = m_line;
    column = static_cast<int>(offset - m_line_start) + 1;
  }

 private:
  std::string_view m_text;
  std::size_t m_offset = 0;
  std::size_t m_line_start = 0;
  int m_line = 1;
};

struct Builder {
  const char* base;
  LineMap lines;
  simdjson::error_code build(od::value v, JsonValue& out, int depth);
};

simdjson::error_code Builder::build(od::value v, JsonValue& out, int depth) {
  if (depth > 64) return simdjson::DEPTH_ERROR;
  const char* loc = nullptr;
  if (v.current_location().get(loc) == simdjson::SUCCESS) {
    lines.locate(static_cast<std::size_t>(loc - base), out.line, out.column);
  }
  od::json_type t;
  if (auto e = v.type().get(t)) return e;
  switch (t) {
    case od::json_type::object: {
      out.type = JsonValue::Type::object;
      od::object obj;
      if (auto e = v.get_object().get(obj)) return e;
      for (auto field : obj) {
        std::string_view key;
        if (auto e = field.unescaped_key().get(key)) return e;
        out.fields.emplace_back(std::string(key), JsonValue{});
        if (auto e = build(field.value(), out.fields.back().second, depth + 1)) return e;
      }
      return simdjson::SUCCESS;
    }
    case od::json_type::array: {
      out.type = JsonValue::Type::array;
      od::array arr;
      if (auto e = v.get_array().get(arr)) return e;
      for (auto item : arr) {
        od::value iv;
        if (auto e = item.get(iv)) return e;
        out.items.emplace_back();
        if (auto e = build(iv, out.items.back(), depth + 1)) return e;
      }
      return simdjson::SUCCESS;
    }
    case od::json_type::string: {
      out.type = JsonValue::Type::string;
      std::string_view s;
      if (auto e = v.get_string().get(s)) return e;
      out.string.assign(s);
      return simdjson::SUCCESS;
    }
    case od::json_type::number: {
      od::number n;
      if (auto e = v.get_number().get(n)) return e;
      if (n.is_int64()) {
        out.type = JsonValue::Type::integer;
        out.integer = n.get_int64();
        out.number = static_cast<double>(out.integer);
      } else {
        out.type = JsonValue::Type::number;
        out.number = n.as_double();
      }
      return simdjson::SUCCESS;
    }
    case od::json_type::boolean: {
      out.type = JsonValue::Type::boolean;
      return v.get_bool().get(out.boolean);
    }
    case od::json_type::null: {
      out.type = JsonValue::Type::null;
      bool is_null = false;
      if (auto e = v.is_null().get(is_null)) return e;
      return is_null ? simdjson::SUCCESS : simdjson::N_ATOM_ERROR;
    }
  }
  return simdjson::TAPE_ERROR;
}

// Locates a syntax error precisely with nlohmann/json's parser.
Error syntax_error(std::string_view bytes, const std::string& origin, const std::string& fallback) {
  try {
    nlohmann::json ignored = nlohmann::json::parse(bytes.begin(), bytes.end());
  } catch (const nlohmann::json::parse_error& e) {
    LineMap lines(bytes);
    int line = 0, col = 0;
    std::size_t at = e.byte > 0 ? e.byte - 1 : 0;
    lines.locate(at, line, col);
    std::string what = e.what();
    auto cut = what.find("syntax error");
    if (cut != std::string::npos) what = what.substr(cut);
    return Error(ErrorKind::invalid_input, origin + ":" + std::to_string(line) + ":" + std::to_string(col) +
                                               ": invalid JSON: " + what + "; fix the file and run again");
  } catch (const std::exception&) {
  }
  return Error(ErrorKind::invalid_input, origin + ": invalid JSON: " + fallback + "; fix the file and run again");
}

}  // namespace

const JsonValue* JsonValue::find(std::string_view key) const {
  for (const auto& [k, v] : fields) {
    if (k == key) return &v;
  }
  return nullptr;
}

const char* JsonValue::type_name() const {
  switch (type) {
    case Type::null: return "null";
    case Type::boolean: return "a boolean";
    case Type::integer: return "an integer";
    case Type::number: return "a number";
    case Type::string: return "a string";
    case Type::array: return "an array";
    case Type::object: return "an object";
  }
  return "a value";
}

util::Result<JsonValue> parse_json(std::string_view bytes, const std::string& origin) {
  thread_local od::parser parser;
  simdjson::padded_string padded(bytes.data(), bytes.size());
  od::document doc;
  if (auto e = parser.iterate(padded).get(doc)) return syntax_error(bytes, origin, simdjson::error_message(e));
  Builder b{padded.data(), LineMap(bytes)};
  JsonValue root;
  od::value top;
  simdjson::error_code err = doc.get_value().get(top);
  if (!err) err = b.build(top, root, 0);
  const char* rest = nullptr;
  if (!err && doc.current_location().get(rest) == simdjson::SUCCESS) err = simdjson::TRAILING_CONTENT;
  if (err) return syntax_error(bytes, origin, simdjson::error_message(err));
  return root;
}

std::string json_where(const std::string& origin, const JsonValue& v) {
  return origin + ":" + std::to_string(v.line) + ":" + std::to_string(v.column);
}

util::Result<std::string> json_string(const JsonValue& v, const std::string& origin, const std::string& field) {
  if (v.type != JsonValue::Type::string) {
    return Error(ErrorKind::invalid_input,
                 json_where(origin, v) + ": field \"" + field + "\" must be a string, not " + v.type_name());
  }
  return v.string;
}

util::Result<std::string> json_take_string(JsonValue& v, const std::string& origin, const std::string& field) {
  if (v.type != JsonValue::Type::string) return json_string(v, origin, field);
  return std::move(v.string);
}

util::Result<std::int64_t> json_int(const JsonValue& v, const std::string& origin, const std::string& field) {
  if (v.type != JsonValue::Type::integer) {
    return Error(ErrorKind::invalid_input,
                 json_where(origin, v) + ": field \"" + field + "\" must be an integer, not " + v.type_name());
  }
  return v.integer;
}

util::Error unknown_key_error(const std::string& origin, const JsonValue& at, const std::string& key,
                              const std::vector<std::string_view>& allowed, const std::string& where_in) {
  std::optional<std::string> best = util::nearest(key, std::vector<std::string>(allowed.begin(), allowed.end()));
  std::string msg = json_where(origin, at) + ": unknown field \"" + key + "\" in " + where_in;
  if (best) msg += "; did you mean \"" + *best + "\"?";
  else {
    msg += "; allowed fields:";
    for (std::string_view a : allowed) msg += " " + std::string(a);
  }
  return Error(ErrorKind::invalid_input, msg);
}

util::Status for_each_json_line(std::string_view bytes, const std::string& origin,
                                const std::function<util::Status(std::string_view, const std::string&)>& each) {
  std::size_t pos = 0;
  int line_no = 0;
  while (pos < bytes.size()) {
    std::size_t nl = bytes.find('\n', pos);
    std::string_view line = bytes.substr(pos, nl == std::string_view::npos ? std::string_view::npos : nl - pos);
    pos = nl == std::string_view::npos ? bytes.size() : nl + 1;
    ++line_no;
    if (line.find_first_not_of(" \t\r") == std::string_view::npos) continue;
    std::string where = origin + ":" + std::to_string(line_no);
    util::Status st = each(line, where);
    if (st.ok()) continue;
    std::string msg = st.error().message();
    const std::string head = where + ":1";
    if (msg.rfind(head + ":", 0) == 0) msg = where + ":" + msg.substr(head.size() + 1);
    else if (msg.rfind(head, 0) == 0) msg = where + msg.substr(head.size());
    return util::Error(st.error().kind(), msg);
  }
  return util::Status();
}

}  // namespace provcheck::workspace
