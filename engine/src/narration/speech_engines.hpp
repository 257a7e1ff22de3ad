// SpeechEngines: every synthesiser behind one SpeechSynthesizer, each
// request sent to the engine it names. Control thread only.
#pragma once

#include "narration/espeak_synthesizer.hpp"
#include "narration/flite_synthesizer.hpp"

namespace stillpoint::narration {

class SpeechEngines final : public SpeechSynthesizer {
  public:
    SynthesizedAudio say(std::string_view sentence, const VoiceRequest& request,
                         std::string& error) override {
        if (request.engine == SpeechEngine::Espeak) return espeak_.say(sentence, request, error);
        return flite_.say(sentence, request, error);
    }

  private:
    FliteSynthesizer flite_;
    EspeakSynthesizer espeak_;
};

}  // namespace stillpoint::narration
