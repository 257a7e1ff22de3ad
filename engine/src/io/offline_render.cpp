#include "stillpoint/offline_render.hpp"

#include <algorithm>
#include <cctype>
#include <string>

#include "io/audio_file_writer.hpp"
#include "io/render_loop.hpp"

namespace stillpoint {
namespace {

std::string lowercaseExtension(std::string_view path) {
    const auto dot = path.rfind('.');
    if (dot == std::string_view::npos) return {};
    std::string ext(path.substr(dot + 1));
    for (char& c : ext) c = static_cast<char>(std::tolower(static_cast<unsigned char>(c)));
    return ext;
}

// Files and event lists render in blocks this large (any size gives the same audio).
constexpr int kFileBlockFrames = 4096;

}  // namespace

std::optional<AudioFileFormat> audioFileFormatFor(std::string_view path) {
    const std::string ext = lowercaseExtension(path);
    if (ext == "wav") return AudioFileFormat::Wav;
    if (ext == "flac") return AudioFileFormat::Flac;
    if (ext == "ogg" || ext == "oga") return AudioFileFormat::Ogg;
    if (ext == "opus") return AudioFileFormat::Opus;
    if (ext == "mp3") return AudioFileFormat::Mp3;
    return std::nullopt;
}

RenderedAudio renderProgram(std::shared_ptr<const Program> program, const EngineConfig& config,
                            int blockFrames) {
    Engine engine;
    prepareToRender(engine, std::move(program), config, blockFrames);
    RenderedAudio audio;
    audio.sampleRate = config.sampleRate;
    audio.channels = engine.outputChannels();
    audio.calibrationGainDb = engine.calibrationGainDb();
    audio.interleaved.reserve(static_cast<std::size_t>(engine.lengthFrames() * audio.channels));
    renderWholeProgram(
        engine,
        [&](const RenderedBlock& block) {
            const std::size_t at = audio.interleaved.size();
            audio.interleaved.resize(at + static_cast<std::size_t>(block.frames * block.channels));
            block.interleaveInto(audio.interleaved.data() + at);
            return true;
        },
        [&](const Event& e) { audio.events.push_back(e); });
    return audio;
}

FileRenderResult renderProgramToFile(std::shared_ptr<const Program> program,
                                     const EngineConfig& config, const std::string& path,
                                     const std::function<bool(double)>& progress) {
    FileRenderResult result;
    const auto format = audioFileFormatFor(path);
    if (!format) {
        result.error = path + ": unknown output format; use a " +
                       std::string(kAudioFileExtensions) + " file name";
        return result;
    }
    Engine engine;
    prepareToRender(engine, std::move(program), config, kFileBlockFrames);
    result.calibrationGainDb = engine.calibrationGainDb();

    AudioFileWriter writer;
    if (!writer.open(path, *format, static_cast<int>(config.sampleRate), engine.outputChannels(),
                     engine.lengthFrames())) {
        result.error = writer.error();
        return result;
    }
    std::vector<float> interleaved(
        static_cast<std::size_t>(kFileBlockFrames * engine.outputChannels()));
    std::int64_t lastReport = 0;
    const bool rendered = renderWholeProgram(
        engine,
        [&](const RenderedBlock& block) {
            block.interleaveInto(interleaved.data());
            if (!writer.write(interleaved.data(), block.frames)) return false;
            if (progress &&
                (block.done - lastReport >= block.total / 200 || block.done == block.total)) {
                lastReport = block.done;
                if (!progress(static_cast<double>(block.done) / static_cast<double>(block.total))) {
                    result.interrupted = true;
                    return false;
                }
            }
            return true;
        },
        [&](const Event& e) { result.events.push_back(e); });
    if (result.interrupted) {  // the writer's destructor removes the temporary
        result.error = path +
                       ": interrupted; the file was not written (an earlier one there is "
                       "left as it was)";
        return result;
    }
    if (!rendered || !writer.commit()) {
        result.error = writer.error();
        return result;
    }
    result.ok = true;
    result.frames = engine.lengthFrames();
    return result;
}

std::vector<Event> renderProgramEvents(std::shared_ptr<const Program> program,
                                       const EngineConfig& config) {
    Engine engine;
    prepareToRender(engine, std::move(program), config, kFileBlockFrames);
    std::vector<Event> events;
    renderWholeProgram(
        engine, [](const RenderedBlock&) { return true; },
        [&](const Event& e) { events.push_back(e); });
    return events;
}

}  // namespace stillpoint
