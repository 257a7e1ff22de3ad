// A voice pack's manifest (voice-pack.yaml): any bytes come back as a pack
// whose every clip lies inside the pack folder, or as an error naming the
// manifest. The clips themselves are the audio_clip target's.
#include <cstdlib>
#include <string>

#include "fuzz_support.hpp"
#include "narration/voice_pack.hpp"

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
    using namespace stillpoint::narration;
    static const std::string folder = "/nonexistent/stillpoint-fuzz/pack";
    std::string error;
    const auto pack = parseVoicePackManifest(stillpoint::fuzz::asText(data, size), folder, error);
    if (!pack) {
        if (error.rfind(folder + "/" + kVoicePackManifest + ":", 0) != 0) std::abort();
        return 0;
    }
    if (pack->name.empty()) std::abort();  // a pack is always named, by default after its folder
    for (const auto& [id, clip] : pack->lines)
        if (id.empty() || clip.path.rfind(folder + "/", 0) != 0) std::abort();
    return 0;
}
