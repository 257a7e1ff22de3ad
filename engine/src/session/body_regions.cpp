#include <algorithm>

#include "stillpoint/session.hpp"
#include "text/word_match.hpp"

namespace stillpoint {

const std::vector<std::string>& bodyRegions() {
    // Feet to crown: a scan that moves upward starts where the body meets the ground.
    static const std::vector<std::string> regions = {
        "feet",  "ankles",     "calves",     "knees", "thighs", "hips", "pelvis",
        "belly", "lower_back", "upper_back", "chest", "hands",  "arms", "shoulders",
        "neck",  "throat",     "jaw",        "face",  "head",
    };
    return regions;
}

const std::vector<std::string>& wholeBodyScanRegions() {
    static const std::vector<std::string> regions = [] {
        std::vector<std::string> all = bodyRegions();
        all.erase(std::find(all.begin(), all.end(), "pelvis"));
        return all;
    }();
    return regions;
}

const std::vector<RegionWords>& regionWords() {
    // What a line may call each region. Words that also name something else
    // in a meditation ("heart" alone, "eyes", "back", "seat") are left out:
    // "open your eyes" must not count as naming the face.
    static const std::vector<RegionWords> words = {
        {"feet", {"feet", "foot", "toes", "toe", "soles", "heels"}},
        {"ankles", {"ankles", "ankle"}},
        {"calves", {"calves", "calf", "shins", "shin", "lower legs"}},
        {"knees", {"knees", "knee", "kneecaps"}},
        {"thighs", {"thighs", "thigh", "upper legs"}},
        {"hips", {"hips", "hip"}},
        {"pelvis",
         {"pelvis", "pelvic", "pelvic floor", "groin", "genitals", "buttocks", "sit bones",
          "sitting bones"}},
        {"belly", {"belly", "stomach", "abdomen", "tummy", "navel", "gut"}},
        {"lower_back", {"lower back", "lower spine", "lumbar"}},
        {"upper_back", {"upper back", "shoulder blades"}},
        {"chest",
         {"chest", "breastbone", "sternum", "ribs", "rib", "ribcage", "rib cage", "heart area",
          "heartbeat", "breast", "breasts", "lungs"}},
        {"hands", {"hands", "hand", "fingers", "fingertips", "palms", "palm", "wrists", "thumbs"}},
        {"arms", {"arms", "arm", "elbows", "elbow", "forearms", "upper arms"}},
        {"shoulders", {"shoulders", "shoulder"}},
        {"neck", {"neck", "nape"}},
        {"throat", {"throat", "voice box", "larynx", "windpipe"}},
        {"jaw", {"jaw", "jaws", "teeth", "tongue", "chin"}},
        {"face",
         {"face", "forehead", "brow", "cheeks", "cheekbones", "lips", "mouth", "nose", "temples"}},
        {"head", {"head", "scalp", "skull", "crown of the head"}},
    };
    return words;
}

std::vector<std::string> regionsNamedIn(std::string_view text) {
    const std::string folded = detail::foldCase(text);
    std::vector<std::string> named;
    for (const RegionWords& region : regionWords()) {
        const bool found =
            std::any_of(region.words.begin(), region.words.end(),
                        [&](const auto& w) { return detail::findWords(folded, w).has_value(); });
        if (found) named.push_back(region.region);
    }
    return named;
}

}  // namespace stillpoint
