#include "server/guard.h"

#include <gtest/gtest.h>

#include "server/pages.h"

namespace provcheck::server {
namespace {

Guard guard() { return make_guard("127.0.0.1", 7420, std::string(32, 'a')); }

TEST(GuardTest, HostMustBeTheDesksOwn) {
  Guard g = guard();
  EXPECT_FALSE(refuse_host(g, "127.0.0.1:7420"));
  EXPECT_FALSE(refuse_host(g, "localhost:7420"));
  EXPECT_FALSE(refuse_host(g, "LocalHost:7420"));
  EXPECT_FALSE(refuse_host(g, "[::1]:7420"));
  EXPECT_TRUE(refuse_host(g, ""));
  EXPECT_TRUE(refuse_host(g, "evil.example:7420"));      // DNS rebinding
  EXPECT_TRUE(refuse_host(g, "localhost.evil.example:7420"));
  EXPECT_TRUE(refuse_host(g, "127.0.0.1:7421"));          // another port
  EXPECT_TRUE(refuse_host(g, "127.0.0.1"));               // port 80 implied
  EXPECT_TRUE(refuse_host(g, "127.0.0.1:7420:1"));
  EXPECT_TRUE(refuse_host(g, "127.0.0.1:74x0"));
  EXPECT_TRUE(refuse_host(g, "[::1"));
  EXPECT_TRUE(refuse_host(g, "::1:7420"));
}

TEST(GuardTest, BoundAddressIsAccepted) {
  Guard g = make_guard("192.168.1.20", 8000, "t");
  EXPECT_FALSE(refuse_host(g, "192.168.1.20:8000"));
  EXPECT_TRUE(refuse_host(g, "192.168.1.21:8000"));
  Guard any = make_guard("0.0.0.0", 8000, "t");
  EXPECT_TRUE(refuse_host(any, "0.0.0.0:8000"));
  Guard v6 = make_guard("fe80::1", 8000, "t");
  EXPECT_FALSE(refuse_host(v6, "[fe80::1]:8000"));
}

TEST(GuardTest, WritesNeedPostTokenAndOrigin) {
  Guard g = guard();
  std::string token(32, 'a');
  EXPECT_FALSE(refuse_write(g, "POST", "127.0.0.1:7420", "http://127.0.0.1:7420", token));
  EXPECT_FALSE(refuse_write(g, "POST", "localhost:7420", "http://localhost:7420", token));
  EXPECT_TRUE(refuse_write(g, "GET", "127.0.0.1:7420", "http://127.0.0.1:7420", token));
  EXPECT_TRUE(refuse_write(g, "POST", "127.0.0.1:7420", "", token));
  EXPECT_TRUE(refuse_write(g, "POST", "127.0.0.1:7420", "null", token));
  EXPECT_TRUE(refuse_write(g, "POST", "127.0.0.1:7420", "http://evil.example", token));
  EXPECT_TRUE(refuse_write(g, "POST", "127.0.0.1:7420", "http://localhost:7420", token));  // another origin
  EXPECT_TRUE(refuse_write(g, "POST", "127.0.0.1:7420", "http://127.0.0.1:7420", ""));
  EXPECT_TRUE(refuse_write(g, "POST", "127.0.0.1:7420", "http://127.0.0.1:7420", std::string(32, 'b')));
  EXPECT_TRUE(refuse_write(g, "POST", "127.0.0.1:7420", "http://127.0.0.1:7420", token + "a"));
}

TEST(GuardTest, TokensAreRandom) {
  std::string a = new_token(), b = new_token();
  EXPECT_EQ(a.size(), 32u);
  EXPECT_NE(a, b);
}

TEST(GuardTest, Loopback) {
  EXPECT_TRUE(is_loopback("127.0.0.1"));
  EXPECT_TRUE(is_loopback("127.1.2.3"));
  EXPECT_TRUE(is_loopback("::1"));
  EXPECT_TRUE(is_loopback("localhost"));
  EXPECT_FALSE(is_loopback("0.0.0.0"));
  EXPECT_FALSE(is_loopback("192.168.1.20"));
  EXPECT_FALSE(is_loopback("::"));
}

TEST(GuardTest, PolicyAllowsOnlyOwnScriptAndStyle) {
  std::string csp;
  for (const Header& h : security_headers()) {
    if (std::string(h.name) == "Content-Security-Policy") csp = h.value;
  }
  EXPECT_NE(csp.find("script-src 'self'"), std::string::npos);
  EXPECT_NE(csp.find("style-src 'self'"), std::string::npos);
  EXPECT_NE(csp.find("frame-ancestors 'none'"), std::string::npos);
  EXPECT_EQ(csp.find("unsafe"), std::string::npos);
}

TEST(PagesTest, ReaderEscapesAndCoversEveryByte) {
  app::ReaderData d;
  d.source.meta.id = "x";
  d.source.meta.title = "<script>alert(1)</script>";
  d.text = "a <b onerror=x>\r\nline two\n";
  d.pins.push_back({"c-1", "<i>claim</i>", 0, 2, 10});
  std::string html = reader_page(d, std::nullopt, PageContext{"t", "", ""});
  EXPECT_EQ(html.find("<script>alert"), std::string::npos);
  EXPECT_EQ(html.find("<b onerror"), std::string::npos);
  EXPECT_EQ(html.find("<i>claim"), std::string::npos);
  EXPECT_NE(html.find(">&lt;b onerr</span>"), std::string::npos);
  EXPECT_NE(html.find("data-b=\"0\" data-e=\"2\""), std::string::npos);
  EXPECT_NE(html.find("id=\"pin-c-1-0\""), std::string::npos);
  EXPECT_NE(html.find("data-e=\"" + std::to_string(d.text.size()) + "\""), std::string::npos);
  EXPECT_EQ(html.find(" style="), std::string::npos);
}

TEST(PagesTest, UrlEncode) {
  EXPECT_EQ(url_encode("a b&c/d"), "a%20b%26c%2Fd");
  EXPECT_EQ(url_encode("town-1.x_y~"), "town-1.x_y~");
}

}  // namespace
}  // namespace provcheck::server
