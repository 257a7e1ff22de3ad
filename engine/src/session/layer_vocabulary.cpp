#include "stillpoint/layer_vocabulary.hpp"

#include "stillpoint/pace_range.hpp"

namespace stillpoint {

std::string layerNameList(std::string_view separator) {
    std::string text;
    for (const LayerWord& word : kLayerVocabulary) {
        if (!text.empty()) text += separator;
        text += word.name;
    }
    return text;
}

std::string rangeText(const LayerVolumeRange& range) {
    // paceText writes a number in its shortest form, as people write it.
    return paceText(range.lowestDb) + " to " + paceText(range.highestDb);
}

}  // namespace stillpoint
