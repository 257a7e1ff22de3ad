#include "editor/breathing_circle.hpp"

namespace stillpoint::plugin {
namespace {

constexpr float kSmoothing = 0.25f;  // per frame, on top of the breath's own easing

juce::String wordsFor(int phase) {
    switch (phase) {
        case 0:
            return "breathe in";
        case 1:
            return "hold";
        case 2:
            return "breathe out";
        case 3:
            return "rest";
        default:
            return {};
    }
}

}  // namespace

void BreathingCircle::show(const BreathShape& shape) {
    drawn_ += (shape.fullness - drawn_) * kSmoothing;
    phase_ = shape.phase;
    repaint();
}

void BreathingCircle::paint(juce::Graphics& g) {
    const auto bounds = getLocalBounds().toFloat();
    const float largest = std::min(bounds.getWidth(), bounds.getHeight()) * 0.5f;
    const float radius = largest * (0.35f + 0.6f * drawn_);
    const auto centre = bounds.getCentre();

    const juce::Colour glow(0xff8fc1b5);
    g.setGradientFill(juce::ColourGradient(glow.withAlpha(0.55f), centre.x, centre.y,
                                           glow.withAlpha(0.0f), centre.x + radius * 1.25f,
                                           centre.y, true));
    g.fillEllipse(juce::Rectangle<float>(radius * 2.5f, radius * 2.5f).withCentre(centre));
    g.setColour(glow.withAlpha(0.8f));
    g.fillEllipse(juce::Rectangle<float>(radius * 1.6f, radius * 1.6f).withCentre(centre));
    g.setColour(juce::Colour(0xfff3efe6));
    g.setFont(juce::Font(std::max(14.0f, largest * 0.14f)));
    g.drawText(wordsFor(phase_), bounds, juce::Justification::centred);
}

}  // namespace stillpoint::plugin
