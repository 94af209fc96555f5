#include "workspace/write_lock.h"

#include <fcntl.h>
#include <sys/file.h>
#include <unistd.h>

#include <cerrno>
#include <cstring>
#include <thread>

#include "util/file_io.h"
#include "workspace/file_transaction.h"

namespace provcheck::workspace {
using util::Error;
using util::ErrorKind;

util::Result<WriteLock> WriteLock::acquire(const Workspace& ws, int timeout_ms) {
  PC_TRY_STATUS(util::create_directories(ws.store_dir()));
  std::string path = (ws.store_dir() / "write.lock").string();
  int fd = ::open(path.c_str(), O_RDWR | O_CREAT | O_CLOEXEC, 0644);
  if (fd < 0) return Error(ErrorKind::io, path + ": cannot open the workspace lock: " + std::strerror(errno));
  WriteLock lock(fd);
  auto deadline = std::chrono::steady_clock::now() + std::chrono::milliseconds(timeout_ms < 0 ? 0 : timeout_ms);
  auto pause = std::chrono::milliseconds(1);
  for (;;) {
    if (::flock(fd, LOCK_EX | LOCK_NB) == 0) break;
    if (errno == EINTR) continue;
    if (errno != EWOULDBLOCK) return Error(ErrorKind::io, path + ": cannot lock: " + std::strerror(errno));
    if (std::chrono::steady_clock::now() >= deadline) {
      return Error(ErrorKind::busy, ".provcheck/write.lock: another provcheck process is changing this workspace "
                                    "and held its lock past the busy timeout (" + std::to_string(timeout_ms) +
                                    " ms, PROVCHECK_BUSY_TIMEOUT_MS); wait for it to finish and run again");
    }
    std::this_thread::sleep_for(pause);
    if (pause < std::chrono::milliseconds(20)) pause *= 2;
  }
  PC_TRY_STATUS(recover_pending(ws));
  return lock;
}

WriteLock& WriteLock::operator=(WriteLock&& o) noexcept {
  if (this != &o) {
    if (m_fd >= 0) ::close(m_fd);
    m_fd = o.m_fd;
    o.m_fd = -1;
  }
  return *this;
}

WriteLock::~WriteLock() {
  if (m_fd >= 0) ::close(m_fd);  // closing the descriptor releases the flock
}

}  // namespace provcheck::workspace
