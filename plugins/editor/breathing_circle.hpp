// BreathingCircle: a soft circle that grows as the breath fills and settles
// as it empties, with the phase written inside. Nothing flashes or jumps:
// its size follows the eased fullness and its drawn value is smoothed again.
#pragma once

#include <juce_gui_basics/juce_gui_basics.h>

#include "editor/breath_shape.hpp"

namespace stillpoint::plugin {

class BreathingCircle : public juce::Component {
  public:
    void show(const BreathShape& shape);
    void paint(juce::Graphics& g) override;

  private:
    float drawn_ = 0.3f;
    int phase_ = -1;
};

}  // namespace stillpoint::plugin
