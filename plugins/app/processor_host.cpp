#include "processor_host.hpp"

#include <algorithm>

namespace stillpoint::app {
namespace {

constexpr int kStereo = 2;

}  // namespace

ProcessorHost::ProcessorHost(juce::AudioProcessor& processor) : processor_(processor) {
    // The Haptic bus is off by default (a DAW must not mix it by accident);
    // this host routes it to the output the therapist chooses, or nowhere.
    processor_.enableAllBuses();
}

void ProcessorHost::prepare(double sampleRate, int maxBlockFrames,
                            const juce::BigInteger& activeOutputs) {
    maxBlockFrames = std::max(1, maxBlockFrames);
    buses_.setSize(kBusChannels, maxBlockFrames);
    midi_.ensureSize(16);
    processor_.setNonRealtime(false);
    processor_.setRateAndBufferSizeDetails(sampleRate, maxBlockFrames);
    processor_.prepareToPlay(sampleRate, maxBlockFrames);
    activeOutputs_ = activeOutputs;
    hapticSlot_.store(hapticSlot(activeOutputs_, hapticChannel_));
}

int ProcessorHost::hapticSlot(const juce::BigInteger& activeOutputs, int deviceChannel) {
    if (deviceChannel < 0 || !activeOutputs[deviceChannel]) return kOff;
    // The callback packs the open channels in order: the slot is how many open ones come first.
    const int slot = activeOutputs.getBitRange(0, deviceChannel).countNumberOfSetBits();
    return slot < kStereo ? kOff : slot;
}

void ProcessorHost::setHapticChannel(int deviceChannel) {
    hapticChannel_ = deviceChannel < 0 ? kOff : deviceChannel;
    hapticSlot_.store(hapticSlot(activeOutputs_, hapticChannel_));
}

void ProcessorHost::render(float* const* outputs, int outputCount, int frames) noexcept {
    const int haptic = hapticSlot_.load();
    const int capacity = buses_.getNumSamples();
    for (int done = 0; done < frames;) {
        const int n = std::min(frames - done, capacity);
        // A view of the buffers prepared for the device: no allocation.
        juce::AudioBuffer<float> block(buses_.getArrayOfWritePointers(), kBusChannels, n);
        processor_.processBlock(block, midi_);
        for (int c = 0; c < outputCount; ++c) {
            float* out = outputs[c] + done;
            if (c < kStereo && outputCount >= kStereo)
                std::copy_n(block.getReadPointer(c), n, out);
            else if (c == 0)  // a mono device: both sides
                for (int i = 0; i < n; ++i)
                    out[i] = 0.5f * (block.getSample(0, i) + block.getSample(1, i));
            else if (c == haptic)
                std::copy_n(block.getReadPointer(kStereo), n, out);
            else
                std::fill_n(out, n, 0.0f);
        }
        done += n;
    }
}

void ProcessorHost::audioDeviceIOCallbackWithContext(const float* const*, int,
                                                     float* const* outputs, int outputCount,
                                                     int frames,
                                                     const juce::AudioIODeviceCallbackContext&) {
    render(outputs, outputCount, frames);
}

void ProcessorHost::audioDeviceAboutToStart(juce::AudioIODevice* device) {
    prepare(device->getCurrentSampleRate(), device->getCurrentBufferSizeSamples(),
            device->getActiveOutputChannels());
}

void ProcessorHost::audioDeviceStopped() {
    processor_.releaseResources();
}

}  // namespace stillpoint::app
