// ProfileEditor: a client's profile edited in the window. Name, pace (0: the
// session's own), resonance pace (for `pace: resonance` steps: 4.5-7, or
// none, the slider's lowest notch), the body regions to leave out (a box per region the scans
// know), haptics on/off and their cap, a volume per layer and the narration
// voice. Each edit reaches the player at once through onChange (pace and
// volumes glide); "Save" hands the profile to onSave, which writes it
// atomically.
//
// Every control has a component ID (kPaceId, "avoid-knees", "layer-bed",
// ...), so the tests drive it as the therapist does.
//
// Message thread.
#pragma once

#include <juce_gui_basics/juce_gui_basics.h>

#include <array>
#include <functional>
#include <memory>
#include <string>
#include <vector>

#include "stillpoint/client_profile.hpp"

namespace stillpoint::app {

class ProfileEditor : public juce::Component {
  public:
    static constexpr const char* kNameId = "name";
    static constexpr const char* kPaceId = "pace";
    static constexpr const char* kResonanceId = "resonance";
    static constexpr const char* kHapticsId = "haptics";
    static constexpr const char* kHapticCapId = "haptic-cap";
    static constexpr const char* kVoiceId = "voice";
    static constexpr const char* kSaveId = "save";
    static juce::String avoidId(const std::string& region) {
        return "avoid-" + juce::String(region);
    }
    static juce::String layerId(std::size_t layer) {
        return "layer-" + juce::String(kLayerKeys[layer]);
    }

    /// `voices`: what the narration can speak with, the default first.
    explicit ProfileEditor(std::vector<std::string> voices);
    ~ProfileEditor() override;

    /// Show `profile` in the controls (no onChange).
    void show(const ClientProfile& profile);
    /// The profile as the controls say now.
    ClientProfile edited() const;

    std::function<void(const ClientProfile&)> onChange;
    std::function<void(const ClientProfile&)> onSave;

    void paint(juce::Graphics& g) override;
    void resized() override;

  private:
    juce::Slider& addSlider(const juce::String& id, const juce::String& label, double low,
                            double high);
    void changed();

    std::vector<std::string> voices_;        ///< the voice box's items after "the session's"
    std::vector<std::string> otherRegions_;  ///< avoided regions no box shows, kept as they are
    std::vector<std::unique_ptr<juce::Label>> labels_;
    juce::TextEditor name_;
    juce::Slider* pace_ = nullptr;
    juce::Slider* resonance_ = nullptr;
    juce::Slider* hapticCap_ = nullptr;
    std::array<juce::Slider*, kLayerCount> layers_{};
    std::vector<std::unique_ptr<juce::Slider>> sliders_;
    std::vector<std::unique_ptr<juce::ToggleButton>> regions_;
    juce::ToggleButton haptics_{"Haptics"};
    juce::ComboBox voice_;
    juce::TextButton save_{"Save"};
    juce::Label regionsLabel_{{}, "Leave out"};
};

}  // namespace stillpoint::app
