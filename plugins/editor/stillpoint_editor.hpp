// StillpointEditor: the breathing circle, the current line of the session,
// the time left by the plan (grounding: its own length and progress), the
// session picker (bundled sessions or a file), a Continue button for a
// check-in that waits, and the controls, laid out
// to fit any size between the resize limits. A session's care notes
// (docs/care-rules.md) show in one line under the status, all of them in its
// tooltip; they never stop it playing.
//
// Message thread. It reads the processor's PlaybackDisplay on a timer and
// changes parameters through attachments (the host sees every change).
#pragma once

#include <juce_audio_processors/juce_audio_processors.h>

#include <memory>
#include <vector>

#include "editor/breathing_circle.hpp"
#include "processor/stillpoint_processor.hpp"

namespace stillpoint::plugin {

class StillpointEditor : public juce::AudioProcessorEditor, private juce::Timer {
  public:
    /// The component id of the care notes' label.
    static constexpr const char* kCareId = "care";

    explicit StillpointEditor(StillpointProcessor& processor);
    ~StillpointEditor() override;
    void paint(juce::Graphics& g) override;
    void resized() override;

  private:
    struct LabelledSlider {
        juce::Slider slider{juce::Slider::LinearHorizontal, juce::Slider::TextBoxRight};
        juce::Label label;
        std::unique_ptr<juce::AudioProcessorValueTreeState::SliderAttachment> attachment;
    };
    struct Toggle {
        juce::ToggleButton button;
        std::unique_ptr<juce::AudioProcessorValueTreeState::ButtonAttachment> attachment;
    };

    void timerCallback() override;
    void chooseFile();
    LabelledSlider& addSlider(const char* id, const juce::String& name);
    Toggle& addToggle(const char* id, const juce::String& name);
    juce::String currentLine() const;
    juce::String currentSection() const;

    StillpointProcessor& processor_;
    BreathingCircle circle_;
    juce::Label title_, line_, status_, error_, care_;
    juce::ComboBox sessions_;
    std::unique_ptr<juce::AudioProcessorValueTreeState::ComboBoxAttachment> sessionAttachment_;
    juce::ComboBox patterns_;
    std::unique_ptr<juce::AudioProcessorValueTreeState::ComboBoxAttachment> patternAttachment_;
    juce::TextButton openFile_{"Open file..."};
    juce::TextButton continue_{"Continue"};
    std::vector<std::unique_ptr<LabelledSlider>> sliders_;
    std::vector<std::unique_ptr<Toggle>> toggles_;
    std::unique_ptr<juce::FileChooser> chooser_;
};

}  // namespace stillpoint::plugin
