#pragma once
// File access for the rest of the program: whole-file reads, stat, and
// atomic writes (write to a temporary name in the same folder, fsync,
// rename), so a crash or a failed write never leaves a half-written file in
// place of a good one. Errors are ErrorKind::io or not_found with the path
// in the message. Functions are thread-safe; they touch only their paths.

#include <cstdint>
#include <filesystem>
#include <string>
#include <string_view>
#include <vector>

#include "util/result.h"

namespace provcheck::util {

struct FileStat {
  std::uint64_t size = 0;
  std::int64_t mtime_ns = 0;
  std::int64_t ctime_ns = 0;  // status change: set by the kernel on every write, unlike mtime (touch -r)
  std::uint64_t inode = 0;
  bool is_regular = false;
  bool is_directory = false;
};

Result<FileStat> stat_file(const std::filesystem::path& path);

struct DirEntry {
  std::string name;
  FileStat stat;
};
// The entries of a folder with their stat (one fstatat each, relative to
// the open folder), skipping "." and ".."; unsorted. Entries that vanish
// between listing and stat are left out.
Result<std::vector<DirEntry>> list_directory(const std::filesystem::path& dir);
Result<std::string> read_file(const std::filesystem::path& path);
Status write_file_atomic(const std::filesystem::path& path, std::string_view bytes);
// The first half of write_file_atomic: `bytes` written and synced to a new
// temporary file beside `path` (".NAME.tmp-XXXXXX"), whose name it returns.
Result<std::filesystem::path> write_temporary(const std::filesystem::path& path, std::string_view bytes);
Status create_directories(const std::filesystem::path& path);

// Path of `path` relative to `base` with '/' separators, for messages and
// for the store (so a workspace can move).
std::string relative_path(const std::filesystem::path& path, const std::filesystem::path& base);

}  // namespace provcheck::util
