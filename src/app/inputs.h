#pragma once
// The input files of a workspace as seen by stat alone: every file in
// sources/, every claims/**/*.json and provcheck.json. Their fingerprint
// decides whether a check can answer from the store without reading a
// single input. A file modified within k_racy_window_ns of when its stat
// was recorded is never trusted (the "racy git" problem: timestamps are
// coarser than edits), so it is read again. The change time (ctime) is
// compared too: `touch -r` or `cp -p` can put an old mtime on new content,
// but every write sets the ctime.

#include <cstdint>
#include <string>
#include <unordered_map>
#include <vector>

#include "store/store.h"
#include "util/file_io.h"
#include "util/result.h"
#include "workspace/workspace.h"

namespace provcheck::app {

inline constexpr std::int64_t k_racy_window_ns = 2'000'000'000;

struct InputFile {
  enum class Kind { sidecar, content, claims, settings } kind;
  std::string rel;
  util::FileStat stat;
};

struct InputScan {
  std::vector<InputFile> files;  // sorted by path
};

util::Result<InputScan> scan_inputs(const workspace::Workspace& ws);
std::string fingerprint(const InputScan& scan, const std::string& engine_version);
// True when every file has a record with the same stat, outside the racy window.
bool all_settled(const InputScan& scan, const std::unordered_map<std::string, store::FileRecord>& records);

}  // namespace provcheck::app
