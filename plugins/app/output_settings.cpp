#include "output_settings.hpp"

#include "haptic_output.hpp"

namespace stillpoint::app {
namespace {

constexpr int kMaxOutputs = 64;
constexpr int kOffItem = 1;  ///< combo item ids: 1 off, channel + 2 for a channel
constexpr int kRowHeight = 30;

}  // namespace

OutputSettings::OutputSettings(juce::AudioDeviceManager& devices, ProcessorHost& host,
                               std::function<void(int)> chosen)
    : devices_(devices),
      host_(host),
      chosen_(std::move(chosen)),
      selector_(devices, 0, 0, 1, kMaxOutputs, false, false, true, false) {
    addAndMakeVisible(selector_);
    addAndMakeVisible(hapticLabel_);
    haptic_.onChange = [this] {
        const int channel =
            haptic_.getSelectedId() == kOffItem ? ProcessorHost::kOff : haptic_.getSelectedId() - 2;
        if (channel == host_.hapticChannel()) return;
        routeHaptic(devices_, host_, channel);
        if (chosen_) chosen_(channel);
    };
    addAndMakeVisible(haptic_);
    devices_.addChangeListener(this);
    refill();
    setSize(560, 460);
}

OutputSettings::~OutputSettings() {
    devices_.removeChangeListener(this);
}

void OutputSettings::refill() {
    haptic_.clear(juce::dontSendNotification);
    haptic_.addItem("Off", kOffItem);
    auto* device = devices_.getCurrentAudioDevice();
    const auto names = device != nullptr ? device->getOutputChannelNames() : juce::StringArray();
    for (const int channel : hapticCandidates(devices_))
        haptic_.addItem(juce::String(channel + 1) + ": " + names[channel], channel + 2);
    const int current = host_.hapticChannel();
    haptic_.setSelectedId(
        current >= 0 && haptic_.indexOfItemId(current + 2) >= 0 ? current + 2 : kOffItem,
        juce::dontSendNotification);
    haptic_.setEnabled(haptic_.getNumItems() > 1);
}

void OutputSettings::resized() {
    auto area = getLocalBounds().reduced(8);
    auto row = area.removeFromBottom(kRowHeight);
    hapticLabel_.setBounds(row.removeFromLeft(area.getWidth() / 3));
    haptic_.setBounds(row);
    area.removeFromBottom(8);
    selector_.setBounds(area);
}

}  // namespace stillpoint::app
