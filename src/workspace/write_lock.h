#pragma once
// The workspace's write lock: one exclusive lock (flock(2) on
// .provcheck/write.lock) that every command changing claims files or
// sidecars takes BEFORE it reads what it changes and releases AFTER its
// last rename, so two writers never work from the same old copy of a file
// (the lost-update problem). It belongs to the workspace, not the store, so
// it also holds when the store is a server database. Readers (check,
// report, show) do not take it: every file is replaced by rename, so a
// reader sees the old or the new file, never half of one.
//
// Taking it waits at most `timeout_ms` (the store's busy timeout,
// PROVCHECK_BUSY_TIMEOUT_MS), then fails with ErrorKind::busy. On taking
// it, a multi-file change that a crash interrupted is finished first
// (workspace/file_transaction.h). The lock is released by the destructor
// or by the kernel when the process dies. Not shared between threads.

#include <chrono>

#include "util/result.h"
#include "workspace/workspace.h"

namespace provcheck::workspace {

class WriteLock {
 public:
  static util::Result<WriteLock> acquire(const Workspace& ws, int timeout_ms);
  WriteLock(WriteLock&& o) noexcept : m_fd(o.m_fd) { o.m_fd = -1; }
  WriteLock& operator=(WriteLock&& o) noexcept;
  WriteLock(const WriteLock&) = delete;
  WriteLock& operator=(const WriteLock&) = delete;
  ~WriteLock();

 private:
  explicit WriteLock(int fd) : m_fd(fd) {}
  int m_fd = -1;
};

}  // namespace provcheck::workspace
