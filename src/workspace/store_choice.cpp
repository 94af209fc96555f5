#include "workspace/store_choice.h"

#include <unistd.h>

#include <cstdlib>
#include <random>

#include "util/file_io.h"
#include "workspace/settings_file.h"

namespace provcheck::workspace {
namespace {
using util::Error;
using util::ErrorKind;

std::string env(const char* name) {
  const char* v = std::getenv(name);
  return v ? std::string(v) : std::string();
}

std::string first_env(std::initializer_list<const char*> names) {
  for (const char* n : names) {
    std::string v = env(n);
    if (!v.empty()) return v;
  }
  return {};
}

std::string trim(std::string s) {
  while (!s.empty() && (s.back() == '\n' || s.back() == '\r' || s.back() == ' ')) s.pop_back();
  return s;
}

// The git directory of the repository holding `dir` (a .git folder, or the
// folder a .git file points at in a worktree or submodule).
std::filesystem::path git_dir(std::filesystem::path dir) {
  std::error_code ec;
  for (; !dir.empty(); dir = dir.parent_path()) {
    std::filesystem::path g = dir / ".git";
    if (std::filesystem::is_directory(g, ec)) return g;
    if (std::filesystem::is_regular_file(g, ec)) {
      auto text = util::read_file(g);
      if (text.ok() && text->rfind("gitdir: ", 0) == 0) {
        std::filesystem::path p = trim(text->substr(8));
        return p.is_absolute() ? p : dir / p;
      }
    }
    if (dir == dir.parent_path()) break;
  }
  return {};
}

std::string new_workspace_id() {
  std::random_device rd;
  std::string id;
  const char* hex = "0123456789abcdef";
  for (int i = 0; i < 32; ++i) {
    if (i == 8 || i == 12 || i == 16 || i == 20) id += '-';
    id += hex[rd() % 16];
  }
  return id;
}

}  // namespace

util::Result<StoreChoice> choose_store(const Workspace&, const core::Settings& settings) {
  StoreChoice c;
  if (const char* e = std::getenv("PROVCHECK_STORE"); e && *e) {
    // The environment may carry a password (never printed): only the scheme is checked.
    std::string url = e;
    if (url != "sqlite" && url.rfind("postgresql://", 0) != 0 && url.rfind("postgres://", 0) != 0) {
      return Error(ErrorKind::invalid_input,
                   "PROVCHECK_STORE must be \"sqlite\" or a PostgreSQL URL (postgresql://[user@]host[:port]/database)");
    }
    c.url = url == "sqlite" ? "" : url;
    c.origin = "PROVCHECK_STORE";
    return c;
  }
  if (!settings.store.empty() && settings.store != "sqlite") {
    c.url = settings.store;
    c.origin = "provcheck.json";
  }
  return c;
}

util::Result<std::string> ensure_workspace_id(const Workspace& ws) {
  auto bytes = util::read_file(ws.settings_path());
  std::string text;
  if (bytes.ok()) {
    text = *bytes;
    PC_ASSIGN_OR_RETURN(core::Settings s, parse_settings(text, "provcheck.json"));
    if (!s.workspace_id.empty()) return s.workspace_id;
  } else if (bytes.error().kind() != ErrorKind::not_found) {
    return bytes.error();
  }
  std::string id = new_workspace_id();
  std::string line = "\"workspace_id\": \"" + id + "\"";
  std::string out;
  if (text.empty()) {
    out = "{\n  \"schema\": \"" + std::string(k_settings_schema) + "\",\n  " + line + "\n}\n";
  } else {
    // Added as the first key, the rest of the file kept byte for byte.
    std::size_t brace = text.find('{');
    std::size_t next = text.find_first_not_of(" \t\r\n", brace + 1);
    bool empty_object = next != std::string::npos && text[next] == '}';
    out = text.substr(0, brace + 1) + "\n  " + line + (empty_object ? "\n" : ",") + text.substr(brace + 1);
  }
  PC_ASSIGN_OR_RETURN(core::Settings check, parse_settings(out, "provcheck.json"));
  (void)check;
  PC_TRY_STATUS(util::write_file_atomic(ws.settings_path(), out));
  // Another command may have written its id first: the file says which one holds.
  auto again = util::read_file(ws.settings_path());
  if (again.ok()) {
    auto s = parse_settings(*again, "provcheck.json");
    if (s.ok() && !s->workspace_id.empty()) return s->workspace_id;
  }
  return id;
}

std::string current_branch(const Workspace& ws) {
  std::string b = first_env({"PROVCHECK_BRANCH", "GITHUB_HEAD_REF", "CI_MERGE_REQUEST_SOURCE_BRANCH_NAME",
                             "GITHUB_REF_NAME", "CI_COMMIT_REF_NAME"});
  if (!b.empty()) return b;
  std::filesystem::path g = git_dir(ws.root());
  if (g.empty()) return "main";
  auto head = util::read_file(g / "HEAD");
  if (!head.ok()) return "main";
  std::string h = trim(*head);
  if (h.rfind("ref: refs/heads/", 0) == 0) return h.substr(16);
  if (h.rfind("ref: ", 0) == 0) return h.substr(5);
  return "detached@" + h.substr(0, 12);
}

std::string base_branch() {
  std::string b = first_env({"PROVCHECK_BASE_BRANCH", "GITHUB_BASE_REF", "CI_MERGE_REQUEST_TARGET_BRANCH_NAME",
                             "CI_DEFAULT_BRANCH"});
  return b.empty() ? "main" : b;
}

std::string clone_key(const Workspace& ws) {
  char host[256] = {0};
  if (gethostname(host, sizeof host - 1) != 0) host[0] = '\0';
  return std::string(host) + ":" + ws.root().string();
}

}  // namespace provcheck::workspace
