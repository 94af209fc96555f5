#include "workspace/text_layer_pdf.h"

#include <gtest/gtest.h>

#include "pdf_fixture.h"

namespace provcheck::workspace {

TEST(TextLayerPdf, PagesInOrderSplitByFormFeedsWithTitle) {
  std::string pdf = testing::make_pdf({{"First page, first line.", "Second line (in brackets)."},
                                       {"Page two holds 1,300 tonnes."},
                                       {"Third page."}},
                                      "Port report");
  auto t = pdf_text_layer(pdf, "r.pdf");
  ASSERT_TRUE(t.ok()) << t.error().message();
  EXPECT_EQ(t->pages, 3);
  EXPECT_EQ(t->title, "Port report");
  std::size_t first = t->text.find("First page, first line.");
  std::size_t second = t->text.find("Second line (in brackets).");
  std::size_t two = t->text.find("Page two holds 1,300 tonnes.");
  std::size_t three = t->text.find("Third page.");
  ASSERT_NE(first, std::string::npos) << t->text;
  ASSERT_NE(second, std::string::npos) << t->text;
  ASSERT_NE(two, std::string::npos) << t->text;
  ASSERT_NE(three, std::string::npos) << t->text;
  EXPECT_LT(first, second);
  EXPECT_LT(second, two);
  EXPECT_EQ(std::count(t->text.begin(), t->text.end(), k_page_break), 2);
  EXPECT_EQ(page_at(t->text, first), 1);
  EXPECT_EQ(page_at(t->text, two), 2);
  EXPECT_EQ(page_at(t->text, three), 3);
  EXPECT_EQ(page_at(t->text, t->text.size() + 10), 3);
}

TEST(TextLayerPdf, SameBytesSameText) {
  std::string pdf = testing::make_pdf({{"Stable extraction."}}, "");
  auto a = pdf_text_layer(pdf, "a.pdf");
  auto b = pdf_text_layer(pdf, "a.pdf");
  ASSERT_TRUE(a.ok() && b.ok());
  EXPECT_EQ(a->text, b->text);
  EXPECT_EQ(a->title, "");
}

TEST(TextLayerPdf, DamagedOrNotPdfIsInvalidInputNamingTheFile) {
  auto t = pdf_text_layer("%PDF-1.4\nthis is not a document", "broken.pdf");
  ASSERT_FALSE(t.ok());
  EXPECT_EQ(t.error().kind(), util::ErrorKind::invalid_input);
  EXPECT_NE(t.error().message().find("broken.pdf"), std::string::npos);
  EXPECT_FALSE(pdf_text_layer("", "empty.pdf").ok());
}

}  // namespace provcheck::workspace
