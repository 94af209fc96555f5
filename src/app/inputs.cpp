#include "app/inputs.h"

#include <algorithm>
#include <filesystem>

#include "app/check_pipeline.h"
#include "core/conflicts.h"
#include "core/normalize.h"
#include "util/hash.h"
#include "workspace/sources.h"

namespace provcheck::app {
namespace fs = std::filesystem;
using util::Error;
using util::ErrorKind;

namespace {

bool ends_with(const std::string& s, const std::string& suffix) {
  return s.size() >= suffix.size() && s.compare(s.size() - suffix.size(), suffix.size(), suffix) == 0;
}

// Lists `dir` (workspace-relative `rel`), recursing into subfolders of
// claims/. Hidden entries are skipped.
util::Status scan_dir(const workspace::Workspace& ws, const std::string& rel, bool claims, InputScan& out) {
  auto entries = util::list_directory(ws.absolute(rel));
  if (!entries.ok()) {
    if (entries.error().kind() == ErrorKind::not_found) return util::Status();
    return entries.error();
  }
  for (util::DirEntry& e : *entries) {
    if (e.name.empty() || e.name[0] == '.') continue;
    std::string path = rel + "/" + e.name;
    if (e.stat.is_directory) {
      if (claims) PC_TRY_STATUS(scan_dir(ws, path, true, out));
      continue;
    }
    if (!e.stat.is_regular) continue;
    InputFile f{InputFile::Kind::content, std::move(path), e.stat};
    if (claims) {
      if (!ends_with(e.name, ".json")) continue;
      f.kind = InputFile::Kind::claims;
    } else if (ends_with(e.name, workspace::k_sidecar_suffix)) {
      f.kind = InputFile::Kind::sidecar;
    }
    out.files.push_back(std::move(f));
  }
  return util::Status();
}

}  // namespace

util::Result<InputScan> scan_inputs(const workspace::Workspace& ws) {
  InputScan scan;
  PC_TRY_STATUS(scan_dir(ws, "sources", false, scan));
  PC_TRY_STATUS(scan_dir(ws, "claims", true, scan));
  if (auto st = util::stat_file(ws.settings_path()); st.ok()) {
    scan.files.push_back({InputFile::Kind::settings, "provcheck.json", *st});
  }
  std::sort(scan.files.begin(), scan.files.end(), [](const InputFile& a, const InputFile& b) { return a.rel < b.rel; });
  return scan;
}

std::string fingerprint(const InputScan& scan, const std::string& engine_version) {
  std::string buf = engine_version + "|norm" + std::to_string(core::k_normalization_version) + "|conflicts" +
                    std::to_string(core::k_conflicts_version) + "\n";
  buf.reserve(scan.files.size() * 64);
  for (const InputFile& f : scan.files) {
    buf += f.rel;
    std::uint64_t nums[4] = {f.stat.size, static_cast<std::uint64_t>(f.stat.mtime_ns),
                             static_cast<std::uint64_t>(f.stat.ctime_ns), f.stat.inode};
    buf.append(reinterpret_cast<const char*>(nums), sizeof nums);
    buf += '\n';
  }
  return util::xxh3_128_digest(buf);
}

bool all_settled(const InputScan& scan, const std::unordered_map<std::string, store::FileRecord>& records) {
  for (const InputFile& f : scan.files) {
    auto it = records.find(f.rel);
    if (it == records.end()) return false;
    const store::FileRecord& r = it->second;
    if (!stat_matches(r, f.stat)) return false;
  }
  return true;
}

}  // namespace provcheck::app
