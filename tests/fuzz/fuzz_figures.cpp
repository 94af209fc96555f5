// Fuzzes the figure extractor (core/figures.h), which reads every source's
// text. Invariants: figures come in document order with spans inside the
// text that never overlap; each figure's text is the bytes of its span;
// its interval holds its value (low <= value <= high) unless it is a date
// without a year (NaN, described by `iso`); parse_figure_value on the same
// bytes, when it reads a figure, gives an interval with low <= high.

#include <cmath>
#include <cstddef>
#include <cstdint>
#include <string_view>

#include "core/figures.h"
#include "fuzz_check.h"

namespace core = provcheck::core;

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
  std::string_view text(reinterpret_cast<const char*>(data), size);
  std::uint64_t last_end = 0;
  for (const core::Figure& f : core::extract_figures(text)) {
    FUZZ_CHECK(f.start < f.end && f.end <= size, "a span lies outside the text or is empty");
    FUZZ_CHECK(f.start >= last_end, "spans overlap or go backwards");
    FUZZ_CHECK(text.substr(f.start, f.end - f.start) == f.text, "text differs from the span's bytes");
    if (std::isnan(f.value)) {
      FUZZ_CHECK(f.kind == core::FigureKind::date && !f.iso.empty(), "NaN value outside a yearless date");
    } else {
      FUZZ_CHECK(f.low <= f.value && f.value <= f.high, "the interval does not hold the value");
    }
    last_end = f.end;
  }
  if (auto v = core::parse_figure_value(text)) FUZZ_CHECK(!(v->low > v->high), "parse_figure_value: low > high");
  return 0;
}
