#include "host_fixture.hpp"

#include <gtest/gtest.h>

#include <chrono>
#include <cmath>
#include <cstdlib>
#include <thread>

namespace stillpoint::plugin::test {

std::unique_ptr<juce::AudioPluginInstance> loadPlugin() {
    juce::AudioPluginFormatManager formats;
    formats.addFormat(new juce::VST3PluginFormat());
    juce::OwnedArray<juce::PluginDescription> found;
    juce::VST3PluginFormat vst3;
    vst3.findAllTypesForFile(found, STILLPOINT_VST3_PATH);
    if (found.isEmpty()) {
        ADD_FAILURE() << "no plugin found in " << STILLPOINT_VST3_PATH;
        return nullptr;
    }
    juce::String error;
    auto instance = formats.createPluginInstance(*found[0], 48000.0, 512, error);
    if (!instance) ADD_FAILURE() << "cannot instantiate " << STILLPOINT_VST3_PATH << ": " << error;
    return instance;
}

bool enableHapticBus(juce::AudioPluginInstance& plugin) {
    auto layout = plugin.getBusesLayout();
    if (layout.outputBuses.size() < 2) return false;
    layout.outputBuses.getReference(1) = juce::AudioChannelSet::mono();
    return plugin.setBusesLayout(layout);
}

juce::AudioBuffer<float> play(juce::AudioPluginInstance& plugin, TestPlayHead& head, int frames,
                              int block) {
    const int channels = std::max(plugin.getTotalNumOutputChannels(), 2);
    juce::AudioBuffer<float> out(channels, frames);
    juce::AudioBuffer<float> buffer(channels, block);
    juce::MidiBuffer midi;
    plugin.setPlayHead(&head);
    for (int done = 0; done < frames;) {
        const int n = std::min(block, frames - done);
        buffer.setSize(channels, n, false, false, true);
        buffer.clear();
        plugin.processBlock(buffer, midi);
        for (int c = 0; c < channels; ++c) out.copyFrom(c, done, buffer, c, 0, n);
        if (head.playing) head.sample += n;
        done += n;
    }
    return out;
}

bool playUntilSounding(juce::AudioPluginInstance& plugin, TestPlayHead& head, int block,
                       double limitSeconds) {
    const double rate = plugin.getSampleRate() > 0.0 ? plugin.getSampleRate() : 48000.0;
    for (double played = 0.0; played < limitSeconds; played += block / rate) {
        const auto heard = play(plugin, head, block, block);
        if (heard.getMagnitude(0, 0, block) > 0.0f) return true;
        std::this_thread::sleep_for(std::chrono::duration<double>(block / rate));
    }
    return false;
}

BadSamples countBad(const juce::AudioBuffer<float>& buffer) {
    BadSamples bad;
    for (int c = 0; c < buffer.getNumChannels(); ++c)
        for (int i = 0; i < buffer.getNumSamples(); ++i) {
            const float v = buffer.getSample(c, i);
            if (std::isnan(v))
                ++bad.nan;
            else if (std::isinf(v))
                ++bad.inf;
            else if (std::fpclassify(v) == FP_SUBNORMAL)
                ++bad.subnormal;
        }
    return bad;
}

namespace {

// JUCE's VST3 host keeps the component's state as base64 text in an
// <IComponent> element; the plugin's own state comes first in it (JUCE's
// VST3 wrapper appends its private data after).
juce::MemoryBlock componentState(const juce::XmlElement& outer) {
    juce::MemoryBlock component;
    if (auto* element = outer.getChildByName("IComponent"))
        component.fromBase64Encoding(element->getAllSubText());
    return component;
}

}  // namespace

std::optional<PluginState> pluginStateIn(const juce::MemoryBlock& hostState) {
    auto outer = juce::AudioProcessor::getXmlFromBinary(hostState.getData(),
                                                        static_cast<int>(hostState.getSize()));
    if (!outer) return std::nullopt;
    const auto component = componentState(*outer);
    std::string error;
    auto state = readPluginState(component.getData(), component.getSize(), error);
    EXPECT_TRUE(state) << error;
    return state;
}

juce::MemoryBlock hostStateWith(const juce::MemoryBlock& hostState,
                                const std::vector<std::uint8_t>& ownState) {
    auto outer = juce::AudioProcessor::getXmlFromBinary(hostState.getData(),
                                                        static_cast<int>(hostState.getSize()));
    EXPECT_NE(outer, nullptr);
    if (!outer) return {};
    const auto component = componentState(*outer);
    std::string error;
    const auto own = readPluginState(component.getData(), component.getSize(), error);
    EXPECT_TRUE(own) << error;
    if (!own) return {};
    const std::size_t ownBytes = writePluginState(*own).size();

    // The new state, then the wrapper's data as it was.
    juce::MemoryBlock rebuilt(ownState.data(), ownState.size());
    rebuilt.append(static_cast<const char*>(component.getData()) + ownBytes,
                   component.getSize() - ownBytes);
    outer->getChildByName("IComponent")->deleteAllTextElements();
    outer->getChildByName("IComponent")->addTextElement(rebuilt.toBase64Encoding());
    juce::MemoryBlock result;
    juce::AudioProcessor::copyXmlToBinary(*outer, result);
    return result;
}

juce::MemoryBlock stateWithSession(juce::AudioPluginInstance& plugin, const juce::String& name,
                                   const juce::String& sessionText) {
    juce::MemoryBlock state;
    plugin.getStateInformation(state);
    auto own = pluginStateIn(state);
    if (!own) return {};
    own->session = {name.toStdString(), sessionText.toStdString()};
    return hostStateWith(state, writePluginState(*own));
}

juce::String hostedSession(const char* fileName) {
    const auto file =
        juce::File(STILLPOINT_TEST_DATA_DIR).getChildFile("hosted").getChildFile(fileName);
    EXPECT_TRUE(file.existsAsFile()) << file.getFullPathName();
    return file.loadFileAsString();
}

juce::AudioBuffer<float> renderWithCli(const juce::String& sessionText, double rate,
                                       const juce::File& cacheHome,
                                       const juce::String& moreArguments) {
    const auto dir = juce::File::createTempFile("stillpoint-host-test");
    dir.createDirectory();
    const auto session = dir.getChildFile("session.yaml");
    const auto wav = dir.getChildFile("render.wav");
    session.replaceWithText(sessionText);
    const juce::String environment =
        cacheHome == juce::File() ? juce::String()
                                  : "XDG_CACHE_HOME=" + cacheHome.getFullPathName().quoted() + " ";
    const juce::String command =
        environment + juce::String(STILLPOINT_CLI_PATH) + " render " +
        session.getFullPathName().quoted() + " -o " + wav.getFullPathName().quoted() + " --rate " +
        juce::String(static_cast<int>(rate)) + " " + moreArguments + " --quiet > /dev/null";
    EXPECT_EQ(std::system(command.toRawUTF8()), 0) << command;
    juce::AudioBuffer<float> audio;
    juce::WavAudioFormat wavFormat;
    if (std::unique_ptr<juce::AudioFormatReader> reader{
            wavFormat.createReaderFor(wav.createInputStream().release(), true)}) {
        audio.setSize(static_cast<int>(reader->numChannels),
                      static_cast<int>(reader->lengthInSamples));
        reader->read(&audio, 0, static_cast<int>(reader->lengthInSamples), 0, true, true);
    } else {
        ADD_FAILURE() << "cannot read " << wav.getFullPathName();
    }
    dir.deleteRecursively();
    return audio;
}

}  // namespace stillpoint::plugin::test
