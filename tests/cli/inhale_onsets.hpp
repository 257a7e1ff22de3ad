// Inhale onsets measured on a rendered file's haptic channel: how the CLI
// suites check the pace a render breathes.
#pragma once

#include <gtest/gtest.h>
#include <sndfile.h>

#include <algorithm>
#include <filesystem>
#include <vector>

#include "audio_analysis.hpp"

namespace {

/// Seconds at which each inhale starts: where the haptic channel's 10 ms
/// envelope leaves its quiet at the bottom of a breath and climbs past half
/// its peak (the haptic track swells with the inhale and ebbs with the exhale).
inline std::vector<double> inhaleOnsets(const std::filesystem::path& wav, int channel) {
    SF_INFO info{};
    SNDFILE* file = sf_open(wav.c_str(), SFM_READ, &info);
    EXPECT_NE(file, nullptr) << wav;
    if (!file) return {};
    std::vector<float> all(static_cast<std::size_t>(info.frames * info.channels));
    sf_readf_float(file, all.data(), info.frames);
    sf_close(file);
    std::vector<float> haptic;
    for (sf_count_t i = 0; i < info.frames; ++i)
        haptic.push_back(all[static_cast<std::size_t>(i * info.channels + channel)]);
    const int window = info.samplerate / 100;
    const std::vector<double> envelope =
        stillpoint::test::windowedRms(haptic.data(), static_cast<int>(haptic.size()), window);
    double peak = 0.0;
    for (double e : envelope) peak = std::max(peak, e);
    std::vector<double> onsets;
    int lastQuiet = -1;
    for (int i = 0; i < static_cast<int>(envelope.size()); ++i) {
        const double e = envelope[static_cast<std::size_t>(i)];
        if (e < 0.1 * peak) lastQuiet = i;
        if (e > 0.5 * peak && lastQuiet >= 0) {
            onsets.push_back(lastQuiet * 0.01);
            lastQuiet = -1;
        }
    }
    return onsets;
}

}  // namespace
