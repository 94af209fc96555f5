#include "util/http_fetch.h"

#include <gtest/gtest.h>
#include <signal.h>
#include <spawn.h>
#include <sys/wait.h>
#include <unistd.h>

#include <chrono>
#include <cstdlib>
#include <filesystem>
#include <fstream>
#include <thread>

extern char** environ;

namespace provcheck::util {
namespace fs = std::filesystem;

// Starts tests/http/serve.py on loopback for the whole suite.
class HttpFetch : public ::testing::Test {
 protected:
  static void SetUpTestSuite() {
    // A proxy from the environment must not see loopback traffic.
    ::setenv("no_proxy", "*", 1);
    ::setenv("NO_PROXY", "*", 1);
    s_dir = fs::temp_directory_path() / ("provcheck-http-" + std::to_string(::getpid()));
    fs::create_directories(s_dir / "site");
    std::ofstream(s_dir / "site" / "page.html") << "<html><body><p>Hello</p></body></html>";
    std::string script = std::string(PROVCHECK_HTTP_TESTS) + "/serve.py";
    std::string root = (s_dir / "site").string(), port_file = (s_dir / "port").string(), log = (s_dir / "log").string();
    std::vector<std::string> args = {"python3", script, "--root", root, "--port-file", port_file, "--log", log,
                                     "--lifetime", "60"};
    std::vector<char*> argv;
    for (auto& a : args) argv.push_back(a.data());
    argv.push_back(nullptr);
    if (posix_spawnp(&s_pid, "python3", nullptr, nullptr, argv.data(), environ) != 0) s_pid = 0;
    for (int i = 0; i < 200 && !fs::exists(port_file); ++i) std::this_thread::sleep_for(std::chrono::milliseconds(25));
    std::ifstream(port_file) >> s_port;
  }
  static void TearDownTestSuite() {
    if (s_pid > 0) {
      ::kill(s_pid, SIGTERM);
      int status = 0;
      ::waitpid(s_pid, &status, 0);
    }
    fs::remove_all(s_dir);
  }
  void SetUp() override {
    if (s_port == 0) GTEST_SKIP() << "python3 could not start the loopback test server";
  }
  static std::string url(const std::string& path) { return "http://127.0.0.1:" + std::to_string(s_port) + path; }

  static inline fs::path s_dir;
  static inline pid_t s_pid = 0;
  static inline int s_port = 0;
};

TEST_F(HttpFetch, GetsBodyStatusValidatorsAndFinalUrl) {
  auto r = http_get(url("/redirect?to=/page.html"), HttpOptions{});
  ASSERT_TRUE(r.ok()) << r.error().message();
  EXPECT_EQ(r->status, 200);
  EXPECT_EQ(r->body, "<html><body><p>Hello</p></body></html>");
  EXPECT_EQ(r->final_url, url("/page.html"));
  EXPECT_EQ(r->redirects, 1);
  EXPECT_EQ(r->content_type, "text/html; charset=utf-8");
  EXPECT_FALSE(r->etag.empty());
  EXPECT_FALSE(r->last_modified.empty());
  HttpOptions conditional;
  conditional.if_none_match = r->etag;
  auto again = http_get(url("/page.html"), conditional);
  ASSERT_TRUE(again.ok());
  EXPECT_EQ(again->status, 304);
  EXPECT_TRUE(again->body.empty());
}

TEST_F(HttpFetch, StatusCodesAreResponsesNotErrors) {
  auto r = http_get(url("/status/500"), HttpOptions{});
  ASSERT_TRUE(r.ok());
  EXPECT_EQ(r->status, 500);
  EXPECT_EQ(http_reason(404), "Not Found");
}

TEST_F(HttpFetch, BoundsAreErrorsOfTheirKind) {
  HttpOptions o;
  o.max_redirects = 3;
  auto loop = http_get(url("/loop/1"), o);
  ASSERT_FALSE(loop.ok());
  EXPECT_EQ(loop.error().kind(), ErrorKind::invalid_input);
  EXPECT_NE(loop.error().message().find("more than 3 redirects"), std::string::npos);
  o.max_bytes = 100;
  auto big = http_get(url("/big?bytes=5000"), o);
  ASSERT_FALSE(big.ok());
  EXPECT_NE(big.error().message().find("larger than the cap of 100 bytes"), std::string::npos);
  o.max_bytes = 1 << 20;
  o.total_timeout_ms = 300;
  auto slow = http_get(url("/slow?seconds=3"), o);
  ASSERT_FALSE(slow.ok());
  EXPECT_EQ(slow.error().kind(), ErrorKind::io);
  auto file = http_get(url("/to-file"), HttpOptions{});
  ASSERT_FALSE(file.ok());
  EXPECT_EQ(file.error().kind(), ErrorKind::invalid_input);
}

TEST(HttpUrl, OnlyHttpAndHttpsAreFetched) {
  EXPECT_EQ(url_scheme("HTTPS://example.org/x"), "https");
  EXPECT_EQ(url_scheme("notes/file.txt"), "");
  EXPECT_EQ(url_scheme("c:/x"), "");
  auto r = http_get("file:///etc/hostname", HttpOptions{});
  ASSERT_FALSE(r.ok());
  EXPECT_EQ(r.error().kind(), ErrorKind::invalid_input);
  EXPECT_FALSE(http_get("gopher://h/", HttpOptions{}).ok());
}

}  // namespace provcheck::util
