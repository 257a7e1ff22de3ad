// The last guard before every sink: whatever reaches the engine's graph (here
// a narration clip poisoned with NaN, infinities and huge values, as a bug
// upstream could leave it), every sample process() writes is finite and
// within -1..1, the session goes on sounding after the damage, and the
// repairs are counted.
#include <gtest/gtest.h>

#include <cmath>
#include <limits>

#include "dsp/sample_guard.hpp"
#include "stillpoint/engine.hpp"
#include "stillpoint/narration.hpp"
#include "stillpoint/session_parser.hpp"

namespace stillpoint {
namespace {

constexpr float kNaN = std::numeric_limits<float>::quiet_NaN();
constexpr float kInfinity = std::numeric_limits<float>::infinity();

TEST(OutputGuard, RepairsEachSampleAndCountsIt) {
    float samples[] = {kNaN, kInfinity, -kInfinity, 1.5f, -2.0f, 0.5f, 1.0f, -1.0f, 0.0f};
    EXPECT_EQ(dsp::guardSamples(samples, 9), 5);
    const float expected[] = {0.0f, 0.0f, 0.0f, 1.0f, -1.0f, 0.5f, 1.0f, -1.0f, 0.0f};
    for (int i = 0; i < 9; ++i) EXPECT_EQ(samples[i], expected[i]) << i;
    EXPECT_EQ(dsp::guardSamples(samples, 9), 0);  // healthy audio passes untouched
}

/// A spoken session with the bed and tone on, narrated by the built-in voice.
Program spokenProgram() {
    auto parsed = parseSession(
        "title: t\nsections:\n  - name: a\n    steps:\n      - pause: 3s\n"
        "      - say: Notice the support under you. Nothing needs to change.\n"
        "      - pause: 3s\ngrounding:\n  - pause: 2s\n",
        "guard.yaml");
    EXPECT_TRUE(parsed.session);
    Program program = std::move(*planSession(*parsed.session, {}).program);
    NarrationSettings settings;
    settings.useCache = false;
    EXPECT_TRUE(narrateProgram(program, settings).ok);
    return program;
}

/// The program with its line poisoned: every sample of it times `gain`.
std::shared_ptr<const Program> poisoned(Program program, float gain) {
    auto narration = std::make_shared<Narration>(*program.narration);
    narration->steps.at(1).at(0).clip.gain = gain;
    program.narration = std::move(narration);
    return std::make_shared<const Program>(std::move(program));
}

struct Played {
    std::vector<float> left, right;
    std::uint64_t repaired = 0;
};

Played play(std::shared_ptr<const Program> program, int channels) {
    Engine engine;
    engine.load(std::move(program));
    EngineConfig config;
    config.maxBlockFrames = 256;
    config.channels = channels;
    engine.prepare(config);
    Played played;
    std::vector<float> left(256), right(256);
    float* out[2] = {left.data(), right.data()};
    while (!engine.finished()) {
        engine.process(out, 256);
        played.left.insert(played.left.end(), left.begin(), left.end());
        if (channels == 2) played.right.insert(played.right.end(), right.begin(), right.end());
    }
    played.repaired = engine.repairedSamples();
    return played;
}

double rms(const std::vector<float>& x, std::size_t from, std::size_t frames) {
    double sum = 0.0;
    for (std::size_t i = from; i < from + frames; ++i) sum += double(x.at(i)) * x.at(i);
    return std::sqrt(sum / static_cast<double>(frames));
}

TEST(OutputGuard, NoNonFiniteOrOverFullScaleSampleReachesASink) {
    const Program clean = spokenProgram();
    const auto lineStart = static_cast<std::size_t>(3.0 * 48000);
    const auto lineLength =
        static_cast<std::size_t>(clean.narration->steps.at(1).at(0).lengthFramesAt(48000.0));
    for (const float gain : {kNaN, kInfinity, -kInfinity, 1e30f}) {
        const auto program = poisoned(clean, gain);
        for (const int channels : {2, 1}) {
            const Played played = play(program, channels);
            EXPECT_GT(played.repaired, 0u) << channels << " " << gain;
            for (const auto* output : {&played.left, &played.right})
                for (std::size_t i = 0; i < output->size(); ++i)
                    ASSERT_TRUE(std::isfinite((*output)[i]) && std::fabs((*output)[i]) <= 1.0f)
                        << "gain " << gain << ", channel count " << channels << ", sample " << i
                        << ": " << (*output)[i];
        }
        // The damage stays local: after the line the bed sounds on, the
        // limiter not stuck on a NaN (the half second after the line's end).
        // A huge finite line is only loud: the calibration turns it all down.
        if (std::isfinite(gain)) continue;
        const Played played = play(program, 2);
        const std::size_t after = lineStart + lineLength + 24000;
        ASSERT_LT(after + 24000, played.left.size());
        EXPECT_GT(rms(played.left, after, 24000), 1e-3) << gain;
    }
    // And healthy audio is never touched.
    EXPECT_EQ(play(std::make_shared<const Program>(clean), 2).repaired, 0u);
}

}  // namespace
}  // namespace stillpoint
