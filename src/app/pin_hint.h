#pragma once
// The command that pins the closest passage when a typed quote is not in
// its source (`claim add`), or what to change in the line (`claim import`).
// Pure; never touches files.

#include <string>
#include <string_view>

#include "core/model.h"
#include "util/result.h"

namespace provcheck::app {

// `why` is resolve_quote's not_found error for request `r` against the
// source's text layer `text`; returns it with the pinning command appended
// when a close passage exists, otherwise unchanged.
util::Error with_pin_hint(const util::Error& why, const core::ClaimRequest& r, std::string_view text);

// A word for a POSIX shell: single-quoted when it holds anything but
// letters, digits and -_./:=,@%+.
std::string shell_word(std::string_view s);

}  // namespace provcheck::app
