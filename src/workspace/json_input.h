#pragma once
// The one reader of JSON input (claims files, sidecars, JSON Lines): parses
// with simdjson into a small tree in which every value knows its line and
// column, so that an error can name the exact place. A syntax error is
// located precisely (simdjson finds it, nlohmann/json pinpoints it).
// Thread-compatible: use one JsonTree per document.

#include <cstdint>
#include <functional>
#include <memory>
#include <string>
#include <string_view>
#include <utility>
#include <vector>

#include "util/result.h"

namespace provcheck::workspace {

struct JsonValue {
  // Not an aggregate: clang would otherwise check std::pair<std::string,
  // JsonValue>'s constructors before JsonValue is complete.
  JsonValue() = default;
  enum class Type { null, boolean, integer, number, string, array, object } type = Type::null;
  bool boolean = false;
  std::int64_t integer = 0;
  double number = 0;
  std::string string;
  std::vector<JsonValue> items;                           // array
  std::vector<std::pair<std::string, JsonValue>> fields;  // object, in document order
  int line = 0;
  int column = 0;

  const JsonValue* find(std::string_view key) const;
  const char* type_name() const;
};

// Parses `bytes` (the content of `origin`, used in messages).
util::Result<JsonValue> parse_json(std::string_view bytes, const std::string& origin);

// "file:line:col" for messages.
std::string json_where(const std::string& origin, const JsonValue& v);

// Field readers: each returns an invalid_input error naming origin, line,
// column and the field when the type is wrong.
util::Result<std::string> json_string(const JsonValue& v, const std::string& origin, const std::string& field);
// Like json_string, but moves the string out of the tree (for bulk reads).
util::Result<std::string> json_take_string(JsonValue& v, const std::string& origin, const std::string& field);
util::Result<std::int64_t> json_int(const JsonValue& v, const std::string& origin, const std::string& field);

// JSON Lines: calls `each(line, where)` for every non-blank line of `bytes`,
// `where` being "origin:N" (N from 1), and stops at the first error. A
// place inside a line that an error names as "where:1:COL" or "where:1"
// (the line parsed alone) is said as "where:COL" or "where".
util::Status for_each_json_line(std::string_view bytes, const std::string& origin,
                                const std::function<util::Status(std::string_view, const std::string&)>& each);

// An error for an unknown key, suggesting the nearest allowed one.
util::Error unknown_key_error(const std::string& origin, const JsonValue& at, const std::string& key,
                              const std::vector<std::string_view>& allowed, const std::string& where_in);

}  // namespace provcheck::workspace
