#include "stillpoint/captions.hpp"

#include <cctype>
#include <cmath>
#include <cstdio>

#include "stillpoint/unsafe_characters.hpp"

namespace stillpoint {
namespace {

std::string timestamp(std::int64_t frame, double rate, char millisecondSeparator) {
    const auto ms =
        static_cast<std::int64_t>(std::llround(static_cast<double>(frame) * 1000.0 / rate));
    char text[32];
    std::snprintf(text, sizeof text, "%02lld:%02lld:%02lld%c%03lld",
                  static_cast<long long>(ms / 3600000), static_cast<long long>(ms / 60000 % 60),
                  static_cast<long long>(ms / 1000 % 60), millisecondSeparator,
                  static_cast<long long>(ms % 1000));
    return text;
}

}  // namespace

std::optional<CaptionFormat> captionFormatFor(std::string_view path) {
    const auto dot = path.rfind('.');
    if (dot == std::string_view::npos) return std::nullopt;
    std::string ext(path.substr(dot + 1));
    for (char& c : ext) c = static_cast<char>(std::tolower(static_cast<unsigned char>(c)));
    if (ext == "vtt") return CaptionFormat::WebVtt;
    if (ext == "srt") return CaptionFormat::Srt;
    return std::nullopt;
}

std::vector<Caption> captionsFrom(const Program& program, const std::vector<Event>& events,
                                  double sampleRate) {
    std::vector<Caption> captions;
    if (!program.narration) return captions;
    const auto& narration = *program.narration;
    for (const Event& e : events) {
        if (e.type != EventType::LineSpoken) continue;
        const auto step = static_cast<std::size_t>(e.index);
        const auto line = static_cast<std::size_t>(e.value);
        if (step >= narration.steps.size() || line >= narration.steps[step].size()) continue;
        const SpokenLine& spoken = narration.steps[step][line];
        captions.push_back(
            {e.sample, e.sample + spoken.lengthFramesAt(sampleRate), spoken.caption});
    }
    return captions;
}

std::string formatCaptions(const std::vector<Caption>& captions, double sampleRate,
                           CaptionFormat format) {
    const bool vtt = format == CaptionFormat::WebVtt;
    std::string text = vtt ? "WEBVTT\n\n" : "";
    int number = 1;
    for (const Caption& caption : captions) {
        if (!vtt) text += std::to_string(number) + "\n";
        ++number;
        const char separator = vtt ? '.' : ',';
        text += timestamp(caption.startFrame, sampleRate, separator) + " --> " +
                timestamp(caption.endFrame, sampleRate, separator) + "\n" +
                escapeForDisplay(caption.text) + "\n\n";
    }
    return text;
}

}  // namespace stillpoint
