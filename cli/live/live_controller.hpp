// LiveController: turns a listener's requests into engine commands. It keeps
// only what the requests themselves need (is it paused, held; the pace and
// pattern chosen; layer levels); where the session is, the status line reads
// from the engine's SessionState.
//
// Threads: control thread only. It is the engine's one command producer and
// its one event consumer.
#pragma once

#include <array>
#include <cstdint>
#include <memory>
#include <string>
#include <vector>

#include "live_request.hpp"
#include "stillpoint/engine.hpp"

namespace stillpoint::cli::live {

enum class PlayState : unsigned char { Playing, Paused, Finished };

class LiveController {
  public:
    LiveController(Engine& engine, std::shared_ptr<const Program> program, double sampleRate);

    /// Send what `request` means now. False when the engine's queue was full.
    bool apply(const LiveRequest& request);
    /// Note an event the engine produced (the caller pops it).
    void observe(const Event& event);

    PlayState state() const { return state_; }
    const Program& program() const { return *program_; }
    bool holding() const { return holding_; }
    /// Commands sent since the last call, for the event log.
    std::vector<Command> takeSent();
    /// The listener chose a pace (slower, faster): it stands over the heart's.
    bool paceChosen() const { return chosenPace_ > 0.0; }
    LayerId selectedLayer() const { return selected_; }
    double layerDb(LayerId layer) const { return layerDb_[static_cast<std::size_t>(layer)]; }

  private:
    bool send(CommandType type, int index = 0, double value = 0.0);
    /// Glide to `bpm`; nothing while there is no pace to start from.
    bool glidePace(double bpm);
    /// The chosen pace, or the engine's pace now; 0 outside breathing.
    double paceNow() const;

    Engine& engine_;
    std::shared_ptr<const Program> program_;
    double rate_;
    PlayState state_ = PlayState::Playing;
    bool holding_ = false;
    int pattern_ = 0;          ///< SetPattern's index last sent; 0: the session's own
    double chosenPace_ = 0.0;  ///< the pace last sent; 0: the session's own
    LayerId selected_ = LayerId::Tone;
    std::array<double, static_cast<std::size_t>(LayerId::Count)> layerDb_{};
    std::vector<Command> sent_;
};

}  // namespace stillpoint::cli::live
