// No discontinuity at any transition.
//
// The bound: a click is a jump added to the waveform, so at a transition the
// largest sample-to-sample step grows by the jump's size. Everything the
// engine changes at a transition (levels, timbres, pitch, the master fade)
// glides over at least 20 ms, so the signal's local statistics right at a
// transition match those just around it. We therefore require the largest
// step within +-2 ms of each transition to stay within 1.25x the largest step
// in the 50 ms on either side (outside the +-2 ms), plus 1e-4 (-80 dBFS) so
// transitions in near-silence (start, end) are held to an absolute bound: a
// click of even 1e-3 fails.
#include <gtest/gtest.h>

#include "session_rendering.hpp"

namespace stillpoint::test {
namespace {

TEST(Transitions, EveryTransitionOfEveryAssetIsSmooth) {
    for (const auto& path : assetSessionPaths()) {
        const auto program = programFromFile(path);
        ASSERT_TRUE(program) << path;
        EXPECT_GT(expectSmoothAtEvents(renderProgram(program, {}, 512), path), 10);
    }
}

TEST(Transitions, ToneOnlySessionHasNoClickAtTimbreChangesAndSilenceEdges) {
    // No bed: the tone starts and stops out of true silence, the hardest case.
    const auto program = programFromText(R"(
title: timbres back to back
defaults: {bed: none}
sections:
  - name: one
    steps:
      - breathe: {pattern: coherent, cycles: 2, tone: pad}
      - breathe: {pattern: coherent, cycles: 2, tone: wave}
      - breathe: {pattern: box, cycles: 1, tone: bowl}
      - pause: 3s
      - breathe: {pattern: sigh, cycles: 2, tone: pad}
)");
    ASSERT_TRUE(program);
    EXPECT_GT(expectSmoothAtEvents(renderProgram(program, {}, 256), "tone only"), 10);
}

}  // namespace
}  // namespace stillpoint::test
