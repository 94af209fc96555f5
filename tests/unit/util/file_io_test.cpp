#include "util/file_io.h"

#include <gtest/gtest.h>
#include <stdlib.h>

#include <filesystem>

namespace provcheck::util {
namespace fs = std::filesystem;

class FileIoTest : public ::testing::Test {
 protected:
  void SetUp() override {
    char tmpl[] = "/tmp/provcheck-fileio-XXXXXX";
    m_dir = mkdtemp(tmpl);
  }
  void TearDown() override { fs::remove_all(m_dir); }
  fs::path m_dir;
};

TEST_F(FileIoTest, AtomicWriteReplacesWholeFileAndLeavesNoTemporary) {
  fs::path p = m_dir / "a.json";
  ASSERT_TRUE(write_file_atomic(p, "first").ok());
  ASSERT_TRUE(write_file_atomic(p, "second version").ok());
  EXPECT_EQ(*read_file(p), "second version");
  int files = 0;
  for (auto& e : fs::directory_iterator(m_dir)) { (void)e; ++files; }
  EXPECT_EQ(files, 1);
}

TEST_F(FileIoTest, InjectedWriteFailureKeepsOldContent) {
  fs::path p = m_dir / "keep.json";
  ASSERT_TRUE(write_file_atomic(p, "old").ok());
  setenv("PROVCHECK_FAIL_WRITE", "keep.json", 1);
  Status st = write_file_atomic(p, "new");
  unsetenv("PROVCHECK_FAIL_WRITE");
  ASSERT_FALSE(st.ok());
  EXPECT_EQ(st.error().kind(), ErrorKind::io);
  EXPECT_EQ(*read_file(p), "old");
}

TEST_F(FileIoTest, ReadMissingIsNotFoundAndDirectoryIsInvalid) {
  auto missing = read_file(m_dir / "nope.txt");
  ASSERT_FALSE(missing.ok());
  EXPECT_EQ(missing.error().kind(), ErrorKind::not_found);
  auto dir = read_file(m_dir);
  ASSERT_FALSE(dir.ok());
  EXPECT_EQ(dir.error().kind(), ErrorKind::invalid_input);
}

}  // namespace provcheck::util
