#include "app/capture.h"

#include <gtest/gtest.h>
#include <unistd.h>

#include <fstream>

namespace provcheck::app {
namespace fs = std::filesystem;

TEST(Capture, IdsComeFromTheLastPathSegmentOrTheHost) {
  EXPECT_EQ(id_from_url("https://example.org/news/Ferry-Update.html?x=1#top"), "ferry-update");
  EXPECT_EQ(id_from_url("https://example.org/reports/annual_2024.pdf"), "annual_2024");
  EXPECT_EQ(id_from_url("http://127.0.0.1:8080/"), "127.0.0.1");
  EXPECT_EQ(id_from_url("https://user@Example.org"), "example.org");
  EXPECT_EQ(id_from_url("https://example.org/a/b/"), "b");
}

TEST(Capture, AnySchemeIsAUrlSoThatOthersAreRefusedNotReadAsPaths) {
  EXPECT_TRUE(is_url("https://example.org"));
  EXPECT_TRUE(is_url("file:///etc/hostname"));
  EXPECT_TRUE(is_url("ftp://h/x"));
  EXPECT_FALSE(is_url("notes/page.html"));
  EXPECT_FALSE(is_url("/abs/path.md"));
  auto r = capture_url("file:///etc/hostname", util::HttpOptions{}, "");
  ASSERT_FALSE(r.ok());
  EXPECT_EQ(r.error().kind(), util::ErrorKind::invalid_input);
}

TEST(Capture, ConfinementRefusesPathsAndLinksOutOfTheWorkspace) {
  fs::path tmp = fs::temp_directory_path() / ("provcheck-confine-" + std::to_string(::getpid()));
  fs::create_directories(tmp / "ws" / "notes");
  std::ofstream(tmp / "outside.txt") << "x";
  std::ofstream(tmp / "ws" / "notes" / "inside.txt") << "y";
  fs::create_symlink(tmp / "outside.txt", tmp / "ws" / "notes" / "link.txt");
  auto ws = workspace::Workspace::init(tmp / "ws");
  ASSERT_TRUE(ws.ok()) << ws.error().message();
  EXPECT_TRUE(check_confined(*ws, tmp / "ws" / "notes" / "inside.txt", false).ok());
  auto outside = check_confined(*ws, tmp / "outside.txt", false);
  ASSERT_FALSE(outside.ok());
  EXPECT_NE(outside.error().message().find("outside the workspace"), std::string::npos);
  EXPECT_NE(outside.error().message().find("--allow-outside"), std::string::npos);
  auto link = check_confined(*ws, tmp / "ws" / "notes" / "link.txt", false);
  ASSERT_FALSE(link.ok());
  EXPECT_NE(link.error().message().find("symbolic link that leads out of the workspace"), std::string::npos);
  auto dotdot = check_confined(*ws, tmp / "ws" / "notes" / ".." / ".." / "outside.txt", false);
  EXPECT_FALSE(dotdot.ok());
  EXPECT_TRUE(check_confined(*ws, tmp / "outside.txt", true).ok());
  fs::remove_all(tmp);
}

}  // namespace provcheck::app
