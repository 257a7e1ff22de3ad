// Apple Core Haptics AHAP. One continuous event sounds the whole session
// (split into equal events of at most kMaxEventSeconds), at intensity 1; the
// intensity itself is a HapticIntensityControl parameter curve (it scales
// every event multiplicatively), split into curves of at most
// kMaxControlPoints that share their end points, so it is continuous.
// Taps are in the curve as the bumps they are in the actuator channel:
// a transient event would be scaled by the curve too, to nothing at the
// bottom of an exhale.
#include <algorithm>
#include <cmath>

#include "haptics/export/breakpoints.hpp"
#include "haptics/export/haptic_writers.hpp"
#include "haptics/export/json_text.hpp"

namespace stillpoint::haptics {
namespace {

constexpr double kMaxEventSeconds = 30.0;      // Apple: a continuous event lasts at most 30 s
constexpr std::size_t kMaxControlPoints = 16;  // Apple: a parameter curve has at most 16 points
constexpr double kSharpness = 0.2;             // soft and round, not buzzy

}  // namespace

std::string writeAhap(const HapticTrack& track, std::string_view title) {
    const double length = track.seconds();
    std::string out =
        "{\n  \"Version\": 1.0,\n  \"Metadata\": {\"Project\": \"Stillpoint\", "
        "\"Description\": " +
        jsonString(title) + "},\n  \"Pattern\": [\n";
    bool first = true;
    auto item = [&](const std::string& text) {
        out += first ? "    " : ",\n    ";
        out += text;
        first = false;
    };
    // Equal events, none longer than the limit: no sliver of a last event
    // whose duration would print as 0.
    const double events = std::max(1.0, std::ceil(length / kMaxEventSeconds));
    const double duration = length / events;
    for (int k = 0; k < static_cast<int>(events); ++k) {
        const double start = k * duration;
        const std::string parameters =
            "[{\"ParameterID\": \"HapticIntensity\", \"ParameterValue\": 1.0}, "
            "{\"ParameterID\": \"HapticSharpness\", \"ParameterValue\": " +
            jsonNumber(kSharpness) + "}]";
        item("{\"Event\": {\"Time\": " + jsonNumber(start) +
             ", \"EventType\": \"HapticContinuous\", \"EventDuration\": " + jsonNumber(duration) +
             ", \"EventParameters\": " + parameters + "}}");
    }
    const auto points = fitBreakpoints(track.intensity, track.sampleRate, kCurveTolerance);
    for (std::size_t from = 0; from + 1 < points.size(); from += kMaxControlPoints - 1) {
        const std::size_t to = std::min(points.size(), from + kMaxControlPoints);
        const double t0 = points[from].seconds;
        std::string curve =
            "{\"ParameterCurve\": {\"ParameterID\": \"HapticIntensityControl\", "
            "\"Time\": " +
            jsonNumber(t0) + ", \"ParameterCurveControlPoints\": [";
        for (std::size_t k = from; k < to; ++k) {
            if (k > from) curve += ", ";
            curve += "{\"Time\": " + jsonNumber(points[k].seconds - t0) + ", \"ParameterValue\": " +
                     jsonNumber(std::clamp(points[k].value, 0.0f, 1.0f)) + "}";
        }
        item(curve + "]}}");
    }
    return out + "\n  ]\n}\n";
}

}  // namespace stillpoint::haptics
