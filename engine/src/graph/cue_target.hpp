// CueTarget: what the sequencer cues as it walks a program. Playing, that is
// the mix graph (MixGraphCues); looking ahead to work out the plan as it
// stands (Sequencer::project), nothing at all (SilentCues).
//
// Real-time contract: every method is called on the audio thread and must
// not allocate, lock, do I/O or throw.
#pragma once

#include <cstdint>

#include "graph/mix_graph.hpp"

namespace stillpoint {

class CueTarget {
  public:
    virtual ~CueTarget() = default;
    virtual void setTimbre(ToneTimbre timbre) noexcept = 0;
    virtual void setToneActive(bool active) noexcept = 0;
    virtual void onPhaseChange(BreathPhase phase) noexcept = 0;
    virtual void strikeBell(BellKind kind) noexcept = 0;
    virtual void startLine(const SpokenLine& line) noexcept = 0;
    virtual void endLine() noexcept = 0;
    virtual void fadeMaster(float target, std::int64_t frames) noexcept = 0;
};

/// Cues go to a MixGraph.
class MixGraphCues final : public CueTarget {
  public:
    explicit MixGraphCues(MixGraph& graph) noexcept : graph_(graph) {}
    void setTimbre(ToneTimbre timbre) noexcept override { graph_.setTimbre(timbre); }
    void setToneActive(bool active) noexcept override { graph_.setToneActive(active); }
    void onPhaseChange(BreathPhase phase) noexcept override { graph_.onPhaseChange(phase); }
    void strikeBell(BellKind kind) noexcept override { graph_.strikeBell(kind); }
    void startLine(const SpokenLine& line) noexcept override { graph_.startLine(line); }
    void endLine() noexcept override { graph_.endLine(); }
    void fadeMaster(float target, std::int64_t frames) noexcept override {
        graph_.fadeMaster(target, frames);
    }

  private:
    MixGraph& graph_;
};

/// Cues go nowhere: the timing alone.
class SilentCues final : public CueTarget {
  public:
    void setTimbre(ToneTimbre) noexcept override {}
    void setToneActive(bool) noexcept override {}
    void onPhaseChange(BreathPhase) noexcept override {}
    void strikeBell(BellKind) noexcept override {}
    void startLine(const SpokenLine&) noexcept override {}
    void endLine() noexcept override {}
    void fadeMaster(float, std::int64_t) noexcept override {}
};

}  // namespace stillpoint
