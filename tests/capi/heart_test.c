/* The heart stream through the C API: RR intervals and 0x2A37 packets in,
 * heart rate, artefact counts and coherence out; bad packets refused with
 * their reason; misuse returns errors. A `pace: resonance` session loads
 * once the listener's resonance pace is given, and breathes it. */
#include <math.h>
#include <string.h>

#include "fixtures.h"
#include "test_runner.h"

static void intervals_give_heart_rate_and_counts(void) {
    sp_heart* heart = NULL;
    sp_heart_state state;
    REQUIRE_OK(sp_heart_create(&heart));
    CHECK_OK(sp_heart_push_rr(heart, 1000.0));
    CHECK_OK(sp_heart_push_rr(heart, 1000.0));
    CHECK_OK(sp_heart_push_rr(heart, 250.0));  /* out of range */
    CHECK_OK(sp_heart_push_rr(heart, 1500.0)); /* a jump */
    CHECK_OK(sp_heart_push_rr(heart, 1000.0));
    CHECK_OK(sp_heart_update(heart, 3.0));
    CHECK_OK(sp_heart_get_state(heart, &state));
    CHECK(state.live == 1);
    CHECK(fabs(state.heart_rate_bpm - 60.0) < 1e-9);
    CHECK(state.accepted == 3);
    CHECK(state.out_of_range == 1);
    CHECK(state.jumps == 1);
    CHECK(state.dropped == 0);
    CHECK(state.coherence_valid == 0);
    /* The five intervals placed one after another from 3 s end at 6.75 s; 5 s on: */
    CHECK_OK(sp_heart_update(heart, 11.8));
    CHECK_OK(sp_heart_get_state(heart, &state));
    CHECK(state.live == 0);
    sp_heart_destroy(heart);
}

static void a_slow_steady_rhythm_is_coherent(void) {
    sp_heart* heart = NULL;
    sp_heart_state state;
    double t = 0.0;
    REQUIRE_OK(sp_heart_create(&heart));
    while (t < 90.0) { /* heart rate 66 +- 6 beats/min at 6 breaths a minute */
        const double rr = 60000.0 / (66.0 + 6.0 * cos(2.0 * 3.14159265358979 * 0.1 * t));
        t += rr / 1000.0;
        CHECK_OK(sp_heart_push_rr(heart, rr));
        CHECK_OK(sp_heart_update(heart, t));
    }
    CHECK_OK(sp_heart_get_state(heart, &state));
    CHECK(state.coherence_valid == 1);
    CHECK(state.coherence > 0.9);
    CHECK(fabs(state.rhythm_per_minute - 6.0) < 1.0);
    sp_heart_destroy(heart);
}

static void measurement_packets_push_their_intervals(void) {
    sp_heart* heart = NULL;
    sp_heart_state state;
    /* flags: 8-bit rate, contact detected, RR present; 64 bpm; RR 1024 and 1024 (1 s each) */
    const uint8_t packet[] = {0x16, 64, 0x00, 0x04, 0x00, 0x04};
    const uint8_t odd[] = {0x10, 64, 0x00};
    REQUIRE_OK(sp_heart_create(&heart));
    CHECK_OK(sp_heart_push_measurement(heart, packet, sizeof packet));
    CHECK(strcmp(sp_heart_error_message(heart), "") == 0);
    CHECK_RESULT(sp_heart_push_measurement(heart, odd, sizeof odd), SP_ERROR_INVALID_ARGUMENT);
    CHECK(strcmp(sp_heart_error_message(heart),
                 "heart rate measurement (0x2A37): the RR field from byte 2 has 1 bytes, an odd "
                 "count; each RR interval is 2 bytes") == 0);
    CHECK_OK(sp_heart_update(heart, 2.0));
    CHECK_OK(sp_heart_get_state(heart, &state));
    CHECK(state.accepted == 2);
    CHECK(fabs(state.heart_rate_bpm - 60.0) < 1e-9);
    sp_heart_destroy(heart);
}

static void a_full_queue_and_misuse_are_errors(void) {
    sp_heart* heart = NULL;
    sp_heart_state state;
    int i;
    REQUIRE_OK(sp_heart_create(&heart));
    for (i = 0; i < 256; ++i) CHECK_OK(sp_heart_push_rr(heart, 900.0));
    CHECK_RESULT(sp_heart_push_rr(heart, 900.0), SP_ERROR_QUEUE_FULL);
    CHECK_OK(sp_heart_get_state(heart, &state));
    CHECK(state.dropped == 1);
    CHECK_RESULT(sp_heart_update(heart, NAN), SP_ERROR_INVALID_ARGUMENT);
    CHECK_RESULT(sp_heart_push_measurement(heart, NULL, 3), SP_ERROR_NULL_POINTER);
    CHECK_RESULT(sp_heart_get_state(heart, NULL), SP_ERROR_NULL_POINTER);
    CHECK_RESULT(sp_heart_push_rr(NULL, 900.0), SP_ERROR_NULL_POINTER);
    CHECK_RESULT(sp_heart_update(NULL, 1.0), SP_ERROR_NULL_POINTER);
    CHECK_RESULT(sp_heart_create(NULL), SP_ERROR_NULL_POINTER);
    CHECK(strcmp(sp_heart_error_message(NULL), "") == 0);
    sp_heart_destroy(heart);
    sp_heart_destroy(NULL);
}

static const char kResonanceSession[] =
    "title: Heart\n"
    "sections:\n"
    "  - name: One\n"
    "    steps:\n"
    "      - breathe: {cycles: 4, pace: resonance}\n";

static void a_resonance_session_breathes_the_pace_given(void) {
    enum { kBlock = 1024 };
    const double rate = 16000.0;
    sp_engine* engine = NULL;
    static sp_test_audio audio;
    sp_event event;
    int64_t inhales[8];
    int count = 0, blocks = 0;
    sp_test_audio_init(&audio);
    REQUIRE_OK(sp_create(&engine));
    /* Without the listener's pace it cannot be planned; the error says where. */
    CHECK_RESULT(
        sp_load_session(engine, kResonanceSession, strlen(kResonanceSession), "heart.yaml"),
        SP_ERROR_INVALID_SESSION);
    CHECK(strstr(sp_error_message(engine), "pace: resonance needs the listener's resonance pace") !=
          NULL);
    CHECK(sp_error_line(engine) == 5);
    /* Only the range a pace set from heart data keeps to. */
    CHECK_RESULT(sp_set_resonance_pace(engine, 7.5), SP_ERROR_INVALID_ARGUMENT);
    CHECK(strcmp(sp_error_message(engine),
                 "resonance pace 7.5 breaths/min is outside 4.5..7; give the listener's "
                 "resonance pace (stillpoint resonance), or 0 for none") == 0);
    CHECK_RESULT(sp_set_resonance_pace(engine, 4.4), SP_ERROR_INVALID_ARGUMENT);
    CHECK_RESULT(sp_set_resonance_pace(engine, NAN), SP_ERROR_INVALID_ARGUMENT);
    CHECK_RESULT(sp_set_resonance_pace(NULL, 5.0), SP_ERROR_NULL_POINTER);
    CHECK_OK(sp_set_resonance_pace(engine, 5.0));
    REQUIRE_OK(sp_load_session(engine, kResonanceSession, strlen(kResonanceSession), "heart.yaml"));
    REQUIRE_OK(sp_prepare(engine, rate, kBlock, SP_LAYOUT_STEREO));
    /* Four breaths at 5/min: inhales 12 s apart, to the sample. */
    while (count < 4 && blocks++ < (int)(60.0 * rate / kBlock)) {
        if (sp_test_render(engine, &audio, 2, kBlock, 1) < 0.0f) break;
        while (sp_poll_event(engine, &event) == SP_OK)
            if (event.type == SP_EVENT_PHASE_CHANGED && event.index == SP_PHASE_INHALE && count < 8)
                inhales[count++] = event.sample;
    }
    REQUIRE(count >= 3);
    CHECK(fabs((double)(inhales[1] - inhales[0]) / rate - 12.0) < 1e-3);
    CHECK(fabs((double)(inhales[2] - inhales[1]) / rate - 12.0) < 1e-3);
    /* 0 clears it: the next load fails again, the playing session stays. */
    CHECK_OK(sp_set_resonance_pace(engine, 0.0));
    CHECK_RESULT(
        sp_load_session(engine, kResonanceSession, strlen(kResonanceSession), "heart.yaml"),
        SP_ERROR_INVALID_SESSION);
    sp_destroy(engine);
}

int main(void) {
    static const sp_test_case cases[] = {
        SP_TEST_CASE(intervals_give_heart_rate_and_counts),
        SP_TEST_CASE(a_slow_steady_rhythm_is_coherent),
        SP_TEST_CASE(measurement_packets_push_their_intervals),
        SP_TEST_CASE(a_full_queue_and_misuse_are_errors),
        SP_TEST_CASE(a_resonance_session_breathes_the_pace_given),
    };
    return sp_test_main(cases, (int)(sizeof cases / sizeof cases[0]));
}
