/* The C API's heart (stillpoint.h's sp_heart_* and sp_attach_heart) driven by
 * a script, printing what sp_status and sp_heart_push_measurement report, so
 * web.node can check the web build reports the same for the same input.
 *
 *   stillpoint_web_capi_heart OP...
 * OP: attach | detach | rr:MS | ble:HEX (a 0x2A37 notification's bytes) |
 *     update:SECONDS | status
 * Prints one JSON object a line for rr, ble and status; sp_status's heart
 * fields by the web state's names (camel case), numbers to round-trip.
 *
 *   stillpoint_web_capi_heart follow SESSION RESONANCE BEATS LOSE_AT
 * The live follow of the heart: SESSION (a file) at RESONANCE breaths/min,
 * played at 48 kHz in blocks of 1024 frames to its end (status finished); BEATS holds "SECONDS
 * RR_MS" a line, each pushed once the output clock reaches its time (none from LOSE_AT seconds on),
 * then sp_heart_update at the output clock, every block. Prints {"op":"pace","block":N,"paceBpm":X}
 * each time the followed pace (heart_followed_pace_bpm) changes, and {"op":"end",...} with the
 * blocks played and the engine's last pace while breathing (sp_status.pace_bpm). */
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "stillpoint/stillpoint.h"

static const char kSession[] =
    "stillpoint: 1\n"
    "title: Heart\n"
    "sections:\n"
    "  - name: Breathing\n"
    "    steps:\n"
    "      - breathe: {cycles: 2, pace: 6}\n";

enum { kRate = 48000, kBlock = 128, kMaxPacket = 512 };

static int fail(const char* what, sp_result result) {
    fprintf(stderr, "stillpoint_web_capi_heart: %s: sp_result %d\n", what, (int)result);
    return 1;
}

/* "3c0004" into bytes; the count, or -1 for odd or non-hex text. */
static int hex_bytes(const char* hex, uint8_t* out, size_t capacity) {
    size_t n = strlen(hex);
    size_t i;
    if (n % 2 != 0 || n / 2 > capacity) return -1;
    for (i = 0; i < n / 2; ++i) {
        unsigned value = 0;
        if (sscanf(hex + 2 * i, "%2x", &value) != 1) return -1;
        out[i] = (uint8_t)value;
    }
    return (int)(n / 2);
}

static void print_json_string(const char* text) {
    putchar('"');
    for (; *text; ++text) {
        if (*text == '"' || *text == '\\') putchar('\\');
        putchar(*text);
    }
    putchar('"');
}

enum { kFollowBlock = 1024, kMaxBeats = 4096 };

static int follow(const char* sessionPath, double resonance, const char* beatsPath, double loseAt) {
    static double beatSeconds[kMaxBeats], beatMs[kMaxBeats];
    static float left[kFollowBlock], right[kFollowBlock];
    float* channels[2];
    sp_engine* engine = NULL;
    sp_heart* heart = NULL;
    sp_result r;
    int beats = 0, next = 0;
    long block = 0;
    int64_t played = 0, length = 0;
    double followed = 0.0, breathing = 0.0; /* the last pace heard while breathing */
    sp_status s;
    FILE* file = fopen(beatsPath, "r");
    if (!file) {
        fprintf(stderr, "%s: cannot open the beats\n", beatsPath);
        return 2;
    }
    while (beats < kMaxBeats && fscanf(file, "%lf %lf", &beatSeconds[beats], &beatMs[beats]) == 2)
        ++beats;
    fclose(file);
    channels[0] = left;
    channels[1] = right;
    if ((r = sp_create(&engine)) != SP_OK) return fail("sp_create", r);
    if ((r = sp_set_resonance_pace(engine, resonance)) != SP_OK)
        return fail("sp_set_resonance_pace", r);
    if ((r = sp_load_session_file(engine, sessionPath)) != SP_OK)
        return fail(sp_error_message(engine), r);
    if ((r = sp_prepare(engine, kRate, kFollowBlock, SP_LAYOUT_STEREO)) != SP_OK)
        return fail("sp_prepare", r);
    if ((r = sp_wait_for_preparation(engine)) != SP_OK) return fail("sp_wait_for_preparation", r);
    if ((r = sp_heart_create(&heart)) != SP_OK) return fail("sp_heart_create", r);
    if ((r = sp_attach_heart(engine, heart)) != SP_OK) return fail("sp_attach_heart", r);
    do {
        sp_event event;
        double now;
        if ((r = sp_process(engine, channels, 2, kFollowBlock)) != SP_OK)
            return fail("sp_process", r);
        while (sp_poll_event(engine, &event) == SP_OK) {
        }
        sp_get_position(engine, &played, &length);
        now = (double)played / kRate;
        for (; next < beats && beatSeconds[next] <= now && beatSeconds[next] < loseAt; ++next)
            sp_heart_push_rr(heart, beatMs[next]);
        if ((r = sp_heart_update(heart, now)) != SP_OK) return fail("sp_heart_update", r);
        memset(&s, 0, sizeof s);
        s.struct_size = sizeof s;
        if ((r = sp_get_status(engine, &s)) != SP_OK) return fail("sp_get_status", r);
        if (s.pace_bpm > 0.0) breathing = s.pace_bpm;
        if (s.heart_followed_pace_bpm != followed) {
            followed = s.heart_followed_pace_bpm;
            printf("{\"op\":\"pace\",\"block\":%ld,\"paceBpm\":%.17g}\n", block, followed);
        }
        ++block;
    } while (!s.finished);
    printf("{\"op\":\"end\",\"blocks\":%ld,\"paceBpm\":%.17g}\n", block, breathing);
    sp_destroy(engine);
    sp_heart_destroy(heart);
    return 0;
}

int main(int argc, char** argv) {
    sp_engine* engine = NULL;
    sp_heart* heart = NULL;
    float left[kBlock], right[kBlock];
    float* channels[2];
    sp_result r;
    int i;
    if (argc == 6 && strcmp(argv[1], "follow") == 0)
        return follow(argv[2], atof(argv[3]), argv[4], atof(argv[5]));
    channels[0] = left;
    channels[1] = right;
    if ((r = sp_create(&engine)) != SP_OK) return fail("sp_create", r);
    if ((r = sp_load_session(engine, kSession, sizeof kSession - 1, "heart.yaml")) != SP_OK)
        return fail("sp_load_session", r);
    if ((r = sp_prepare(engine, kRate, kBlock, SP_LAYOUT_STEREO)) != SP_OK)
        return fail("sp_prepare", r);
    if ((r = sp_wait_for_preparation(engine)) != SP_OK) return fail("sp_wait_for_preparation", r);
    if ((r = sp_heart_create(&heart)) != SP_OK) return fail("sp_heart_create", r);
    for (i = 1; i < argc; ++i) {
        const char* op = argv[i];
        if (strcmp(op, "attach") == 0) {
            r = sp_attach_heart(engine, heart);
        } else if (strcmp(op, "detach") == 0) {
            r = sp_attach_heart(engine, NULL);
        } else if (strncmp(op, "rr:", 3) == 0) {
            r = sp_heart_push_rr(heart, atof(op + 3));
            printf("{\"op\":\"rr\",\"result\":%d}\n", (int)r);
            r = SP_OK;
        } else if (strncmp(op, "ble:", 4) == 0) {
            uint8_t bytes[kMaxPacket];
            const int size = hex_bytes(op + 4, bytes, sizeof bytes);
            if (size < 0) {
                fprintf(stderr, "%s: expected ble:HEX, an even count of hex digits\n", op);
                return 2;
            }
            r = sp_heart_push_measurement(heart, bytes, (size_t)size);
            printf("{\"op\":\"ble\",\"result\":%d,\"message\":", (int)r);
            print_json_string(sp_heart_error_message(heart));
            printf("}\n");
            r = SP_OK;
        } else if (strncmp(op, "update:", 7) == 0) {
            r = sp_heart_update(heart, atof(op + 7));
        } else if (strcmp(op, "status") == 0) {
            sp_status s;
            /* A block first, as an app reads the status after one. */
            if ((r = sp_process(engine, channels, 2, kBlock)) != SP_OK)
                return fail("sp_process", r);
            memset(&s, 0, sizeof s);
            s.struct_size = sizeof s;
            r = sp_get_status(engine, &s);
            printf(
                "{\"op\":\"status\",\"heartConnected\":%d,\"heartLive\":%d,"
                "\"heartRateBpm\":%.17g,\"coherenceValid\":%d,\"coherence\":%.17g,"
                "\"heartBeats\":%llu,\"heartArtefacts\":%llu,\"heartFollowedPaceBpm\":%.17g}\n",
                (int)s.heart_connected, (int)s.heart_live, s.heart_rate_bpm, (int)s.coherence_valid,
                s.coherence, (unsigned long long)s.heart_beats,
                (unsigned long long)s.heart_artefacts, s.heart_followed_pace_bpm);
        } else {
            fprintf(stderr,
                    "%s: expected attach, detach, rr:MS, ble:HEX, update:SECONDS or status\n", op);
            return 2;
        }
        if (r != SP_OK) return fail(op, r);
    }
    sp_destroy(engine);
    sp_heart_destroy(heart);
    return 0;
}
