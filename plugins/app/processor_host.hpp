// ProcessorHost: the app's audio device plays the plugin's processor, as a
// plugin host would. It prepares the processor for the device, renders its
// buses into buffers sized before the stream starts, and routes them: the
// main stereo pair to the device's first two active outputs, the mono Haptic
// bus to the output the therapist chose (or nowhere), every other output
// silent.
//
// Not juce::AudioProcessorPlayer: that takes a lock in every callback and
// maps buses to outputs in order, with no choice for the haptic channel.
//
// Threads: prepare() and setHapticChannel() on the message thread (prepare
// while no callback runs: audioDeviceAboutToStart, or before a headless
// clock starts); render() and the device callback on the audio thread, where
// they never allocate, lock or wait.
#pragma once

#include <juce_audio_devices/juce_audio_devices.h>
#include <juce_audio_processors/juce_audio_processors.h>

#include <atomic>

namespace stillpoint::app {

class ProcessorHost : public juce::AudioIODeviceCallback {
  public:
    static constexpr int kOff = -1;

    explicit ProcessorHost(juce::AudioProcessor& processor);

    /// Message thread, no callback running. `activeOutputs`: the device's
    /// output channels that are open (bit n: channel n), as the device
    /// reports them; the callback gets them in that order, packed.
    void prepare(double sampleRate, int maxBlockFrames, const juce::BigInteger& activeOutputs);
    /// Message thread: the device output channel (its number among all the
    /// device's outputs) the Haptic bus goes to, or kOff. A channel that is
    /// not open, or is one of the stereo pair, gets nothing.
    void setHapticChannel(int deviceChannel);
    int hapticChannel() const noexcept { return hapticChannel_; }
    /// Where in the callback's packed outputs the haptic goes; kOff when nowhere.
    static int hapticSlot(const juce::BigInteger& activeOutputs, int deviceChannel);

    /// Audio thread: fill `outputs` packed output channels of `frames` each.
    void render(float* const* outputs, int outputCount, int frames) noexcept;

    // juce::AudioIODeviceCallback
    void audioDeviceIOCallbackWithContext(const float* const* inputs, int inputCount,
                                          float* const* outputs, int outputCount, int frames,
                                          const juce::AudioIODeviceCallbackContext&) override;
    void audioDeviceAboutToStart(juce::AudioIODevice* device) override;
    void audioDeviceStopped() override;

  private:
    static constexpr int kBusChannels = 3;  ///< left, right, haptic

    juce::AudioProcessor& processor_;
    juce::AudioBuffer<float> buses_;  ///< sized in prepare()
    juce::MidiBuffer midi_;
    juce::BigInteger activeOutputs_;  ///< message thread
    int hapticChannel_ = kOff;        ///< message thread
    std::atomic<int> hapticSlot_{kOff};
};

}  // namespace stillpoint::app
