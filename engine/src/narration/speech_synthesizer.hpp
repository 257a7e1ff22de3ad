// SpeechSynthesizer: one narration backend. Says one sentence, at the
// backend's own sample rate, as mono samples. Control thread only; a backend
// may keep global state (flite does), so callers serialise their use.
#pragma once

#include <string>
#include <string_view>
#include <vector>

#include "stillpoint/session.hpp"

namespace stillpoint::narration {

struct VoiceRequest {
    SpeechEngine engine = SpeechEngine::Flite;
    std::string voice;            ///< a voice (flite) or language (espeak) the engine has
    double rate = 1.0;            ///< speaking rate, 1 = the voice's own
    double pitchSemitones = 0.0;  ///< shift from the voice's own pitch
};

struct SynthesizedAudio {
    std::vector<float> samples;  ///< mono, [-1, 1]
    double sampleRate = 0.0;
};

class SpeechSynthesizer {
  public:
    virtual ~SpeechSynthesizer() = default;
    /// An empty result with `error` set when the voice is unknown or synthesis fails.
    virtual SynthesizedAudio say(std::string_view sentence, const VoiceRequest& request,
                                 std::string& error) = 0;
};

}  // namespace stillpoint::narration
