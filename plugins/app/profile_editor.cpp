#include "profile_editor.hpp"

#include <algorithm>
#include <cmath>

#include "stillpoint/pace_range.hpp"
#include "stillpoint/session.hpp"

namespace stillpoint::app {
namespace {

constexpr int kSessionVoiceItem = 1;  ///< voice box ids: 1 the session's, index + 2 a voice
constexpr int kRow = 28;
constexpr int kLabelWidth = 120;
constexpr int kRegionColumns = 3;

juce::String text(const std::string& utf8) {
    return juce::String::fromUTF8(utf8.c_str());
}

/// Sliders move in hundredths, so a profile written by hand (-12.25 dB) shows
/// and saves unchanged.
constexpr double kSliderStep = 0.01;

/// The resonance slider's lowest notch, below the safe range: no resonance pace.
constexpr double kNoResonance = kResonancePaceRange.lowestBpm - 0.1;

/// A slider's value as the profile keeps it: 0.35, not 0.35000000000000003.
double hundredths(double value) {
    return std::round(value * 100.0) / 100.0;
}

}  // namespace

ProfileEditor::ProfileEditor(std::vector<std::string> voices) : voices_(std::move(voices)) {
    const auto label = [this](const juce::String& words) {
        labels_.push_back(std::make_unique<juce::Label>(juce::String(), words));
        addAndMakeVisible(*labels_.back());
    };
    label("Name");
    name_.setComponentID(kNameId);
    name_.onTextChange = [this] { changed(); };
    addAndMakeVisible(name_);

    pace_ = &addSlider(kPaceId, "Pace", 0.0, kMaxProfilePace);
    pace_->textFromValueFunction = [](double v) {
        return v < kMinProfilePace ? juce::String("the session's") : juce::String(v, 2) + " /min";
    };

    resonance_ =
        &addSlider(kResonanceId, "Resonance", kNoResonance, kResonancePaceRange.highestBpm);
    resonance_->textFromValueFunction = [](double v) {
        return kResonancePaceRange.contains(v) ? juce::String(v, 2) + " /min"
                                               : juce::String("none");
    };

    label("Voice");
    voice_.setComponentID(kVoiceId);
    voice_.onChange = [this] { changed(); };
    addAndMakeVisible(voice_);

    haptics_.setComponentID(kHapticsId);
    haptics_.onClick = [this] { changed(); };
    addAndMakeVisible(haptics_);
    hapticCap_ = &addSlider(kHapticCapId, "Haptic cap", 0.0, 1.0);
    hapticCap_->textFromValueFunction = [](double v) {
        return juce::String(juce::roundToInt(v * 100.0)) + "%";
    };

    for (std::size_t i = 0; i < kLayerCount; ++i) {
        layers_[i] = &addSlider(layerId(i), juce::String(kLayerVocabulary[i].title.data()),
                                kMinTrimDb, kMaxTrimDb);
        layers_[i]->setTextValueSuffix(" dB");
    }

    addAndMakeVisible(regionsLabel_);
    for (const auto& region : bodyRegions()) {
        auto box = std::make_unique<juce::ToggleButton>(text(region).replace("_", " "));
        box->setComponentID(avoidId(region));
        box->onClick = [this] { changed(); };
        addAndMakeVisible(*box);
        regions_.push_back(std::move(box));
    }

    save_.setComponentID(kSaveId);
    save_.onClick = [this] {
        if (onSave) onSave(edited());
    };
    addAndMakeVisible(save_);
    show({});
    setSize(560, 672);
}

ProfileEditor::~ProfileEditor() = default;

juce::Slider& ProfileEditor::addSlider(const juce::String& id, const juce::String& label,
                                       double low, double high) {
    labels_.push_back(std::make_unique<juce::Label>(juce::String(), label));
    addAndMakeVisible(*labels_.back());
    auto slider =
        std::make_unique<juce::Slider>(juce::Slider::LinearHorizontal, juce::Slider::TextBoxRight);
    slider->setComponentID(id);
    slider->setRange(low, high, kSliderStep);
    slider->setTextBoxStyle(juce::Slider::TextBoxRight, false, 110, kRow - 6);
    slider->onValueChange = [this] { changed(); };
    addAndMakeVisible(*slider);
    sliders_.push_back(std::move(slider));
    return *sliders_.back();
}

void ProfileEditor::show(const ClientProfile& profile) {
    name_.setText(text(profile.name), juce::dontSendNotification);
    pace_->setValue(profile.paceBpm, juce::dontSendNotification);
    resonance_->setValue(profile.resonanceBpm > 0.0 ? profile.resonanceBpm : kNoResonance,
                         juce::dontSendNotification);
    haptics_.setToggleState(profile.haptics, juce::dontSendNotification);
    hapticCap_->setValue(profile.hapticCap, juce::dontSendNotification);
    for (std::size_t i = 0; i < kLayerCount; ++i)
        layers_[i]->setValue(profile.layerTrimDb[i], juce::dontSendNotification);

    otherRegions_.clear();
    for (const auto& region : profile.avoid)
        if (std::find(bodyRegions().begin(), bodyRegions().end(), region) == bodyRegions().end())
            otherRegions_.push_back(region);
    for (std::size_t i = 0; i < regions_.size(); ++i)
        regions_[i]->setToggleState(std::find(profile.avoid.begin(), profile.avoid.end(),
                                              bodyRegions()[i]) != profile.avoid.end(),
                                    juce::dontSendNotification);

    // A voice this machine does not have is kept, and shown as such.
    if (!profile.voice.empty() &&
        std::find(voices_.begin(), voices_.end(), profile.voice) == voices_.end())
        voices_.push_back(profile.voice);
    voice_.clear(juce::dontSendNotification);
    voice_.addItem("The session's voice", kSessionVoiceItem);
    for (std::size_t i = 0; i < voices_.size(); ++i)
        voice_.addItem(text(voices_[i]), static_cast<int>(i) + 2);
    const auto chosen = std::find(voices_.begin(), voices_.end(), profile.voice);
    voice_.setSelectedId(profile.voice.empty() || chosen == voices_.end()
                             ? kSessionVoiceItem
                             : static_cast<int>(chosen - voices_.begin()) + 2,
                         juce::dontSendNotification);
}

ClientProfile ProfileEditor::edited() const {
    ClientProfile p;
    p.name = name_.getText().toStdString();
    p.paceBpm = pace_->getValue() < kMinProfilePace ? 0.0 : hundredths(pace_->getValue());
    const double resonance = hundredths(resonance_->getValue());
    p.resonanceBpm = kResonancePaceRange.contains(resonance) ? resonance : 0.0;
    for (std::size_t i = 0; i < regions_.size(); ++i)
        if (regions_[i]->getToggleState()) p.avoid.push_back(bodyRegions()[i]);
    p.avoid.insert(p.avoid.end(), otherRegions_.begin(), otherRegions_.end());
    const int voice = voice_.getSelectedId() - 2;
    if (voice >= 0 && voice < static_cast<int>(voices_.size()))
        p.voice = voices_[static_cast<std::size_t>(voice)];
    p.haptics = haptics_.getToggleState();
    p.hapticCap = hundredths(hapticCap_->getValue());
    for (std::size_t i = 0; i < kLayerCount; ++i)
        p.layerTrimDb[i] = hundredths(layers_[i]->getValue());
    return p;
}

void ProfileEditor::changed() {
    if (onChange) onChange(edited());
}

void ProfileEditor::paint(juce::Graphics& g) {
    // Opaque on its own, so a snapshot shows what the dialog shows.
    g.fillAll(findColour(juce::ResizableWindow::backgroundColourId));
}

void ProfileEditor::resized() {
    auto area = getLocalBounds().reduced(12);
    std::size_t label = 0;
    const auto row = [&](juce::Component& control) {
        auto strip = area.removeFromTop(kRow);
        labels_[label++]->setBounds(strip.removeFromLeft(kLabelWidth));
        control.setBounds(strip);
        area.removeFromTop(4);
    };
    row(name_);
    row(*pace_);
    row(*resonance_);
    row(voice_);
    auto hapticRow = area.removeFromTop(kRow);
    haptics_.setBounds(hapticRow.removeFromLeft(kLabelWidth));
    labels_[label++]->setBounds(hapticRow.removeFromLeft(kLabelWidth - 20));
    hapticCap_->setBounds(hapticRow);
    area.removeFromTop(4);
    for (auto* layer : layers_) row(*layer);
    save_.setBounds(area.removeFromBottom(kRow + 4).removeFromRight(140));
    regionsLabel_.setBounds(area.removeFromTop(kRow));
    const int width = area.getWidth() / kRegionColumns;
    for (std::size_t i = 0; i < regions_.size(); ++i)
        regions_[i]->setBounds(area.getX() + static_cast<int>(i % kRegionColumns) * width,
                               area.getY() + static_cast<int>(i / kRegionColumns) * (kRow - 4),
                               width, kRow - 4);
}

}  // namespace stillpoint::app
