#include "narration/flite_synthesizer.hpp"

#include <cmath>
#include <cstdlib>
#include <mutex>

extern "C" {
#include <flite/flite.h>
cst_voice* register_cmu_us_slt(const char* voxdir);
cst_voice* register_cmu_us_kal(const char* voxdir);
cst_voice* register_cmu_us_kal16(const char* voxdir);
cst_voice* register_cmu_us_awb(const char* voxdir);
cst_voice* register_cmu_us_rms(const char* voxdir);
}

namespace stillpoint::narration {
namespace {

struct FliteVoice {
    const char* name;
    cst_voice* (*registerVoice)(const char*);
};

constexpr FliteVoice kVoices[] = {
    {"cmu_us_slt", register_cmu_us_slt}, {"cmu_us_rms", register_cmu_us_rms},
    {"cmu_us_awb", register_cmu_us_awb}, {"cmu_us_kal16", register_cmu_us_kal16},
    {"cmu_us_kal", register_cmu_us_kal},
};

constexpr unsigned kNoiseSeed = 20250101u;

// flite keeps global state and its voices carry mutable features: one
// synthesis at a time in the process.
std::mutex& fliteMutex() {
    static std::mutex mutex;
    return mutex;
}

cst_voice* voiceNamed(std::string_view name) {
    static cst_voice* loaded[std::size(kVoices)] = {};
    static const bool initialised = (flite_init(), true);
    (void)initialised;
    for (std::size_t i = 0; i < std::size(kVoices); ++i) {
        if (name != kVoices[i].name) continue;
        if (loaded[i] == nullptr) loaded[i] = kVoices[i].registerVoice(nullptr);
        return loaded[i];
    }
    return nullptr;
}

}  // namespace

std::vector<std::string> FliteSynthesizer::voices() {
    std::vector<std::string> names;
    for (const auto& voice : kVoices) names.emplace_back(voice.name);
    return names;
}

SynthesizedAudio FliteSynthesizer::say(std::string_view sentence, const VoiceRequest& request,
                                       std::string& error) {
    std::lock_guard lock(fliteMutex());
    cst_voice* voice = voiceNamed(request.voice);
    if (voice == nullptr) {
        error = "unknown voice '" + request.voice + "'; `stillpoint voices` lists them";
        return {};
    }
    flite_feat_set_float(voice->features, "duration_stretch",
                         static_cast<float>(1.0 / std::max(request.rate, 0.1)));
    flite_feat_set_float(voice->features, "f0_shift",
                         static_cast<float>(std::pow(2.0, request.pitchSemitones / 12.0)));
    const std::string text(sentence);
    // flite's noise excitation draws from rand(): the same seed for every
    // sentence makes the same sentence sound the same in every process.
    std::srand(kNoiseSeed);
    cst_wave* wave = flite_text_to_wave(text.c_str(), voice);
    if (wave == nullptr) {
        error = "flite could not say '" + text + "'";
        return {};
    }
    SynthesizedAudio audio;
    audio.sampleRate = wave->sample_rate;
    const int channels = std::max(wave->num_channels, 1);
    audio.samples.resize(static_cast<std::size_t>(wave->num_samples));
    for (int i = 0; i < wave->num_samples; ++i)
        audio.samples[static_cast<std::size_t>(i)] =
            static_cast<float>(wave->samples[i * channels]) / 32768.0f;
    delete_wave(wave);
    return audio;
}

}  // namespace stillpoint::narration
