// Limits that keep the parser fast and safe on hostile or mistaken input:
// oversized files, too many steps, floods of errors, missing files.
#include <gtest/gtest.h>

#include <filesystem>
#include <fstream>
#include <string>

#include "stillpoint/session_parser.hpp"

namespace stillpoint {
namespace {

namespace fs = std::filesystem;

/// A temporary folder, removed with everything in it at the end of the test.
class TempDir {
  public:
    TempDir() {
        path_ = fs::temp_directory_path() /
                ("stillpoint-session-" +
                 std::to_string(::testing::UnitTest::GetInstance()->random_seed()) + "-" +
                 ::testing::UnitTest::GetInstance()->current_test_info()->name());
        fs::create_directories(path_);
    }
    ~TempDir() {
        std::error_code ignored;
        fs::remove_all(path_, ignored);
    }
    const fs::path& path() const { return path_; }

  private:
    fs::path path_;
};

std::string sessionWithPauses(int count) {
    std::string text = "title: Many steps\nsections:\n  - name: One\n    steps:\n";
    for (int i = 0; i < count; ++i) text += "      - pause: 1\n";
    return text;
}

TEST(SessionLimits, AFiftyMegabyteFileIsRefusedBeforeItIsRead) {
    TempDir dir;
    const fs::path big = dir.path() / "big.yaml";
    {
        std::ofstream out(big, std::ios::binary);
        const std::string block(1 << 20, '#');
        for (int i = 0; i < 50; ++i) out << block;
    }
    const ParseResult result = loadSessionFile(big.string());
    EXPECT_FALSE(result.session);
    ASSERT_EQ(result.diagnostics.size(), 1u);
    const Diagnostic& error = result.diagnostics[0];
    EXPECT_EQ(error.severity, Severity::Error);
    EXPECT_EQ(error.file, big.string());
    EXPECT_EQ(error.line, 0);
    EXPECT_NE(error.message.find("the file is 50 MB, larger than the 4 MB a session may be"),
              std::string::npos)
        << error.format();
    EXPECT_NE(error.hint.find("a few kilobytes"), std::string::npos);
}

TEST(SessionLimits, OversizedTextIsRefusedWithoutParsing) {
    std::string text = sessionWithPauses(1);
    text.resize(kMaxSessionFileBytes + 1, '#');
    const ParseResult result = parseSession(text, "big.yaml");
    ASSERT_EQ(result.diagnostics.size(), 1u);
    EXPECT_NE(result.diagnostics[0].message.find("larger than the 4 MB"), std::string::npos);
}

TEST(SessionLimits, TenThousandStepsAreAllowed) {
    const ParseResult result = parseSession(sessionWithPauses(10000), "many.yaml");
    ASSERT_TRUE(result.session) << result.diagnostics.front().format();
    EXPECT_EQ(result.session->sections[0].steps.size(), 10000u);
}

TEST(SessionLimits, TheTenThousandAndFirstStepIsAnError) {
    const ParseResult result = parseSession(sessionWithPauses(10001), "many.yaml");
    EXPECT_FALSE(result.session);
    ASSERT_EQ(result.diagnostics.size(), 1u);
    const Diagnostic& error = result.diagnostics[0];
    EXPECT_EQ(error.line, 4 + 10001);  // four header lines, then one step per line
    EXPECT_EQ(error.column, 9);
    EXPECT_EQ(error.message, "more than 10000 steps");
    EXPECT_NE(error.hint.find("split the session"), std::string::npos);
}

TEST(SessionLimits, AFloodOfErrorsStopsAfterAHundred) {
    std::string text = "title: Typos\nsections:\n  - name: One\n    steps:\n";
    for (int i = 0; i < 500; ++i) text += "      - pawse: 1\n";
    const ParseResult result = parseSession(text, "typos.yaml");
    ASSERT_EQ(result.diagnostics.size(), 101u);
    EXPECT_EQ(result.diagnostics[0].line, 5);
    EXPECT_NE(result.diagnostics[0].hint.find("did you mean 'pause'?"), std::string::npos);
    EXPECT_EQ(result.diagnostics.back().message, "stopped after 100 errors");
    EXPECT_EQ(result.diagnostics.back().line, 0);
}

TEST(SessionLimits, AMissingFileIsAnErrorWithoutPosition) {
    const ParseResult result = loadSessionFile("/nonexistent/stillpoint/session.yaml");
    EXPECT_FALSE(result.session);
    ASSERT_EQ(result.diagnostics.size(), 1u);
    EXPECT_EQ(result.diagnostics[0].line, 0);
    EXPECT_NE(result.diagnostics[0].message.find("cannot open the file"), std::string::npos);
}

TEST(SessionLimits, AFolderIsNotASessionFile) {
    TempDir dir;
    const ParseResult result = loadSessionFile(dir.path().string());
    ASSERT_EQ(result.diagnostics.size(), 1u);
    EXPECT_NE(result.diagnostics[0].message.find("folder"), std::string::npos);
}

TEST(SessionLimits, WarningsAreCappedAndNeverStopASession) {
    std::string regions;
    for (int i = 0; i < 300; ++i) regions += i ? ", feet" : "feet";
    const std::string text =
        "title: Feet\nsections:\n  - name: One\n    steps:\n      - scan: {regions: [" + regions +
        "]}\n";
    const ParseResult result = parseSession(text, "feet.yaml");
    ASSERT_TRUE(result.session);
    EXPECT_EQ(result.diagnostics.size(), 100u);
    EXPECT_EQ(std::get<ScanStep>(result.session->sections[0].steps[0].body).regions,
              std::vector<std::string>{"feet"});
}

}  // namespace
}  // namespace stillpoint
