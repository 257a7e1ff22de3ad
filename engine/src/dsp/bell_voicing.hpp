// The bells' sound design: which modes ring, how loud, for how long. Each
// voicing has four modes; each mode rings as a pair of resonators a little
// apart in pitch, so it beats slowly like a real bowl, with one partner a
// little left and the other a little right. All modes sit below 3 kHz.
//
// Data only: read by ModalBell::prepare(), nothing here runs in real time.
#pragma once

#include <array>

namespace stillpoint::dsp {

/// The bell sounds ModalBell can strike.
enum class BellVoicing : unsigned char {
    Bowl,        ///< deep singing bowl, ~220 Hz, rings 10-14 s
    Chime,       ///< small bright chime, ~880 Hz, rings 4-6 s
    BreathBowl,  ///< softer mid bowl, ~330 Hz, 4-6 s: marks breath phase changes
};
inline constexpr int kBellVoicingCount = 3;

struct BellMode {
    double ratio;     ///< frequency over the fundamental
    float amplitude;  ///< ring amplitude right after the strike, relative
    double t60;       ///< seconds to decay by 60 dB
    double beatHz;    ///< the pair's spacing: how fast the mode beats
};

struct BellDesign {
    double fundamentalHz;
    double malletSeconds;  ///< contact time: short enough that every mode is excited
    std::array<BellMode, 4> modes;
};

/// Singing-bowl partials (after measurements of Himalayan bowls): 1, 2.71, 5.15, 8.4.
inline constexpr BellDesign kBowlDesign{220.0,
                                        0.00075,
                                        {{{1.0, 1.0f, 13.0, 0.7},
                                          {2.71, 0.45f, 9.0, 1.3},
                                          {5.15, 0.2f, 5.5, 2.1},
                                          {8.4, 0.08f, 3.0, 2.9}}}};

/// A small chime, kept soft: its partials are chosen to lie below 3 kHz.
inline constexpr BellDesign kChimeDesign{880.0,
                                         0.0005,
                                         {{{1.0, 1.0f, 5.5, 0.4},
                                           {1.49, 0.2f, 4.5, 0.6},
                                           {2.32, 0.3f, 3.2, 0.9},
                                           {3.28, 0.1f, 2.0, 1.2}}}};

/// The bowl's partials on a higher, gentler bowl that dies away within a breath or two.
inline constexpr BellDesign kBreathBowlDesign{330.0,
                                              0.0005,
                                              {{{1.0, 1.0f, 5.5, 0.9},
                                                {2.71, 0.35f, 4.5, 1.5},
                                                {5.15, 0.12f, 3.0, 2.2},
                                                {8.4, 0.04f, 2.0, 3.0}}}};

inline constexpr const BellDesign& designFor(BellVoicing voicing) noexcept {
    switch (voicing) {
        case BellVoicing::Chime:
            return kChimeDesign;
        case BellVoicing::BreathBowl:
            return kBreathBowlDesign;
        case BellVoicing::Bowl:
            break;
    }
    return kBowlDesign;
}

}  // namespace stillpoint::dsp
