#include "dsp/noise_bed.hpp"

namespace stillpoint::dsp {
namespace {

constexpr double kCrossfadeSeconds = 3.0;

enum Source : int { kPink = 0, kBrown = 1, kDrone = 2 };

int sourceFor(BedKind kind) noexcept {
    switch (kind) {
        case BedKind::Pink:
            return kPink;
        case BedKind::Brown:
            return kBrown;
        case BedKind::Drone:
            return kDrone;
        case BedKind::None:
            break;
    }
    return SourceCrossfade<3>::kNone;
}

}  // namespace

struct NoiseBed::Sources {
    NoiseBed& bed;

    void render(int source, int, float* left, float* right, int n) noexcept {
        switch (source) {
            case kPink:
                bed.pink_.process(left, right, n);
                break;
            case kBrown:
                bed.brown_.process(left, right, n);
                break;
            default:
                bed.drone_.process(left, right, n);
                break;
        }
    }
    bool isQuiet(int) const noexcept { return false; }
    void restart(int source) noexcept {
        switch (source) {
            case kPink:
                bed.pink_.reset();
                break;
            case kBrown:
                bed.brown_.reset();
                break;
            default:
                bed.drone_.reset();
                break;
        }
    }
};

void NoiseBed::prepare(double sampleRate) {
    pink_.prepare(sampleRate);
    brown_.prepare(sampleRate);
    drone_.prepare(sampleRate);
    // The master stays at 1: the bed fades only by crossfading to None.
    fader_.prepare(sampleRate, kCrossfadeSeconds, kCrossfadeSeconds);
    reset();
}

void NoiseBed::reset(BedKind kind) noexcept {
    pink_.reset();
    brown_.reset();
    drone_.reset();
    fader_.reset(sourceFor(kind), 1.0f);
}

void NoiseBed::setKind(BedKind kind) noexcept {
    fader_.select(sourceFor(kind));
}

void NoiseBed::process(float* left, float* right, int frames) noexcept {
    Sources sources{*this};
    fader_.process(left, right, frames, sources);
}

}  // namespace stillpoint::dsp
