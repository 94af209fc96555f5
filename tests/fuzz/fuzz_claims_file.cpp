// Fuzzes the claims-file reader (claims/*.json, outside input reviewed by
// hand). Invariant: parse_claims_file never crashes; when it accepts the
// bytes, render_claims_file of the result parses again to the same claims
// (ids, texts, quotes, sources, spans), and rendering that gives the same
// bytes: rendering is a fixed point.

#include <cstddef>
#include <cstdint>
#include <string_view>

#include "fuzz_check.h"
#include "workspace/claims_file.h"

namespace ws = provcheck::workspace;

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
  std::string_view bytes(reinterpret_cast<const char*>(data), size);
  auto first = ws::parse_claims_file(bytes, "claims/f.json");
  if (!first.ok()) return 0;
  std::string rendered = ws::render_claims_file(*first);
  auto second = ws::parse_claims_file(rendered, "claims/f.json");
  FUZZ_CHECK(second.ok(), "a rendered claims file does not parse again");
  FUZZ_CHECK(second->claims.size() == first->claims.size(), "claim count changed");
  for (std::size_t i = 0; i < first->claims.size(); ++i) {
    const auto& a = first->claims[i];
    const auto& b = second->claims[i];
    FUZZ_CHECK(a.id == b.id && a.text == b.text, "claim id or text changed");
    FUZZ_CHECK(a.citations.size() == b.citations.size(), "citation count changed");
    for (std::size_t j = 0; j < a.citations.size(); ++j) {
      const auto& x = a.citations[j];
      const auto& y = b.citations[j];
      FUZZ_CHECK(x.quote == y.quote && x.source == y.source, "citation quote or source changed");
      FUZZ_CHECK(x.start == y.start && x.end == y.end, "citation span changed");
    }
  }
  FUZZ_CHECK(ws::render_claims_file(*second) == rendered, "rendering is not a fixed point");
  return 0;
}
