// What a plugin validator (pluginval, at its strictest) checks, done by a
// host built on JUCE's hosting classes against the built VST3 bundle, plus
// the plugin's own promises: its offline bounce is `stillpoint render`, its
// state carries the session text, it follows the host's transport.
#include <gtest/gtest.h>

#include <atomic>
#include <chrono>
#include <cmath>
#include <random>
#include <thread>

#include "host_fixture.hpp"

namespace stillpoint::plugin::test {
namespace {

const juce::String& shortSession() {
    static const juce::String text = hostedSession("short-session.yaml");
    return text;
}

float peak(const juce::AudioBuffer<float>& b) {
    float p = 0.0f;
    for (int c = 0; c < b.getNumChannels(); ++c)
        p = std::max(p, b.getMagnitude(c, 0, b.getNumSamples()));
    return p;
}

/// Largest difference between `got` and `reference` from `from` on.
float largestDifference(const juce::AudioBuffer<float>& got,
                        const juce::AudioBuffer<float>& reference, int from) {
    float worst = 0.0f;
    for (int c = 0; c < 2; ++c)
        for (int i = 0; i < got.getNumSamples(); ++i) {
            const int at = from + i;
            const float want = at < reference.getNumSamples() ? reference.getSample(c, at) : 0.0f;
            worst = std::max(worst, std::fabs(got.getSample(c, i) - want));
        }
    return worst;
}

constexpr float kOne24BitStep = 1.0f / 8388608.0f;

TEST(PluginInfo, NameLatencyTailBusesAndPrecision) {
    auto plugin = loadPlugin();
    ASSERT_NE(plugin, nullptr);
    EXPECT_EQ(plugin->getName(), "Stillpoint");
    EXPECT_EQ(plugin->getLatencySamples(), 0);
    EXPECT_EQ(plugin->getTailLengthSeconds(), 0.0);
    EXPECT_FALSE(plugin->supportsDoublePrecisionProcessing());
    EXPECT_EQ(plugin->getBusCount(true), 0);
    ASSERT_EQ(plugin->getBusCount(false), 2);
    EXPECT_EQ(plugin->getBus(false, 0)->getCurrentLayout(), juce::AudioChannelSet::stereo());
    // The actuator signal is off by default and says what it is.
    EXPECT_EQ(plugin->getBus(false, 1)->getName(), "Haptic (actuator, not for the mix)");
    EXPECT_FALSE(plugin->getBus(false, 1)->isEnabledByDefault());
    EXPECT_FALSE(plugin->getBus(false, 1)->isEnabled());
    EXPECT_EQ(plugin->getBus(false, 1)->getDefaultLayout(), juce::AudioChannelSet::mono());
    EXPECT_EQ(plugin->getBusesLayout().getChannelSet(false, 1), juce::AudioChannelSet::disabled());
}

TEST(PluginInfo, EveryParameterHasANameAndItsTextReadsBack) {
    auto plugin = loadPlugin();
    ASSERT_NE(plugin, nullptr);
    const auto& parameters = plugin->getParameters();
    EXPECT_GE(parameters.size(), 12);
    std::mt19937 random(5);
    for (auto* p : parameters) {
        EXPECT_FALSE(p->getName(64).isEmpty());
        for (float v :
             {0.0f, 0.25f, 0.5f, 0.75f, 1.0f, std::uniform_real_distribution<float>()(random)}) {
            p->setValue(v);
            const float value = p->getValue();
            const auto text = p->getText(value, 64);
            // Switches and choices snap: their text must read back to itself.
            if (p->isDiscrete() || p->isBoolean())
                EXPECT_EQ(p->getText(p->getValueForText(text), 64), text) << p->getName(64);
            else
                EXPECT_NEAR(p->getValueForText(text), value, 0.1f)
                    << p->getName(64) << " '" << text << "'";
        }
    }
}

TEST(Lifecycle, InstantiatesPreparesAndReleasesRepeatedly) {
    for (int round = 0; round < 4; ++round) {
        auto plugin = loadPlugin();
        ASSERT_NE(plugin, nullptr);
        TestPlayHead head;
        for (int again = 0; again < 3; ++again) {
            plugin->prepareToPlay(48000.0, 256);
            EXPECT_EQ(countBad(play(*plugin, head, 1024, 256)).total(), 0);
            plugin->releaseResources();
        }
    }
}

TEST(Processing, EveryRateAndBlockSizeGivesCleanAudioAndZeroFrameCallsAreHarmless) {
    auto plugin = loadPlugin();
    ASSERT_NE(plugin, nullptr);
    // Faster than real time, as a bounce: each relocation is waited for, so every block sounds.
    plugin->setNonRealtime(true);
    for (double rate : {44100.0, 48000.0, 96000.0, 192000.0}) {
        plugin->prepareToPlay(rate, 8192);  // a rate change without releaseResources
        TestPlayHead head;
        head.sample = static_cast<juce::int64>(20 * rate);  // into the session, where it sounds
        float loudest = 0.0f;
        for (int block : {1, 32, 64, 128, 256, 512, 1024, 8192}) {
            const auto out = play(*plugin, head, block * 10, block);
            const auto bad = countBad(out);
            EXPECT_EQ(bad.total(), 0)
                << rate << " Hz, " << block << " frames: " << bad.nan << " NaN, " << bad.inf
                << " Inf, " << bad.subnormal << " subnormal";
            loudest = std::max(loudest, peak(out));
        }
        EXPECT_GT(loudest, 0.01f) << rate << " Hz";
        juce::AudioBuffer<float> empty(3, 0);
        juce::MidiBuffer midi;
        plugin->processBlock(empty, midi);
    }
    plugin->releaseResources();
}

TEST(Processing, RandomParameterChangesIn32FrameBlocksStayClean) {
    auto plugin = loadPlugin();
    ASSERT_NE(plugin, nullptr);
    plugin->prepareToPlay(48000.0, 32);
    TestPlayHead head;
    head.sample = 48000 * 20;
    std::mt19937 random(11);
    const auto& parameters = plugin->getParameters();
    for (int round = 0; round < 300; ++round) {
        auto* p = parameters[static_cast<int>(random() % static_cast<unsigned>(parameters.size()))];
        if (p->getName(64) == "Session" || p == plugin->getBypassParameter()) continue;
        p->setValue(std::uniform_real_distribution<float>()(random));
        EXPECT_EQ(countBad(play(*plugin, head, 32, 32)).total(), 0) << p->getName(64);
    }
}

TEST(Processing, StoppedTransportAndBypassGiveSilence) {
    auto plugin = loadPlugin();
    ASSERT_NE(plugin, nullptr);
    plugin->prepareToPlay(48000.0, 512);
    TestPlayHead head;
    head.sample = 48000 * 20;
    head.playing = false;
    EXPECT_EQ(peak(play(*plugin, head, 4096, 512)), 0.0f);
    EXPECT_EQ(head.sample, 48000 * 20);

    auto* bypass = plugin->getBypassParameter();
    ASSERT_NE(bypass, nullptr);
    head.playing = true;
    bypass->setValue(1.0f);
    EXPECT_EQ(peak(play(*plugin, head, 4096, 512)), 0.0f);
    bypass->setValue(0.0f);
}

TEST(BusLayouts, HapticBusIsOffByDefaultCanBeEnabledAndTheDefaultRestored) {
    auto plugin = loadPlugin();
    ASSERT_NE(plugin, nullptr);
    const auto defaults = plugin->getBusesLayout();
    plugin->prepareToPlay(48000.0, 512);
    TestPlayHead head;
    const auto mainOnly = play(*plugin, head, 2048, 512);
    EXPECT_EQ(mainOnly.getNumChannels(), 2);
    EXPECT_EQ(countBad(mainOnly).total(), 0);
    plugin->releaseResources();
    auto withHaptic = defaults;
    withHaptic.outputBuses.getReference(1) = juce::AudioChannelSet::mono();
    EXPECT_TRUE(plugin->setBusesLayout(withHaptic));
    plugin->prepareToPlay(48000.0, 512);
    EXPECT_EQ(play(*plugin, head, 2048, 512).getNumChannels(), 3);
    plugin->releaseResources();
    auto mono = defaults;
    mono.outputBuses.getReference(0) = juce::AudioChannelSet::mono();
    EXPECT_FALSE(plugin->checkBusesLayoutSupported(mono));
    EXPECT_TRUE(plugin->setBusesLayout(defaults));
    EXPECT_EQ(plugin->getBusesLayout(), defaults);
}

TEST(BusLayouts, HapticBusCarriesTheActuatorSignalAndTheSwitchSilencesIt) {
    auto plugin = loadPlugin();
    ASSERT_NE(plugin, nullptr);
    ASSERT_TRUE(enableHapticBus(*plugin));
    const auto state = stateWithSession(*plugin, "host-check.yaml", shortSession());
    plugin->setStateInformation(state.getData(), static_cast<int>(state.getSize()));
    plugin->prepareToPlay(48000.0, 512);
    TestPlayHead head;
    ASSERT_TRUE(playUntilSounding(*plugin, head, 512));
    const auto heard = play(*plugin, head, 48000 * 16, 512);
    ASSERT_EQ(heard.getNumChannels(), 3);
    // In the breathing: a 170 Hz carrier (about 340 zero crossings a second).
    const int from = 48000 * 11, length = 48000 * 4;
    EXPECT_GT(heard.getMagnitude(2, from, length), 0.05f);
    int crossings = 0;
    for (int i = from + 1; i < from + length; ++i)
        if ((heard.getSample(2, i - 1) < 0.0f) != (heard.getSample(2, i) < 0.0f)) ++crossings;
    EXPECT_NEAR(crossings / 4.0, 340.0, 6.0);
    EXPECT_EQ(countBad(heard).total(), 0);

    juce::AudioProcessorParameter* haptics = nullptr;
    for (auto* p : plugin->getParameters())
        if (p->getName(64) == "Haptics") haptics = p;
    ASSERT_NE(haptics, nullptr);
    haptics->setValue(0.0f);
    play(*plugin, head, 48000, 512);  // the track glides out over 0.5 s
    const auto off = play(*plugin, head, 48000 * 2, 512);
    EXPECT_EQ(off.getMagnitude(2, 0, off.getNumSamples()), 0.0f);
    EXPECT_GT(off.getMagnitude(0, 0, off.getNumSamples()), 0.0f);  // the sound plays on
}

TEST(State, RoundTripIsByteIdenticalAndRestoresEveryParameter) {
    auto plugin = loadPlugin();
    ASSERT_NE(plugin, nullptr);
    std::mt19937 random(3);
    for (auto* p : plugin->getParameters())
        if (p != plugin->getBypassParameter())
            p->setValue(std::uniform_real_distribution<float>()(random));
    juce::MemoryBlock saved;
    plugin->getStateInformation(saved);
    std::vector<float> values;
    std::vector<juce::String> texts;
    for (auto* p : plugin->getParameters()) {
        values.push_back(p->getValue());
        texts.push_back(p->getText(p->getValue(), 64));
    }

    auto other = loadPlugin();
    ASSERT_NE(other, nullptr);
    for (auto* p : other->getParameters())
        p->setValue(std::uniform_real_distribution<float>()(random));
    other->setStateInformation(saved.getData(), static_cast<int>(saved.getSize()));
    juce::MemoryBlock again;
    other->getStateInformation(again);
    EXPECT_EQ(again, saved);
    for (int i = 0; i < other->getParameters().size(); ++i) {
        auto* p = other->getParameters()[i];
        if (p == other->getBypassParameter()) continue;
        const auto index = static_cast<std::size_t>(i);
        // Switches and choices snap to their steps: compare what they say.
        if (p->isDiscrete() || p->isBoolean())
            EXPECT_EQ(p->getText(p->getValue(), 64), texts[index]) << p->getName(64);
        else
            EXPECT_NEAR(p->getValue(), values[index], 0.1f) << p->getName(64);
    }
}

TEST(State, CarriesTheSessionTextSoAProjectReopensAnywhere) {
    auto plugin = loadPlugin();
    ASSERT_NE(plugin, nullptr);
    const auto state = stateWithSession(*plugin, "elsewhere/host-check.yaml", shortSession());
    auto other = loadPlugin();
    ASSERT_NE(other, nullptr);
    other->setStateInformation(state.getData(), static_cast<int>(state.getSize()));
    juce::MemoryBlock saved;
    other->getStateInformation(saved);
    const auto restored = pluginStateIn(saved);
    ASSERT_TRUE(restored);
    EXPECT_EQ(restored->session.text, shortSession().toStdString());
    EXPECT_EQ(restored->session.name, "elsewhere/host-check.yaml");
}

TEST(State, ADamagedProjectStateIsRefusedAndChangesNothing) {
    auto plugin = loadPlugin();
    ASSERT_NE(plugin, nullptr);
    const auto playing = stateWithSession(*plugin, "mine.yaml", shortSession());
    plugin->setStateInformation(playing.getData(), static_cast<int>(playing.getSize()));
    juce::MemoryBlock before;
    plugin->getStateInformation(before);
    const auto own = pluginStateIn(before);
    ASSERT_TRUE(own);
    const auto bytes = writePluginState(*own);

    // Every single-bit flip of the plugin's own bytes, as a host would hand
    // back a project file damaged on disk.
    for (std::size_t i = 0; i < bytes.size(); ++i)
        for (int bit = 0; bit < 8; ++bit) {
            auto damaged = bytes;
            damaged[i] = static_cast<std::uint8_t>(damaged[i] ^ (1u << bit));
            const auto state = hostStateWith(before, damaged);
            plugin->setStateInformation(state.getData(), static_cast<int>(state.getSize()));
        }
    juce::MemoryBlock after;
    plugin->getStateInformation(after);
    EXPECT_EQ(after, before);
    const auto kept = pluginStateIn(after);
    ASSERT_TRUE(kept);
    EXPECT_EQ(kept->session.name, "mine.yaml");
    EXPECT_EQ(kept->session.text, shortSession().toStdString());
}

/// The plugin's offline bounce of `sessionText` at `rate` from the start, `frames` long.
juce::AudioBuffer<float> bounce(juce::AudioPluginInstance& plugin, TestPlayHead& head,
                                const juce::String& sessionText, double rate, int frames) {
    plugin.setNonRealtime(true);
    plugin.prepareToPlay(rate, 512);
    const auto state = stateWithSession(plugin, "host-check.yaml", sessionText);
    plugin.setStateInformation(state.getData(), static_cast<int>(state.getSize()));
    return play(plugin, head, frames, 512);
}

TEST(Bounce, OfflineBounceEqualsStillpointRender) {
    for (double rate : {48000.0, 96000.0}) {
        const auto reference = renderWithCli(shortSession(), rate);
        ASSERT_GT(reference.getNumSamples(), 0);
        auto plugin = loadPlugin();
        ASSERT_NE(plugin, nullptr);
        TestPlayHead head;
        const auto got = bounce(*plugin, head, shortSession(), rate, reference.getNumSamples());
        EXPECT_LE(largestDifference(got, reference, 0), kOne24BitStep) << rate << " Hz";
        EXPECT_GT(peak(got), 0.05f);
        // A relocation in the bounce (a loop back) lands on the render's audio there.
        head.sample = static_cast<juce::int64>(5.5 * rate);
        const auto looped = play(*plugin, head, static_cast<int>(rate), 333);
        EXPECT_LE(largestDifference(looped, reference,
                                    static_cast<int>(head.sample) - static_cast<int>(rate)),
                  kOne24BitStep)
            << rate << " Hz";
    }
}

TEST(Bounce, ASpokenSessionBouncesWithItsVoiceAsStillpointRenderSpeaksIt) {
    const auto spoken = hostedSession("spoken-session.yaml");
    constexpr double kRate = 48000.0;
    // The render narrates with the plugin's cache, then with an empty one of its own.
    const auto sameCache = renderWithCli(spoken, kRate);
    const auto freshHome = juce::File::createTempFile("stillpoint-fresh-cache");
    freshHome.createDirectory();
    const auto freshCache = renderWithCli(spoken, kRate, freshHome);
    freshHome.deleteRecursively();
    ASSERT_GT(sameCache.getNumSamples(), 0);
    ASSERT_EQ(freshCache.getNumSamples(), sameCache.getNumSamples());

    auto plugin = loadPlugin();
    ASSERT_NE(plugin, nullptr);
    TestPlayHead head;
    const auto got = bounce(*plugin, head, spoken, kRate, sameCache.getNumSamples());
    EXPECT_LE(largestDifference(got, sameCache, 0), kOne24BitStep);
    EXPECT_LE(largestDifference(got, freshCache, 0), kOne24BitStep);
    // The voice is in it: the same session with its lines taken out sounds otherwise,
    // and is shorter (a spoken step lasts as long as its words).
    const auto unspoken = renderWithCli(spoken.replace("      - say: You might let your eyes rest, "
                                                       "or keep them open.\n",
                                                       ""),
                                        kRate);
    EXPECT_LT(unspoken.getNumSamples(), sameCache.getNumSamples());
    EXPECT_GT(largestDifference(got, unspoken, 0), 0.01f);
}

juce::AudioProcessorParameter* parameterNamed(juce::AudioPluginInstance& plugin,
                                              const juce::String& name) {
    for (auto* p : plugin.getParameters())
        if (p->getName(64) == name) return p;
    ADD_FAILURE() << "no parameter " << name;
    return nullptr;
}

TEST(Automation, ThePatternParameterBreathesTheChosenPresetAsARenderOfItDoes) {
    constexpr double kRate = 48000.0;
    // The haptic track follows the breath and not the loudness calibration:
    // with "box" chosen before the breathing starts, the plugin's Haptic bus is
    // the track `stillpoint render` makes of the same session written with box.
    auto boxed = shortSession();
    boxed = boxed.replace("pattern: coherent", "pattern: box");
    const auto reference = renderWithCli(boxed, kRate, {}, "--haptic-channel lra");
    ASSERT_EQ(reference.getNumChannels(), 3);
    auto plugin = loadPlugin();
    ASSERT_NE(plugin, nullptr);
    auto* pattern = parameterNamed(*plugin, "Pattern");
    ASSERT_NE(pattern, nullptr);
    EXPECT_EQ(pattern->getText(pattern->getValue(), 64), "session");
    pattern->setValue(pattern->getValueForText("box"));
    ASSERT_EQ(pattern->getText(pattern->getValue(), 64), "box");
    ASSERT_TRUE(enableHapticBus(*plugin));
    TestPlayHead head;
    const auto got = bounce(*plugin, head, shortSession(), kRate, reference.getNumSamples());
    ASSERT_EQ(got.getNumChannels(), 3);
    float worst = 0.0f;
    for (int i = 0; i < reference.getNumSamples(); ++i)
        worst = std::max(worst, std::fabs(got.getSample(2, i) - reference.getSample(2, i)));
    EXPECT_LE(worst, kOne24BitStep);
    EXPECT_GT(got.getMagnitude(2, 0, got.getNumSamples()), 0.05f);

    // "session" breathes the session's own patterns: the plain session's track.
    const auto own = renderWithCli(shortSession(), kRate, {}, "--haptic-channel lra");
    auto again = loadPlugin();
    ASSERT_NE(again, nullptr);
    parameterNamed(*again, "Pattern")->setValue(0.0f);
    ASSERT_TRUE(enableHapticBus(*again));
    TestPlayHead start;
    const auto plain = bounce(*again, start, shortSession(), kRate, own.getNumSamples());
    float worstPlain = 0.0f, apart = 0.0f;
    for (int i = 0; i < own.getNumSamples(); ++i) {
        worstPlain = std::max(worstPlain, std::fabs(plain.getSample(2, i) - own.getSample(2, i)));
        if (i < reference.getNumSamples())
            apart = std::max(apart, std::fabs(plain.getSample(2, i) - got.getSample(2, i)));
    }
    EXPECT_LE(worstPlain, kOne24BitStep);
    EXPECT_GT(apart, 0.05f);  // box and coherent breathe differently
}

TEST(Transport, RealtimeSeekRebuildsAsideThenPlaysTheRenderedAudio) {
    const auto reference = renderWithCli(shortSession(), 48000.0);
    auto plugin = loadPlugin();
    ASSERT_NE(plugin, nullptr);
    const auto state = stateWithSession(*plugin, "host-check.yaml", shortSession());
    plugin->setStateInformation(state.getData(), static_cast<int>(state.getSize()));
    const auto began = std::chrono::steady_clock::now();
    plugin->prepareToPlay(48000.0, 256);
    // prepareToPlay returns at once; the voice is made on a worker meanwhile.
    EXPECT_LT(std::chrono::duration<double>(std::chrono::steady_clock::now() - began).count(),
              0.05);
    TestPlayHead head;
    // Realtime playback sounds from the start, at a device's pace, within a
    // second (the engine holds silence only until its first gains).
    EXPECT_TRUE(playUntilSounding(*plugin, head, 256, 1.0));
    // Jump to 12 s; play on like a device until the audio is back (built
    // from the whole narrated session), then 1 s more: the render's audio.
    head.sample = 48000 * 12;
    play(*plugin, head, 512, 256);  // the old place fading out
    for (int i = 0; i < 2000 && peak(play(*plugin, head, 256, 256)) == 0.0f; ++i)
        std::this_thread::sleep_for(std::chrono::milliseconds(5));
    play(*plugin, head, 4800, 256);  // past the 10 ms fade-in
    const int from = static_cast<int>(head.sample);
    const auto after = play(*plugin, head, 48000, 256);
    EXPECT_GT(peak(after), 0.01f);
    EXPECT_LE(largestDifference(after, reference, from), kOne24BitStep);
}

TEST(Editor, OpensColdAndWarmWhileAnotherThreadProcessesAndParametersChange) {
    auto plugin = loadPlugin();
    ASSERT_NE(plugin, nullptr);
    plugin->prepareToPlay(48000.0, 512);
    std::atomic<bool> stop{false};
    std::atomic<int> bad{0};
    TestPlayHead head;
    std::thread audio([&] {
        while (!stop) bad += countBad(play(*plugin, head, 512, 512)).total();
    });
    for (int open = 0; open < 2; ++open) {
        std::unique_ptr<juce::AudioProcessorEditor> editor(plugin->createEditorIfNeeded());
        ASSERT_NE(editor, nullptr);
        EXPECT_GT(editor->getWidth(), 0);
        editor->setSize(1000, 700);
        juce::MessageManager::getInstance()->runDispatchLoopUntil(100);
        std::thread automation([&] {
            std::mt19937 random(7);
            const auto& parameters = plugin->getParameters();
            for (int round = 0; round < 1000; ++round) {
                auto* p = parameters[static_cast<int>(random() %
                                                      static_cast<unsigned>(parameters.size()))];
                if (p != plugin->getBypassParameter())
                    p->setValueNotifyingHost(std::uniform_real_distribution<float>()(random));
            }
        });
        automation.join();
        juce::MessageManager::getInstance()->runDispatchLoopUntil(100);
        juce::MemoryBlock state;
        plugin->getStateInformation(state);
        plugin->setStateInformation(state.getData(),
                                    static_cast<int>(state.getSize()));  // with the editor open
        juce::MessageManager::getInstance()->runDispatchLoopUntil(50);
    }
    stop = true;
    audio.join();
    EXPECT_EQ(bad.load(), 0);
}

}  // namespace
}  // namespace stillpoint::plugin::test
