// One writer per format; exportHapticTrack() picks among them.
#pragma once

#include <string>
#include <string_view>

#include "stillpoint/haptic_export.hpp"

namespace stillpoint::haptics {

std::string writeAhap(const HapticTrack& track, std::string_view title);
std::string writeAndroidWaveform(const HapticTrack& track, std::string_view title);
std::string writeMetaHaptic(const HapticTrack& track, std::string_view title);

/// The breakpoints every curve format starts from: within 1% of full scale.
inline constexpr float kCurveTolerance = 0.01f;

}  // namespace stillpoint::haptics
