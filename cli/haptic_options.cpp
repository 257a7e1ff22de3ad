#include "haptic_options.hpp"

#include <cmath>
#include <string>

namespace stillpoint::cli {

std::string hapticOptionsProblem(const Arguments& a, HapticSettings& haptics) {
    if (auto channel = a.value("haptic-channel")) {
        if (*channel == "lra")
            haptics.signal = HapticSignal::Lra;
        else if (*channel == "shaker")
            haptics.signal = HapticSignal::Shaker;
        else {
            return "--haptic-channel " + *channel +
                   " is not an actuator; use lra (170 Hz) or shaker (40 Hz)";
        }
    }
    if (auto cap = a.value("haptic-cap")) {
        std::size_t used = 0;
        double value = NAN;
        try {
            value = std::stod(*cap, &used);
        } catch (const std::exception&) {
            used = 0;
        }
        if (used != cap->size() || !(value >= 0.0 && value <= 1.0)) {
            return "--haptic-cap " + *cap +
                   " is out of range; use a number from 0 (haptics off) to 1 (full)";
        }
        haptics.intensityCap = value;
        haptics.enabled = value > 0.0;
    }
    return {};
}

bool readHapticOptions(const Arguments& a, std::string_view command, HapticSettings& haptics,
                       std::ostream& err) {
    const std::string problem = hapticOptionsProblem(a, haptics);
    if (!problem.empty()) err << "stillpoint " << command << ": " << problem << '\n';
    return problem.empty();
}

}  // namespace stillpoint::cli
