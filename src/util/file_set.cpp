#include "util/file_set.h"

#include <fcntl.h>
#include <sys/file.h>
#include <unistd.h>

#include <cerrno>
#include <cstdlib>
#include <cstring>

#include "util/file_io.h"

namespace provcheck::util {
namespace fs = std::filesystem;

namespace {

constexpr std::string_view k_magic = "provcheck.fileset/1\n";

// An exclusive flock on the lock file, held while alive.
class SetLock {
 public:
  static Result<SetLock> take(const fs::path& dir) {
    fs::path p = dir / k_file_set_lock;
    int fd = ::open(p.c_str(), O_RDWR | O_CREAT | O_CLOEXEC, 0644);
    if (fd < 0) return Error(ErrorKind::io, p.string() + ": cannot open: " + std::strerror(errno));
    while (::flock(fd, LOCK_EX) != 0) {
      if (errno == EINTR) continue;
      int err = errno;
      ::close(fd);
      return Error(ErrorKind::io, p.string() + ": cannot lock: " + std::strerror(err));
    }
    return SetLock(fd);
  }
  SetLock(SetLock&& o) noexcept : m_fd(o.m_fd) { o.m_fd = -1; }
  SetLock& operator=(SetLock&&) = delete;
  SetLock(const SetLock&) = delete;
  ~SetLock() {
    if (m_fd >= 0) ::close(m_fd);  // closing releases the lock
  }

 private:
  explicit SetLock(int fd) : m_fd(fd) {}
  int m_fd;
};

std::string stored_path(const fs::path& p, const fs::path& root) {
  std::string rel = relative_path(p, root);
  return rel.rfind("..", 0) == 0 ? p.string() : rel;
}

fs::path resolved_path(const std::string& s, const fs::path& root) {
  fs::path p(s);
  return p.is_absolute() ? p : root / p;
}

void append_field(std::string& out, const std::string& s) {
  out += std::to_string(s.size());
  out += ':';
  out += s;
}

bool read_field(std::string_view text, std::size_t& at, std::string& out) {
  std::size_t colon = text.find(':', at);
  if (colon == std::string_view::npos || colon == at || colon - at > 12) return false;
  std::size_t n = 0;
  for (std::size_t i = at; i < colon; ++i) {
    if (text[i] < '0' || text[i] > '9') return false;
    n = n * 10 + static_cast<std::size_t>(text[i] - '0');
  }
  if (text.size() - colon - 1 < n) return false;
  out.assign(text.substr(colon + 1, n));
  at = colon + 1 + n;
  return true;
}

// Test hook: PROVCHECK_FILESET_PAUSE=<file> makes a writer create <file>
// and wait for SIGKILL right after its commit point (the crash test's most
// interesting moment, which a random kill rarely hits).
void pause_after_commit_for_tests() {
  const char* f = std::getenv("PROVCHECK_FILESET_PAUSE");
  if (!f || !*f) return;
  (void)write_file_atomic(f, "paused\n");
  for (;;) ::pause();
}

Status finish(const fs::path& journal, const std::vector<std::pair<fs::path, fs::path>>& renames) {
  for (const auto& [tmp, target] : renames) {
    if (::rename(tmp.c_str(), target.c_str()) != 0 && errno != ENOENT) {
      return Error(ErrorKind::io, target.string() + ": cannot rename into place: " + std::strerror(errno) +
                                      "; the next provcheck command finishes the write (" + journal.string() + ")");
    }
  }
  if (::unlink(journal.c_str()) != 0 && errno != ENOENT) {
    return Error(ErrorKind::io, journal.string() + ": cannot remove: " + std::strerror(errno));
  }
  return Status();
}

Status recover_locked(const fs::path& journal_dir);

}  // namespace

Status write_file_set(const fs::path& journal_dir, const std::vector<FileWrite>& files) {
  if (files.empty()) return Status();
  if (files.size() == 1) return write_file_atomic(files[0].path, files[0].bytes);
  PC_TRY_STATUS(util::create_directories(journal_dir));
  PC_ASSIGN_OR_RETURN(SetLock lock, SetLock::take(journal_dir));
  // A set a dead writer committed comes first: its files are older.
  fs::path journal = journal_dir / k_file_set_journal;
  PC_TRY_STATUS(recover_locked(journal_dir));
  fs::path root = journal_dir.parent_path();
  std::vector<std::pair<fs::path, fs::path>> renames;
  auto drop = [&] {
    for (const auto& r : renames) ::unlink(r.first.c_str());
  };
  for (const FileWrite& f : files) {
    auto tmp = write_temporary(f.path, f.bytes);
    if (!tmp.ok()) {
      drop();
      return tmp.error();
    }
    renames.emplace_back(std::move(tmp).value(), f.path);
  }
  std::string text(k_magic);
  for (const auto& [tmp, target] : renames) {
    append_field(text, stored_path(tmp, root));
    append_field(text, stored_path(target, root));
    text += '\n';
  }
  if (auto st = write_file_atomic(journal, text); !st.ok()) {
    drop();
    return st;
  }
  pause_after_commit_for_tests();
  return finish(journal, renames);
}

Status recover_file_set(const fs::path& journal_dir) {
  std::error_code ec;
  if (!fs::exists(journal_dir / k_file_set_journal, ec)) return Status();
  PC_ASSIGN_OR_RETURN(SetLock lock, SetLock::take(journal_dir));
  return recover_locked(journal_dir);
}

namespace {

Status recover_locked(const fs::path& journal_dir) {
  fs::path journal = journal_dir / k_file_set_journal;
  auto text = read_file(journal);
  if (!text.ok()) {
    if (text.error().kind() == ErrorKind::not_found) return Status();
    return text.error();
  }
  fs::path root = journal_dir.parent_path();
  std::string_view t = *text;
  if (t.substr(0, k_magic.size()) != k_magic) {
    return Error(ErrorKind::corruption, journal.string() + ": not a provcheck file-set journal; move it away");
  }
  std::vector<std::pair<fs::path, fs::path>> renames;
  for (std::size_t at = k_magic.size(); at < t.size();) {
    std::string tmp, target;
    if (!read_field(t, at, tmp) || !read_field(t, at, target) || at >= t.size() || t[at] != '\n') {
      return Error(ErrorKind::corruption, journal.string() + ": damaged file-set journal; move it away");
    }
    ++at;
    renames.emplace_back(resolved_path(tmp, root), resolved_path(target, root));
  }
  return finish(journal, renames);
}

}  // namespace
}  // namespace provcheck::util
