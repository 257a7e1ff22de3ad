// Meta Haptics Studio clip (.haptic, data model 1.0): one continuous signal
// whose amplitude envelope is the intensity's breakpoints (times ascending,
// values 0..1) and whose frequency envelope stays low and soft. Each tap
// adds an emphasis (a short, sharper accent) to the breakpoint nearest its
// peak, the tap's strength above the envelope there: Meta's data model
// refuses an emphasis below the amplitude it highlights.
#include <algorithm>
#include <cmath>
#include <map>

#include "haptics/export/breakpoints.hpp"
#include "haptics/export/haptic_writers.hpp"
#include "haptics/export/json_text.hpp"
#include "haptics/haptic_taps.hpp"

namespace stillpoint::haptics {
namespace {

constexpr double kFrequency = 0.2;  // normalised 0..1: low, soft
constexpr double kEmphasisFrequency = 0.5;

}  // namespace

std::string writeMetaHaptic(const HapticTrack& track, std::string_view title) {
    auto points = fitBreakpoints(track.intensity, track.sampleRate, kCurveTolerance);
    if (points.empty()) points.push_back({0.0, 0.0f});
    // Emphasis per breakpoint: the strongest tap whose peak is nearest it.
    std::map<std::size_t, float> emphasis;
    for (const auto& tap : track.taps) {
        const double peak = double(tap.sample) / track.sampleRate + HapticTaps::kTapSeconds / 2.0;
        const auto after =
            std::lower_bound(points.begin(), points.end(), peak,
                             [](const Breakpoint& p, double s) { return p.seconds < s; });
        std::size_t index = static_cast<std::size_t>(after - points.begin());
        if (index == points.size() ||
            (index > 0 && peak - points[index - 1].seconds < points[index].seconds - peak))
            --index;
        emphasis[index] = std::max(emphasis[index], tap.strength);
    }
    std::string out =
        "{\n  \"version\": {\"major\": 1, \"minor\": 0, \"patch\": 0},\n"
        "  \"metadata\": {\"editor\": \"stillpoint\", \"source\": " +
        jsonString(title) +
        ", \"project\": \"Stillpoint\", \"tags\": [\"breath\"], \"description\": "
        "\"Breath pacing: rises with the inhale, falls with the exhale\"},\n"
        "  \"signals\": {\"continuous\": {\"envelopes\": {\n    \"amplitude\": [";
    for (std::size_t k = 0; k < points.size(); ++k) {
        out += k ? ",\n      " : "\n      ";
        const float amplitude = std::clamp(points[k].value, 0.0f, 1.0f);
        out += "{\"time\": " + jsonNumber(points[k].seconds) +
               ", \"amplitude\": " + jsonNumber(amplitude);
        if (const auto e = emphasis.find(k); e != emphasis.end())
            out += ", \"emphasis\": {\"amplitude\": " +
                   jsonNumber(std::min(amplitude + e->second, 1.0f)) +
                   ", \"frequency\": " + jsonNumber(kEmphasisFrequency) + "}";
        out += "}";
    }
    out += "\n    ],\n    \"frequency\": [{\"time\": 0, \"frequency\": " + jsonNumber(kFrequency) +
           "}, {\"time\": " + jsonNumber(points.back().seconds) +
           ", \"frequency\": " + jsonNumber(kFrequency) + "}]\n  }}}\n}\n";
    return out;
}

}  // namespace stillpoint::haptics
