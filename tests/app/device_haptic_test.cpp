// The haptic output through JUCE's AudioDeviceManager, as the app sets it
// up: the therapist picks a closed output, the device reopens with it, the
// haptic carrier comes out there and nowhere else, and the device state the
// app keeps in its settings opens that output again next time.
#include <gtest/gtest.h>

#include "app_render.hpp"
#include "haptic_output.hpp"
#include "test_audio_device.hpp"

namespace stillpoint::app::test {
namespace {

TEST(DeviceHaptic, AChosenClosedOutputIsOpenedAndCarriesTheHapticAlone) {
    TestDevices devices;
    ASSERT_EQ(devices.initialise(0, 2, nullptr, true), "");
    ASSERT_NE(devices.getCurrentAudioDevice(), nullptr);
    EXPECT_EQ(devices.device().getActiveOutputChannels().toInteger(), 0b11);
    // Every output but the stereo pair.
    EXPECT_EQ(hapticCandidates(devices), juce::Array<int>({2, 3, 4, 5}));

    AppPlayer player;
    devices.addAudioCallback(&player.host());
    ASSERT_EQ(player.load(breathingSession(), {}), "");
    routeHaptic(devices, player.host(), 4);
    EXPECT_EQ(player.host().hapticChannel(), 4);
    ASSERT_EQ(devices.device().getActiveOutputChannels().toInteger(), 0b10011);
    player.play();

    const auto out = collectFromStart(3, 8.0, [&](float* const* outputs, int count, int frames) {
        devices.device().deliver(outputs, count, frames);
    });
    ASSERT_EQ(out.size(), 3u);
    EXPECT_GT(rms(out[2], 4.0, 8.0), 0.05);  // device output 4, third of the open ones
    EXPECT_GT(powerShareAt(out[2], kLraCarrierHz, 4.0, 8.0), 0.7);
    EXPECT_LT(powerShareAt(out[0], kLraCarrierHz, 4.0, 8.0), 0.05);
    EXPECT_GT(rms(out[0], 4.0, 8.0), 0.01);

    // What the app saves (therapist.settings) opens the same outputs next time.
    const auto saved = devices.createStateXml();
    ASSERT_NE(saved, nullptr);
    devices.removeAudioCallback(&player.host());
    TestDevices again;
    ASSERT_EQ(again.initialise(0, 2, saved.get(), true), "");
    EXPECT_EQ(again.device().getActiveOutputChannels().toInteger(), 0b10011);

    // Off: the output stays open, and silent.
    routeHaptic(devices, player.host(), ProcessorHost::kOff);
    EXPECT_EQ(player.host().hapticChannel(), ProcessorHost::kOff);
}

TEST(DeviceHaptic, AnOutputOfTheStereoPairNeverCarriesIt) {
    TestDevices devices;
    ASSERT_EQ(devices.initialise(0, 2, nullptr, true), "");
    AppPlayer player;
    devices.addAudioCallback(&player.host());
    routeHaptic(devices, player.host(), 1);
    EXPECT_EQ(ProcessorHost::hapticSlot(devices.device().getActiveOutputChannels(), 1),
              ProcessorHost::kOff);
    devices.removeAudioCallback(&player.host());
}

}  // namespace
}  // namespace stillpoint::app::test
