#include "util/file_io.h"

#include <dirent.h>
#include <fcntl.h>
#include <sys/stat.h>
#include <unistd.h>

#include <cerrno>
#include <cstdlib>
#include <cstring>
#include <future>

namespace provcheck::util {
namespace {

Error errno_error(const std::filesystem::path& path, const char* what, int err) {
  ErrorKind kind = (err == ENOENT || err == ENOTDIR) ? ErrorKind::not_found : ErrorKind::io;
  return Error(kind, path.string() + ": cannot " + what + ": " + std::strerror(err));
}

class Fd {
 public:
  explicit Fd(int fd) : m_fd(fd) {}
  ~Fd() { if (m_fd >= 0) ::close(m_fd); }
  Fd(const Fd&) = delete;
  Fd& operator=(const Fd&) = delete;
  int get() const { return m_fd; }
  int release() { int fd = m_fd; m_fd = -1; return fd; }

 private:
  int m_fd;
};

}  // namespace

namespace {

FileStat to_file_stat(const struct stat& st) {
  FileStat out;
  out.size = static_cast<std::uint64_t>(st.st_size);
  out.mtime_ns = static_cast<std::int64_t>(st.st_mtim.tv_sec) * 1000000000LL + st.st_mtim.tv_nsec;
  out.ctime_ns = static_cast<std::int64_t>(st.st_ctim.tv_sec) * 1000000000LL + st.st_ctim.tv_nsec;
  out.inode = static_cast<std::uint64_t>(st.st_ino);
  out.is_regular = S_ISREG(st.st_mode);
  out.is_directory = S_ISDIR(st.st_mode);
  return out;
}

class Dir {
 public:
  explicit Dir(DIR* d) : m_dir(d) {}
  ~Dir() { if (m_dir) ::closedir(m_dir); }
  Dir(const Dir&) = delete;
  Dir& operator=(const Dir&) = delete;
  DIR* get() const { return m_dir; }

 private:
  DIR* m_dir;
};

}  // namespace

Result<FileStat> stat_file(const std::filesystem::path& path) {
  struct stat st {};
  if (::stat(path.c_str(), &st) != 0) return errno_error(path, "stat", errno);
  return to_file_stat(st);
}

Result<std::vector<DirEntry>> list_directory(const std::filesystem::path& dir) {
  Dir d(::opendir(dir.c_str()));
  if (!d.get()) return errno_error(dir, "list", errno);
  int fd = ::dirfd(d.get());
  std::vector<DirEntry> out;
  for (;;) {
    errno = 0;
    struct dirent* e = ::readdir(d.get());
    if (!e) {
      if (errno != 0) return errno_error(dir, "list", errno);
      break;
    }
    if (std::strcmp(e->d_name, ".") == 0 || std::strcmp(e->d_name, "..") == 0) continue;
    out.push_back({e->d_name, {}});
  }
  // One fstatat per entry; a large folder is split over two threads, since
  // the time goes into the system calls.
  std::vector<char> vanished(out.size(), 0);
  auto stat_range = [&](std::size_t from, std::size_t to) {
    for (std::size_t i = from; i < to; ++i) {
      struct stat st {};
      if (::fstatat(fd, out[i].name.c_str(), &st, 0) != 0) vanished[i] = 1;
      else out[i].stat = to_file_stat(st);
    }
  };
  std::size_t half = out.size() > 1024 ? out.size() / 2 : out.size();
  auto other = std::async(std::launch::async, [&] { stat_range(half, out.size()); });
  stat_range(0, half);
  other.get();
  std::vector<DirEntry> kept;
  kept.reserve(out.size());
  for (std::size_t i = 0; i < out.size(); ++i) {
    if (!vanished[i]) kept.push_back(std::move(out[i]));
  }
  return kept;
}

Result<std::string> read_file(const std::filesystem::path& path) {
  Fd fd(::open(path.c_str(), O_RDONLY | O_CLOEXEC));
  if (fd.get() < 0) return errno_error(path, "open", errno);
  struct stat st {};
  if (::fstat(fd.get(), &st) != 0) return errno_error(path, "stat", errno);
  if (S_ISDIR(st.st_mode)) {
    return Error(ErrorKind::invalid_input, path.string() + ": is a directory, not a file");
  }
  // One spare byte lets a single read() see end-of-file without growing
  // (and re-zeroing) the buffer; the loop still copes with a growing file.
  std::string data;
  data.resize(static_cast<std::size_t>(st.st_size) + 1);
  std::size_t got = 0;
  for (;;) {
    if (got == data.size()) data.resize(data.size() * 2);
    ssize_t n = ::read(fd.get(), data.data() + got, data.size() - got);
    if (n < 0) {
      if (errno == EINTR) continue;
      return errno_error(path, "read", errno);
    }
    if (n == 0) break;
    got += static_cast<std::size_t>(n);
  }
  data.resize(got);
  return data;
}

Result<std::filesystem::path> write_temporary(const std::filesystem::path& path, std::string_view bytes) {
  // Fault injection for tests: PROVCHECK_FAIL_WRITE=<substring of the path>.
  if (const char* fail = std::getenv("PROVCHECK_FAIL_WRITE"); fail && *fail &&
      path.string().find(fail) != std::string::npos) {
    return Error(ErrorKind::io, path.string() + ": cannot write: injected failure (PROVCHECK_FAIL_WRITE)");
  }
  std::filesystem::path dir = path.parent_path().empty() ? "." : path.parent_path();
  std::string tmpl = (dir / ("." + path.filename().string() + ".tmp-XXXXXX")).string();
  Fd fd(::mkstemp(tmpl.data()));
  if (fd.get() < 0) return errno_error(dir, "create a temporary file in", errno);
  auto cleanup_fail = [&](const char* what) {
    int err = errno;
    ::unlink(tmpl.c_str());
    return errno_error(path, what, err);
  };
  std::size_t done = 0;
  while (done < bytes.size()) {
    ssize_t n = ::write(fd.get(), bytes.data() + done, bytes.size() - done);
    if (n < 0) {
      if (errno == EINTR) continue;
      return cleanup_fail("write");
    }
    done += static_cast<std::size_t>(n);
  }
  if (::fchmod(fd.get(), 0644) != 0) return cleanup_fail("set permissions of");
  if (::fsync(fd.get()) != 0) return cleanup_fail("sync");
  if (::close(fd.release()) != 0) return cleanup_fail("close");
  return std::filesystem::path(tmpl);
}

Status write_file_atomic(const std::filesystem::path& path, std::string_view bytes) {
  PC_ASSIGN_OR_RETURN(std::filesystem::path tmp, write_temporary(path, bytes));
  if (::rename(tmp.c_str(), path.c_str()) != 0) {
    int err = errno;
    ::unlink(tmp.c_str());
    return errno_error(path, "rename into place", err);
  }
  return Status();
}

Status create_directories(const std::filesystem::path& path) {
  std::error_code ec;
  std::filesystem::create_directories(path, ec);
  if (ec) return Error(ErrorKind::io, path.string() + ": cannot create folder: " + ec.message());
  return Status();
}

std::string relative_path(const std::filesystem::path& path, const std::filesystem::path& base) {
  std::error_code ec;
  auto rel = std::filesystem::relative(path, base, ec);
  if (ec || rel.empty()) return path.generic_string();
  return rel.generic_string();
}

}  // namespace provcheck::util
