// EspeakSynthesizer: espeak-ng, many languages (`en-us`, `en-gb`, `de`,
// `fr`...), when the build has it (STILLPOINT_WITH_ESPEAK). Rate is its words
// per minute scaled from 175; pitch moves its base pitch (espeak's pitch
// parameter spans an octave either side of 50) and scales its intonation
// range by the same ratio. espeak-ng pulls the base back when the range
// changes, so its median moves a little less than asked (about 4.2
// semitones for -6, 2 for +3; measured in tests/engine/voices_test.cpp).
//
// espeak-ng keeps global synthesis state (a pitch flutter phase, an echo
// buffer, gain control) that carries from one utterance into the next and
// cannot be reset, so the same sentence would sound slightly different
// depending on what was said before. Each sentence is therefore synthesised
// in a child process forked from a parent that has initialised espeak-ng but
// never spoken: every sentence starts from the same state and a render is
// deterministic with or without the cache. One mutex serialises every call
// (espeak-ng is not thread-safe). Control thread only.
#pragma once

#include <string>
#include <vector>

#include "narration/speech_synthesizer.hpp"

namespace stillpoint::narration {

struct EspeakVoice {
    std::string language;     ///< what a session names: en-us, en-gb, de
    std::string description;  ///< espeak-ng's name: "English (America)"
    std::string identifier;   ///< its voice file: gmw/en-US
};

class EspeakSynthesizer final : public SpeechSynthesizer {
  public:
    SynthesizedAudio say(std::string_view sentence, const VoiceRequest& request,
                         std::string& error) override;
    /// Whether this build has espeak-ng and its data could be loaded.
    static bool available();
    /// Its languages, sorted, without repeats; empty when not available.
    static const std::vector<EspeakVoice>& voices();
    static constexpr const char* kDefaultVoice = "en-us";
};

}  // namespace stillpoint::narration
