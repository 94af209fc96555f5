#pragma once
// `claim add`, `claim import`, `claim list`, `claim show`: pinning claims
// to the exact passages of sources and reading them back. Adding is all or
// nothing: the claims file is rewritten atomically and the store updated in
// the same transaction, or neither changes.

#include <optional>
#include <string>
#include <vector>

#include "app/session.h"
#include "core/model.h"

namespace provcheck::app {

struct ClaimAddOptions {
  std::vector<core::ClaimRequest> requests;
  std::optional<std::string> to;  // claims file, workspace-relative or absolute
};

util::Result<CommandOutput> claim_add(const GlobalOptions& g, const ClaimAddOptions& o);
util::Result<CommandOutput> claim_import(const GlobalOptions& g, const std::string& jsonl_path,
                                         const std::optional<std::string>& to);
util::Result<CommandOutput> claim_list(const GlobalOptions& g, bool json);
util::Result<CommandOutput> claim_show(const GlobalOptions& g, const std::string& id, bool json);

}  // namespace provcheck::app
