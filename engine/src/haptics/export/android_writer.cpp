// Android VibrationEffect.createWaveform(long[] timings, int[] amplitudes,
// int repeat): each entry holds an amplitude (0 off .. 255 strongest) for a
// number of milliseconds. The intensity is averaged over 20 ms steps
// (equal neighbours merged), and each step's end is rounded from the exact
// time once, so the timings add up to the session's length to the
// millisecond. The waveform is cut into segments an app plays one after
// another: each is one Parcel through Binder (whose transaction buffer is
// 1 MB, shared by the process), so segments stay small and short.
#include <algorithm>
#include <cmath>

#include "haptics/export/haptic_writers.hpp"
#include "haptics/export/json_text.hpp"

namespace stillpoint::haptics {
namespace {

constexpr double kStepMs = 20.0;
constexpr std::size_t kMaxEntriesPerSegment = 1000;
constexpr std::int64_t kMaxSegmentMs = 60000;

struct Entry {
    std::int64_t ms = 0;
    int amplitude = 0;
};

std::vector<Entry> waveform(const HapticTrack& track) {
    std::vector<Entry> entries;
    const auto total = static_cast<std::int64_t>(track.intensity.size());
    const double samplesPerMs = track.sampleRate / 1000.0;
    std::int64_t startMs = 0;
    for (std::int64_t step = 0;; ++step) {
        const auto from =
            static_cast<std::int64_t>(std::llround(double(step) * kStepMs * samplesPerMs));
        if (from >= total) break;
        const auto to =
            std::min<std::int64_t>(total, std::llround(double(step + 1) * kStepMs * samplesPerMs));
        double sum = 0.0;
        for (std::int64_t i = from; i < to; ++i)
            sum += track.intensity[static_cast<std::size_t>(i)];
        const double mean = sum / double(std::max<std::int64_t>(to - from, 1));
        const int amplitude = std::clamp(static_cast<int>(std::lround(mean * 255.0)), 0, 255);
        const std::int64_t endMs = std::llround(double(to) / samplesPerMs);
        if (endMs == startMs) continue;
        // Equal neighbours merge, but no entry outgrows a segment (a long
        // rest would otherwise make one).
        if (!entries.empty() && entries.back().amplitude == amplitude &&
            entries.back().ms + (endMs - startMs) <= kMaxSegmentMs)
            entries.back().ms += endMs - startMs;
        else
            entries.push_back({endMs - startMs, amplitude});
        startMs = endMs;
    }
    return entries;
}

}  // namespace

std::string writeAndroidWaveform(const HapticTrack& track, std::string_view title) {
    const auto entries = waveform(track);
    std::int64_t totalMs = 0;
    for (const auto& e : entries) totalMs += e.ms;
    std::string out =
        "{\n  \"format\": \"android.os.VibrationEffect.createWaveform\",\n"
        "  \"title\": " +
        jsonString(title) + ",\n  \"durationMs\": " + std::to_string(totalMs) +
        ",\n  \"repeat\": -1,\n  \"segments\": [";
    std::size_t k = 0;
    std::int64_t segmentStart = 0;
    bool firstSegment = true;
    while (k < entries.size()) {
        std::string timings, amplitudes;
        std::int64_t ms = 0;
        std::size_t count = 0;
        while (k < entries.size() && count < kMaxEntriesPerSegment &&
               (count == 0 || ms + entries[k].ms <= kMaxSegmentMs)) {
            if (count > 0) {
                timings += ", ";
                amplitudes += ", ";
            }
            timings += std::to_string(entries[k].ms);
            amplitudes += std::to_string(entries[k].amplitude);
            ms += entries[k].ms;
            ++count;
            ++k;
        }
        out += firstSegment ? "\n    " : ",\n    ";
        firstSegment = false;
        out += "{\"startMs\": " + std::to_string(segmentStart) +
               ", \"durationMs\": " + std::to_string(ms) + ",\n     \"timings\": [" + timings +
               "],\n     \"amplitudes\": [" + amplitudes + "]}";
        segmentStart += ms;
    }
    return out + "\n  ]\n}\n";
}

}  // namespace stillpoint::haptics
