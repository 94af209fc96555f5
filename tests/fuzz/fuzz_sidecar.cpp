// Fuzzes both readers of source sidecars (sources/ID.meta.json): the fast
// simdjson On-Demand reader and the tree reader parse_json that the slow
// path and every error message rely on. Invariant: neither crashes, and
// the fast reader never accepts what the tree reader rejects: when it
// accepts, parse_json gives an object whose (last) "id" and "file" strings
// are the ones the fast reader returned.

#include <cstddef>
#include <cstdint>
#include <string_view>

#include "fuzz_check.h"
#include "workspace/fast_read.h"
#include "workspace/json_input.h"

namespace ws = provcheck::workspace;

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
  std::string_view bytes(reinterpret_cast<const char*>(data), size);
  auto fast = ws::fast_parse_sidecar(bytes);
  auto tree = ws::parse_json(bytes, "x");
  if (!fast) return 0;
  FUZZ_CHECK(tree.ok(), "the fast reader accepted JSON the tree reader rejects");
  FUZZ_CHECK(tree->type == ws::JsonValue::Type::object, "the fast reader accepted a non-object");
  const ws::JsonValue* id = nullptr;
  const ws::JsonValue* file = nullptr;
  for (const auto& [key, v] : tree->fields) {
    if (key == "id") id = &v;
    if (key == "file") file = &v;
  }
  FUZZ_CHECK(id && id->string == fast->id, "the readers disagree on \"id\"");
  FUZZ_CHECK(file && file->string == fast->file, "the readers disagree on \"file\"");
  return 0;
}
