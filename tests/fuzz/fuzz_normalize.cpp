// Fuzzes the normalizer with its offset map (core/normalize.h), which every
// source text and quote goes through. Invariants: the map has one entry
// per output byte; each entry is a span [begin, end) of the input with
// begin non-decreasing; the output is valid UTF-8; normalize() agrees with
// normalize_with_map(); normalizing twice changes nothing (idempotence).

#include <cstddef>
#include <cstdint>
#include <string_view>

#include "core/normalize.h"
#include "fuzz_check.h"
#include "util/utf8.h"

namespace core = provcheck::core;

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
  std::string_view bytes(reinterpret_cast<const char*>(data), size);
  core::NormalizedText n = core::normalize_with_map(bytes);
  FUZZ_CHECK(n.text.size() == n.begin.size() && n.text.size() == n.end.size(), "map size differs from text size");
  for (std::size_t i = 0; i < n.text.size(); ++i) {
    FUZZ_CHECK(n.begin[i] <= n.end[i] && n.end[i] <= size, "a map span lies outside the input");
    FUZZ_CHECK(i == 0 || n.begin[i - 1] <= n.begin[i], "map begins go backwards");
  }
  FUZZ_CHECK(provcheck::util::check_utf8(n.text).invalid_sequences == 0, "output is not valid UTF-8");
  FUZZ_CHECK(core::normalize(bytes) == n.text, "normalize() and normalize_with_map() disagree");
  FUZZ_CHECK(core::normalize(n.text) == n.text, "normalization is not idempotent");
  return 0;
}
