// Fuzzes quote resolution (core/quote.h), which pins a user's quote to a
// source. Input: source text, a 0x00 byte, the quote (no 0x00: empty quote).
// Invariant: never crashes; a resolved citation's [start, end) lies within
// the text, the text there is exactly citation.quote, and judge_citation on
// the same text says intact.

#include <cstddef>
#include <cstdint>
#include <optional>
#include <string_view>

#include "core/anchor.h"
#include "core/quote.h"
#include "fuzz_check.h"

namespace core = provcheck::core;

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
  std::string_view input(reinterpret_cast<const char*>(data), size);
  std::size_t nul = input.find('\0');
  std::string_view text = input.substr(0, nul);
  std::string_view quote = nul == std::string_view::npos ? std::string_view() : input.substr(nul + 1);
  auto r = core::resolve_quote(text, quote, std::nullopt, "s", "h");
  if (!r.ok()) return 0;
  const core::Citation& c = r->citation;
  FUZZ_CHECK(c.start <= c.end && c.end <= text.size(), "citation span lies outside the text");
  FUZZ_CHECK(text.substr(c.start, c.end - c.start) == c.quote, "citation quote is not the text at its span");
  core::SourceView view(text);
  FUZZ_CHECK(core::judge_citation(view, c).status == core::CitationStatus::intact, "a fresh pin is not intact");
  return 0;
}
