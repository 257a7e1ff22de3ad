#include "editor/stillpoint_editor.hpp"

#include "preparation_status.hpp"

namespace stillpoint::plugin {
namespace {

constexpr int kDefaultWidth = 760;
constexpr int kDefaultHeight = 560;
constexpr int kRefreshHz = 30;
const juce::Colour kBackground(0xff1d2a33);
const juce::Colour kText(0xffe8e4da);
const juce::Colour kQuiet(0xff9fb0b8);

juce::String clock(double seconds) {
    const int s = static_cast<int>(std::max(0.0, seconds));
    return juce::String(s / 60) + ":" + juce::String(s % 60).paddedLeft('0', 2);
}

}  // namespace

StillpointEditor::StillpointEditor(StillpointProcessor& processor)
    : AudioProcessorEditor(processor), processor_(processor) {
    auto& state = processor.parameters();
    addAndMakeVisible(circle_);
    for (auto* label : {&title_, &line_, &status_, &error_, &care_}) {
        label->setColour(juce::Label::textColourId, kText);
        label->setJustificationType(juce::Justification::centred);
        addAndMakeVisible(*label);
    }
    title_.setFont(juce::Font(22.0f));
    line_.setFont(juce::Font(17.0f, juce::Font::italic));
    status_.setColour(juce::Label::textColourId, kQuiet);
    error_.setColour(juce::Label::textColourId, juce::Colour(0xffe0b07a));
    error_.setJustificationType(juce::Justification::topLeft);
    care_.setComponentID(kCareId);
    care_.setColour(juce::Label::textColourId, kQuiet);
    care_.setFont(juce::Font(13.0f));
    care_.setJustificationType(juce::Justification::centredLeft);

    sessions_.addItemList(params::sessionChoices(), 1);
    addAndMakeVisible(sessions_);
    sessionAttachment_ = std::make_unique<juce::AudioProcessorValueTreeState::ComboBoxAttachment>(
        state, params::kSession, sessions_);
    patterns_.addItemList(params::patternChoices(), 1);
    patterns_.setTooltip(
        "Breath pattern: the session's own, or one chosen (from the next whole breath)");
    addAndMakeVisible(patterns_);
    patternAttachment_ = std::make_unique<juce::AudioProcessorValueTreeState::ComboBoxAttachment>(
        state, params::kPattern, patterns_);
    openFile_.onClick = [this] { chooseFile(); };
    addAndMakeVisible(openFile_);
    // Through the control queue, so a click is never lost between two blocks;
    // hosts automate the Continue parameter instead.
    continue_.onClick = [this] { processor_.control({ControlType::Continue}); };
    continue_.setTooltip("A check-in waits for the listener: go on");
    addAndMakeVisible(continue_);

    addSlider(params::kPace, "Pace");
    for (const auto& trim : params::kLayerTrims) addSlider(trim.id, trim.name);
    addSlider(params::kBeatsPerBreath, "Beats/breath");
    addToggle(params::kHold, "Hold");
    addToggle(params::kTempoSync, "Tempo sync");
    addToggle(params::kHaptics, "Haptics");

    setResizable(true, true);
    setResizeLimits(520, 420, 1800, 1400);
    setSize(kDefaultWidth, kDefaultHeight);
    startTimerHz(kRefreshHz);
    timerCallback();
}

StillpointEditor::~StillpointEditor() {
    stopTimer();
}

StillpointEditor::LabelledSlider& StillpointEditor::addSlider(const char* id,
                                                              const juce::String& name) {
    auto item = std::make_unique<LabelledSlider>();
    item->label.setText(name, juce::dontSendNotification);
    item->label.setColour(juce::Label::textColourId, kQuiet);
    item->slider.setColour(juce::Slider::trackColourId, juce::Colour(0xff6f9e93));
    item->slider.setColour(juce::Slider::thumbColourId, juce::Colour(0xffb9d6cd));
    item->slider.setColour(juce::Slider::textBoxTextColourId, kText);
    item->slider.setTextBoxStyle(juce::Slider::TextBoxRight, false, 64, 20);
    addAndMakeVisible(item->label);
    addAndMakeVisible(item->slider);
    item->attachment = std::make_unique<juce::AudioProcessorValueTreeState::SliderAttachment>(
        processor_.parameters(), id, item->slider);
    sliders_.push_back(std::move(item));
    return *sliders_.back();
}

StillpointEditor::Toggle& StillpointEditor::addToggle(const char* id, const juce::String& name) {
    auto item = std::make_unique<Toggle>();
    item->button.setButtonText(name);
    item->button.setColour(juce::ToggleButton::textColourId, kText);
    addAndMakeVisible(item->button);
    item->attachment = std::make_unique<juce::AudioProcessorValueTreeState::ButtonAttachment>(
        processor_.parameters(), id, item->button);
    toggles_.push_back(std::move(item));
    return *toggles_.back();
}

void StillpointEditor::chooseFile() {
    chooser_ = std::make_unique<juce::FileChooser>("Open a session", juce::File(), "*.yaml;*.yml");
    chooser_->launchAsync(
        juce::FileBrowserComponent::openMode | juce::FileBrowserComponent::canSelectFiles,
        [this](const juce::FileChooser& chooser) {
            if (chooser.getResult() == juce::File()) return;
            processor_.loadSessionFile(chooser.getResult());
            timerCallback();
        });
}

juce::String StillpointEditor::currentLine() const {
    // The line the voice is saying now, as the engine published it; none between lines.
    const auto narrated = processor_.narratedProgram();
    if (!narrated) return {};
    const auto words = lineCaption(*narrated, processor_.display().session.read());
    return juce::String::fromUTF8(words.data(), static_cast<int>(words.size()));
}

juce::String StillpointEditor::currentSection() const {
    return juce::String::fromUTF8(processor_.display().session.read().sectionName);
}

void StillpointEditor::timerCallback() {
    const auto program = processor_.currentProgram();
    const auto& display = processor_.display();
    circle_.show(breathShapeNow(program.get(), display));
    title_.setText(program ? juce::String::fromUTF8(program->title.c_str()) : juce::String(),
                   juce::dontSendNotification);
    line_.setText(currentLine(), juce::dontSendNotification);
    const double rate = display.sampleRate.load();
    const double at = static_cast<double>(display.position.load()) / rate;
    // Time left and the section's progress as the engine published them.
    const SessionState session = display.session.read();
    const bool finished = display.finished.load();
    juce::String status =
        session.groundingActive && !finished
            ? "grounding " +
                  clock(stateSeconds(session, session.sessionSample - session.sectionStart)) +
                  " of " + clock(stateSeconds(session, session.sectionLength))
            : clock(at) + ", " + clock(stateSeconds(session, session.remainingFrames)) + " left";
    if (const auto section = currentSection(); section.isNotEmpty()) status << "  -  " << section;
    const bool waiting = session.waitingForContinue && !finished;
    continue_.setColour(juce::TextButton::buttonColourId,
                        waiting ? juce::Colour(0xff6f9e93) : juce::Colour(0xff2c3d48));
    // The voice is made while the session plays: how far, or that it waits for it.
    const auto preparing = preparationStatus(processor_.preparation(), session.waitingForNarration);
    if (!preparing.empty()) status << "  -  " << juce::String::fromUTF8(preparing.c_str());
    if (waiting)
        status << "  -  waiting for Continue";
    else if (display.relocating.load())
        status << "  -  finding the place";
    else if (!display.playing.load())
        status << "  -  stopped";
    else if (display.finished.load())
        status << "  -  finished";
    status_.setText(status, juce::dontSendNotification);
    const auto error = processor_.lastError();
    // A voice that failed shows here; it may come long after the session started.
    const auto shown = error.isNotEmpty() ? error : processor_.narrationProblem();
    if (shown != error_.getText()) {
        const bool relayout = shown.isEmpty() != error_.getText().isEmpty();
        error_.setText(shown, juce::dontSendNotification);
        if (relayout) resized();  // the line takes room only when there is one
    }
    const auto care = juce::String::fromUTF8(careSummary(processor_.careNotes()).c_str());
    if (care != care_.getText()) {
        care_.setText(care, juce::dontSendNotification);
        care_.setTooltip(juce::String::fromUTF8(careDetails(processor_.careNotes()).c_str()));
        resized();  // the line takes room only when there are notes
    }
}

void StillpointEditor::paint(juce::Graphics& g) {
    g.fillAll(kBackground);
}

void StillpointEditor::resized() {
    auto area = getLocalBounds().reduced(16);
    auto top = area.removeFromTop(30);
    openFile_.setBounds(top.removeFromRight(110));
    top.removeFromRight(8);
    continue_.setBounds(top.removeFromRight(90));
    top.removeFromRight(8);
    patterns_.setBounds(top.removeFromRight(std::min(150, top.getWidth() / 5)));
    top.removeFromRight(8);
    sessions_.setBounds(top.removeFromRight(std::min(260, top.getWidth() / 2)));
    title_.setBounds(top);

    auto controls = area.removeFromBottom(std::min(area.getHeight() / 2, 170));
    error_.setBounds(area.removeFromBottom(error_.getText().isEmpty() ? 0 : 40));
    care_.setBounds(area.removeFromBottom(care_.getText().isEmpty() ? 0 : 20));
    status_.setBounds(area.removeFromBottom(20));
    line_.setBounds(area.removeFromBottom(44));
    circle_.setBounds(area.reduced(4));

    // Two columns of sliders, toggles along the bottom.
    auto toggleRow = controls.removeFromBottom(26);
    const int toggleWidth =
        toggleRow.getWidth() / static_cast<int>(std::max<std::size_t>(1, toggles_.size()));
    for (auto& toggle : toggles_) toggle->button.setBounds(toggleRow.removeFromLeft(toggleWidth));
    const int rows = static_cast<int>((sliders_.size() + 1) / 2);
    const int rowHeight = controls.getHeight() / std::max(1, rows);
    auto left = controls.removeFromLeft(controls.getWidth() / 2);
    auto& right = controls;
    for (std::size_t i = 0; i < sliders_.size(); ++i) {
        auto& column = i < static_cast<std::size_t>(rows) ? left : right;
        auto row = column.removeFromTop(rowHeight).reduced(4, 1);
        sliders_[i]->label.setBounds(row.removeFromLeft(90));
        sliders_[i]->slider.setBounds(row);
    }
}

}  // namespace stillpoint::plugin
