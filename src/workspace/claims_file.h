#pragma once
// Claims files (claims/*.json): the reviewable record of claims. Parsing
// names file, line and column of every error; rendering is pretty-printed
// JSON with a stable key order, so a change shows as a small diff. Also the
// JSON Lines input of `claim import`. Writing is atomic (util/file_io.h).

#include <string>
#include <string_view>
#include <vector>

#include "core/model.h"
#include "util/result.h"
#include "workspace/workspace.h"

namespace provcheck::workspace {

inline constexpr const char* k_claims_schema = "provcheck.claims/1";

struct ClaimsFile {
  std::string path;  // workspace-relative
  std::vector<core::Claim> claims;
};

util::Result<ClaimsFile> parse_claims_file(std::string_view bytes, const std::string& path);
std::string render_claims_file(const ClaimsFile& file);
// One claim as compact JSON, the shape it has in a claims file (for the audit).
std::string render_claim(const core::Claim& claim);

// Workspace-relative paths of every claims/**/*.json, sorted.
util::Result<std::vector<std::string>> list_claims_files(const Workspace& ws);

// Reads and parses one claims file (workspace-relative path).
util::Result<ClaimsFile> read_claims_file(const Workspace& ws, const std::string& rel);

// Reads and parses every claims file; a claim id used twice is an error
// naming both places.
util::Result<std::vector<ClaimsFile>> load_claims(const Workspace& ws);
util::Status check_unique_ids(const std::vector<ClaimsFile>& files);

// One ClaimRequest per non-blank line; an error names the line.
util::Result<std::vector<core::ClaimRequest>> parse_claim_requests(std::string_view bytes, const std::string& origin);

}  // namespace provcheck::workspace
