#include "haptic_output.hpp"

namespace stillpoint::app {

juce::Array<int> hapticCandidates(juce::AudioDeviceManager& devices) {
    juce::Array<int> channels;
    auto* device = devices.getCurrentAudioDevice();
    if (device == nullptr) return channels;
    const auto open = device->getActiveOutputChannels();
    const int first = open.findNextSetBit(0);
    const int second = first < 0 ? -1 : open.findNextSetBit(first + 1);
    for (int channel = 0; channel < device->getOutputChannelNames().size(); ++channel)
        if (channel != first && channel != second) channels.add(channel);
    return channels;
}

void routeHaptic(juce::AudioDeviceManager& devices, ProcessorHost& host, int channel) {
    host.setHapticChannel(channel);
    if (channel < 0 || devices.getCurrentAudioDevice() == nullptr) return;
    auto setup = devices.getAudioDeviceSetup();
    if (setup.outputChannels[channel]) return;
    setup.useDefaultOutputChannels = false;
    setup.outputChannels.setBit(channel);
    devices.setAudioDeviceSetup(setup, true);
}

}  // namespace stillpoint::app
