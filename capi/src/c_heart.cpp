// The sp_heart_* entry points of stillpoint.h: a HeartMonitor behind a handle.
#include "c_heart.hpp"

#include <cmath>
#include <cstring>

#include "exception_guard.hpp"

extern "C" {

sp_result sp_heart_create(sp_heart** heart) {
    if (heart == nullptr) return SP_ERROR_NULL_POINTER;
    *heart = nullptr;
    return stillpoint::capi::guarded([&] {
        *heart = new sp_heart;
        return SP_OK;
    });
}

void sp_heart_destroy(sp_heart* heart) {
    delete heart;
}

sp_result sp_heart_push_rr(sp_heart* heart, double rr_ms) {
    if (heart == nullptr) return SP_ERROR_NULL_POINTER;
    return heart->monitor.pushRr(rr_ms) ? SP_OK : SP_ERROR_QUEUE_FULL;
}

sp_result sp_heart_push_measurement(sp_heart* heart, const uint8_t* bytes, size_t size) {
    if (heart == nullptr || (bytes == nullptr && size > 0)) return SP_ERROR_NULL_POINTER;
    const stillpoint::heart::HeartRateParse parse = heart->monitor.pushMeasurement(bytes, size);
    std::memcpy(heart->error, parse.error, sizeof heart->error);
    return parse.ok ? SP_OK : SP_ERROR_INVALID_ARGUMENT;
}

const char* sp_heart_error_message(const sp_heart* heart) {
    return heart == nullptr ? "" : heart->error;
}

sp_result sp_heart_update(sp_heart* heart, double now_seconds) {
    if (heart == nullptr) return SP_ERROR_NULL_POINTER;
    if (!std::isfinite(now_seconds)) return SP_ERROR_INVALID_ARGUMENT;
    heart->monitor.update(now_seconds);
    if (auto* follow = heart->follow.load(std::memory_order_acquire))
        follow->tick(now_seconds, heart->monitor);
    return SP_OK;
}

sp_result sp_heart_get_state(const sp_heart* heart, sp_heart_state* state) {
    if (heart == nullptr || state == nullptr) return SP_ERROR_NULL_POINTER;
    const stillpoint::heart::HeartState s = heart->monitor.state();
    state->live = s.live ? 1 : 0;
    state->heart_rate_bpm = s.heartRateBpm;
    state->coherence_valid = s.coherenceValid ? 1 : 0;
    state->coherence = s.coherence;
    state->rhythm_per_minute = s.rhythmPerMinute;
    state->accepted = s.counts.accepted;
    state->out_of_range = s.counts.outOfRange;
    state->jumps = s.counts.jumps;
    state->dropped = s.dropped;
    return SP_OK;
}

}  // extern "C"
