#include "util/file_set.h"

#include <gtest/gtest.h>
#include <stdlib.h>
#include <sys/wait.h>
#include <unistd.h>

#include <csignal>
#include <filesystem>

#include "util/file_io.h"

namespace provcheck::util {
namespace fs = std::filesystem;

class FileSetTest : public ::testing::Test {
 protected:
  void SetUp() override {
    char tmpl[] = "/tmp/provcheck-fileset-XXXXXX";
    m_root = mkdtemp(tmpl);
    m_journal_dir = m_root / ".provcheck";
    fs::create_directories(m_journal_dir);
    fs::create_directories(m_root / "claims");
    ASSERT_TRUE(write_file_atomic(a(), "old a").ok());
    ASSERT_TRUE(write_file_atomic(b(), "old b").ok());
  }
  void TearDown() override { fs::remove_all(m_root); }
  fs::path a() const { return m_root / "claims" / "a.json"; }
  fs::path b() const { return m_root / "claims" / "b\n::odd,name.json"; }
  int entries(const fs::path& dir) const {
    int n = 0;
    for (auto& e : fs::directory_iterator(dir)) n += e.path().filename() != k_file_set_lock;
    return n;
  }
  fs::path m_root, m_journal_dir;
};

TEST_F(FileSetTest, WritesEveryFileAndLeavesNoJournalOrTemporary) {
  ASSERT_TRUE(write_file_set(m_journal_dir, {{a(), "new a"}, {b(), "new b"}, {m_root / "claims" / "c.json", "c"}}).ok());
  EXPECT_EQ(*read_file(a()), "new a");
  EXPECT_EQ(*read_file(b()), "new b");
  EXPECT_EQ(*read_file(m_root / "claims" / "c.json"), "c");
  EXPECT_EQ(entries(m_root / "claims"), 3);
  EXPECT_EQ(entries(m_journal_dir), 0);
}

TEST_F(FileSetTest, AFailureBeforeTheCommitPointChangesNothing) {
  ::setenv("PROVCHECK_FAIL_WRITE", "b\n::odd", 1);
  Status st = write_file_set(m_journal_dir, {{a(), "new a"}, {b(), "new b"}});
  ::unsetenv("PROVCHECK_FAIL_WRITE");
  ASSERT_FALSE(st.ok());
  EXPECT_EQ(*read_file(a()), "old a");
  EXPECT_EQ(*read_file(b()), "old b");
  EXPECT_EQ(entries(m_root / "claims"), 2) << "the temporary of a.json was removed";
  EXPECT_EQ(entries(m_journal_dir), 0);
}

// A writer killed right after its commit point (the journal written, no
// file renamed yet): the files are still old; the next recovery makes
// them all new.
TEST_F(FileSetTest, AWriterKilledAfterItsCommitPointIsFinishedByTheNextRecovery) {
  fs::path paused = m_root / "paused";
  pid_t child = ::fork();
  ASSERT_GE(child, 0);
  if (child == 0) {
    ::setenv("PROVCHECK_FILESET_PAUSE", paused.c_str(), 1);
    (void)write_file_set(m_journal_dir, {{a(), "new a"}, {b(), "new b"}});
    ::_exit(0);
  }
  for (int i = 0; i < 2000 && !fs::exists(paused); ++i) ::usleep(5000);
  ASSERT_TRUE(fs::exists(paused));
  ::kill(child, SIGKILL);
  int status = 0;
  ::waitpid(child, &status, 0);
  EXPECT_EQ(*read_file(a()), "old a");
  EXPECT_TRUE(fs::exists(m_journal_dir / k_file_set_journal));
  ASSERT_TRUE(recover_file_set(m_journal_dir).ok());
  EXPECT_EQ(*read_file(a()), "new a");
  EXPECT_EQ(*read_file(b()), "new b");
  EXPECT_FALSE(fs::exists(m_journal_dir / k_file_set_journal));
  EXPECT_EQ(entries(m_root / "claims"), 2);
  EXPECT_TRUE(recover_file_set(m_journal_dir).ok()) << "nothing to do is fine";
}

TEST_F(FileSetTest, ADamagedJournalIsCorruptionAndTouchesNothing) {
  ASSERT_TRUE(write_file_atomic(m_journal_dir / k_file_set_journal, "provcheck.fileset/1\n99:short").ok());
  Status st = recover_file_set(m_journal_dir);
  ASSERT_FALSE(st.ok());
  EXPECT_EQ(st.error().kind(), ErrorKind::corruption);
  EXPECT_NE(st.error().message().find("move it away"), std::string::npos);
  EXPECT_EQ(*read_file(a()), "old a");
}

}  // namespace provcheck::util
