// The app's window, driven as the therapist drives it (under Xvfb): every
// keyboard shortcut posted to the window's peer reaches the plugin's
// processor, a profile edited through the profile editor's controls
// reaches the player and is saved and read back whole, and the window and
// the plugin's editor show a loaded session's care notes while it plays.
#include <gtest/gtest.h>
#include <juce_gui_basics/juce_gui_basics.h>

#include <chrono>
#include <functional>
#include <memory>
#include <thread>

#include "../app_render.hpp"
#include "../assessment_heart.hpp"
#include "app_player.hpp"
#include "editor/stillpoint_editor.hpp"
#include "main_component.hpp"
#include "processor/plugin_parameters.hpp"
#include "profile_editor.hpp"

namespace stillpoint::app {
namespace {

constexpr double kRate = 48000.0;
constexpr int kBlock = 512;

// JUCE installs its X error handlers only in an application. Without them a
// window manager's atom that Xvfb lacks (no window manager runs there) ends
// the program, where the app itself shrugs it off: act as an application.
juce::JUCEApplicationBase* noApplication() {
    return nullptr;
}
[[maybe_unused]] const bool kActsAsApplication =
    (juce::JUCEApplicationBase::createInstance = &noApplication, true);

/// Let the message loop deliver what the controls posted (clicks, text changes).
void dispatch() {
    juce::MessageManager::getInstance()->runDispatchLoopUntil(50);
}

class TempFolder {
  public:
    TempFolder()
        : folder_(juce::File::getSpecialLocation(juce::File::tempDirectory)
                      .getNonexistentChildFile("stillpoint-window", "", false)) {
        folder_.getChildFile("Sessions").createDirectory();
        folder_.getChildFile("Profiles").createDirectory();
    }
    ~TempFolder() { folder_.deleteRecursively(); }
    juce::File operator/(const char* name) const { return folder_.getChildFile(name); }

  private:
    juce::File folder_;
};

class Shortcuts : public ::testing::Test {
  protected:
    void SetUp() override {
        player_.prepare(kRate, kBlock);
        window_ = std::make_unique<MainComponent>(
            player_, nullptr, AppFolders{folder_ / "Sessions", folder_ / "Profiles"});
        window_->setVisible(true);
        window_->addToDesktop(juce::ComponentPeer::windowAppearsOnTaskbar |
                              juce::ComponentPeer::windowHasTitleBar);
        ASSERT_NE(window_->getPeer(), nullptr);
    }
    void TearDown() override { window_.reset(); }

    /// The key as the window system delivers it: to the peer, which hands it on.
    void press(const juce::KeyPress& key) {
        ASSERT_TRUE(window_->getPeer()->handleKeyPress(key)) << key.getTextDescription();
    }
    void press(juce::juce_wchar character) { press(juce::KeyPress(character, {}, character)); }

    /// Render until `done` holds (at most `seconds` of the session's audio). While
    /// the player's worker builds an engine, the engine holds for its first
    /// gains, or it waits for a line still being made, blocks go at a device's
    /// pace and do not count: the session does not move on meanwhile (for at
    /// most kMaxWaitBlocks of them, about 30 s).
    bool renderUntil(const std::function<bool()>& done, double seconds) {
        constexpr int kMaxWaitBlocks = 2700;
        int waited = 0;
        for (int frames = 0; frames < seconds * kRate && waited < kMaxWaitBlocks;) {
            if (done()) return true;
            float* out[2] = {left_.data(), right_.data()};
            player_.render(out, 2, kBlock);
            const auto& display = player_.display();
            if (test::engineComing(display) || display.session.read().waitingForNarration) {
                std::this_thread::sleep_for(std::chrono::milliseconds(11));
                ++waited;
            } else {
                frames += kBlock;
            }
        }
        return done();
    }

    TempFolder folder_;
    AppPlayer player_;
    std::unique_ptr<MainComponent> window_;
    std::vector<float> left_ = std::vector<float>(kBlock), right_ = std::vector<float>(kBlock);
};

TEST_F(Shortcuts, EveryKeyReachesTheProcessor) {
    const auto program = player_.program();
    ASSERT_NE(program, nullptr);
    ASSERT_GE(program->groundingSection, 0);
    const auto state = [&] { return player_.state(); };

    press(juce::KeyPress(juce::KeyPress::spaceKey));
    ASSERT_TRUE(renderUntil([&] { return state().playing && state().section == 0; }, 10.0));

    press(juce::KeyPress(juce::KeyPress::rightKey));
    ASSERT_TRUE(renderUntil([&] { return state().section == 1; }, 10.0));
    press(juce::KeyPress(juce::KeyPress::leftKey));  // just after its start: the one before
    ASSERT_TRUE(renderUntil([&] { return state().section == 0; }, 10.0));

    press('h');
    EXPECT_TRUE(state().holding);
    press('h');
    EXPECT_FALSE(state().holding);

    press(juce::KeyPress(juce::KeyPress::upKey));
    const double faster = state().paceBpm;
    EXPECT_GT(faster, 0.0);
    press(juce::KeyPress(juce::KeyPress::downKey));
    EXPECT_NEAR(state().paceBpm, faster - AppPlayer::kPaceStepBpm, 1e-4);
    press('+');
    EXPECT_NEAR(state().paceBpm, faster, 1e-4);
    press('-');
    EXPECT_NEAR(state().paceBpm, faster - AppPlayer::kPaceStepBpm, 1e-4);
    EXPECT_NEAR(
        player_.processor().parameters().getRawParameterValue(plugin::params::kPace)->load(),
        faster - AppPlayer::kPaceStepBpm, 1e-4);

    press('g');
    ASSERT_TRUE(renderUntil([&] { return state().section == program->groundingSection; }, 10.0));

    press(juce::KeyPress(juce::KeyPress::spaceKey));
    ASSERT_TRUE(renderUntil([&] { return state().paused; }, 10.0));
    press(juce::KeyPress(juce::KeyPress::spaceKey));
    ASSERT_TRUE(renderUntil([&] { return !state().paused && state().playing; }, 10.0));

    press(juce::KeyPress(juce::KeyPress::escapeKey));
    ASSERT_TRUE(renderUntil([&] { return state().finished; }, 10.0));
}

TEST_F(Shortcuts, CAndEnterLetACheckinThatWaitsGoOn) {
    ASSERT_EQ(player_.load({"checkins.yaml", R"(title: Check-ins
sections:
  - name: One
    steps:
      - checkin: {prompt: "Ready?", wait: 1s}
      - checkin: {prompt: "And now?", wait: 1s}
      - bell: chime
)"},
                           {}),
              "");
    const auto state = [&] { return player_.state(); };
    press(juce::KeyPress(juce::KeyPress::spaceKey));
    for (const auto key :
         {juce::KeyPress('c', {}, 'c'), juce::KeyPress(juce::KeyPress::returnKey)}) {
        ASSERT_TRUE(renderUntil([&] { return state().waiting; }, 20.0)) << key.getTextDescription();
        const int step = player_.display().step.load();
        press(key);
        ASSERT_TRUE(renderUntil([&] { return player_.display().step.load() == step + 1; }, 0.1))
            << key.getTextDescription();
    }
}

TEST_F(Shortcuts, KeysTheWindowDoesNotKnowAreLeftToOthers) {
    EXPECT_FALSE(window_->getPeer()->handleKeyPress(juce::KeyPress('q', {}, 'q')));
    EXPECT_FALSE(player_.state().playing);
}

template <typename Control>
Control& find(juce::Component& parent, const juce::String& id) {
    auto* control = dynamic_cast<Control*>(parent.findChildWithID(id));
    if (control == nullptr) throw std::runtime_error("no control " + id.toStdString());
    return *control;
}

TEST(ProfileEditing, EditsReachThePlayerAndSaveAndReadBackWhole) {
    TempFolder folder;
    AppPlayer player;
    player.prepare(kRate, kBlock);
    ASSERT_EQ(player.load(plugin::bundledSessions().front(), {}), "");

    ProfileEditor editor({"cmu_us_slt", "cmu_us_awb"});
    int changes = 0;
    editor.onChange = [&](const ClientProfile& profile) {
        EXPECT_EQ(player.applyProfile(profile), "");
        ++changes;
    };
    const auto file =
        (folder / "Profiles").getChildFile("Ana.json").getFullPathName().toStdString();
    std::string saved = "not saved";
    editor.onSave = [&](const ClientProfile& profile) { saved = saveProfile(profile, file); };

    find<juce::TextEditor>(editor, ProfileEditor::kNameId).setText("Ana", true);
    find<juce::Slider>(editor, ProfileEditor::kPaceId).setValue(5.5, juce::sendNotificationSync);
    find<juce::Button>(editor, ProfileEditor::avoidId("knees")).triggerClick();
    find<juce::Button>(editor, ProfileEditor::avoidId("lower_back")).triggerClick();
    find<juce::Button>(editor, ProfileEditor::kHapticsId).triggerClick();  // on -> off
    find<juce::Slider>(editor, ProfileEditor::kHapticCapId)
        .setValue(0.35, juce::sendNotificationSync);
    find<juce::Slider>(editor, ProfileEditor::layerId(1))
        .setValue(-6.5, juce::sendNotificationSync);
    find<juce::Slider>(editor, ProfileEditor::layerId(4))
        .setValue(-60.0, juce::sendNotificationSync);
    find<juce::ComboBox>(editor, ProfileEditor::kVoiceId)
        .setSelectedItemIndex(2, juce::sendNotificationSync);
    find<juce::Slider>(editor, ProfileEditor::kResonanceId)
        .setValue(5.0, juce::sendNotificationSync);
    dispatch();
    EXPECT_GE(changes, 10);

    ClientProfile expected;
    expected.name = "Ana";
    expected.paceBpm = 5.5;
    expected.resonanceBpm = 5.0;
    expected.avoid = {"knees", "lower_back"};
    expected.voice = "cmu_us_awb";
    expected.haptics = false;
    expected.hapticCap = 0.35;
    expected.layerTrimDb = {0.0, -6.5, 0.0, 0.0, -60.0, 0.0};
    EXPECT_EQ(profileToJson(editor.edited()), profileToJson(expected));
    EXPECT_EQ(editor.edited(), expected);

    // Each edit reached the processor the player plays through.
    const auto& options = player.processor().listenerOptions();
    EXPECT_EQ(options.avoid, expected.avoid);
    EXPECT_EQ(options.voice, "cmu_us_awb");
    EXPECT_EQ(options.hapticCap, 0.35);
    EXPECT_EQ(options.resonanceBpm, 5.0);
    EXPECT_EQ(options.layerOffsetDb[1], -6.5);
    EXPECT_EQ(options.layerOffsetDb[4], -60.0);
    EXPECT_NEAR(player.state().paceBpm, 5.5, 1e-4);
    EXPECT_EQ(
        player.processor().parameters().getRawParameterValue(plugin::params::kHaptics)->load(),
        0.0f);

    find<juce::Button>(editor, ProfileEditor::kSaveId).triggerClick();
    dispatch();
    ASSERT_EQ(saved, "");
    const auto loaded = loadProfile(file);
    ASSERT_EQ(loaded.error, "");
    EXPECT_EQ(loaded.profile, expected);

    // Shown again (on a machine without that voice), the controls give it back
    // unchanged, values written by hand in the file included.
    ProfileEditor again({"cmu_us_slt"});
    expected.layerTrimDb[5] = -12.25;
    expected.paceBpm = 4.75;
    again.show(expected);
    EXPECT_EQ(profileToJson(again.edited()), profileToJson(expected));
    EXPECT_EQ(again.edited(), expected);
    EXPECT_EQ(find<juce::ComboBox>(again, ProfileEditor::kVoiceId).getText(), "cmu_us_awb");
    EXPECT_EQ(find<juce::Slider>(again, ProfileEditor::layerId(5)).getTextFromValue(-12.25),
              "-12.25 dB");
    EXPECT_TRUE(find<juce::Button>(again, ProfileEditor::avoidId("lower_back")).getToggleState());

    // Kept beside the test (build/dev/tests/app/profile_editor.png) to look at.
    const auto png = juce::File::getCurrentWorkingDirectory().getChildFile("profile_editor.png");
    png.deleteFile();
    juce::FileOutputStream out(png);
    ASSERT_TRUE(out.openedOk());
    EXPECT_TRUE(juce::PNGImageFormat().writeImageToStream(
        again.createComponentSnapshot(again.getLocalBounds()), out));
}

TEST_F(Shortcuts, TheAssessmentsPaceGoesToTheProfileWithOneButton) {
    auto& toProfile = find<juce::Button>(*window_, MainComponent::kResonanceId);
    auto& status = find<juce::Label>(*window_, MainComponent::kStatusId);
    window_->refresh();
    EXPECT_FALSE(toProfile.isVisible());  // only for the assessment
    ASSERT_TRUE(window_->selectSession(kAssessmentName));
    window_->refresh();
    ASSERT_TRUE(toProfile.isVisible());
    EXPECT_GT(toProfile.getWidth(), 0);
    // Before any beat: no pace, and why; nothing written.
    toProfile.triggerClick();
    dispatch();
    EXPECT_EQ(status.getText(),
              "No resonance pace: " + juce::String(player_.heart().assessment().error));
    EXPECT_EQ((folder_ / "Profiles").getNumberOfChildFiles(juce::File::findFiles), 0);

    // Played with a heart whose resonance is 5.0/min: the button saves it.
    press(juce::KeyPress(juce::KeyPress::spaceKey));
    std::size_t sent = 0;
    test::playAssessmentWithHeart(player_, 5.0, kBlock, sent);
    toProfile.triggerClick();
    dispatch();
    const auto saved = (folder_ / "Profiles").getChildFile("Client.json");
    EXPECT_EQ(status.getText(), "Resonance 5.0/min: Saved " + saved.getFullPathName());
    const auto profile = loadProfile(saved.getFullPathName().toStdString());
    ASSERT_EQ(profile.error, "");
    EXPECT_EQ(profile.profile.resonanceBpm, 5.0);
    EXPECT_EQ(player_.profile().resonanceBpm, 5.0);  // and it is the profile that plays
}

// A session whose words the care checker questions (docs/care-rules.md).
constexpr const char* kOrders = R"(title: Orders
sections:
  - name: Arriving
    steps:
      - say: Notice the room around you.
      - say: Close your eyes. Relax your shoulders now.
      - pause: 2s
)";

class CareNotes : public Shortcuts {};

TEST_F(CareNotes, TheWindowAndThePluginEditorShowThemAndTheSessionStillPlays) {
    auto& care = find<juce::Label>(*window_, MainComponent::kCareId);
    window_->refresh();
    EXPECT_EQ(care.getText(), "");  // the default session has none

    ASSERT_EQ(player_.load({"orders.yaml", kOrders}, {}), "");
    window_->refresh();
    const juce::String summary =
        "Care: 2 notes. Line 6: this line asks for the eyes to close without the choice to keep "
        "them open [care.invite-not-command]";
    EXPECT_EQ(care.getText(), summary);
    EXPECT_TRUE(care.getTooltip().contains(
        "orders.yaml:6:9: warning: 'Relax your shoulders now.' tells the body what to do; invite "
        "instead: 'If it feels right, you might relax your shoulders.' [care.invite-not-command]"))
        << care.getTooltip();
    EXPECT_GT(care.getHeight(), 0);

    std::unique_ptr<juce::AudioProcessorEditor> editor(player_.processor().createEditor());
    ASSERT_NE(editor, nullptr);
    auto& shown = find<juce::Label>(*editor, plugin::StillpointEditor::kCareId);
    EXPECT_EQ(shown.getText(), summary);
    EXPECT_EQ(shown.getTooltip(), care.getTooltip());
    EXPECT_GT(shown.getHeight(), 0);

    // Notes, not errors: the session plays.
    press(juce::KeyPress(juce::KeyPress::spaceKey));
    EXPECT_TRUE(renderUntil([&] { return player_.state().playing; }, 10.0));
    EXPECT_EQ(player_.state().title, "Orders");
}

}  // namespace
}  // namespace stillpoint::app
