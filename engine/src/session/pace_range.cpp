#include "stillpoint/pace_range.hpp"

#include <sstream>

namespace stillpoint {

std::string paceText(double bpm) {
    std::ostringstream text;
    text << bpm;  // shortest form: 4.5, 20
    return text.str();
}

std::string rangeText(const PaceRange& range) {
    return paceText(range.lowestBpm) + " to " + paceText(range.highestBpm) + " breaths/min";
}

}  // namespace stillpoint
