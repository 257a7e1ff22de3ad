// OutputSettings: the "Audio output" dialog's content. JUCE's device
// selector (device, rate, buffer, which outputs are open) and, below it, where
// the Haptic bus goes (haptic_output.hpp): off, or any output of the device
// beyond the stereo pair. Choosing a closed output opens it.
//
// Message thread.
#pragma once

#include <juce_audio_utils/juce_audio_utils.h>

#include <functional>

#include "processor_host.hpp"

namespace stillpoint::app {

class OutputSettings : public juce::Component, private juce::ChangeListener {
  public:
    /// `chosen` runs after the therapist picks a haptic output (ProcessorHost::kOff: off).
    OutputSettings(juce::AudioDeviceManager& devices, ProcessorHost& host,
                   std::function<void(int)> chosen);
    ~OutputSettings() override;
    void resized() override;

  private:
    void changeListenerCallback(juce::ChangeBroadcaster*) override { refill(); }
    void refill();

    juce::AudioDeviceManager& devices_;
    ProcessorHost& host_;
    std::function<void(int)> chosen_;
    juce::AudioDeviceSelectorComponent selector_;
    juce::Label hapticLabel_{{}, "Haptic output"};
    juce::ComboBox haptic_;
};

}  // namespace stillpoint::app
