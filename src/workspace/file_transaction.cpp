#include "workspace/file_transaction.h"

#include <fcntl.h>
#include <unistd.h>

#include <algorithm>

#include <cerrno>
#include <cstdlib>
#include <cstring>
#include <filesystem>
#include <nlohmann/json.hpp>

#include "util/file_io.h"

namespace provcheck::workspace {
namespace fs = std::filesystem;
using util::Error;
using util::ErrorKind;

namespace {

fs::path txn_dir(const Workspace& ws) { return ws.store_dir() / "txn"; }
fs::path journal_path(const Workspace& ws) { return txn_dir(ws) / "journal.json"; }

util::Status io_error(const fs::path& p, const char* what) {
  return Error(ErrorKind::io, p.string() + ": cannot " + what + ": " + std::strerror(errno));
}

util::Status fsync_dir(const fs::path& dir) {
  int fd = ::open(dir.c_str(), O_RDONLY | O_DIRECTORY | O_CLOEXEC);
  if (fd < 0) return util::Status();  // best effort: the renames are done
  (void)::fsync(fd);
  ::close(fd);
  return util::Status();
}

// Test hook: PROVCHECK_TEST_CRASH=after-journal ends the process abruptly
// right after the journal and the first rename, as a power cut would.
void maybe_crash(const char* point) {
  const char* v = std::getenv("PROVCHECK_TEST_CRASH");
  if (v && std::strcmp(v, point) == 0) std::_Exit(70);
}

// Test hook of the crash-stress script (scripts/crash-stress.py), as
// util/file_set.h has it: PROVCHECK_FILESET_PAUSE=<file> makes the writer
// create <file> and wait for SIGKILL right after its commit point (the
// journal written, nothing renamed yet), a moment a random kill rarely hits.
void pause_after_commit_for_tests() {
  const char* f = std::getenv("PROVCHECK_FILESET_PAUSE");
  if (!f || !*f) return;
  (void)util::write_file_atomic(f, "paused\n");
  for (;;) ::pause();
}

// Renames and deletions listed in the journal; each step is idempotent, so
// running it again after a crash in the middle is safe.
util::Status replay(const Workspace& ws, const nlohmann::json& j) {
  std::vector<fs::path> dirs;
  bool first = true;
  for (const auto& w : j.at("writes")) {
    fs::path temp = w.at("temp").get<std::string>();
    fs::path dest = ws.absolute(w.at("path").get<std::string>());
    std::error_code ec;
    if (!fs::exists(temp, ec)) continue;  // renamed before the crash
    fs::create_directories(dest.parent_path(), ec);
    if (::rename(temp.c_str(), dest.c_str()) != 0) return io_error(dest, "rename into place");
    dirs.push_back(dest.parent_path());
    if (first) maybe_crash("after-journal");
    first = false;
  }
  for (const auto& r : j.at("removes")) {
    fs::path p = ws.absolute(r.get<std::string>());
    if (::unlink(p.c_str()) != 0 && errno != ENOENT) return io_error(p, "remove");
    dirs.push_back(p.parent_path());
  }
  for (const auto& d : dirs) PC_TRY_STATUS(fsync_dir(d));
  return util::Status();
}

}  // namespace

void FileTransaction::write(const std::string& rel, std::string bytes) {
  for (auto& w : m_writes) {
    if (w.rel == rel) {
      w.bytes = std::move(bytes);
      return;
    }
  }
  std::erase(m_removes, rel);
  m_writes.push_back({rel, std::move(bytes), {}});
}

void FileTransaction::remove(const std::string& rel) {
  std::erase_if(m_writes, [&](const Write& w) { return w.rel == rel; });
  if (std::find(m_removes.begin(), m_removes.end(), rel) == m_removes.end()) m_removes.push_back(rel);
}

util::Status FileTransaction::prepare() {
  fs::path dir = txn_dir(m_ws);
  PC_TRY_STATUS(util::create_directories(dir));
  nlohmann::json j = {{"schema", "provcheck.txn/1"}, {"writes", nlohmann::json::array()},
                      {"removes", nlohmann::json::array()}};
  std::string tag = std::to_string(::getpid());
  for (std::size_t i = 0; i < m_writes.size(); ++i) {
    Write& w = m_writes[i];
    w.temp = (dir / (tag + "-" + std::to_string(i) + "-" + fs::path(w.rel).filename().string())).string();
    if (auto st = util::write_file_atomic(w.temp, w.bytes); !st.ok()) {
      abandon();
      return st.error().with_context("staging " + w.rel);
    }
    j["writes"].push_back({{"path", w.rel}, {"temp", w.temp}});
  }
  for (const auto& r : m_removes) j["removes"].push_back(r);
  if (auto st = util::write_file_atomic(journal_path(m_ws), j.dump(1) + "\n"); !st.ok()) {
    abandon();
    return st;
  }
  m_prepared = true;
  return util::Status();
}

util::Status FileTransaction::apply() {
  if (!m_prepared) return Error(ErrorKind::internal, "FileTransaction::apply before prepare");
  pause_after_commit_for_tests();
  PC_ASSIGN_OR_RETURN(std::string text, util::read_file(journal_path(m_ws)));
  PC_TRY_STATUS(replay(m_ws, nlohmann::json::parse(text)));
  if (::unlink(journal_path(m_ws).c_str()) != 0) return io_error(journal_path(m_ws), "remove");
  m_prepared = false;
  m_writes.clear();
  m_removes.clear();
  return util::Status();
}

util::Status FileTransaction::commit() {
  if (empty()) return util::Status();
  PC_TRY_STATUS(prepare());
  return apply();
}

void FileTransaction::abandon() {
  for (const auto& w : m_writes) {
    if (!w.temp.empty()) ::unlink(w.temp.c_str());
  }
  if (m_prepared) ::unlink(journal_path(m_ws).c_str());
  m_prepared = false;
}

FileTransaction::~FileTransaction() {
  if (m_prepared) abandon();
}

util::Status recover_pending(const Workspace& ws) {
  fs::path dir = txn_dir(ws);
  std::error_code ec;
  if (!fs::exists(dir, ec)) return util::Status();
  fs::path journal = journal_path(ws);
  if (fs::exists(journal, ec)) {
    PC_ASSIGN_OR_RETURN(std::string text, util::read_file(journal));
    nlohmann::json j = nlohmann::json::parse(text, nullptr, false);
    if (j.is_discarded() || !j.contains("writes") || !j.contains("removes")) {
      return Error(ErrorKind::corruption, journal.string() + ": an interrupted change's journal is damaged; look at "
                                          "the files it names, then delete it to go on");
    }
    PC_TRY_STATUS(replay(ws, j));
    if (::unlink(journal.c_str()) != 0) return io_error(journal, "remove");
  }
  // Temporaries of a change that died before its journal was written: that change never happened.
  for (const auto& e : fs::directory_iterator(dir, ec)) {
    if (e.path().filename() != "journal.json") fs::remove(e.path(), ec);
  }
  return util::Status();
}

}  // namespace provcheck::workspace
