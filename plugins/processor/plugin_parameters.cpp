#include "processor/plugin_parameters.hpp"

#include "processor/session_library.hpp"
#include "stillpoint/breath_pattern.hpp"

namespace stillpoint::plugin::params {
namespace {

juce::String titleOf(const SessionText& session) {
    // The first `title:` line; the file name when there is none.
    for (const auto& line : juce::StringArray::fromLines(juce::String(session.text)))
        if (line.startsWith("title:"))
            return line.fromFirstOccurrenceOf(":", false, false).trim().unquoted();
    return juce::String(session.name).upToLastOccurrenceOf(".", false, false);
}

}  // namespace

juce::StringArray sessionChoices() {
    juce::StringArray choices;
    for (const auto& session : bundledSessions()) choices.add(titleOf(session));
    choices.add("Loaded file");
    return choices;
}

juce::StringArray patternChoices() {
    juce::StringArray choices{"session"};
    for (const auto& preset : breathPresets()) choices.add(juce::String(preset.name));
    return choices;
}

juce::AudioProcessorValueTreeState::ParameterLayout makeLayout() {
    using namespace juce;
    AudioProcessorValueTreeState::ParameterLayout layout;
    layout.add(std::make_unique<AudioParameterChoice>(ParameterID{kSession, 1}, "Session",
                                                      sessionChoices(), 0));
    layout.add(std::make_unique<AudioParameterChoice>(ParameterID{kPattern, 1}, "Pattern",
                                                      patternChoices(), 0));
    layout.add(std::make_unique<AudioParameterFloat>(
        ParameterID{kPace, 1}, "Pace", NormalisableRange<float>(0.0f, kMaxPaceBpm, 0.1f), 0.0f,
        AudioParameterFloatAttributes()
            .withLabel("breaths/min")
            .withStringFromValueFunction([](float v, int) {
                return v < kSessionPaceBelow ? String("session") : String(v, 1);
            })
            .withValueFromStringFunction([](const String& text) {
                return text.trim().equalsIgnoreCase("session") ? 0.0f : text.getFloatValue();
            })));
    layout.add(
        std::make_unique<AudioParameterBool>(ParameterID{kTempoSync, 1}, "Tempo sync", false));
    layout.add(std::make_unique<AudioParameterInt>(ParameterID{kBeatsPerBreath, 1},
                                                   "Beats per breath", 1, 64, 8));
    for (const auto& trim : kLayerTrims)
        layout.add(std::make_unique<AudioParameterFloat>(
            ParameterID{trim.id, 1}, String(trim.name) + " volume",
            NormalisableRange<float>(kMinTrimDb, kMaxTrimDb, 0.1f), 0.0f,
            AudioParameterFloatAttributes().withLabel("dB")));
    layout.add(std::make_unique<AudioParameterBool>(ParameterID{kHold, 1}, "Hold", false));
    layout.add(std::make_unique<AudioParameterBool>(ParameterID{kHaptics, 1}, "Haptics", true));
    layout.add(std::make_unique<AudioParameterBool>(ParameterID{kContinue, 1}, "Continue", false));
    return layout;
}

}  // namespace stillpoint::plugin::params
