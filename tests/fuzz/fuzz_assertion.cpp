// Fuzzes the readers of a claim's structured assertion (--as-of and
// --value, core/as_of.h and core/assertion.h) with the same bytes.
// Invariant: neither crashes; an accepted as-of never ends before it
// starts; a typed as-of (core/as_of_input.h) that is read gives an ISO
// form parse_as_of accepts; an accepted value is a status word with a letter or a figure
// whose interval under the default tolerances is ordered (low <= high).

#include <cmath>
#include <cstddef>
#include <cstdint>
#include <string_view>

#include "core/as_of.h"
#include "core/as_of_input.h"
#include "core/assertion.h"
#include "fuzz_check.h"

namespace core = provcheck::core;

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
  std::string_view text(reinterpret_cast<const char*>(data), size);
  if (auto when = core::parse_as_of(text); when.ok()) FUZZ_CHECK(when->first <= when->last, "as-of ends before it starts");
  if (auto typed = core::as_of_from_input(text); typed.ok()) {
    FUZZ_CHECK(core::parse_as_of(*typed).ok(), "a typed as-of read as a form parse_as_of refuses");
  }
  core::Settings settings;
  auto v = core::parse_asserted_value(text, "", settings);
  if (!v.ok()) return 0;
  if (!v->figure) {
    FUZZ_CHECK(!v->status_word.empty(), "an empty status word");
    return 0;
  }
  core::ValueInterval r = core::value_interval(*v->figure, v->approx, settings);
  FUZZ_CHECK(std::isnan(r.low) || std::isnan(r.high) || r.low <= r.high, "a value interval out of order");
  return 0;
}
