// Fuzzes the JSON Lines reader of `claim import` (parse_claim_requests).
// Invariant: never crashes; an accepted request has a source and a quote
// and names its line; a rejection names the input ("in.jsonl:...").

#include <cstddef>
#include <cstdint>
#include <string_view>

#include "fuzz_check.h"
#include "workspace/claims_file.h"

namespace ws = provcheck::workspace;

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
  std::string_view bytes(reinterpret_cast<const char*>(data), size);
  auto requests = ws::parse_claim_requests(bytes, "in.jsonl");
  if (!requests.ok()) {
    FUZZ_CHECK(requests.error().message().rfind("in.jsonl:", 0) == 0, "an error does not name the input line");
    return 0;
  }
  for (const auto& r : *requests) {
    FUZZ_CHECK(!r.source.empty() && !r.quote.empty(), "a request without source or quote was accepted");
    FUZZ_CHECK(r.origin.rfind("in.jsonl:", 0) == 0, "a request does not name its line");
  }
  return 0;
}
