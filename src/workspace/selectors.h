#pragma once
// The input of `provcheck locate`: one selector a line, JSON Lines, with the
// text file it is to be found in. Parsing names the line and field of an
// error. Thread-compatible.

#include <string>
#include <string_view>

#include "core/model.h"
#include "util/result.h"

namespace provcheck::workspace {

struct SelectorRequest {
  std::string id;
  std::string text_file;
  core::Citation selector;  // quote (from "exact"), prefix, suffix, start, end
};

// Parses one line ("origin" is "FILE:LINE" for messages). A blank line is an
// invalid_input error too: the caller skips blank lines before.
util::Result<SelectorRequest> parse_selector_line(std::string_view line, const std::string& origin);

}  // namespace provcheck::workspace
