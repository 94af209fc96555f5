// Fuzzes the anchoring engine (core/anchor.h) two ways; the first input
// byte picks one.
//
// Random citation: a random text and a random selector (quote, prefix,
// suffix, start, end, all from the input, the span anywhere, even past the
// end of the text). Invariants: no crash or sanitizer report; a found span
// lies inside the text; `intact` and `moved` only where the text's bytes
// are exactly the quote, `intact` only at the pinned span.
//
// Edited text: a text, a passage of it pinned as `claim add` pins it, then
// up to eight random edits (insert, delete, replace bytes anywhere, the
// passage included). Invariants: as above, and when the edits left the
// pinned bytes and everything before them untouched, the verdict is
// `intact`.

#include <fuzzer/FuzzedDataProvider.h>

#include <algorithm>
#include <cstddef>
#include <cstdint>
#include <string>
#include <string_view>

#include "core/anchor.h"
#include "core/quote.h"
#include "fuzz_check.h"

namespace core = provcheck::core;

namespace {

bool continuation(std::string_view s, std::size_t i) {
  return i < s.size() && (static_cast<unsigned char>(s[i]) & 0xC0) == 0x80;
}

// The first code point boundary at or after i.
std::size_t boundary(std::string_view s, std::size_t i) {
  while (continuation(s, i)) ++i;
  return std::min(i, s.size());
}

void check_verdict(std::string_view text, const core::Citation& c, const core::Verdict& v) {
  if (v.found_start || v.found_end) {
    FUZZ_CHECK(v.found_start && v.found_end, "only one end of a found span");
    FUZZ_CHECK(*v.found_start <= *v.found_end && *v.found_end <= text.size(), "a found span outside the text");
  }
  if (v.status == core::CitationStatus::intact || v.status == core::CitationStatus::moved) {
    FUZZ_CHECK(v.found_start && v.found_end, "intact or moved without a place");
    FUZZ_CHECK(text.substr(*v.found_start, *v.found_end - *v.found_start) == c.quote,
               "intact or moved at a place whose bytes differ from the quote");
  }
  if (v.status == core::CitationStatus::intact) {
    FUZZ_CHECK(*v.found_start == c.start && *v.found_end == c.end, "intact away from the pinned span");
  }
  FUZZ_CHECK(v.similarity >= 0.0 && v.similarity <= 1.0, "similarity outside 0..1");
}

void random_citation(FuzzedDataProvider& in) {
  core::Citation c;
  c.source = "s";
  c.quote = in.ConsumeRandomLengthString(256);
  c.prefix = in.ConsumeRandomLengthString(64);
  c.suffix = in.ConsumeRandomLengthString(64);
  c.start = in.ConsumeIntegral<std::uint32_t>();
  c.end = in.ConsumeBool() ? c.start + c.quote.size() : in.ConsumeIntegral<std::uint32_t>();
  std::string text = in.ConsumeRemainingBytesAsString();
  if (!text.empty() && c.start < text.size() && in.remaining_bytes() == 0) {
    c.start %= text.size();
    c.end = std::min<std::uint64_t>(c.start + c.quote.size(), text.size());
  }
  core::SourceView view(text);
  check_verdict(text, c, core::judge_citation(view, c));
}

void edited_text(FuzzedDataProvider& in) {
  std::string text = in.ConsumeRandomLengthString(4096);
  if (text.empty()) return;
  std::size_t begin = boundary(text, in.ConsumeIntegralInRange<std::size_t>(0, text.size() - 1));
  std::size_t end = boundary(text, begin + in.ConsumeIntegralInRange<std::size_t>(1, 200));
  if (begin >= end) return;
  core::Citation c = core::make_citation(text, begin, end, "s", "h");
  {
    core::SourceView view(text);
    core::Verdict v = core::judge_citation(view, c);
    check_verdict(text, c, v);
    FUZZ_CHECK(v.status == core::CitationStatus::intact, "a fresh pin is not intact");
  }
  std::string edited = text;
  std::size_t first_touch = edited.size();  // the lowest offset an edit touched, in the edited text
  int edits = in.ConsumeIntegralInRange(0, 8);
  for (int e = 0; e < edits && in.remaining_bytes() > 0; ++e) {
    std::size_t at = in.ConsumeIntegralInRange<std::size_t>(0, edited.size());
    std::size_t len = in.ConsumeIntegralInRange<std::size_t>(0, 16);
    switch (in.ConsumeIntegralInRange(0, 2)) {
      case 0: edited.insert(at, in.ConsumeRandomLengthString(16)); break;
      case 1: edited.erase(at, len); break;
      default: edited.replace(at, len, in.ConsumeRandomLengthString(16)); break;
    }
    first_touch = std::min(first_touch, at);
  }
  core::SourceView view(edited);
  core::Verdict v = core::judge_citation(view, c);
  check_verdict(edited, c, v);
  if (first_touch >= c.end && edited.size() >= c.end) {
    FUZZ_CHECK(v.status == core::CitationStatus::intact, "untouched pinned bytes are not intact");
  }
}

}  // namespace

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
  FuzzedDataProvider in(data, size);
  if (in.ConsumeBool()) random_citation(in);
  else edited_text(in);
  return 0;
}
