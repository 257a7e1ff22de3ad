// Same session, same settings, same rate: identical output, at any block size.
#include <gtest/gtest.h>

#include "session_rendering.hpp"

namespace stillpoint::test {
namespace {

const std::string kDefaultSession =
    std::string(STILLPOINT_ASSETS_DIR) + "/sessions/arrive-and-breathe.yaml";

TEST(RenderDeterminism, TwoRendersAreIdentical) {
    const auto program = programFromFile(kDefaultSession);
    ASSERT_TRUE(program);
    const auto first = renderProgram(program, {}, 512);
    const auto second = renderProgram(program, {}, 512);
    ASSERT_GT(first.frames(), 48000 * 60);
    ASSERT_EQ(first.interleaved.size(), second.interleaved.size());
    EXPECT_TRUE(first.interleaved == second.interleaved);
}

TEST(RenderDeterminism, BlockSizeDoesNotChangeTheAudio) {
    const auto program = programFromFile(std::string(STILLPOINT_ASSETS_DIR) + "/programs/box.yaml");
    ASSERT_TRUE(program);
    const auto reference = renderProgram(program, {}, 4096);
    for (const int block : {1024, 333, 64, 17}) {
        const auto other = renderProgram(program, {}, block);
        ASSERT_EQ(other.interleaved.size(), reference.interleaved.size()) << block;
        std::size_t firstDifference = 0;
        while (firstDifference < other.interleaved.size() &&
               other.interleaved[firstDifference] == reference.interleaved[firstDifference])
            ++firstDifference;
        EXPECT_EQ(firstDifference, other.interleaved.size())
            << "block " << block << " differs at frame " << firstDifference / 2;
    }
}

}  // namespace
}  // namespace stillpoint::test
