// SessionProgress: a thin bar of how far the session has come, with a small
// mark where each section starts.
#pragma once

#include <juce_gui_basics/juce_gui_basics.h>

#include <vector>

namespace stillpoint::app {

class SessionProgress : public juce::Component {
  public:
    void show(double elapsedSeconds, double lengthSeconds, std::vector<double> sectionStarts);
    void paint(juce::Graphics& g) override;

  private:
    double elapsed_ = 0.0;
    double length_ = 0.0;
    std::vector<double> sections_;
};

}  // namespace stillpoint::app
