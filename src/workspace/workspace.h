#pragma once
// A workspace on disk: its root (found upward from a folder, as git finds
// .git) and the paths of its parts. A folder is a workspace root when it
// holds .provcheck/ or provcheck.json, or both sources/ and claims/.
// Creating a skeleton is idempotent and never overwrites a file.

#include <filesystem>
#include <string>

#include "util/result.h"

namespace provcheck::workspace {

class Workspace {
 public:
  static util::Result<Workspace> discover(const std::filesystem::path& start);
  // Makes the skeleton in `dir`: sources/, claims/, reports/, .provcheck/
  // and a .gitignore entry for .provcheck/.
  static util::Result<Workspace> init(const std::filesystem::path& dir);

  const std::filesystem::path& root() const { return m_root; }
  std::filesystem::path sources_dir() const { return m_root / "sources"; }
  std::filesystem::path claims_dir() const { return m_root / "claims"; }
  std::filesystem::path reports_dir() const { return m_root / "reports"; }
  std::filesystem::path store_dir() const { return m_root / ".provcheck"; }
  std::filesystem::path store_path() const { return store_dir() / "store.db"; }
  std::filesystem::path settings_path() const { return m_root / "provcheck.json"; }
  // Workspace-relative, '/'-separated form of a path, for messages and the store.
  std::string relative(const std::filesystem::path& p) const;
  std::filesystem::path absolute(const std::string& relative) const { return m_root / relative; }

 private:
  explicit Workspace(std::filesystem::path root) : m_root(std::move(root)) {}
  std::filesystem::path m_root;
};

bool is_workspace_root(const std::filesystem::path& dir);

}  // namespace provcheck::workspace
