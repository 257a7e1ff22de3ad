// MainComponent: the therapist's window. The session library (search by
// title and length) and the client's profile on the left; the breathing
// circle, the current line, the progress with section marks and the big
// controls on the right. Every control has a key (see kShortcutHelp).
// "Edit..." opens the profile in a ProfileEditor; "Audio output..." opens
// OutputSettings (the device and the haptic output). The loaded session's
// care notes (docs/care-rules.md) show in one line above the controls, all
// of them in its tooltip; they never stop it playing. The listener's heart
// rate and coherence (and a pace the heart steers) show beside the time.
//
// Message thread.
#pragma once

#include <juce_audio_utils/juce_audio_utils.h>

#include <array>
#include <functional>
#include <vector>

#include "app_player.hpp"
#include "editor/breathing_circle.hpp"
#include "session_catalogue.hpp"
#include "session_progress.hpp"

namespace stillpoint::app {

struct AppFolders {
    juce::File sessions;  ///< the user's own session files (*.yaml)
    juce::File profiles;  ///< client profiles (*.json)
};

class MainComponent : public juce::Component, private juce::ListBoxModel, private juce::Timer {
  public:
    /// The component id of the care notes' label.
    static constexpr const char* kCareId = "care";
    /// The listener's heart rate and coherence, beside the time (AppHeart::describe).
    static constexpr const char* kHeartId = "heart";
    /// "Resonance to profile": shown while the resonance assessment is the
    /// session; saves the pace it finds (AppHeart::assessment) to the profile.
    static constexpr const char* kResonanceId = "resonance-to-profile";
    /// The status line (what was saved, what went wrong).
    static constexpr const char* kStatusId = "status";
    static constexpr const char* kShortcutHelp =
        "Space play/pause   C/Enter continue   H hold   Left/Right section   Down/Up slower/faster "
        "  "
        "G grounding   Esc stop";

    MainComponent(AppPlayer& player, juce::AudioDeviceManager* devices, AppFolders folders);
    ~MainComponent() override;

    /// Show which session is selected and load it (a file name or a bundled title).
    bool selectSession(const juce::String& nameOrTitle);
    /// Apply a profile file; "" on success, else the error.
    juce::String selectProfile(const juce::File& file);
    void setRemoteText(const juce::String& text) {
        remote_.setText(text, juce::dontSendNotification);
    }
    /// On the LAN: a "New code" button beside the remote's line runs
    /// `action` (the therapist's way to retire a pairing code).
    void offerNewPairingCode(std::function<void()> action);
    /// Called after a control changed something (the remote calls it too).
    void refresh() { timerCallback(); }
    /// Runs when the therapist picks another haptic output (ProcessorHost::kOff: off).
    std::function<void(int)> onHapticChannelChosen;

    void paint(juce::Graphics& g) override;
    void resized() override;
    bool keyPressed(const juce::KeyPress& key) override;

  private:
    // juce::ListBoxModel
    int getNumRows() override { return static_cast<int>(shown_.size()); }
    void paintListBoxItem(int row, juce::Graphics& g, int width, int height,
                          bool selected) override;
    void selectedRowsChanged(int row) override;

    void timerCallback() override;
    void filter();
    void loadShown(int row);
    void readProfiles();
    void saveProfile(ClientProfile profile);
    void showProfile(const ClientProfile& profile);
    void editProfile();
    /// The assessment's pace into the client's profile, saved; or why there is none.
    void saveAssessedResonance();
    void showAudioSettings();
    juce::TextButton& addButton(juce::TextButton& button, std::function<void()> action);

    AppPlayer& player_;
    juce::AudioDeviceManager* devices_;
    AppFolders folders_;
    std::vector<CatalogueEntry> catalogue_;
    std::vector<int> shown_;
    ClientProfile profile_;
    juce::Array<juce::File> profileFiles_;

    juce::TextEditor search_;
    juce::ListBox list_{"Sessions", this};
    juce::ComboBox profiles_;
    juce::TextButton saveProfile_{"Save profile"}, editProfile_{"Edit..."};
    juce::TextButton audio_{"Audio output..."};
    juce::TextButton newCode_{"New code"};
    juce::TextButton resonance_{"Resonance to profile"};
    juce::Label profileInfo_, title_, section_, caption_, time_, heart_, remote_, help_, status_,
        care_;
    juce::String shownVoiceProblem_;  ///< the voice's problem status_ shows, if any
    plugin::BreathingCircle circle_;
    SessionProgress progress_;
    juce::TextButton previous_{"Previous"}, play_{"Play"}, continue_{"Continue"}, hold_{"Hold"},
        next_{"Next"};
    juce::TextButton slower_{"Slower"}, faster_{"Faster"}, grounding_{"Grounding"}, stop_{"Stop"};
};

}  // namespace stillpoint::app
