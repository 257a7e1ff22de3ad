// LiveController: turns a listener's requests into engine commands and keeps
// what the status line shows (section, breath phase, pace, paused, held,
// layer levels) up to date from the engine's events.
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
    bool holding() const { return holding_; }
    /// A checkin has said its prompt and waits for Continue.
    bool waiting() const { return waiting_; }
    double paceBpm() const { return paceBpm_; }  ///< 0 outside breathe steps
    std::string sectionName() const;
    std::string_view phaseName() const;
    /// Session time at output sample `framesPlayed`: pauses left out.
    std::int64_t sessionFrames(std::int64_t framesPlayed) const;
    /// Commands sent since the last call, for the event log.
    std::vector<Command> takeSent();
    LayerId selectedLayer() const { return selected_; }
    double layerDb(LayerId layer) const { return layerDb_[static_cast<std::size_t>(layer)]; }

private:
    bool send(CommandType type, int index = 0, double value = 0.0);
    bool glidePace(double bpm);
    double currentPace(std::int64_t sessionSample) const;

    Engine& engine_;
    std::shared_ptr<const Program> program_;
    double rate_;
    PlayState state_ = PlayState::Playing;
    bool holding_ = false;
    bool waiting_ = false;
    int pattern_ = 0;  ///< SetPattern's index last sent; 0: the session's own
    int section_ = -1;
    int step_ = -1;
    std::int64_t stepStartSample_ = 0;  ///< session clock
    int phase_ = -1;
    double paceBpm_ = 0.0;
    bool paceOverridden_ = false;  ///< a live pace change replaces the step's planned ramp
    LayerId selected_ = LayerId::Tone;
    std::array<double, static_cast<std::size_t>(LayerId::Count)> layerDb_{};
    std::int64_t pausedAt_ = -1;  ///< output sample of the last Paused, -1 when running
    std::int64_t pausedFrames_ = 0;
    std::vector<Command> sent_;
};

}  // namespace stillpoint::cli::live
