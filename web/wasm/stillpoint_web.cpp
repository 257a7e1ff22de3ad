// The web build's C ABI: a compiled session (stillpoint/compiled_session.hpp)
// played by the engine inside an AudioWorkletProcessor. It speaks the C API's
// vocabulary (sp_command_type, sp_param, sp_event_type from stillpoint.h,
// converted by the C API's own tables), so the JavaScript module mirrors the
// C API without a second list of commands.
//
// stillpoint_web.h declares the functions and their thread rules: one thread
// (the audio worklet's) owns a player; the audio path never allocates.
#include "stillpoint_web.h"

#include <cmath>
#include <cstdint>
#include <cstdlib>
#include <cstring>
#include <memory>
#include <new>
#include <optional>
#include <string>
#include <utility>
#include <vector>

#include "enum_conversion.hpp"
#include "parameters.hpp"
#include "stillpoint/command_vocabulary.hpp"
#include "stillpoint/compiled_session.hpp"
#include "stillpoint/engine.hpp"
#include "stillpoint/heart_monitor.hpp"
#include "stillpoint/heart_pace.hpp"

#if defined(__wasm__)
#define SP_WEB_EXPORT(name) extern "C" __attribute__((export_name(#name)))
#else
#define SP_WEB_EXPORT(name) extern "C"
#endif

using namespace stillpoint;
using Player = sp_web_player;

namespace {

/// What JavaScript reads after each block: one double per field, in the order
/// sp_web_state_field_name gives (the one list of the fields' names).
#define SP_WEB_STATE_FIELDS(X)                      \
    X(sampleRate, state.sampleRate)                 \
    X(outputSample, state.outputSample)             \
    X(sessionSample, state.sessionSample)           \
    X(section, state.section)                       \
    X(sectionStart, state.sectionStart)             \
    X(sectionLength, state.sectionLength)           \
    X(step, state.step)                             \
    X(remainingFrames, state.remainingFrames)       \
    X(endSample, state.endSample)                   \
    X(remainingAtLeast, state.remainingAtLeast)     \
    X(lineStep, state.lineStep)                     \
    X(lineIndex, state.lineIndex)                   \
    X(lineStart, state.lineStart)                   \
    X(lineEnd, state.lineEnd)                       \
    X(started, state.started)                       \
    X(waitingForContinue, state.waitingForContinue) \
    X(groundingActive, state.groundingActive)       \
    X(paused, state.paused)                         \
    X(holding, state.holding)                       \
    X(finished, state.finished)                     \
    X(paceBpm, state.paceBpm)                       \
    X(breathPhase, state.breathPhase)               \
    X(patternChoice, state.patternChoice)           \
    X(patternIndex, state.patternIndex)             \
    X(hapticIntensity, engine.hapticIntensity())    \
    X(heartConnected, state.heart.connected)        \
    X(heartLive, state.heart.live)                  \
    X(heartRateBpm, state.heart.heartRateBpm)       \
    X(coherenceValid, state.heart.coherenceValid)   \
    X(coherence, state.heart.coherence)             \
    X(heartBeats, state.heart.beats)                \
    X(heartArtefacts, state.heart.artefacts)        \
    X(heartFollowedPaceBpm, state.heart.followedPaceBpm)

#define SP_WEB_COUNT(name, value) +1
constexpr int kStateFields = 0 SP_WEB_STATE_FIELDS(SP_WEB_COUNT);
#define SP_WEB_NAME(name, value) #name,
constexpr const char* kStateFieldNames[kStateFields] = {SP_WEB_STATE_FIELDS(SP_WEB_NAME)};

/// The event JavaScript reads: type (sp_event_type), index, value, sample, session sample.
constexpr int kEventFields = 5;

/// The longest notification Bluetooth can deliver (an ATT attribute value).
constexpr std::size_t kHeartInboxBytes = 512;

}  // namespace

struct sp_web_player {
    Engine engine;
    CompiledSession session;
    int maxBlockFrames = 128;
    std::vector<std::vector<float>> buffers;  ///< audio channels, then the haptic one
    std::vector<float*> pointers;
    double stateOut[kStateFields] = {};
    double eventOut[kEventFields] = {};
    bool hapticsOn = true;  ///< the listener's switch and cap, set one at a time
    double hapticCap = 1.0;
    /// The listener's heart, as the C API's sp_heart beside its engine.
    heart::HeartMonitor heart;
    bool heartAttached = false;  ///< sp_web_attach_heart: the state carries the heart
    /// The live follow of the heart (heart_pace.hpp), as the C API's: it hears
    /// the events sp_web_poll_event hands out and ticks in sp_web_heart_update.
    std::optional<heart::HeartPaceFollower> follower;
    /// The heart's clock minus the engine's output clock (the worklet's heart
    /// runs on the audio context's clock, which also counts before play).
    double followOffsetSeconds = 0.0;
    bool followCatchUp = false;  ///< attached: tell the follower where the session stands
    bool listenersPace =
        false;  ///< a pace the listener set (SP_COMMAND_PACE) wins over the heart's
    std::uint8_t heartInbox[kHeartInboxBytes] = {};  ///< where JavaScript copies a notification
    char heartError[sizeof(heart::HeartRateParse::error)] = {};
};

namespace {

std::string lastError;

/// One of the engine's events to the follow, moved onto the heart's clock.
void hearFollow(Player& player, Event event) noexcept {
    event.sample += std::llround(player.followOffsetSeconds * player.session.sampleRate);
    player.follower->onEvent(event);
}

}  // namespace

/// Bytes for JavaScript to copy a session into (freed with sp_web_free).
SP_WEB_EXPORT(sp_web_alloc) void* sp_web_alloc(std::size_t bytes) {
    return std::malloc(bytes);
}
SP_WEB_EXPORT(sp_web_free) void sp_web_free(void* pointer) {
    std::free(pointer);
}

/// Why the last sp_web_create failed (NUL-terminated, UTF-8).
SP_WEB_EXPORT(sp_web_last_error) const char* sp_web_last_error() {
    return lastError.c_str();
}

/// A player for the compiled session in `json` and `clips`, rendering blocks
/// of up to `max_block_frames`. `haptic_track` 1 adds the haptic envelope as
/// one more output channel (and haptic taps to the events). Null on failure:
/// sp_web_last_error says why.
SP_WEB_EXPORT(sp_web_create)
Player* sp_web_create(const char* json, std::size_t jsonBytes, const std::uint8_t* clips,
                      std::size_t clipBytes, int maxBlockFrames, int hapticTrack) {
    auto read = decodeCompiledSession(std::string_view(json, jsonBytes),
                                      std::span<const std::uint8_t>(clips, clipBytes),
                                      kCompiledProgramFile);
    if (!read.session) {
        lastError = read.error;
        return nullptr;
    }
    if (maxBlockFrames < 1 || maxBlockFrames > capi::kMaxBlockFrames) {
        lastError = "max_block_frames " + std::to_string(maxBlockFrames) +
                    " is out of range; use 1 to " + std::to_string(capi::kMaxBlockFrames);
        return nullptr;
    }
    auto* player = new (std::nothrow) Player;
    if (!player) {
        lastError = "out of memory";
        return nullptr;
    }
    player->session = std::move(*read.session);
    player->maxBlockFrames = maxBlockFrames;
    EngineConfig config = compiledEngineConfig(player->session, maxBlockFrames);
    if (hapticTrack) config.haptics.signal = HapticSignal::Envelope;
    config.waitAtCheckins = true;  // a listener is there: check-ins wait for Continue
    prepareCompiledEngine(player->engine, player->session, config);
    const int channels = player->engine.outputChannels();
    player->buffers.assign(static_cast<std::size_t>(channels),
                           std::vector<float>(static_cast<std::size_t>(maxBlockFrames), 0.0f));
    for (auto& buffer : player->buffers) player->pointers.push_back(buffer.data());
    player->follower.emplace(player->session.program, player->session.sampleRate);
    lastError.clear();
    return player;
}

SP_WEB_EXPORT(sp_web_destroy) void sp_web_destroy(Player* player) {
    delete player;
}

/// Output channels: the session's audio (1 or 2), plus the haptic one if asked for.
SP_WEB_EXPORT(sp_web_output_channels) int sp_web_output_channels(const Player* player) {
    return static_cast<int>(player->buffers.size());
}
/// Channel `channel`'s samples of the last block.
SP_WEB_EXPORT(sp_web_output) const float* sp_web_output(const Player* player, int channel) {
    return player->pointers[static_cast<std::size_t>(channel)];
}
SP_WEB_EXPORT(sp_web_sample_rate) double sp_web_sample_rate(const Player* player) {
    return player->session.sampleRate;
}

/// Renders `frames` (<= the maximum block) into the output channels.
SP_WEB_EXPORT(sp_web_process) int sp_web_process(Player* player, int frames) {
    if (frames < 0 || frames > player->maxBlockFrames) return SP_ERROR_BLOCK_TOO_LARGE;
    player->engine.process(player->pointers.data(), frames);
    return SP_OK;
}

/// A command of the C API's vocabulary (sp_command; value for pace and pattern).
SP_WEB_EXPORT(sp_web_command) int sp_web_command(Player* player, int command, double value) {
    const auto type = capi::toCommandType(static_cast<sp_command_type>(command));
    if (!type) return SP_ERROR_INVALID_ARGUMENT;
    if (*type == CommandType::SetPace && !capi::isValidParameterValue(SP_PARAM_PACE_BPM, value))
        return SP_ERROR_INVALID_ARGUMENT;
    if (*type == CommandType::SetPattern && !capi::isValidParameterValue(SP_PARAM_PATTERN, value))
        return SP_ERROR_INVALID_ARGUMENT;
    Command out{*type, 0, 0.0};
    if (*type == CommandType::SetPace) {
        out.value = value;
        player->listenersPace = value != 0.0;
    }
    if (*type == CommandType::SetPattern) out.index = static_cast<int>(value);
    return player->engine.pushCommand(out) ? SP_OK : SP_ERROR_QUEUE_FULL;
}

/// A parameter of the C API's (sp_param): layer levels in dB, haptics on and
/// cap, waiting at check-ins. Pace and pattern go through sp_web_command.
SP_WEB_EXPORT(sp_web_set_parameter)
int sp_web_set_parameter(Player* player, int param, double value) {
    const auto p = static_cast<sp_param>(param);
    if (!capi::isKnownParameter(p)) return SP_ERROR_INVALID_ARGUMENT;
    if (!capi::isValidParameterValue(p, value)) return SP_ERROR_INVALID_ARGUMENT;
    if (const auto layer = capi::layerOf(p))
        return player->engine.pushCommand(
                   {CommandType::SetLayerGain, static_cast<int>(*layer), value})
                   ? SP_OK
                   : SP_ERROR_QUEUE_FULL;
    if (p == SP_PARAM_HAPTICS_ON || p == SP_PARAM_HAPTIC_CAP) {
        if (p == SP_PARAM_HAPTICS_ON)
            player->hapticsOn = value != 0.0;
        else
            player->hapticCap = value;
        player->engine.setHaptics(player->hapticsOn, player->hapticCap);
        return SP_OK;
    }
    if (p == SP_PARAM_WAIT_AT_CHECKINS) {
        player->engine.setWaitAtCheckins(value != 0.0);
        return SP_OK;
    }
    return SP_ERROR_INVALID_ARGUMENT;
}

/// The next event as kEventFields doubles (type, index, value, sample,
/// session sample); null when there is none.
SP_WEB_EXPORT(sp_web_poll_event) const double* sp_web_poll_event(Player* player) {
    Event event;
    if (!player->engine.popEvent(event)) return nullptr;
    if (player->heartAttached) hearFollow(*player, event);
    const sp_event out = capi::toCEvent(event);
    player->eventOut[0] = out.type;
    player->eventOut[1] = out.index;
    player->eventOut[2] = out.value;
    player->eventOut[3] = static_cast<double>(out.sample);
    player->eventOut[4] = static_cast<double>(out.session_sample);
    return player->eventOut;
}

SP_WEB_EXPORT(sp_web_state_field_count) int sp_web_state_field_count() {
    return kStateFields;
}
SP_WEB_EXPORT(sp_web_state_field_name) const char* sp_web_state_field_name(int field) {
    return field >= 0 && field < kStateFields ? kStateFieldNames[field] : "";
}

/// The session state as of the last block: sp_web_state_field_count doubles.
SP_WEB_EXPORT(sp_web_state) const double* sp_web_state(Player* player) {
    const Engine& engine = player->engine;
    const SessionState state = engine.state();
    int field = 0;
#define SP_WEB_STORE(name, value) player->stateOut[field++] = static_cast<double>(value);
    SP_WEB_STATE_FIELDS(SP_WEB_STORE)
    return player->stateOut;
}

/// Built-in breath patterns (the SP_COMMAND_PATTERN values 1..count).
SP_WEB_EXPORT(sp_web_preset_count) int sp_web_preset_count() {
    return static_cast<int>(breathPresets().size());
}
SP_WEB_EXPORT(sp_web_preset_name) const char* sp_web_preset_name(int index) {
    const auto& presets = breathPresets();
    return index >= 0 && static_cast<std::size_t>(index) < presets.size()
               ? presets[static_cast<std::size_t>(index)].name.c_str()
               : "";
}

/// The command vocabulary (command_vocabulary.hpp), so JavaScript names
/// commands as every other front end does: entry `index`'s name and its
/// sp_command_type value (-1: a parameter instead, as `volume`).
SP_WEB_EXPORT(sp_web_command_count) int sp_web_command_count() {
    return static_cast<int>(kCommandVocabulary.size());
}
SP_WEB_EXPORT(sp_web_command_name) const char* sp_web_command_name(int index) {
    // The names are literals, so NUL-terminated.
    return index >= 0 && static_cast<std::size_t>(index) < kCommandVocabulary.size()
               ? kCommandVocabulary[static_cast<std::size_t>(index)].name.data()
               : "";
}
SP_WEB_EXPORT(sp_web_command_value) int sp_web_command_value(int index) {
    return index >= 0 && static_cast<std::size_t>(index) < kCommandVocabulary.size()
               ? kCommandVocabulary[static_cast<std::size_t>(index)].cValue
               : -1;
}

// The listener's heart: the C API's sp_heart_* and sp_attach_heart on the
// player's own HeartMonitor (docs/heart.md). The figures reach the session
// state as every front end gives them, through Engine::setHeart.

namespace {

/// What the session state carries of the heart: its figures while attached.
void publishHeart(Player& player) noexcept {
    player.engine.setHeart(
        player.heartAttached
            ? heart::sessionHeart(player.heart.state(), player.follower->followedBpm())
            : SessionHeart{});
}

/// The engine's pace, as the follower asks (unless the listener set one).
void pushPace(Player& player, const Command& command) noexcept {
    if (!player.listenersPace) (void)player.engine.pushCommand(command);
}

/// Start the follow afresh (at attach and detach); a pace it set goes back to the session.
void restartFollow(Player& player) noexcept {
    if (player.follower->followedBpm() != 0.0) pushPace(player, {CommandType::SetPace, 0, 0.0});
    player.follower.emplace(player.session.program, player.session.sampleRate);
}

/// Where the session stands, for a follower that begins mid-way.
void catchUpFollow(Player& player) noexcept {
    heart::eventsWhereItStands(player.engine.state(),
                               [&player](const Event& event) { hearFollow(player, event); });
}

}  // namespace

/// sp_attach_heart: 1 makes the session state carry the heart's figures, 0 clears them.
SP_WEB_EXPORT(sp_web_attach_heart) int sp_web_attach_heart(Player* player, int attached) {
    if (player->heartAttached != (attached != 0)) {
        restartFollow(*player);
        player->followCatchUp = attached != 0;
    }
    player->heartAttached = attached != 0;
    publishHeart(*player);
    return SP_OK;
}

/// sp_heart_push_rr: one RR interval in ms, taken at the next sp_web_heart_update.
SP_WEB_EXPORT(sp_web_heart_push_rr) int sp_web_heart_push_rr(Player* player, double rrMs) {
    return player->heart.pushRr(rrMs) ? SP_OK : SP_ERROR_QUEUE_FULL;
}

/// kHeartInboxBytes bytes where JavaScript may copy a notification for
/// sp_web_heart_push_measurement (so pushing one allocates nothing).
SP_WEB_EXPORT(sp_web_heart_inbox) std::uint8_t* sp_web_heart_inbox(Player* player) {
    return player->heartInbox;
}
SP_WEB_EXPORT(sp_web_heart_inbox_bytes) std::size_t sp_web_heart_inbox_bytes() {
    return kHeartInboxBytes;
}

/// sp_heart_push_measurement: a 0x2A37 notification's bytes; a malformed one
/// pushes nothing (SP_ERROR_INVALID_ARGUMENT; sp_web_heart_error_message says why).
SP_WEB_EXPORT(sp_web_heart_push_measurement)
int sp_web_heart_push_measurement(Player* player, const std::uint8_t* bytes, std::size_t size) {
    if (bytes == nullptr && size > 0) return SP_ERROR_NULL_POINTER;
    const heart::HeartRateParse parse = player->heart.pushMeasurement(bytes, size);
    std::memcpy(player->heartError, parse.error, sizeof player->heartError);
    return parse.ok ? SP_OK : SP_ERROR_INVALID_ARGUMENT;
}

/// sp_heart_error_message: why the last notification was refused, or "".
SP_WEB_EXPORT(sp_web_heart_error_message)
const char* sp_web_heart_error_message(const Player* player) {
    return player->heartError;
}

/// sp_heart_update: take what was pushed at `now_seconds` on the consumer's
/// clock, tick the follow of the heart (before the next block: a pace it sets
/// reaches the engine there), and give the session state the heart's figures.
SP_WEB_EXPORT(sp_web_heart_update) int sp_web_heart_update(Player* player, double nowSeconds) {
    if (!std::isfinite(nowSeconds)) return SP_ERROR_INVALID_ARGUMENT;
    player->heart.update(nowSeconds);
    if (player->heartAttached) {
        // The output clock where the next block begins, on the heart's clock.
        player->followOffsetSeconds = nowSeconds - static_cast<double>(player->engine.position()) /
                                                       player->session.sampleRate;
        if (std::exchange(player->followCatchUp, false)) catchUpFollow(*player);
        const heart::FollowUpdate update = player->follower->tick(nowSeconds, player->heart);
        if (update.command && update.command->type == CommandType::SetPace)
            pushPace(*player, *update.command);
    }
    publishHeart(*player);
    return SP_OK;
}
