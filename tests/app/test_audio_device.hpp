// A pretend sound card for the app's tests: one device with six outputs that
// JUCE's AudioDeviceManager opens, starts and restarts as it would a real
// one; deliver() runs its callback on the calling thread, with the open
// outputs packed as a real driver hands them over.
#pragma once

#include <juce_audio_devices/juce_audio_devices.h>

namespace stillpoint::app::test {

class TestAudioDevice : public juce::AudioIODevice {
  public:
    static constexpr int kOutputs = 6;
    TestAudioDevice() : AudioIODevice("Six outputs", "Test") {}

    juce::StringArray getOutputChannelNames() override {
        return {"Left", "Right", "Out 3", "Out 4", "Out 5", "Out 6"};
    }
    juce::StringArray getInputChannelNames() override { return {}; }
    juce::Array<double> getAvailableSampleRates() override { return {48000.0}; }
    juce::Array<int> getAvailableBufferSizes() override { return {512}; }
    int getDefaultBufferSize() override { return 512; }
    juce::String open(const juce::BigInteger&, const juce::BigInteger& outputs, double,
                      int) override {
        outputs_ = outputs;
        outputs_.setRange(kOutputs, outputs_.getHighestBit() + 1, false);
        open_ = true;
        return {};
    }
    void close() override {
        stop();
        open_ = false;
    }
    bool isOpen() override { return open_; }
    void start(juce::AudioIODeviceCallback* callback) override {
        if (callback != nullptr) callback->audioDeviceAboutToStart(this);
        callback_ = callback;
    }
    void stop() override {
        if (auto* callback = std::exchange(callback_, nullptr)) callback->audioDeviceStopped();
    }
    bool isPlaying() override { return callback_ != nullptr; }
    juce::String getLastError() override { return {}; }
    int getCurrentBufferSizeSamples() override { return 512; }
    double getCurrentSampleRate() override { return 48000.0; }
    int getCurrentBitDepth() override { return 32; }
    juce::BigInteger getActiveOutputChannels() const override { return outputs_; }
    juce::BigInteger getActiveInputChannels() const override { return {}; }
    int getOutputLatencyInSamples() override { return 0; }
    int getInputLatencyInSamples() override { return 0; }

    /// One callback, as the driver would make it: `count` must be the open outputs.
    void deliver(float* const* outputs, int count, int frames) {
        if (callback_ != nullptr)
            callback_->audioDeviceIOCallbackWithContext(nullptr, 0, outputs, count, frames, {});
    }

  private:
    juce::BigInteger outputs_;
    bool open_ = false;
    juce::AudioIODeviceCallback* callback_ = nullptr;
};

class TestAudioDeviceType : public juce::AudioIODeviceType {
  public:
    TestAudioDeviceType() : AudioIODeviceType("Test") {}
    void scanForDevices() override {}
    juce::StringArray getDeviceNames(bool wantInputNames) const override {
        return wantInputNames ? juce::StringArray() : juce::StringArray("Six outputs");
    }
    int getDefaultDeviceIndex(bool) const override { return 0; }
    int getIndexOfDevice(juce::AudioIODevice* device, bool asInput) const override {
        return device != nullptr && !asInput ? 0 : -1;
    }
    bool hasSeparateInputsAndOutputs() const override { return false; }
    juce::AudioIODevice* createDevice(const juce::String& output, const juce::String&) override {
        return output.isEmpty() || output == "Six outputs" ? new TestAudioDevice() : nullptr;
    }
};

/// An AudioDeviceManager that knows only the test device.
class TestDevices : public juce::AudioDeviceManager {
  public:
    void createAudioDeviceTypes(juce::OwnedArray<juce::AudioIODeviceType>& types) override {
        types.add(new TestAudioDeviceType());
    }
    TestAudioDevice& device() { return *dynamic_cast<TestAudioDevice*>(getCurrentAudioDevice()); }
};

}  // namespace stillpoint::app::test
