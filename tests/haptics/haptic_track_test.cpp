// The haptic track the engine renders beside the audio: it follows the
// breath, taps land on the audio's phase boundaries, the cap and "haptics
// off" are honoured, it never jumps, the actuator channel sits on its
// carrier, and the audio is untouched by it.
#include <gtest/gtest.h>

#include <algorithm>
#include <cmath>
#include <vector>

#include "audio_analysis.hpp"
#include "stillpoint/engine.hpp"
#include "stillpoint/offline_render.hpp"
#include "stillpoint/session_parser.hpp"

namespace stillpoint::test {
namespace {

constexpr double kRate = 48000.0;

std::shared_ptr<const Program> program(const std::string& yaml) {
    auto parsed = parseSession(yaml, "haptics.yaml");
    EXPECT_TRUE(parsed.session);
    auto planned = planSession(*parsed.session);
    EXPECT_TRUE(planned.program);
    return std::make_shared<const Program>(std::move(*planned.program));
}

const char* kBreathing = R"(
title: haptics
defaults: {tone: pad, bed: pink}
sections:
  - name: one
    steps:
      - bell: bowl
      - pause: 2s
      - breathe: {pattern: coherent, cycles: 3}
      - breathe: {pattern: box, cycles: 2}
)";

struct Render {
    std::vector<float> left, right, haptic;
    std::vector<Event> events;
};

Render render(const std::string& yaml, HapticSettings haptics, int block = 512) {
    EngineConfig config;
    config.sampleRate = kRate;
    config.haptics = haptics;
    const auto audio = renderProgram(program(yaml), config, block);
    Render r;
    r.events = audio.events;
    const int ch = audio.channels;
    for (std::int64_t i = 0; i < audio.frames(); ++i) {
        const auto at = static_cast<std::size_t>(i * ch);
        r.left.push_back(audio.interleaved[at]);
        r.right.push_back(audio.interleaved[at + 1]);
        if (ch > 2) r.haptic.push_back(audio.interleaved[at + 2]);
    }
    return r;
}

HapticSettings envelope(double depth = 0.8, double taps = 0.2) {
    HapticSettings h;
    h.signal = HapticSignal::Envelope;
    h.breathDepth = depth;
    h.tapStrength = taps;
    return h;
}

/// `engine` playing the breathing session with the envelope track, in blocks
/// of up to `blockFrames`.
void prepareBreathingWithEnvelope(Engine& engine, int blockFrames) {
    EngineConfig config;
    config.sampleRate = kRate;
    config.maxBlockFrames = blockFrames;
    config.haptics = envelope();
    engine.load(program(kBreathing));
    engine.prepare(config);
}

std::vector<std::int64_t> phaseStarts(const std::vector<Event>& events, BreathPhase phase) {
    std::vector<std::int64_t> at;
    for (const auto& e : events)
        if (e.type == EventType::PhaseChanged && e.index == static_cast<int>(phase))
            at.push_back(e.sample);
    return at;
}

TEST(HapticTrack, RisesThroughTheInhaleFallsThroughTheExhaleRestsOnHolds) {
    const Render r = render(kBreathing, envelope(0.8, 0.0));
    ASSERT_FALSE(r.haptic.empty());
    const auto inhales = phaseStarts(r.events, BreathPhase::Inhale);
    const auto exhales = phaseStarts(r.events, BreathPhase::Exhale);
    const auto holds = phaseStarts(r.events, BreathPhase::HoldIn);
    ASSERT_GE(inhales.size(), 5u);
    ASSERT_GE(exhales.size(), 5u);
    ASSERT_GE(holds.size(), 2u);
    // Second coherent breath (after the fade-in): inhale rises to the depth,
    // the exhale falls back to nothing.
    const auto in = static_cast<std::size_t>(inhales[1]),
               out = static_cast<std::size_t>(exhales[1]),
               next = static_cast<std::size_t>(inhales[2]);
    EXPECT_NEAR(r.haptic[in], 0.0, 0.01);
    EXPECT_NEAR(r.haptic[out], 0.8, 0.01);
    EXPECT_NEAR(r.haptic[next], 0.0, 0.01);
    for (std::size_t i = in + 1; i <= out; ++i)
        ASSERT_GE(r.haptic[i], r.haptic[i - 1] - 1e-6f) << i;
    for (std::size_t i = out + 1; i <= next; ++i)
        ASSERT_LE(r.haptic[i], r.haptic[i - 1] + 1e-6f) << i;
    // Box breathing's hold at the top rests: flat at the depth.
    const auto hold = static_cast<std::size_t>(holds.back());
    const auto holdEnd = hold + static_cast<std::size_t>(3.5 * kRate);
    const auto [lo, hi] =
        std::minmax_element(r.haptic.begin() + long(hold), r.haptic.begin() + long(holdEnd));
    EXPECT_NEAR(*lo, 0.8, 1e-4);
    EXPECT_NEAR(*hi, 0.8, 1e-4);
}

TEST(HapticTrack, TapsStartOnTheAudiosPhaseBoundariesWithinOneMillisecond) {
    // Taps alone, so each one's onset stands out of silence.
    const Render r = render(kBreathing, envelope(0.0, 0.2));
    std::vector<std::int64_t> cues;
    for (const auto& e : r.events)
        if (e.type == EventType::PhaseChanged || e.type == EventType::BellStruck)
            cues.push_back(e.sample);
    std::vector<std::int64_t> onsets;
    constexpr float kThreshold = 1e-4f;
    for (std::size_t i = 1; i < r.haptic.size(); ++i)
        if (r.haptic[i] > kThreshold && r.haptic[i - 1] <= kThreshold)
            onsets.push_back(std::int64_t(i));
    // The first cue (the bell at sample 0) is under the fade-in's first samples.
    ASSERT_GE(cues.size(), 10u);
    cues.erase(cues.begin());
    ASSERT_EQ(onsets.size(), cues.size());
    const auto oneMs = static_cast<std::int64_t>(kRate / 1000.0);
    for (std::size_t k = 0; k < cues.size(); ++k) {
        EXPECT_GE(onsets[k], cues[k]) << k;
        EXPECT_LE(onsets[k] - cues[k], oneMs)
            << "tap " << k << " at " << onsets[k] << ", boundary at " << cues[k];
    }
}

TEST(HapticTrack, TheCapIsNeverPassedAndIsReached) {
    HapticSettings h = envelope();
    h.intensityCap = 0.35;
    const Render r = render(kBreathing, h);
    const float peak = *std::max_element(r.haptic.begin(), r.haptic.end());
    EXPECT_LE(peak, 0.35f + 1e-6f);
    EXPECT_GT(peak, 0.3f);
    std::size_t taps = 0;
    for (const auto& e : r.events)
        if (e.type == EventType::HapticTap) {
            ++taps;
            EXPECT_NEAR(e.value, 0.2 * 0.35, 1e-6);
        }
    EXPECT_GT(taps, 10u);
}

TEST(HapticTrack, HapticsOffIsSilenceOnEveryCarrier) {
    for (const auto signal : {HapticSignal::Envelope, HapticSignal::Lra, HapticSignal::Shaker}) {
        HapticSettings h = envelope();
        h.signal = signal;
        h.enabled = false;
        const Render r = render(kBreathing, h);
        ASSERT_FALSE(r.haptic.empty());
        EXPECT_EQ(maxAbs(r.haptic.data(), int(r.haptic.size())), 0.0);
        for (const auto& e : r.events) EXPECT_NE(e.type, EventType::HapticTap);
    }
}

TEST(HapticTrack, NeverJumpsThroughLiveCommandsAndSettingChanges) {
    Engine engine;
    prepareBreathingWithEnvelope(engine, 256);
    std::vector<float> l(256), r(256), h(256);
    float* out[3] = {l.data(), r.data(), h.data()};
    float previous = 0.0f, worst = 0.0f;
    for (long block = 0; !engine.finished() && block < 20000; ++block) {
        const double t = double(block) * 256 / kRate;
        auto at = [&](double s) { return t <= s && s < t + 256 / kRate; };
        if (at(9.3)) engine.pushCommand({CommandType::Pause, 0, 0.0});  // mid-inhale
        if (at(12.0)) engine.pushCommand({CommandType::Resume, 0, 0.0});
        if (at(15.0)) engine.setHaptics(true, 0.2);
        if (at(16.0)) engine.setHaptics(false, 0.2);
        if (at(17.0)) engine.setHaptics(true, 1.0);
        if (at(21.7)) engine.pushCommand({CommandType::Stop, 0, 0.0});
        engine.process(out, 256);
        for (float v : h) {
            worst = std::max(worst, std::abs(v - previous));
            previous = v;
        }
    }
    const double bound = kMaxHapticSlopePerSecond / kRate;
    std::printf("largest step %.3g per sample (bound %.3g)\n", double(worst), bound);
    EXPECT_LE(worst, bound);
    EXPECT_GT(worst, 0.0f);
    EXPECT_EQ(previous, 0.0f);  // the stop faded it out
}

TEST(HapticTrack, GroundingSoftensTheTouch) {
    Engine engine;
    prepareBreathingWithEnvelope(engine, 512);
    std::vector<float> l(512), r(512), h(512);
    float* out[3] = {l.data(), r.data(), h.data()};
    float before = 0.0f, after = 0.0f;
    for (long block = 0; !engine.finished() && block < 40000; ++block) {
        const double t = double(block) * 512 / kRate;
        if (block == long(20.0 * kRate / 512)) engine.pushCommand({CommandType::Grounding, 0, 0.0});
        engine.process(out, 512);
        const float peak = *std::max_element(h.begin(), h.end());
        if (t < 20.0)
            before = std::max(before, peak);
        else if (t > 23.0)  // past the jump's fade and the level's glide
            after = std::max(after, peak);
    }
    std::printf("peak before grounding %.3f, in grounding %.3f\n", double(before), double(after));
    EXPECT_GT(before, 0.75f);
    EXPECT_GT(after, 0.3f);  // the grounding section still breathes, by touch too
    EXPECT_LE(after, 0.5f + 1e-6f);
}

TEST(HapticTrack, TheActuatorChannelSitsOnItsCarrierAndFollowsTheBreath) {
    const Render env = render(kBreathing, envelope());
    for (const auto signal : {HapticSignal::Lra, HapticSignal::Shaker}) {
        HapticSettings h = envelope();
        h.signal = signal;
        const Render r = render(kBreathing, h);
        ASSERT_EQ(r.haptic.size(), env.haptic.size());
        // One second in the middle of the first coherent exhale.
        const auto exhale = phaseStarts(r.events, BreathPhase::Exhale).front();
        const int n = int(kRate);
        const double peak = peakFrequency(r.haptic.data() + exhale + n, n, kRate, 10.0);
        EXPECT_NEAR(peak, carrierHz(signal), 0.5) << int(signal);
        // Its amplitude is the envelope: the peak of each carrier cycle lies
        // between the envelope's lowest and highest values in that cycle.
        const int cycle = int(std::ceil(kRate / carrierHz(signal)));
        double worst = 0.0, loudest = 0.0;
        for (std::size_t at = 0; at + std::size_t(cycle) < r.haptic.size();
             at += std::size_t(cycle)) {
            const double amp = maxAbs(r.haptic.data() + at, cycle);
            const auto [lo, hi] = std::minmax_element(env.haptic.begin() + long(at),
                                                      env.haptic.begin() + long(at) + cycle);
            worst = std::max({worst, amp - double(*hi), double(*lo) * 0.999 - amp});
            loudest = std::max(loudest, amp);
        }
        EXPECT_LT(worst, 1e-4) << int(signal);
        EXPECT_GT(loudest, 0.75) << int(signal);
    }
}

TEST(HapticTrack, LeavesTheAudioUntouchedAndIsTheSameAtEveryBlockSize) {
    HapticSettings none;
    const Render plain = render(kBreathing, none);
    HapticSettings lra = envelope();
    lra.signal = HapticSignal::Lra;
    const Render a = render(kBreathing, lra, 64);
    const Render b = render(kBreathing, lra, 4096);
    EXPECT_EQ(a.left, plain.left);
    EXPECT_EQ(a.right, plain.right);
    EXPECT_EQ(a.haptic, b.haptic);
    EXPECT_EQ(render(kBreathing, lra, 64).haptic, a.haptic);
}

TEST(HapticTrack, SeekLandsWhereARenderFromTheStartIs) {
    HapticSettings lra = envelope();
    lra.signal = HapticSignal::Lra;
    const Render full = render(kBreathing, lra, 512);
    EngineConfig config;
    config.sampleRate = kRate;
    config.maxBlockFrames = 512;
    config.haptics = lra;
    Engine engine;
    engine.load(program(kBreathing));
    engine.prepare(config);
    const std::int64_t at = 480000 + 123;
    engine.seek(at);
    std::vector<float> l(512), r(512), h(512);
    float* out[3] = {l.data(), r.data(), h.data()};
    engine.process(out, 512);
    for (int i = 0; i < 512; ++i)
        ASSERT_EQ(h[std::size_t(i)], full.haptic[std::size_t(at + i)]) << i;
}

}  // namespace
}  // namespace stillpoint::test
