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

#include <algorithm>

#include "audio_analysis.hpp"
#include "session_rendering.hpp"

namespace stillpoint::test {
namespace {

double largestStep(const std::vector<float>& x, std::int64_t from, std::int64_t to) {
    from = std::clamp<std::int64_t>(from, 0, static_cast<std::int64_t>(x.size()) - 1);
    to = std::clamp<std::int64_t>(to, from, static_cast<std::int64_t>(x.size()) - 1);
    if (to - from < 2) return 0.0;
    return maxAbsStep(x.data() + from, static_cast<int>(to - from));
}

void expectSmoothTransitions(const RenderedAudio& audio, const std::string& label) {
    const auto rate = audio.sampleRate;
    const auto near = static_cast<std::int64_t>(0.002 * rate);
    const auto around = static_cast<std::int64_t>(0.050 * rate);
    int checked = 0;
    for (int c = 0; c < audio.channels; ++c) {
        const auto x = channel(audio, c);
        for (const auto& e : audio.events) {
            const double atTransition = largestStep(x, e.sample - near, e.sample + near);
            const double neighbourhood = std::max(largestStep(x, e.sample - around, e.sample - near),
                                                  largestStep(x, e.sample + near, e.sample + around));
            EXPECT_LE(atTransition, 1.25 * neighbourhood + 1e-4)
                << label << ": event " << static_cast<int>(e.type) << " at sample " << e.sample
                << " channel " << c;
            ++checked;
        }
    }
    EXPECT_GT(checked, 10) << label;
}

TEST(Transitions, EveryTransitionOfEveryAssetIsSmooth) {
    for (const auto& path : assetSessionPaths()) {
        const auto program = programFromFile(path);
        ASSERT_TRUE(program) << path;
        expectSmoothTransitions(renderProgram(program, {}, 512), path);
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
    expectSmoothTransitions(renderProgram(program, {}, 256), "tone only");
}

}  // namespace
}  // namespace stillpoint::test
