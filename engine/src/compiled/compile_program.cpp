// compileProgram and compiledEngineConfig: the loudness calibration measured
// once, where the session is compiled, and given back where it plays.
#include "graph/loudness_analysis.hpp"
#include "stillpoint/compiled_session.hpp"

namespace stillpoint {

CompiledSession compileProgram(std::shared_ptr<const Program> program, const EngineConfig& config) {
    CompiledSession session;
    session.sampleRate = config.sampleRate;
    session.channels = config.channels;
    session.targetLufs = config.targetLufs;
    session.truePeakCeilingDb = config.truePeakCeilingDb;
    if (program) {
        const Calibration calibration =
            calibrateProgram(*program, config, kMaxCalibrationCutDb, kMaxCalibrationBoostDb);
        session.masterGainDb = calibration.masterGainDb;
        session.voiceTrimDb = calibration.voiceTrimDb;
    }
    session.program = std::move(program);
    return session;
}

EngineConfig compiledEngineConfig(const CompiledSession& session, int maxBlockFrames) {
    EngineConfig config;
    config.sampleRate = session.sampleRate;
    config.channels = session.channels;
    config.maxBlockFrames = maxBlockFrames;
    config.targetLufs = session.targetLufs;
    config.truePeakCeilingDb = session.truePeakCeilingDb;
    config.calibrateLoudness = false;
    return config;
}

void prepareCompiledEngine(Engine& engine, const CompiledSession& session,
                           const EngineConfig& config) {
    engine.load(session.program);
    engine.setLoudnessGains(session.masterGainDb, session.voiceTrimDb);
    engine.prepare(config);
}

}  // namespace stillpoint
