// Loads the built Stillpoint.vst3 through JUCE's own hosting classes
// (AudioPluginFormatManager, VST3PluginFormat), as a host would, and gives
// the tests a transport to drive it with.
#pragma once

#include <juce_audio_formats/juce_audio_formats.h>
#include <juce_audio_processors/juce_audio_processors.h>

#include <memory>
#include <optional>
#include <string>
#include <vector>

#include "processor/plugin_state.hpp"

namespace stillpoint::plugin::test {

/// A host timeline: where the block starts and whether it plays.
struct TestPlayHead : juce::AudioPlayHead {
    juce::int64 sample = 0;
    bool playing = true;
    double bpm = 120.0;
    juce::Optional<PositionInfo> getPosition() const override {
        PositionInfo info;
        info.setTimeInSamples(sample);
        info.setIsPlaying(playing);
        info.setBpm(bpm);
        return info;
    }
};

/// A fresh instance of the bundle; fails the test when it cannot load.
std::unique_ptr<juce::AudioPluginInstance> loadPlugin();

/// Turns on the Haptic bus (off by default), as a host's routing would.
bool enableHapticBus(juce::AudioPluginInstance& plugin);

/// Plays `frames` from the head's position in blocks of `block`, advancing it
/// while it plays, and returns every output channel (planar): left, right,
/// then the Haptic bus when it is enabled.
juce::AudioBuffer<float> play(juce::AudioPluginInstance& plugin, TestPlayHead& head, int frames,
                              int block);

/// Realtime blocks of `block` frames at a device's pace until one sounds (the
/// voice is made on the plugin's worker meanwhile; the engine holds silence
/// only until its first gains), at most `limitSeconds` of them; whether one did.
bool playUntilSounding(juce::AudioPluginInstance& plugin, TestPlayHead& head, int block,
                       double limitSeconds = 5.0);

/// Counts of samples that are NaN, infinite or subnormal in every channel.
struct BadSamples {
    int nan = 0, inf = 0, subnormal = 0;
    int total() const { return nan + inf + subnormal; }
};
BadSamples countBad(const juce::AudioBuffer<float>& buffer);

/// The plugin's own state inside the VST3 host's state.
std::optional<PluginState> pluginStateIn(const juce::MemoryBlock& hostState);

/// `hostState` with the plugin's own state in it replaced by `ownState`
/// (any bytes, sealed or not); the wrapper's data after it is kept.
juce::MemoryBlock hostStateWith(const juce::MemoryBlock& hostState,
                                const std::vector<std::uint8_t>& ownState);

/// A plugin state that plays `sessionText`, built from `plugin`'s own state.
juce::MemoryBlock stateWithSession(juce::AudioPluginInstance& plugin, const juce::String& name,
                                   const juce::String& sessionText);

/// `stillpoint render` of `sessionText` at `rate`, read back (stereo, or more
/// channels as `moreArguments` ask). With a `cacheHome`, the render narrates
/// with that XDG_CACHE_HOME instead of the test's.
juce::AudioBuffer<float> renderWithCli(const juce::String& sessionText, double rate,
                                       const juce::File& cacheHome = {},
                                       const juce::String& moreArguments = {});

/// The text of a session in tests/data/hosted (shared with the player tests).
juce::String hostedSession(const char* fileName);

}  // namespace stillpoint::plugin::test
