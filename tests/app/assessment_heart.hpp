// Plays the resonance assessment through an AppPlayer's real audio path
// while a synthetic heart (synthetic_rr.hpp) with its resonance at a planted
// pace beats into the app, each beat sent live when the session's clock
// reaches it, as a strap app sends them. For the app's and the window's
// assessment tests.
#pragma once

#include <gtest/gtest.h>

#include <chrono>
#include <thread>
#include <vector>

#include "app_player.hpp"
#include "app_render.hpp"
#include "session_catalogue.hpp"
#include "stillpoint/resonance.hpp"
#include "stillpoint/synthetic_rr.hpp"

namespace stillpoint::app::test {

/// The assessment loaded (as the catalogue offers it) and playing: until
/// it finishes, with `resonanceBpm` planted. `beatsSent` receives how many
/// beats went in. The assessment must be the session `player` plays.
inline void playAssessmentWithHeart(AppPlayer& player, double resonanceBpm, int block,
                                    std::size_t& beatsSent) {
    std::vector<float> left(static_cast<std::size_t>(block)), right(left.size());
    float* out[2] = {left.data(), right.data()};
    // The voice is made first (its beats are placed on the narrated
    // program's clock); the session starts with it.
    ASSERT_TRUE(waitForVoice(player));
    for (int i = 0; i < 2000 && !player.display().session.read().started; ++i) {
        player.render(out, 2, block);
        player.heart().tick();
        if (engineComing(player.display()))
            std::this_thread::sleep_for(std::chrono::milliseconds(10));
    }
    const auto heard = player.program();  // narrated: its paces start where they are heard
    ASSERT_TRUE(heard && heard->narration);
    heart::SyntheticHeart synthetic;
    synthetic.resonanceBpm = resonanceBpm;
    synthetic.seed = 7;
    const std::vector<heart::Beat> beats =
        heart::syntheticBeats(synthetic, heart::pacedBlocks(*heard), heard->lengthSeconds);
    std::size_t next = 0;
    while (!player.state().finished) {
        player.render(out, 2, block);
        const SessionState s = player.display().session.read();
        const double now = stateSeconds(s, s.outputSample);
        for (; next < beats.size() && beats[next].seconds <= now; ++next)
            player.heart().pushRr(beats[next].rrMs);
        player.heart().tick();
        ASSERT_LT(now, heard->lengthSeconds + 30.0) << "the session never finished";
    }
    beatsSent = next;
}

}  // namespace stillpoint::app::test
