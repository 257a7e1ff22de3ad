// StepNarrator: one step's spoken lines to clips, the piece every way of
// narrating a program shares (all at once, narrateProgram; line by line on a
// worker, SessionPreparation).
//
// It checks the program's voices and loads its voice pack once, then
// narrates a step at a time: each line recorded (from the pack) or
// synthesised (through the disk cache), placed at its offset in the step,
// and the step's length set from its real audio. Steps are independent, so
// any order gives the same clips; callers go in hearing order. Control or
// worker thread, never the audio thread.
#pragma once

#include <functional>
#include <optional>
#include <string>
#include <vector>

#include "narration/clip_cache.hpp"
#include "narration/line_renderer.hpp"
#include "narration/speech_engines.hpp"
#include "narration/voice_pack.hpp"
#include "stillpoint/narration.hpp"

namespace stillpoint::narration {

class StepNarrator {
  public:
    /// Checks the voices and loads the voice pack; ready() says whether that worked.
    StepNarrator(const Program& program, const NarrationSettings& settings);
    StepNarrator(const StepNarrator&) = delete;
    StepNarrator& operator=(const StepNarrator&) = delete;

    /// Ok, or a bad-input report naming the unknown voice or the broken pack.
    const NarrationReport& setup() const { return setup_; }

    /// Narrate step `index` of `program` into `lines` (empty before) and set
    /// the step's length (and, for a breathe step, its cycles) from its real
    /// audio. False with `report` saying why (the failing line's place).
    /// `onLine` (may be empty) hears of each line as it is made; when it
    /// returns false the step stops there (false, "stopped").
    bool narrateStep(Program& program, std::size_t index, std::vector<SpokenLine>& lines,
                     NarrationReport& report, const std::function<bool()>& onLine = {});

    /// After the last step: the counters, the pack's missing-clips warning,
    /// and the cache trimmed to its size.
    void finish(const Program& program, NarrationReport& report) const;

  private:
    NarrationSettings settings_;
    NarrationReport setup_;
    SpeechEngines synthesizer_;
    ClipCache cache_;
    LineRenderer renderer_;
    std::optional<VoicePack> pack_;
    std::vector<std::string> unrecorded_;  // lines the pack has no clip for
    int unrecordedBuiltIn_ = 0;            // of those, lines of the built-in grounding
    int recorded_ = 0;
};

}  // namespace stillpoint::narration
