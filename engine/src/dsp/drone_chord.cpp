#include "dsp/drone_chord.hpp"

#include <cmath>

#include "dsp/nominal_level.hpp"

namespace stillpoint::dsp {
namespace {

struct Note {
    double hz;
    float amplitude;
    float left, right;  // equal-power pan gains
    double swayHz;
};
constexpr double kRootHz = 87.307;  // F2
// An open chord from the root's own harmonic series (root, fifth, octave,
// twelfth), no third: consonant and still. Notes sit at different places
// across the field, so the ears hear different mixes.
constexpr std::array<Note, HarmonicBank::kLanes> kNotes{{
    {kRootHz, 1.0f, 0.80f, 0.60f, 1.0 / 17.0},         // root, a little left
    {kRootHz * 1.5, 0.55f, 0.50f, 0.87f, 1.0 / 13.0},  // fifth, right
    {kRootHz * 2.0, 0.4f, 0.87f, 0.50f, 1.0 / 19.0},   // octave, left
    {kRootHz * 3.0, 0.22f, 0.57f, 0.82f, 1.0 / 11.0},  // twelfth, a little right
}};
constexpr float kBrightness = 0.25f;
constexpr float kLevelSway = 0.15f;
constexpr double kPitchSwayCents = 2.0;

// Per channel the notes add in power; scale the sum to the nominal level.
float chordLevel() {
    double power = 0.0;
    for (const Note& n : kNotes)
        power += 0.5 * n.amplitude * n.amplitude * (n.left * n.left + n.right * n.right);
    return static_cast<float>(kNominalRms / std::sqrt(power));
}

}  // namespace

void DroneChord::prepare(double sampleRate) {
    radiansPerHz_ = radiansPerHz(sampleRate);
    level_ = chordLevel();
    for (std::size_t v = 0; v < kNotes.size(); ++v) {
        swayPerTick_[v] = rotationFor(kNotes[v].swayHz * kControlInterval * radiansPerHz_);
        pitch_[v] = rotationFor(kNotes[v].hz * radiansPerHz_);
    }
    reset();
}

void DroneChord::reset() noexcept {
    clock_.reset();
    bank_.reset();
    // Start the notes at different points of their sway.
    for (std::size_t v = 0; v < sway_.size(); ++v) {
        const Rotation start = rotationFor(1.3 * static_cast<double>(v));
        sway_[v] = Rotator{start.c, start.s};
    }
}

void DroneChord::update() noexcept {
    constexpr double kCentsToRatio = 0.69314718 / 1200.0;  // ln 2 / 1200, exact enough for cents
    bank_.renormalise();
    for (std::size_t v = 0; v < kNotes.size(); ++v) {
        Rotator& sway = sway_[v];
        sway.step(swayPerTick_[v]);
        sway.renormalise();
        const Note& note = kNotes[v];
        const float gain = level_ * note.amplitude * (1.0f + kLevelSway * sway.im);
        HarmonicBank::Lane lane;
        // The sway turns each note a tiny angle further (or less) per sample.
        const auto nudge =
            static_cast<float>(note.hz * kPitchSwayCents * kCentsToRatio * radiansPerHz_);
        lane.pitch = pitch_[v] * smallRotation(nudge * sway.re);
        lane.brightness = kBrightness;
        lane.left = gain * note.left;
        lane.right = gain * note.right;
        bank_.setLane(static_cast<int>(v), lane);
    }
}

void DroneChord::process(float* left, float* right, int frames) noexcept {
    clock_.walk(
        frames, [&](int) { update(); },
        [&](int offset, int n) { bank_.process(left + offset, right + offset, n); });
}

}  // namespace stillpoint::dsp
