#include "haptics/export/haptic_writers.hpp"

namespace stillpoint {

std::string exportHapticTrack(const HapticTrack& track, HapticFormat format,
                              std::string_view title) {
    switch (format) {
        case HapticFormat::Ahap:
            return haptics::writeAhap(track, title);
        case HapticFormat::Android:
            return haptics::writeAndroidWaveform(track, title);
        case HapticFormat::MetaHaptic:
            return haptics::writeMetaHaptic(track, title);
    }
    return {};
}

}  // namespace stillpoint
