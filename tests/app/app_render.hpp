// Renders an AppPlayer the way a device would, for the app's tests: a
// session text, a profile and the device's open outputs in; every output
// channel from the block where the session started, out.
#pragma once

#include <juce_audio_devices/juce_audio_devices.h>

#include <chrono>
#include <cmath>
#include <functional>
#include <string>
#include <thread>
#include <vector>

#include "app_player.hpp"

namespace stillpoint::app::test {

inline constexpr double kRate = 48000.0;
inline constexpr int kBlock = 512;

/// A session that breathes from its first sample: six breaths a minute, the pad tone.
inline plugin::SessionText breathingSession() {
    return {"breathing.yaml", R"(title: Breathing
defaults: {pattern: coherent, tone: pad, bed: brown}
sections:
  - name: Breathing
    steps:
      - breathe: {duration: 1m}
)"};
}

/// Whether a test that plays faster than a device should wait a device's
/// period: SessionPlayer's worker is building an engine, the engine holds
/// silence for its first gains while its voice is made, or it waits at a step
/// whose lines are not made yet (a cold cache). Each is made in wall-clock
/// time, which a test rendering at full speed would otherwise outrun.
inline bool engineComing(const plugin::PlaybackDisplay& display) {
    if (display.relocating.load()) return true;
    const SessionState session = display.session.read();
    return (display.playing.load() && !session.started) || session.waitingForNarration;
}

/// Wait until the loaded session's voice is all made: for tests that compare
/// what plays with a render or with the plan's lengths (before it is, the
/// lines and their real lengths arrive while the session plays).
inline bool waitForVoice(AppPlayer& player) {
    return player.processor().waitUntilPrepared(std::chrono::seconds(120));
}

/// Every output channel (in the callback's packed order) since the session started.
using Outputs = std::vector<std::vector<float>>;

/// Deliver blocks of `channels` outputs through `callback` (a device's
/// callback, in the order it packs its open outputs) until `seconds` have
/// sounded; every channel from the block where the session started.
inline Outputs collectFromStart(
    int channels, double seconds,
    const std::function<void(float* const* outputs, int count, int frames)>& callback) {
    std::vector<std::vector<float>> block(static_cast<std::size_t>(channels),
                                          std::vector<float>(kBlock));
    std::vector<float*> pointers;
    for (auto& c : block) pointers.push_back(c.data());
    Outputs out(static_cast<std::size_t>(channels));
    const auto wanted = static_cast<std::size_t>(seconds * kRate);
    bool started = false;
    for (int tries = 0; out[0].size() < wanted && tries < 100000; ++tries) {
        callback(pointers.data(), channels, kBlock);
        bool sounding = false;
        for (const auto& c : block)
            for (const float v : c) sounding = sounding || v != 0.0f;
        started = started || sounding;
        if (started) {
            for (std::size_t c = 0; c < block.size(); ++c)
                out[c].insert(out[c].end(), block[c].begin(), block[c].end());
        } else {
            // Waiting for the engine built on the worker: at a device's pace.
            std::this_thread::sleep_for(std::chrono::milliseconds(5));
        }
    }
    return out;
}

/// Play `session` with `profile` on a device whose open outputs are
/// `open`, the haptic routed to device output `hapticChannel`; `seconds` of
/// it from its first sound.
inline Outputs renderFromStart(const plugin::SessionText& session, const ClientProfile& profile,
                               const juce::BigInteger& open, int hapticChannel, double seconds) {
    AppPlayer player;
    player.host().setHapticChannel(hapticChannel);
    player.host().prepare(kRate, kBlock, open);
    if (player.load(session, profile) != "" || !waitForVoice(player)) return {};
    player.play();
    return collectFromStart(
        open.countNumberOfSetBits(), seconds, [&](float* const* outputs, int count, int frames) {
            player.host().audioDeviceIOCallbackWithContext(nullptr, 0, outputs, count, frames, {});
        });
}

inline juce::BigInteger outputs(std::initializer_list<int> channels) {
    juce::BigInteger open;
    for (const int c : channels) open.setBit(c);
    return open;
}

inline double rms(const std::vector<float>& x, double fromSeconds, double toSeconds) {
    const auto from = static_cast<std::size_t>(fromSeconds * kRate);
    const auto to = std::min(x.size(), static_cast<std::size_t>(toSeconds * kRate));
    double sum = 0.0;
    for (std::size_t i = from; i < to; ++i) sum += static_cast<double>(x[i]) * x[i];
    return to > from ? std::sqrt(sum / static_cast<double>(to - from)) : 0.0;
}

inline float peak(const std::vector<float>& x, double fromSeconds) {
    float p = 0.0f;
    for (std::size_t i = static_cast<std::size_t>(fromSeconds * kRate); i < x.size(); ++i)
        p = std::max(p, std::fabs(x[i]));
    return p;
}

/// Share of the signal's power at `hz` (Goertzel over whole cycles of the span).
inline double powerShareAt(const std::vector<float>& x, double hz, double fromSeconds,
                           double toSeconds) {
    const auto from = static_cast<std::size_t>(fromSeconds * kRate);
    const auto to = std::min(x.size(), static_cast<std::size_t>(toSeconds * kRate));
    const double w = 2.0 * M_PI * hz / kRate;
    double re = 0.0, im = 0.0, total = 0.0;
    for (std::size_t i = from; i < to; ++i) {
        const double t = static_cast<double>(i - from);
        re += x[i] * std::cos(w * t);
        im -= x[i] * std::sin(w * t);
        total += static_cast<double>(x[i]) * x[i];
    }
    const double n = static_cast<double>(to - from);
    return total > 0.0 ? 2.0 * (re * re + im * im) / n / total : 0.0;
}

}  // namespace stillpoint::app::test
