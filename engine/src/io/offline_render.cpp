#include "stillpoint/offline_render.hpp"

#include <algorithm>
#include <cctype>
#include <string>

#include "io/audio_file_writer.hpp"

namespace stillpoint {
namespace {

std::string lowercaseExtension(std::string_view path) {
    const auto dot = path.rfind('.');
    if (dot == std::string_view::npos) return {};
    std::string ext(path.substr(dot + 1));
    for (char& c : ext) c = static_cast<char>(std::tolower(static_cast<unsigned char>(c)));
    return ext;
}

// Drives an Engine from start to finish in fixed blocks, handing each block
// (interleaved) to `consume`.
template <typename Consume>
bool driveEngine(Engine& engine, int blockFrames, Consume&& consume) {
    const int channels = engine.outputChannels();
    std::vector<float> planar(static_cast<std::size_t>(blockFrames * channels));
    std::vector<float> interleaved(planar.size());
    float* out[3] = {};
    for (int c = 0; c < channels; ++c)
        out[c] = planar.data() + static_cast<std::size_t>(c * blockFrames);
    const std::int64_t total = engine.lengthFrames();
    for (std::int64_t done = 0; done < total;) {
        const int n = static_cast<int>(std::min<std::int64_t>(blockFrames, total - done));
        engine.process(out, n);
        for (int i = 0; i < n; ++i)
            for (int c = 0; c < channels; ++c)
                interleaved[static_cast<std::size_t>(i * channels + c)] = out[c][i];
        if (!consume(interleaved.data(), n, done + n, total)) return false;
        done += n;
    }
    return true;
}

// Files and event lists render in blocks this large (any size gives the same audio).
constexpr int kFileBlockFrames = 4096;

/// Loads `program` into `engine` and prepares it for rendering in `blockFrames` blocks.
void prepareToRender(Engine& engine, std::shared_ptr<const Program> program, const EngineConfig& config,
                     int blockFrames) {
    EngineConfig c = config;
    c.maxBlockFrames = std::max(blockFrames, 1);
    engine.load(std::move(program));
    engine.prepare(c);
}

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
    driveEngine(engine, engine.config().maxBlockFrames, [&](const float* data, int n, std::int64_t, std::int64_t) {
        audio.interleaved.insert(audio.interleaved.end(), data, data + n * audio.channels);
        Event e;
        while (engine.popEvent(e)) audio.events.push_back(e);
        return true;
    });
    Event e;
    while (engine.popEvent(e)) audio.events.push_back(e);
    return audio;
}

FileRenderResult renderProgramToFile(std::shared_ptr<const Program> program,
                                     const EngineConfig& config, const std::string& path,
                                     const std::function<bool(double)>& progress) {
    FileRenderResult result;
    const auto format = audioFileFormatFor(path);
    if (!format) {
        result.error =
            path + ": unknown output format; use a " + std::string(kAudioFileExtensions) + " file name";
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
    std::int64_t lastReport = 0;
    const bool rendered = driveEngine(
        engine, kFileBlockFrames, [&](const float* data, int n, std::int64_t done, std::int64_t total) {
            if (!writer.write(data, n)) return false;
            Event e;
            while (engine.popEvent(e)) result.events.push_back(e);
            if (progress && (done - lastReport >= total / 200 || done == total)) {
                lastReport = done;
                if (!progress(static_cast<double>(done) / static_cast<double>(total))) {
                    result.interrupted = true;
                    return false;
                }
            }
            return true;
        });
    if (result.interrupted) {  // the writer's destructor removes the temporary
        result.error = path + ": interrupted; the file was not written (an earlier one there is "
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
    driveEngine(engine, kFileBlockFrames, [&](const float*, int, std::int64_t, std::int64_t) {
        Event e;
        while (engine.popEvent(e)) events.push_back(e);
        return true;
    });
    return events;
}

}  // namespace stillpoint
