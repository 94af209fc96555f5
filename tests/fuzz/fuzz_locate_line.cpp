// Fuzzes the JSON Lines reader of `provcheck locate` (workspace/selectors.h),
// which has a fast path and a full JSON parser behind it. Invariants: no
// crash; an error is invalid_input and names the line ("in.jsonl:7"); an
// accepted selector has an id, a text file and a non-empty quote; and the
// selector written back as a canonical JSON line (nlohmann's) reads back
// to the same fields, whichever path reads it.

#include <cstddef>
#include <cstdint>
#include <string>
#include <string_view>

#include <nlohmann/json.hpp>

#include "fuzz_check.h"
#include "workspace/selectors.h"

namespace ws = provcheck::workspace;

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
  std::string_view line(reinterpret_cast<const char*>(data), size);
  auto r = ws::parse_selector_line(line, "in.jsonl:7");
  if (!r.ok()) {
    FUZZ_CHECK(r.error().kind() == provcheck::util::ErrorKind::invalid_input, "a bad line is not invalid_input");
    FUZZ_CHECK(r.error().message().rfind("in.jsonl:7", 0) == 0, "an error does not name the line");
    return 0;
  }
  FUZZ_CHECK(!r->id.empty() && !r->text_file.empty() && !r->selector.quote.empty(), "an incomplete selector");
  nlohmann::json j = {{"id", r->id},
                      {"text_file", r->text_file},
                      {"exact", r->selector.quote},
                      {"prefix", r->selector.prefix},
                      {"suffix", r->selector.suffix},
                      {"start", r->selector.start},
                      {"end", r->selector.end}};
  std::string again;
  try {
    again = j.dump(-1, ' ', false, nlohmann::json::error_handler_t::strict);
  } catch (const nlohmann::json::exception&) {
    return 0;  // a string that is not UTF-8 (the reader keeps bytes as they are)
  }
  auto r2 = ws::parse_selector_line(again, "in.jsonl:7");
  FUZZ_CHECK(r2.ok(), "a canonical line of an accepted selector is rejected");
  FUZZ_CHECK(r2->id == r->id && r2->text_file == r->text_file && r2->selector.quote == r->selector.quote &&
                 r2->selector.prefix == r->selector.prefix && r2->selector.suffix == r->selector.suffix &&
                 r2->selector.start == r->selector.start && r2->selector.end == r->selector.end,
             "a selector does not read back the same");
  return 0;
}
