// Where the processor's Haptic bus goes on the audio device: off, or any
// output of the device beyond the stereo pair. The choice is the device's
// output number; a closed output is opened for it (which restarts the
// device, and ProcessorHost finds its place among the open outputs again).
//
// Message thread.
#pragma once

#include <juce_audio_devices/juce_audio_devices.h>

#include "processor_host.hpp"

namespace stillpoint::app {

/// The outputs a haptic may take: every output of the current device but
/// the stereo pair (its first two open outputs). Empty without a device.
juce::Array<int> hapticCandidates(juce::AudioDeviceManager& devices);

/// Send the Haptic bus to device output `channel` (ProcessorHost::kOff:
/// nowhere), opening that output when it is closed.
void routeHaptic(juce::AudioDeviceManager& devices, ProcessorHost& host, int channel);

}  // namespace stillpoint::app
