// The pre-check for nesting depth and tab indentation, before yaml-cpp runs.
#include "session/layout_check.hpp"

#include <gtest/gtest.h>

#include <string>

#include "stillpoint/session_parser.hpp"

namespace stillpoint::detail {
namespace {

TEST(LayoutCheck, OrdinarySessionsPass) {
    EXPECT_FALSE(
        checkLayout("title: x\nsections:\n  - name: a\n    steps:\n      - breathe: {ramp: {from: "
                    "1, to: 2}}\n"));
}

TEST(LayoutCheck, BracketsInTextDoNotCount) {
    const std::string unbalanced = "say: look [ here\n" + std::string(100, ' ') + "x: 1\n";
    EXPECT_FALSE(
        checkLayout("a: 'quoted [[[[[[['\nb: \"[[[[[[[\"\nc: plain [[[[ text\n# [[[[[[[[\n", 3));
    EXPECT_FALSE(checkLayout("d: |\n  [[[[[[[[[[\n  {{{{{{{{{{\ne: 1\n", 3));
    EXPECT_FALSE(checkLayout(unbalanced, 3));
}

TEST(LayoutCheck, FlowNestingIsCountedAcrossLines) {
    const auto problem = checkLayout("a: [\n [\n  [\n   [1]]]]\n", 4);
    ASSERT_TRUE(problem);
    EXPECT_EQ(problem->pos.line, 4);
    EXPECT_EQ(problem->pos.column, 4);
}

TEST(LayoutCheck, IndentationNestingIsCounted) {
    std::string text;
    for (int depth = 0; depth < 80; ++depth)
        text += std::string(static_cast<std::size_t>(depth) * 2, ' ') + "k:\n";
    const auto problem = checkLayout(text);
    ASSERT_TRUE(problem);
    EXPECT_EQ(problem->pos.line, kMaxNestingDepth + 1);
    EXPECT_NE(problem->message.find("nested more than 64 levels deep"), std::string::npos);
}

TEST(LayoutCheck, TabsInIndentationAreNamed) {
    const auto problem = checkLayout("a:\n  b: 1\n \tc: 2\n");
    ASSERT_TRUE(problem);
    EXPECT_EQ(problem->pos.line, 3);
    EXPECT_EQ(problem->pos.column, 2);
    EXPECT_EQ(problem->message, "tab used for indentation");
    EXPECT_FALSE(checkLayout("a: 1\t# a tab after a value is fine\n\t\nb: 2\n"));
}

TEST(LayoutCheck, AHundredThousandBracketsNeverReachYamlCpp) {
    const std::string text =
        "title: x\nsections: " + std::string(100000, '[') + std::string(100000, ']') + "\n";
    const ParseResult result = parseSession(text, "deep.yaml");
    ASSERT_EQ(result.diagnostics.size(), 1u);
    EXPECT_EQ(result.diagnostics[0].line, 2);
}

}  // namespace
}  // namespace stillpoint::detail
