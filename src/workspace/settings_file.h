#pragma once
// provcheck.json, a workspace's optional settings: the failure threshold,
// severity overrides, aliases and tolerances (core/settings.h; every key is
// in the README). Reading validates everything: an unknown key is an error
// naming file, line and column and suggesting the nearest valid key; a value
// of the wrong type or out of range names the key and what it must be. A
// missing file means the defaults. Thread-compatible.

#include <string>
#include <string_view>

#include "core/settings.h"
#include "util/result.h"
#include "workspace/workspace.h"

namespace provcheck::workspace {

inline constexpr const char* k_settings_schema = "provcheck.settings/1";

// Parses the bytes of a settings file (`origin` names it in messages).
util::Result<core::Settings> parse_settings(std::string_view bytes, const std::string& origin);

// "sqlite" or a PostgreSQL URL without a password; `where` names it in the message.
util::Status check_store_url(const std::string& url, const std::string& where);

// Reads the workspace's provcheck.json; the defaults when there is none.
util::Result<core::Settings> load_settings(const Workspace& ws);

}  // namespace provcheck::workspace
