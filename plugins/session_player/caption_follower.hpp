// CaptionFollower: the narration line being heard, followed from the
// engine's LineSpoken events: set once the line's first sample has been
// played, cleared once its clip's last one has (the engine reports a line as
// its look-ahead renders it, a little before it is heard). No JUCE, so the
// player tests check it.
//
// Threads: onEvent(), advance() and reset() on the audio thread (wait-free,
// no allocation); current() on any thread (the editor polls it). The step
// and line travel in one 64-bit atomic, so a reader never sees half a change.
#pragma once

#include <atomic>
#include <cstdint>
#include <string>

#include "stillpoint/engine_events.hpp"
#include "stillpoint/program.hpp"

namespace stillpoint::plugin {

class CaptionFollower {
  public:
    struct Line {
        const Program* program = nullptr;  ///< to compare with, never to read through
        int step = -1;                     ///< -1: nothing is being said
        int index = 0;                     ///< the line within the step
        bool spoken() const noexcept { return step >= 0; }
    };

    /// Audio thread: an event of the engine that plays `program` at `sampleRate`.
    void onEvent(const Event& event, const Program* program, double sampleRate) noexcept;
    /// Audio thread: the engine has played every sample before `engineSample`
    /// (Engine::position(), on Event::sample's clock).
    void advance(std::int64_t engineSample) noexcept;
    /// Audio thread: another engine takes over; it announces its own lines.
    void reset() noexcept;
    /// Any thread: the line being heard now.
    Line current() const noexcept;

    /// The words of `line` when it belongs to `program`'s narration; null otherwise.
    static const std::string* wordsOf(const Program& program, const Line& line) noexcept;

  private:
    struct Announced {  // a line the engine has started, not yet heard
        const Program* program = nullptr;
        std::int64_t packed = -1;
        std::int64_t start = 0, end = 0;
    };
    void show(const Announced& line) noexcept;

    std::atomic<const Program*> program_{nullptr};  // written before line_
    std::atomic<std::int64_t> line_{-1};            // step << 32 | index; -1: none
    // Audio thread only.
    Announced announced_;
    std::int64_t endsAt_ = 0;
};

}  // namespace stillpoint::plugin
