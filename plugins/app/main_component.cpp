#include "main_component.hpp"

#include <cmath>

#include "editor/breath_shape.hpp"
#include "output_settings.hpp"
#include "profile_editor.hpp"
#include "stillpoint/heart_monitor.hpp"
#include "stillpoint/narration.hpp"

namespace stillpoint::app {
namespace {

const juce::Colour kBackground(0xff1d2a33);
const juce::Colour kPanel(0xff22323d);
const juce::Colour kText(0xffe8e4da);
const juce::Colour kQuiet(0xff9fb0b8);
const juce::Colour kAccent(0xff8fc1b5);
const juce::Colour kWarning(0xffe0b07a);
constexpr int kRefreshHz = 30;

juce::String clock(double seconds) {
    const int s = static_cast<int>(std::max(0.0, std::floor(seconds)));
    return juce::String(s / 60) + ":" + juce::String(s % 60).paddedLeft('0', 2);
}

juce::String text(const std::string& utf8) {
    return juce::String::fromUTF8(utf8.c_str());
}

/// A calm, fixed-size dialog owning `content`, beside the main window.
void launchDialog(juce::Component* content, const juce::String& title) {
    juce::DialogWindow::LaunchOptions options;
    options.content.setOwned(content);
    options.dialogTitle = title;
    options.dialogBackgroundColour = kBackground;
    options.useNativeTitleBar = true;
    options.resizable = false;
    options.launchAsync();
}

}  // namespace

MainComponent::MainComponent(AppPlayer& player, juce::AudioDeviceManager* devices,
                             AppFolders folders)
    : player_(player), devices_(devices), folders_(std::move(folders)) {
    setWantsKeyboardFocus(true);
    for (auto* label : {&profileInfo_, &title_, &section_, &caption_, &time_, &heart_, &remote_,
                        &help_, &status_, &care_}) {
        label->setColour(juce::Label::textColourId, kText);
        addAndMakeVisible(label);
    }
    title_.setFont(juce::Font(26.0f));
    section_.setColour(juce::Label::textColourId, kQuiet);
    caption_.setFont(juce::Font(21.0f, juce::Font::italic));
    caption_.setJustificationType(juce::Justification::centred);
    time_.setJustificationType(juce::Justification::centred);
    heart_.setComponentID(kHeartId);
    heart_.setJustificationType(juce::Justification::centredRight);
    for (auto* quiet : {&remote_, &help_, &profileInfo_, &heart_}) {
        quiet->setColour(juce::Label::textColourId, kQuiet);
        quiet->setFont(juce::Font(13.0f));
    }
    status_.setColour(juce::Label::textColourId, kWarning);
    care_.setComponentID(kCareId);
    care_.setColour(juce::Label::textColourId, kQuiet);
    care_.setFont(juce::Font(13.0f));
    help_.setText(kShortcutHelp, juce::dontSendNotification);

    search_.setTextToShowWhenEmpty("Search: title words, <15 or 10m for minutes", kQuiet);
    search_.onTextChange = [this] { filter(); };
    search_.onReturnKey = [this] { grabKeyboardFocus(); };
    search_.onEscapeKey = [this] { grabKeyboardFocus(); };
    addAndMakeVisible(search_);
    list_.setRowHeight(30);
    list_.setWantsKeyboardFocus(false);
    list_.setColour(juce::ListBox::backgroundColourId, kPanel);
    addAndMakeVisible(list_);

    profiles_.setWantsKeyboardFocus(false);
    profiles_.onChange = [this] {
        const int index = profiles_.getSelectedItemIndex() - 1;
        status_.setText(index >= 0 ? selectProfile(profileFiles_[index]) : selectProfile({}),
                        juce::dontSendNotification);
    };
    addAndMakeVisible(profiles_);
    addButton(saveProfile_, [this] { saveProfile(player_.profile()); });
    addButton(editProfile_, [this] { editProfile(); });
    addButton(audio_, [this] { showAudioSettings(); });
    addButton(resonance_, [this] { saveAssessedResonance(); });
    resonance_.setComponentID(kResonanceId);
    status_.setComponentID(kStatusId);
    resonance_.setVisible(false);
    audio_.setEnabled(devices_ != nullptr);
    addAndMakeVisible(circle_);
    addAndMakeVisible(progress_);

    addButton(previous_, [this] { player_.previous(); });
    addButton(play_, [this] { player_.togglePlay(); });
    addButton(continue_, [this] { player_.continueCheckin(); });
    continue_.setTooltip("A check-in waits for the client: go on (C or Enter)");
    addButton(hold_, [this] { player_.setHold(!player_.state().holding); });
    addButton(next_, [this] { player_.next(); });
    addButton(slower_, [this] { player_.slower(); });
    addButton(faster_, [this] { player_.faster(); });
    addButton(grounding_, [this] { player_.grounding(); });
    addButton(stop_, [this] { player_.stop(); });

    catalogue_ = readCatalogue(folders_.sessions);
    readProfiles();
    profileInfo_.setText("Sessions play as written until a profile is chosen",
                         juce::dontSendNotification);
    filter();
    selectSession(text(plugin::bundledSessions().front().name));
    setSize(1040, 660);
    startTimerHz(kRefreshHz);
}

MainComponent::~MainComponent() {
    stopTimer();
}

void MainComponent::offerNewPairingCode(std::function<void()> action) {
    addButton(newCode_, std::move(action));
    resized();
}

juce::TextButton& MainComponent::addButton(juce::TextButton& button, std::function<void()> action) {
    button.setWantsKeyboardFocus(false);
    button.setColour(juce::TextButton::buttonColourId, kPanel);
    button.setColour(juce::TextButton::textColourOffId, kText);
    button.onClick = [this, action = std::move(action)] {
        action();
        refresh();
    };
    addAndMakeVisible(button);
    return button;
}

void MainComponent::filter() {
    std::vector<LibraryEntry> entries;
    for (const auto& c : catalogue_) entries.push_back(c.entry);
    shown_ = searchLibrary(entries, search_.getText().toStdString());
    list_.updateContent();
    list_.deselectAllRows();
    list_.repaint();
}

bool MainComponent::selectSession(const juce::String& nameOrTitle) {
    for (std::size_t i = 0; i < catalogue_.size(); ++i) {
        const auto& entry = catalogue_[i].entry;
        if (text(entry.file) == nameOrTitle || text(entry.title) == nameOrTitle ||
            juce::File(text(entry.file)).getFileName() == nameOrTitle) {
            search_.clear();
            filter();
            list_.selectRow(static_cast<int>(i));  // loads it
            return true;
        }
    }
    return false;
}

void MainComponent::loadShown(int row) {
    if (row < 0 || row >= static_cast<int>(shown_.size())) return;
    const auto& chosen =
        catalogue_[static_cast<std::size_t>(shown_[static_cast<std::size_t>(row)])];
    status_.setText(text(player_.load(chosen.text, profile_)), juce::dontSendNotification);
    refresh();
}

void MainComponent::selectedRowsChanged(int row) {
    loadShown(row);
}

void MainComponent::paintListBoxItem(int row, juce::Graphics& g, int width, int height,
                                     bool selected) {
    if (row < 0 || row >= static_cast<int>(shown_.size())) return;
    const auto& entry =
        catalogue_[static_cast<std::size_t>(shown_[static_cast<std::size_t>(row)])].entry;
    if (selected) g.fillAll(kAccent.withAlpha(0.25f));
    g.setColour(kText);
    g.setFont(15.0f);
    g.drawText(text(entry.title), 10, 0, width - 70, height, juce::Justification::centredLeft,
               true);
    g.setColour(kQuiet);
    g.drawText(clock(entry.lengthSeconds), width - 60, 0, 52, height,
               juce::Justification::centredRight);
}

void MainComponent::readProfiles() {
    profileFiles_ = folders_.profiles.findChildFiles(juce::File::findFiles, false, "*.json");
    profileFiles_.sort();
    profiles_.clear(juce::dontSendNotification);
    profiles_.addItem("No profile", 1);
    for (int i = 0; i < profileFiles_.size(); ++i)
        profiles_.addItem(profileFiles_[i].getFileNameWithoutExtension(), i + 2);
    profiles_.setSelectedId(1, juce::dontSendNotification);
}

juce::String MainComponent::selectProfile(const juce::File& file) {
    ClientProfile profile;
    if (file != juce::File()) {
        const auto loaded = loadProfile(file.getFullPathName().toStdString());
        if (!loaded.error.empty()) return text(loaded.error);
        profile = loaded.profile;
        const int index = profileFiles_.indexOf(file);
        if (index >= 0) profiles_.setSelectedId(index + 2, juce::dontSendNotification);
    }
    profile_ = profile;
    const auto error = player_.applyProfile(profile);
    showProfile(profile);
    return text(error);
}

void MainComponent::showProfile(const ClientProfile& profile) {
    juce::String info;
    if (profile.paceBpm > 0.0) info << juce::String(profile.paceBpm, 1) << " breaths/min";
    if (profile.resonanceBpm > 0.0)
        info << (info.isEmpty() ? "" : ", ") << "resonance "
             << juce::String(profile.resonanceBpm, 1) << "/min";
    if (!profile.avoid.empty()) {
        juce::StringArray regions;
        for (const auto& r : profile.avoid) regions.add(text(r));
        info << (info.isEmpty() ? "" : ", ") << "leaves out " << regions.joinIntoString(", ");
    }
    if (!profile.voice.empty())
        info << (info.isEmpty() ? "" : ", ") << "voice " << text(profile.voice);
    info << (info.isEmpty() ? "" : ", ") << "haptics "
         << (profile.haptics
                 ? "up to " + juce::String(juce::roundToInt(profile.hapticCap * 100)) + "%"
                 : "off");
    profileInfo_.setText(info, juce::dontSendNotification);
}

void MainComponent::saveProfile(ClientProfile profile) {
    const int index = profiles_.getSelectedItemIndex() - 1;
    const auto file = index >= 0
                          ? profileFiles_[index]
                          : folders_.profiles.getNonexistentChildFile("Client", ".json", false);
    if (profile.name.empty()) profile.name = file.getFileNameWithoutExtension().toStdString();
    const auto error = stillpoint::saveProfile(profile, file.getFullPathName().toStdString());
    if (!error.empty()) {
        status_.setText(text(error), juce::dontSendNotification);
        return;
    }
    readProfiles();
    selectProfile(file);
    status_.setText("Saved " + file.getFullPathName(), juce::dontSendNotification);
}

void MainComponent::saveAssessedResonance() {
    const heart::ResonanceResult found = player_.heart().assessment();
    if (found.chosen < 0) {
        status_.setText("No resonance pace: " + text(found.error), juce::dontSendNotification);
        return;
    }
    auto profile = player_.profile();
    profile.resonanceBpm = found.resonanceBpm;
    saveProfile(profile);
    status_.setText(
        "Resonance " + juce::String(found.resonanceBpm, 1) + "/min: " + status_.getText(),
        juce::dontSendNotification);
}

void MainComponent::editProfile() {
    std::vector<std::string> voices;
    for (const auto& voice : availableVoices()) voices.push_back(qualifiedName(voice));
    auto* editor = new ProfileEditor(std::move(voices));
    auto current = player_.profile();  // with the pace as it is now
    if (current.name.empty() && profiles_.getSelectedItemIndex() > 0)
        current.name = profiles_.getText().toStdString();
    editor->show(current);
    editor->onChange = [this](const ClientProfile& edited) {
        const auto error = player_.applyProfile(edited);
        status_.setText(text(error), juce::dontSendNotification);
        if (error.empty()) {
            profile_ = edited;
            showProfile(edited);
        }
    };
    editor->onSave = [this](const ClientProfile& edited) { saveProfile(edited); };
    launchDialog(editor, "Client profile");
}

void MainComponent::showAudioSettings() {
    if (devices_ == nullptr) return;
    auto* settings = new OutputSettings(*devices_, player_.host(), [this](int channel) {
        if (onHapticChannelChosen) onHapticChannelChosen(channel);
    });
    launchDialog(settings, "Audio output");
}

bool MainComponent::keyPressed(const juce::KeyPress& key) {
    const auto code = key.getKeyCode();
    const auto c = juce::CharacterFunctions::toLowerCase(key.getTextCharacter());
    if (code == juce::KeyPress::spaceKey)
        player_.togglePlay();
    else if (c == 'c' || code == juce::KeyPress::returnKey)
        player_.continueCheckin();
    else if (c == 'h')
        player_.setHold(!player_.state().holding);
    else if (code == juce::KeyPress::leftKey)
        player_.previous();
    else if (code == juce::KeyPress::rightKey)
        player_.next();
    else if (code == juce::KeyPress::downKey || c == '-')
        player_.slower();
    else if (code == juce::KeyPress::upKey || c == '+' || c == '=')
        player_.faster();
    else if (c == 'g')
        player_.grounding();
    else if (code == juce::KeyPress::escapeKey)
        player_.stop();
    else if (c == 'f' && key.getModifiers().isCommandDown())
        search_.grabKeyboardFocus();
    else
        return false;
    refresh();
    return true;
}

void MainComponent::timerCallback() {
    const auto program = player_.program();
    const auto s = player_.state();
    circle_.show(plugin::breathShapeNow(program.get(), player_.display()));
    title_.setText(text(s.title), juce::dontSendNotification);
    juce::String where = s.sectionName.empty() ? juce::String() : text(s.sectionName);
    if (s.paceBpm > 0.0)
        where << (where.isEmpty() ? "" : "   ") << juce::String(s.paceBpm, 1) << " breaths/min";
    if (s.holding) where << "   holding";
    if (s.waiting) where << "   waiting for Continue";
    if (!s.preparation.empty()) where << "   " << text(s.preparation);
    section_.setText(where, juce::dontSendNotification);
    // A voice that failed is said until it is gone (another session, another voice).
    if (const auto problem = text(s.voiceProblem); problem != shownVoiceProblem_) {
        if (problem.isNotEmpty())
            status_.setText(problem, juce::dontSendNotification);
        else if (status_.getText() == shownVoiceProblem_)
            status_.setText({}, juce::dontSendNotification);
        shownVoiceProblem_ = problem;
    }
    caption_.setText(text(s.caption), juce::dontSendNotification);
    // Remaining is the plan's from where the session is (a jump, a hold, a
    // check-in's wait move it as they should); grounding counts its own length.
    juce::String times;
    if (s.finished)
        times = "Finished";
    else if (s.grounding)
        times = "Grounding      " + clock(s.sectionElapsedSeconds) + " of " +
                clock(s.sectionLengthSeconds) + "      " + clock(s.remainingSeconds) + " remaining";
    else
        times =
            clock(s.elapsedSeconds) + " elapsed      " + clock(s.remainingSeconds) + " remaining";
    if (s.paused && !s.finished) times << "      paused";
    time_.setText(times, juce::dontSendNotification);
    // The heart as the session's state carries it.
    juce::String heart = text(heart::describeHeart(s.heart));
    if (const double followed = s.heart.followedPaceBpm; followed > 0.0)
        heart << "   pace " << juce::String(followed, 2) << "/min from the heart";
    // A strap's malformed notifications over the remote: counted, the last one's reason on hover.
    if (const auto refused = player_.heart().refusedMeasurements(); refused > 0) {
        heart << "   " << juce::String(refused) << " strap packet" << (refused == 1 ? "" : "s")
              << " refused";
        heart_.setTooltip(text(player_.heart().lastRefusal()));
    }
    heart_.setText(heart, juce::dontSendNotification);
    // The assessment's pace can go to the profile while the assessment is the session.
    const bool assessing = player_.session().name == kAssessmentName;
    if (resonance_.isVisible() != assessing) {
        resonance_.setVisible(assessing);
        resized();
    }
    std::vector<double> starts;
    if (s.grounding) {
        progress_.show(s.sectionElapsedSeconds, s.sectionLengthSeconds, {});
    } else {
        if (program)
            for (std::size_t i = 0; i < program->sections.size(); ++i)
                if (static_cast<int>(i) != program->groundingSection)
                    starts.push_back(program->sections[i].startSeconds);
        const double done = s.finished ? s.lengthSeconds : s.lengthSeconds - s.remainingSeconds;
        progress_.show(done, s.lengthSeconds, std::move(starts));
    }
    const auto& notes = player_.processor().careNotes();
    const auto care = text(plugin::careSummary(notes));
    if (care != care_.getText()) {
        care_.setText(care, juce::dontSendNotification);
        care_.setTooltip(text(plugin::careDetails(notes)));
    }
    play_.setButtonText(s.playing ? "Pause" : "Play");
    hold_.setColour(juce::TextButton::buttonColourId,
                    s.holding ? kAccent.withAlpha(0.45f) : kPanel);
    continue_.setColour(juce::TextButton::buttonColourId,
                        s.waiting ? kAccent.withAlpha(0.45f) : kPanel);
}

void MainComponent::paint(juce::Graphics& g) {
    g.fillAll(kBackground);
    g.setColour(kPanel.withAlpha(0.6f));
    g.fillRect(getLocalBounds().removeFromLeft(330));
}

void MainComponent::resized() {
    auto area = getLocalBounds();
    auto left = area.removeFromLeft(330).reduced(14);
    search_.setBounds(left.removeFromTop(32));
    left.removeFromTop(8);
    auto profileArea = left.removeFromBottom(120);
    list_.setBounds(left);
    profileArea.removeFromTop(10);
    auto profileRow = profileArea.removeFromTop(30);
    editProfile_.setBounds(profileRow.removeFromRight(64));
    profileRow.removeFromRight(6);
    profiles_.setBounds(profileRow);
    profileInfo_.setBounds(profileArea.removeFromTop(34));
    auto profileButtons = profileArea.removeFromTop(32);
    saveProfile_.setBounds(profileButtons.removeFromLeft(profileButtons.getWidth() / 2 - 4));
    audio_.setBounds(profileButtons.removeFromRight(profileButtons.getWidth() - 8));

    auto right = area.reduced(20, 14);
    title_.setBounds(right.removeFromTop(36));
    section_.setBounds(right.removeFromTop(24));
    auto bottom = right.removeFromBottom(20);
    if (newCode_.isVisible()) newCode_.setBounds(bottom.removeFromLeft(76));
    remote_.setBounds(bottom.removeFromLeft(bottom.getWidth() / 2));
    status_.setBounds(bottom);
    help_.setBounds(right.removeFromBottom(22));
    care_.setBounds(right.removeFromBottom(20));
    right.removeFromBottom(8);
    auto controls = right.removeFromBottom(128);
    const auto row = [](juce::Rectangle<int> strip, std::initializer_list<juce::Button*> buttons) {
        const int width = strip.getWidth() / static_cast<int>(buttons.size());
        for (auto* b : buttons) b->setBounds(strip.removeFromLeft(width).reduced(5));
    };
    row(controls.removeFromTop(64), {&previous_, &play_, &continue_, &hold_, &next_});
    row(controls, {&slower_, &faster_, &grounding_, &stop_});
    right.removeFromBottom(6);
    auto timeRow = right.removeFromBottom(22);
    if (resonance_.isVisible()) resonance_.setBounds(timeRow.removeFromRight(150));
    heart_.setBounds(timeRow.removeFromRight(timeRow.getWidth() / 3));
    time_.setBounds(timeRow.withTrimmedLeft(heart_.getWidth()));
    progress_.setBounds(right.removeFromBottom(18));
    caption_.setBounds(right.removeFromBottom(56));
    circle_.setBounds(right.reduced(10));
}

}  // namespace stillpoint::app
