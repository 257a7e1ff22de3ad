#include "session_progress.hpp"

#include <algorithm>

namespace stillpoint::app {

void SessionProgress::show(double elapsedSeconds, double lengthSeconds,
                           std::vector<double> sectionStarts) {
    if (elapsedSeconds == elapsed_ && lengthSeconds == length_ && sectionStarts == sections_)
        return;
    elapsed_ = elapsedSeconds;
    length_ = lengthSeconds;
    sections_ = std::move(sectionStarts);
    repaint();
}

void SessionProgress::paint(juce::Graphics& g) {
    const auto bounds = getLocalBounds().toFloat();
    const auto track = bounds.withSizeKeepingCentre(bounds.getWidth(), 6.0f);
    g.setColour(juce::Colour(0xff2c3d48));
    g.fillRoundedRectangle(track, 3.0f);
    if (length_ <= 0.0) return;
    const auto at = [&](double seconds) {
        return track.getX() +
               track.getWidth() * static_cast<float>(std::clamp(seconds / length_, 0.0, 1.0));
    };
    g.setColour(juce::Colour(0xff8fc1b5));
    g.fillRoundedRectangle(track.withRight(at(elapsed_)), 3.0f);
    g.setColour(juce::Colour(0xffe8e4da).withAlpha(0.7f));
    for (const double start : sections_)
        if (start > 0.0 && start < length_)
            g.fillRect(juce::Rectangle<float>(2.0f, bounds.getHeight())
                           .withCentre({at(start), bounds.getCentreY()}));
}

}  // namespace stillpoint::app
