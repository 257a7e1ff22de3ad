#include "haptic_options.hpp"

#include <cmath>
#include <string>

namespace stillpoint::cli {

bool readHapticOptions(const Arguments& a, std::string_view command, HapticSettings& haptics,
                       std::ostream& err) {
    if (auto channel = a.value("haptic-channel")) {
        if (*channel == "lra")
            haptics.signal = HapticSignal::Lra;
        else if (*channel == "shaker")
            haptics.signal = HapticSignal::Shaker;
        else {
            err << "stillpoint " << command << ": --haptic-channel " << *channel
                << " is not an actuator; use lra (170 Hz) or shaker (40 Hz)\n";
            return false;
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
            err << "stillpoint " << command << ": --haptic-cap " << *cap
                << " is out of range; use a number from 0 (haptics off) to 1 (full)\n";
            return false;
        }
        haptics.intensityCap = value;
        haptics.enabled = value > 0.0;
    }
    return true;
}

}  // namespace stillpoint::cli
