#pragma once
// All-or-nothing changes to several files of a workspace (claims files,
// sidecars, content files), also across a crash. A change is staged as
// whole new contents and deletions; commit() happens in two steps:
//
//   prepare(): every new content is written (fsynced) to a temporary file in
//     .provcheck/txn/, then the journal .provcheck/txn/journal.json, which
//     lists each temporary and its destination and each deletion, is
//     written atomically. Until the journal exists nothing visible changed;
//     a failure removes the temporaries.
//   apply(): each temporary is renamed onto its destination, then the
//     deletions are done, then the journal is removed.
//
// A process that dies between the two leaves the journal behind; the next
// writer finishes it (recover_pending, called by WriteLock::acquire) before
// it reads anything, so the change is either wholly absent or wholly there.
// Callers hold the workspace's WriteLock. Paths are workspace-relative.
// Errors are values (io, with the path). Not thread-safe.

#include <string>
#include <vector>

#include "util/result.h"
#include "workspace/workspace.h"

namespace provcheck::workspace {

class FileTransaction {
 public:
  explicit FileTransaction(const Workspace& ws) : m_ws(ws) {}
  FileTransaction(const FileTransaction&) = delete;
  FileTransaction& operator=(const FileTransaction&) = delete;
  ~FileTransaction();  // an unapplied prepared change is abandoned (temporaries and journal removed)

  void write(const std::string& rel, std::string bytes);
  void remove(const std::string& rel);
  bool empty() const { return m_writes.empty() && m_removes.empty(); }

  util::Status prepare();
  util::Status apply();
  // prepare() then apply().
  util::Status commit();
  // Drops a prepared change (e.g. the store's commit failed after prepare).
  void abandon();

 private:
  struct Write {
    std::string rel;
    std::string bytes;
    std::string temp;  // absolute, once prepared
  };
  const Workspace& m_ws;
  std::vector<Write> m_writes;
  std::vector<std::string> m_removes;
  bool m_prepared = false;
};

// Finishes a change whose journal a crash left behind, and removes stray
// temporaries of a change that never got its journal.
util::Status recover_pending(const Workspace& ws);

}  // namespace provcheck::workspace
