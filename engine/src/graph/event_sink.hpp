// EventSink: where the sequencer reports what happens, as it happens.
// Implementations must be real-time safe (the engine's pushes to a wait-free
// queue; the loudness analysis drops them).
#pragma once

#include "stillpoint/engine_events.hpp"

namespace stillpoint {

class EventSink {
  public:
    virtual ~EventSink() = default;
    virtual void emit(const Event& event) noexcept = 0;
};

class DiscardingEventSink final : public EventSink {
  public:
    void emit(const Event&) noexcept override {}
};

}  // namespace stillpoint
