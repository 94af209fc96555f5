#pragma once
// Fast readers for well-formed claims files and sidecars: simdjson's
// On-Demand API straight into the model, recording only each claim's line.
// They validate as strictly as the tree-based readers, but on any problem
// they give up (nullopt) and the caller re-reads with the tree-based reader,
// which names the exact line, column and field. Thread-compatible.

#include <optional>
#include <string>
#include <string_view>

#include "core/model.h"
#include "workspace/claims_file.h"

namespace provcheck::workspace {

std::optional<ClaimsFile> fast_parse_claims_file(std::string_view bytes, const std::string& path);
std::optional<core::SourceMeta> fast_parse_sidecar(std::string_view bytes);
// One `locate` selector line; nullopt for anything unusual (the caller then
// parses it again the careful way, which names the problem).
struct SelectorRequest;
bool fast_parse_selector(std::string_view line, SelectorRequest& out);

}  // namespace provcheck::workspace
