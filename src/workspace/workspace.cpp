#include "workspace/workspace.h"

#include "util/file_io.h"

namespace provcheck::workspace {
namespace fs = std::filesystem;
using util::Error;
using util::ErrorKind;

bool is_workspace_root(const fs::path& dir) {
  std::error_code ec;
  if (fs::is_directory(dir / ".provcheck", ec)) return true;
  if (fs::is_regular_file(dir / "provcheck.json", ec)) return true;
  return fs::is_directory(dir / "sources", ec) && fs::is_directory(dir / "claims", ec);
}

util::Result<Workspace> Workspace::discover(const fs::path& start) {
  std::error_code ec;
  fs::path dir = fs::weakly_canonical(fs::absolute(start, ec), ec);
  if (ec) return Error(ErrorKind::io, start.string() + ": cannot resolve folder: " + ec.message());
  if (!fs::is_directory(dir, ec)) return Error(ErrorKind::not_found, start.string() + ": no such folder");
  for (fs::path d = dir;; d = d.parent_path()) {
    if (is_workspace_root(d)) return Workspace(d);
    if (d == d.root_path() || d.parent_path() == d) break;
  }
  return Error(ErrorKind::not_found, dir.string() +
                                         ": not inside a provcheck workspace (no .provcheck/, provcheck.json, "
                                         "or sources/ with claims/ here or above); run `provcheck init` first");
}

util::Result<Workspace> Workspace::init(const fs::path& dir) {
  std::error_code ec;
  fs::path root = fs::weakly_canonical(fs::absolute(dir, ec), ec);
  if (ec) return Error(ErrorKind::io, dir.string() + ": cannot resolve folder: " + ec.message());
  if (fs::exists(root, ec) && !fs::is_directory(root, ec)) {
    return Error(ErrorKind::invalid_input, root.string() + ": exists and is not a folder");
  }
  Workspace ws(root);
  for (const fs::path& p : {ws.sources_dir(), ws.claims_dir(), ws.reports_dir(), ws.store_dir()}) {
    PC_TRY_STATUS(util::create_directories(p));
  }
  fs::path gitignore = root / ".gitignore";
  std::string content;
  if (fs::exists(gitignore, ec)) {
    PC_ASSIGN_OR_RETURN(content, util::read_file(gitignore));
  }
  bool listed = false;
  std::size_t pos = 0;
  while (pos <= content.size()) {
    std::size_t nl = content.find('\n', pos);
    std::string line = content.substr(pos, nl == std::string::npos ? std::string::npos : nl - pos);
    if (line == ".provcheck/" || line == ".provcheck" || line == "/.provcheck/" || line == "/.provcheck") listed = true;
    if (nl == std::string::npos) break;
    pos = nl + 1;
  }
  if (!listed) {
    if (!content.empty() && content.back() != '\n') content += '\n';
    content += "# provcheck's store: history and caches, rebuilt from sources/ and claims/\n.provcheck/\n";
    PC_TRY_STATUS(util::write_file_atomic(gitignore, content));
  }
  return ws;
}

std::string Workspace::relative(const fs::path& p) const {
  // Lexical fast path: paths made from root() (every listing) need no
  // file-system calls; anything else is resolved properly.
  const std::string& root = m_root.native();
  const std::string& s = p.native();
  if (p.is_absolute() && s.size() > root.size() + 1 && s.compare(0, root.size(), root) == 0 && s[root.size()] == '/') {
    return fs::path(s.substr(root.size() + 1)).lexically_normal().generic_string();
  }
  return util::relative_path(p, m_root);
}

}  // namespace provcheck::workspace
