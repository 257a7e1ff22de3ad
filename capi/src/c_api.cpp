// The C entry points of stillpoint.h: null checks, then the EmbeddedEngine,
// every body inside guarded() so no exception reaches C.
#include <cstring>
#include <string>

#include "c_heart.hpp"
#include "embedded_engine.hpp"
#include "exception_guard.hpp"
#include "stillpoint/stillpoint.h"

struct sp_engine {
    stillpoint::capi::EmbeddedEngine engine;
};

using stillpoint::capi::guarded;

namespace {

// One record of the planned timeline, with the API's result codes.
template <typename Record>
sp_result timelineRecord(const sp_engine* engine, int32_t index, Record* out,
                         const std::vector<Record>& (stillpoint::capi::CTimeline::*records)()
                             const noexcept) {
    if (engine == nullptr || out == nullptr) return SP_ERROR_NULL_POINTER;
    const auto* timeline = engine->engine.timeline();
    if (timeline == nullptr) return SP_ERROR_NOT_PREPARED;
    const auto& all = (timeline->*records)();
    if (index < 0 || static_cast<std::size_t>(index) >= all.size())
        return SP_ERROR_INVALID_ARGUMENT;
    *out = all[static_cast<std::size_t>(index)];
    return SP_OK;
}

template <typename Record>
sp_result timelineCount(const sp_engine* engine, int32_t* count,
                        const std::vector<Record>& (stillpoint::capi::CTimeline::*records)()
                            const noexcept) {
    if (engine == nullptr || count == nullptr) return SP_ERROR_NULL_POINTER;
    const auto* timeline = engine->engine.timeline();
    if (timeline == nullptr) return SP_ERROR_NOT_PREPARED;
    *count = static_cast<int32_t>((timeline->*records)().size());
    return SP_OK;
}

}  // namespace

extern "C" {

const char* sp_version_string(void) {
    return SP_VERSION_STRING;
}
int sp_abi_version(void) {
    return SP_ABI_VERSION;
}

sp_result sp_create(sp_engine** engine) {
    if (engine == nullptr) return SP_ERROR_NULL_POINTER;
    *engine = nullptr;
    return guarded([&] {
        *engine = new sp_engine;
        return SP_OK;
    });
}

void sp_destroy(sp_engine* engine) {
    delete engine;
}  // destructors never throw

sp_result sp_load_session(sp_engine* engine, const char* text, size_t size, const char* name) {
    if (engine == nullptr || (text == nullptr && size > 0)) return SP_ERROR_NULL_POINTER;
    return guarded([&] {
        return engine->engine.loadText(std::string(text == nullptr ? "" : text, size),
                                       name ? name : "");
    });
}

sp_result sp_load_session_file(sp_engine* engine, const char* path) {
    if (engine == nullptr || path == nullptr) return SP_ERROR_NULL_POINTER;
    return guarded([&] { return engine->engine.loadFile(path); });
}

sp_result sp_set_resonance_pace(sp_engine* engine, double bpm) {
    if (engine == nullptr) return SP_ERROR_NULL_POINTER;
    return guarded([&] { return engine->engine.setResonancePace(bpm); });
}

const char* sp_error_message(const sp_engine* engine) {
    return engine ? engine->engine.error().message.c_str() : "";
}
const char* sp_error_file(const sp_engine* engine) {
    return engine ? engine->engine.error().file.c_str() : "";
}
int sp_error_line(const sp_engine* engine) {
    return engine ? engine->engine.error().line : 0;
}
int sp_error_column(const sp_engine* engine) {
    return engine ? engine->engine.error().column : 0;
}

sp_result sp_prepare(sp_engine* engine, double sample_rate, int max_block_frames,
                     sp_layout layout) {
    if (engine == nullptr) return SP_ERROR_NULL_POINTER;
    return guarded([&] { return engine->engine.prepare(sample_rate, max_block_frames, layout); });
}

sp_result sp_get_preparation(sp_engine* engine, int* lines_ready, int* lines_total) {
    if (engine == nullptr) return SP_ERROR_NULL_POINTER;
    return guarded([&] {
        int ready = 0, total = 0;
        const sp_result result = engine->engine.preparation(ready, total);
        if (lines_ready) *lines_ready = ready;
        if (lines_total) *lines_total = total;
        return result;
    });
}

sp_result sp_wait_for_preparation(sp_engine* engine) {
    if (engine == nullptr) return SP_ERROR_NULL_POINTER;
    return guarded([&] { return engine->engine.waitForPreparation(); });
}

sp_result sp_process(sp_engine* engine, float* const* outputs, int channels, int frames) {
    if (engine == nullptr || outputs == nullptr) return SP_ERROR_NULL_POINTER;
    return guarded([&] { return engine->engine.process(outputs, channels, frames); });
}

sp_result sp_get_position(const sp_engine* engine, int64_t* played_frames, int64_t* length_frames) {
    if (engine == nullptr) return SP_ERROR_NULL_POINTER;
    std::int64_t played = 0, length = 0;
    engine->engine.position(played, length);
    if (played_frames) *played_frames = played;
    if (length_frames) *length_frames = length;
    return SP_OK;
}

sp_result sp_attach_heart(sp_engine* engine, const sp_heart* heart) {
    if (engine == nullptr) return SP_ERROR_NULL_POINTER;
    engine->engine.attachHeart(heart);
    return SP_OK;
}

sp_result sp_get_status(const sp_engine* engine, sp_status* status) {
    if (engine == nullptr || status == nullptr) return SP_ERROR_NULL_POINTER;
    return guarded([&] { return engine->engine.status(*status); });
}

sp_result sp_get_timeline_length(const sp_engine* engine, int64_t* length_frames) {
    if (engine == nullptr || length_frames == nullptr) return SP_ERROR_NULL_POINTER;
    const auto* timeline = engine->engine.timeline();
    if (timeline == nullptr) return SP_ERROR_NOT_PREPARED;
    *length_frames = timeline->lengthFrames();
    return SP_OK;
}

sp_result sp_get_timeline_section_count(const sp_engine* engine, int32_t* count) {
    return timelineCount(engine, count, &stillpoint::capi::CTimeline::sections);
}

sp_result sp_get_timeline_section(const sp_engine* engine, int32_t index,
                                  sp_timeline_section* section) {
    return timelineRecord(engine, index, section, &stillpoint::capi::CTimeline::sections);
}

sp_result sp_get_timeline_line_count(const sp_engine* engine, int32_t* count) {
    return timelineCount(engine, count, &stillpoint::capi::CTimeline::lines);
}

sp_result sp_get_timeline_line(const sp_engine* engine, int32_t index, sp_timeline_line* line) {
    return timelineRecord(engine, index, line, &stillpoint::capi::CTimeline::lines);
}

sp_result sp_command(sp_engine* engine, sp_command_type command, double value) {
    if (engine == nullptr) return SP_ERROR_NULL_POINTER;
    return guarded([&] { return engine->engine.command(command, value); });
}

sp_result sp_set_parameter(sp_engine* engine, sp_param param, double value) {
    if (engine == nullptr) return SP_ERROR_NULL_POINTER;
    return guarded([&] { return engine->engine.setParameter(param, value); });
}

sp_result sp_get_parameter(const sp_engine* engine, sp_param param, double* value) {
    if (engine == nullptr || value == nullptr) return SP_ERROR_NULL_POINTER;
    return guarded([&] { return engine->engine.getParameter(param, *value); });
}

sp_result sp_poll_event(sp_engine* engine, sp_event* event) {
    if (engine == nullptr || event == nullptr) return SP_ERROR_NULL_POINTER;
    return guarded([&] { return engine->engine.pollEvent(*event); });
}

sp_result sp_get_state(const sp_engine* engine, char* buffer, size_t capacity, size_t* size) {
    if (engine == nullptr || size == nullptr) return SP_ERROR_NULL_POINTER;
    return guarded([&] {
        std::string state;
        if (const sp_result r = engine->engine.getState(state); r != SP_OK) return r;
        *size = state.size();
        if (buffer == nullptr || capacity <= state.size()) return SP_ERROR_BUFFER_TOO_SMALL;
        std::memcpy(buffer, state.c_str(), state.size() + 1);
        return SP_OK;
    });
}

sp_result sp_set_state(sp_engine* engine, const char* state, size_t size) {
    if (engine == nullptr || state == nullptr) return SP_ERROR_NULL_POINTER;
    return guarded([&] { return engine->engine.setState(std::string_view(state, size)); });
}

}  // extern "C"
