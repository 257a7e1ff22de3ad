// EspeakSynthesizer: espeak-ng, many languages (`en-us`, `en-gb`, `de`,
// `fr`...), when the build has it (STILLPOINT_WITH_ESPEAK). Rate is its words
// per minute scaled from 175; pitch moves its base pitch (espeak's pitch
// parameter spans an octave either side of 50) and scales its intonation
// range by the same ratio. espeak-ng pulls the base back when the range
// changes, so its median moves a little less than asked (about 4.2
// semitones for -6, 2 for +3; measured in tests/engine/voices_test.cpp).
//
// espeak-ng itself runs in the stillpoint-espeak program, one child process
// per sentence (narration/espeak_process.hpp): the engine's libraries never
// link it (GPL-3.0), the host is never forked, and every sentence starts
// from the same freshly loaded state, so a render is deterministic with or
// without the cache. Available only when the user turns espeak voices on
// (STILLPOINT_ESPEAK). Control thread only.
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
    /// Whether the user turned espeak voices on and stillpoint-espeak lists its voices.
    static bool available();
    /// Why espeak voices are not available and how to turn them on; empty when they are.
    static const std::string& unavailableReason();
    /// Its languages, sorted, without repeats; empty when not available.
    static const std::vector<EspeakVoice>& voices();
    static constexpr const char* kDefaultVoice = "en-us";
};

}  // namespace stillpoint::narration
