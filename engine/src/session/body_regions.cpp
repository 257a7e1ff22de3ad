#include "stillpoint/session.hpp"

namespace stillpoint {

const std::vector<std::string>& bodyRegions() {
    // Feet to crown: a scan that moves upward starts where the body meets the ground.
    static const std::vector<std::string> regions = {
        "feet",      "ankles",     "calves",     "knees", "thighs", "hips",
        "belly",     "lower_back", "upper_back", "chest", "hands",  "arms",
        "shoulders", "neck",       "throat",     "jaw",   "face",   "head",
    };
    return regions;
}

}  // namespace stillpoint
