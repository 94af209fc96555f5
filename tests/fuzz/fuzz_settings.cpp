// Fuzzes the reader of provcheck.json (workspace/settings_file.h).
// Invariant: it never crashes, and settings it accepts are within their
// documented ranges: every tolerance from 0 to 1, no empty alias or
// canonical name, fail_on only warning or error.

#include <cstddef>
#include <cstdint>
#include <string_view>

#include "fuzz_check.h"
#include "workspace/settings_file.h"

namespace core = provcheck::core;

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
  std::string_view bytes(reinterpret_cast<const char*>(data), size);
  auto s = provcheck::workspace::parse_settings(bytes, "provcheck.json");
  if (!s.ok()) return 0;
  const core::Tolerances& t = s->tolerances;
  for (double v : {t.exact, t.approximate, t.almost}) FUZZ_CHECK(v >= 0 && v <= 1, "a tolerance out of range");
  for (const auto& [word, v] : t.qualifiers) FUZZ_CHECK(!word.empty() && v >= 0 && v <= 1, "a qualifier width out of range");
  for (const auto* m : {&s->subject_aliases, &s->metric_aliases, &s->value_aliases}) {
    for (const auto& [alias, canonical] : *m) FUZZ_CHECK(!alias.empty() && !canonical.empty(), "an empty alias");
  }
  FUZZ_CHECK(!s->fail_on || *s->fail_on >= core::Severity::warning, "fail_on below warning");
  return 0;
}
