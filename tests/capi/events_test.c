/* Events: what the engine did, polled after each block, in order, at the
 * samples where they are heard. */
#include "fixtures.h"
#include "test_runner.h"

enum { kBlock = 480, kMaxEvents = 512 };
static sp_test_audio audio;

typedef struct recorded {
    sp_event events[kMaxEvents];
    int64_t played_after[kMaxEvents]; /* output position when each was polled */
    int count;
} recorded;

/* Play the whole session, recording every event. */
static void play_to_the_end(sp_engine* engine, recorded* out) {
    int64_t played = 0, length = 1;
    sp_event event;
    out->count = 0;
    while (played < length) {
        if (!CHECK_OK(sp_process(engine, audio.channels, 2, kBlock))) return;
        sp_get_position(engine, &played, &length);
        while (sp_poll_event(engine, &event) == SP_OK && out->count < kMaxEvents) {
            out->played_after[out->count] = played;
            out->events[out->count++] = event;
        }
    }
}

static const sp_event* find(const recorded* r, sp_event_type type, int index, int from) {
    int i;
    for (i = from; i < r->count; ++i)
        if (r->events[i].type == type && r->events[i].index == index) return &r->events[i];
    return NULL;
}

static void the_first_block_starts_session_section_step_and_bell(void) {
    sp_engine* engine = sp_test_engine(48000.0, kBlock, SP_LAYOUT_STEREO);
    sp_event e;
    REQUIRE(engine != NULL);
    CHECK_RESULT(sp_poll_event(engine, &e), SP_NO_EVENT); /* nothing before the first block */
    REQUIRE_OK(sp_process(engine, audio.channels, 2, kBlock));
    CHECK_OK(sp_poll_event(engine, &e));
    CHECK(e.type == SP_EVENT_SESSION_STARTED && e.sample == 0 && e.session_sample == 0);
    CHECK_OK(sp_poll_event(engine, &e));
    CHECK(e.type == SP_EVENT_SECTION_STARTED && e.index == 0 && e.sample == 0);
    CHECK_OK(sp_poll_event(engine, &e));
    CHECK(e.type == SP_EVENT_STEP_STARTED && e.index == 0 && e.sample == 0);
    CHECK_OK(sp_poll_event(engine, &e));
    CHECK(e.type == SP_EVENT_BELL && e.index == SP_BELL_CHIME && e.sample == 0);
    CHECK_RESULT(sp_poll_event(engine, &e), SP_NO_EVENT);
    sp_destroy(engine);
}

static void a_whole_session_in_order(void) {
    static recorded r;
    sp_engine* engine = sp_test_engine(48000.0, kBlock, SP_LAYOUT_STEREO);
    const sp_event* breathe;
    const sp_event* second;
    int64_t played = 0, length = 0;
    int i, inhales = 0, exhales = 0;
    REQUIRE(engine != NULL);
    play_to_the_end(engine, &r);
    REQUIRE(r.count > 8);
    for (i = 0; i < r.count; ++i) {
        const sp_event* e = &r.events[i];
        if (i > 0) CHECK(e->sample >= r.events[i - 1].sample);
        CHECK(e->session_sample == e->sample); /* no pause: the clocks agree */
        /* Reported with the block that renders it, up to the look-ahead early. */
        CHECK(e->sample <= r.played_after[i] + 4800);
        CHECK(e->sample >= r.played_after[i] - kBlock);
        if (e->type == SP_EVENT_PHASE_CHANGED) {
            CHECK(e->index == SP_PHASE_INHALE || e->index == SP_PHASE_EXHALE);
            inhales += e->index == SP_PHASE_INHALE;
            exhales += e->index == SP_PHASE_EXHALE;
        }
    }
    CHECK(inhales == 2 && exhales == 2);
    breathe = find(&r, SP_EVENT_STEP_STARTED, 1, 0);
    REQUIRE(breathe != NULL);
    CHECK(breathe->sample == 3 * 48000); /* after the 3 s bell */
    second = find(&r, SP_EVENT_SECTION_STARTED, 1, 0);
    REQUIRE(second != NULL);
    CHECK(second->sample > breathe->sample);
    CHECK(find(&r, SP_EVENT_BELL, SP_BELL_BOWL, 0) != NULL);
    CHECK(r.events[r.count - 1].type == SP_EVENT_FINISHED);
    sp_get_position(engine, &played, &length);
    CHECK(r.events[r.count - 1].sample == length);
    sp_destroy(engine);
}

int main(void) {
    static const sp_test_case cases[] = {
        SP_TEST_CASE(the_first_block_starts_session_section_step_and_bell),
        SP_TEST_CASE(a_whole_session_in_order),
    };
    sp_test_audio_init(&audio);
    return sp_test_main(cases, SP_TEST_COUNT(cases));
}
