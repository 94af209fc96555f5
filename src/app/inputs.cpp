#include "app/inputs.h"

#include <algorithm>
#include <filesystem>

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

util::Status scan_dir(const workspace::Workspace& ws, const fs::path& dir, bool recursive, InputScan& out) {
  std::error_code ec;
  if (!fs::is_directory(dir, ec)) return util::Status();
  auto add = [&](const fs::directory_entry& e) -> util::Status {
    std::string name = e.path().filename().string();
    if (name.empty() || name[0] == '.') return util::Status();
    auto st = util::stat_file(e.path());
    if (!st.ok()) return util::Status();  // vanished between listing and stat: not an input any more
    if (!st->is_regular) return util::Status();
    InputFile f{InputFile::Kind::content, ws.relative(e.path()), *st};
    if (recursive) {
      if (e.path().extension() != ".json") return util::Status();
      f.kind = InputFile::Kind::claims;
    } else if (ends_with(name, workspace::k_sidecar_suffix)) {
      f.kind = InputFile::Kind::sidecar;
    }
    out.files.push_back(std::move(f));
    return util::Status();
  };
  if (recursive) {
    for (fs::recursive_directory_iterator it(dir, ec), end; !ec && it != end; it.increment(ec)) PC_TRY_STATUS(add(*it));
  } else {
    for (fs::directory_iterator it(dir, ec), end; !ec && it != end; it.increment(ec)) PC_TRY_STATUS(add(*it));
  }
  if (ec) return Error(ErrorKind::io, dir.string() + ": cannot list: " + ec.message());
  return util::Status();
}

}  // namespace

util::Result<InputScan> scan_inputs(const workspace::Workspace& ws) {
  InputScan scan;
  PC_TRY_STATUS(scan_dir(ws, ws.sources_dir(), false, scan));
  PC_TRY_STATUS(scan_dir(ws, ws.claims_dir(), true, scan));
  if (auto st = util::stat_file(ws.settings_path()); st.ok()) {
    scan.files.push_back({InputFile::Kind::settings, "provcheck.json", *st});
  }
  std::sort(scan.files.begin(), scan.files.end(), [](const InputFile& a, const InputFile& b) { return a.rel < b.rel; });
  return scan;
}

std::string fingerprint(const InputScan& scan, const std::string& engine_version) {
  std::string buf = engine_version + "|norm" + std::to_string(core::k_normalization_version) + "\n";
  buf.reserve(scan.files.size() * 64);
  for (const InputFile& f : scan.files) {
    buf += f.rel;
    buf += '|' + std::to_string(f.stat.size) + '|' + std::to_string(f.stat.mtime_ns) + '|' +
           std::to_string(f.stat.inode) + '\n';
  }
  return util::xxh3_128_digest(buf);
}

bool all_settled(const InputScan& scan, const std::unordered_map<std::string, store::FileRecord>& records) {
  for (const InputFile& f : scan.files) {
    auto it = records.find(f.rel);
    if (it == records.end()) return false;
    const store::FileRecord& r = it->second;
    if (r.size != static_cast<std::int64_t>(f.stat.size) || r.mtime_ns != f.stat.mtime_ns ||
        r.inode != static_cast<std::int64_t>(f.stat.inode) || f.stat.mtime_ns >= r.recorded_ns - k_racy_window_ns) {
      return false;
    }
  }
  return true;
}

}  // namespace provcheck::app
