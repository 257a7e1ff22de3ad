/* stillpoint.h: the C API partner apps embed (iOS, Android, desktop, game
 * engines). Plain C99; compiles as C and as C++. A small, stable surface over
 * the engine: load a session, prepare for a device, render blocks, steer it
 * live, hear back what happened, save and restore where it stands.
 *
 * Lifecycle
 *   sp_create -> sp_load_session / sp_load_session_file -> sp_prepare
 *   -> sp_process per block (+ sp_command, sp_set_parameter, sp_poll_event)
 *   -> sp_destroy.
 *   Loading and preparing may come in either order; the engine plays once it
 *   has both. Loading into a prepared engine prepares it again with the same
 *   settings. A session plays from its first sp_process block.
 *
 * Threading contract
 *   Real-time safe (no allocation, lock, I/O or unbounded wait; may run on
 *   the audio thread):
 *     sp_process      the audio thread; one at a time.
 *     sp_command, sp_set_parameter
 *                     share one single-producer queue into the audio thread:
 *                     call them from one thread at a time (any one thread).
 *     sp_poll_event   the single consumer of the event queue: one thread at a
 *                     time, typically the audio thread after each block.
 *     sp_get_parameter, sp_get_position, sp_get_status
 *                     read values published after each block: any thread.
 *     sp_get_timeline_*
 *                     read the plan laid out at sp_prepare (estimated line
 *                     times, sections only) and again by
 *                     sp_wait_for_preparation (every line at its voice's own
 *                     time): any thread, not while either of those runs.
 *   Haptics ride the same contract: the haptic channel is rendered inside
 *   sp_process with the audio, sample for sample; the haptic parameters go
 *   through sp_set_parameter and take effect at the next block (gliding,
 *   never jumping); haptic events come out of sp_poll_event with the rest.
 *     sp_result_string, sp_version_string, sp_abi_version: any thread.
 *   Not real-time safe (they allocate, read files or render ahead); call them
 *   from a control thread, never while sp_process, sp_command or
 *   sp_set_parameter may run on another thread:
 *     sp_create, sp_destroy, sp_load_session, sp_load_session_file,
 *     sp_prepare, sp_set_state, sp_set_resonance_pace, and the sp_error_*
 *     getters.
 *   sp_get_state is not real-time safe either, but it reads only what the
 *   audio thread publishes: it may run while sp_process runs, though not
 *   together with the calls listed just above. The same holds for
 *   sp_get_preparation and sp_wait_for_preparation.
 *
 * Errors
 *   Every call that can fail returns an sp_result. No C++ exception ever
 *   leaves the library. Misuse (a NULL pointer, processing before prepare, a
 *   block larger than prepared, the wrong channel count, an unknown enum
 *   value) returns an error code; it never crashes. Destroying an engine
 *   twice is the caller's bug; sp_destroy(NULL) is fine. */
#ifndef STILLPOINT_H
#define STILLPOINT_H

#include <stddef.h>
#include <stdint.h>

#include "stillpoint/stillpoint_version.h"

#if defined(_WIN32) && !defined(SP_STATIC)
#if defined(SP_BUILDING_LIBRARY)
#define SP_API __declspec(dllexport)
#else
#define SP_API __declspec(dllimport)
#endif
#elif defined(__GNUC__) || defined(__clang__)
#define SP_API __attribute__((visibility("default")))
#else
#define SP_API
#endif

/* In C++ the enums below have int as their fixed underlying type (the size
 * C gives them), so any int an app passes is a valid value to check (an
 * invalid one is refused with SP_ERROR_INVALID_ARGUMENT), never undefined
 * behaviour. */
#ifdef __cplusplus
#define SP_ENUM_BASE : int
#else
#define SP_ENUM_BASE
#endif

#ifdef __cplusplus
extern "C" {
#endif

/* ---- Results ------------------------------------------------------------ */

/* Zero is success, positive is "nothing to report" (not an error), negative
 * is an error. Values are fixed: new codes only ever get new numbers. */
typedef enum sp_result SP_ENUM_BASE {
    SP_OK = 0,
    SP_NO_EVENT = 1,                 /* sp_poll_event: the queue is empty */
    SP_ERROR_NULL_POINTER = -1,      /* a required pointer argument was NULL */
    SP_ERROR_INVALID_ARGUMENT = -2,  /* a value out of its range, or an unknown enum value */
    SP_ERROR_NO_SESSION = -3,        /* no session is loaded */
    SP_ERROR_NOT_PREPARED = -4,      /* sp_prepare has not been called */
    SP_ERROR_BLOCK_TOO_LARGE = -5,   /* frames > the prepared maximum block */
    SP_ERROR_CHANNEL_MISMATCH = -6,  /* channels != the prepared layout's channel count */
    SP_ERROR_INVALID_SESSION = -7,   /* the session text has errors: see sp_error_* */
    SP_ERROR_IO = -8,                /* a file could not be read: see sp_error_message */
    SP_ERROR_INVALID_STATE = -9,     /* sp_set_state: not a state this library wrote, or damaged */
    SP_ERROR_BUFFER_TOO_SMALL = -10, /* sp_get_state: *size says how much is needed */
    SP_ERROR_QUEUE_FULL = -11,       /* the command queue is full; try again after a block */
    SP_ERROR_OUT_OF_MEMORY = -12,    /* an allocation failed; the engine is left as it was */
    SP_ERROR_INTERNAL = -13,         /* a bug in the library; the engine is left as it was */
    SP_ERROR_NARRATION = -14,        /* the session's voice could not be made: see sp_error_* */
} sp_result;

/* A short English description of `result`, e.g. "block too large". Never
 * NULL; a static string. */
SP_API const char* sp_result_string(sp_result result);

/* ---- Version ------------------------------------------------------------ */

/* The library's version, e.g. "0.1.0" (SP_VERSION_STRING it was built with). */
SP_API const char* sp_version_string(void);
/* The library's ABI version (SP_ABI_VERSION it was built with). */
SP_API int sp_abi_version(void);

/* ---- Engine ------------------------------------------------------------- */

typedef struct sp_engine sp_engine;

/* A new engine, with no session. *engine is NULL on failure. */
SP_API sp_result sp_create(sp_engine** engine);
/* Frees everything. NULL is fine; twice is not. */
SP_API void sp_destroy(sp_engine* engine);

/* ---- Sessions ----------------------------------------------------------- */

/* Load session text (YAML, UTF-8) of `size` bytes. `name` (may be NULL)
 * stands for the file in error details. On any failure the engine keeps the
 * session it had. SP_ERROR_INVALID_SESSION: see sp_error_*. */
SP_API sp_result sp_load_session(sp_engine* engine, const char* text, size_t size,
                                 const char* name);
/* Load a session file. SP_ERROR_IO when it cannot be read,
 * SP_ERROR_INVALID_SESSION when it has errors. */
SP_API sp_result sp_load_session_file(sp_engine* engine, const char* path);
/* The listener's resonance pace (breaths/min, 4.5..7; 0: none), found by the
 * resonance assessment (`stillpoint resonance`, docs/heart.md): what
 * `pace: resonance` breathe steps breathe in the sessions loaded after it
 * (sp_load_session*, sp_set_state). Without it such a session fails to load
 * (SP_ERROR_INVALID_SESSION, "pace: resonance needs the listener's resonance
 * pace"). Outside the range: SP_ERROR_INVALID_ARGUMENT, nothing changes.
 * Control thread, like loading. */
SP_API sp_result sp_set_resonance_pace(sp_engine* engine, double bpm);

/* Details of the last failed load, sp_set_state or sp_prepare on this
 * engine; cleared by the next successful one. For a session with errors they
 * describe its first error. Strings are never NULL ("" when there is no
 * detail) and stay valid until the next load, prepare, sp_set_state or
 * sp_destroy. Line and column are 1-based, 0 when the problem has no
 * position (e.g. a file too large). */
SP_API const char* sp_error_message(const sp_engine* engine);
SP_API const char* sp_error_file(const sp_engine* engine);
SP_API int sp_error_line(const sp_engine* engine);
SP_API int sp_error_column(const sp_engine* engine);

/* ---- Preparing for a device --------------------------------------------- */

/* The channel layout. Its value is its channel count. */
typedef enum sp_layout SP_ENUM_BASE {
    SP_LAYOUT_MONO = 1,   /* the stereo mix folded to one channel */
    SP_LAYOUT_STEREO = 2, /* left, right */
    /* left, right, haptic actuator signal: the haptic intensity (rising
     * through the inhale, falling through the exhale, resting on holds, with
     * gentle taps at phase changes and bells) on a sine at the actuator's
     * resonance (SP_PARAM_HAPTIC_ACTUATOR), full scale at intensity 1. Only
     * this layout produces haptics and haptic events. */
    SP_LAYOUT_STEREO_HAPTIC = 3
} sp_layout;

/* Set the sample rate (8000..768000 Hz), the largest block sp_process will
 * be given (1..65536 frames) and the layout. With a session loaded it
 * prepares the engine now: buffers are sized and playback rewinds to the
 * start. It returns at once (tens of milliseconds, whatever the session's
 * length): the session's lines are narrated and its loudness measured on the
 * library's own worker, in the order they are heard. sp_process writes
 * silence until the first gains are known (a fraction of a second), then
 * plays; a step whose line is not ready yet waits, the bed going on, and the
 * gains glide (at most 0.5 dB over 4 s) to the whole session's once every
 * line is made. To render offline as `stillpoint render` does, call
 * sp_wait_for_preparation before the first sp_process. With a state saved
 * mid-session (sp_set_state) it returns at once too: see sp_set_state.
 * Parameters set since the load are kept. */
SP_API sp_result sp_prepare(sp_engine* engine, double sample_rate, int max_block_frames,
                            sp_layout layout);

/* How far the worker is: lines narrated so far and in all (either pointer
 * may be NULL; 0 and 0 without a prepared session). SP_OK while it works
 * and once it is done; SP_ERROR_NARRATION when a line could not be made (a
 * broken voice pack, an unknown voice, a synthesis error): sp_error_message
 * names the cause, and the session waits at its first unmade line. */
SP_API sp_result sp_get_preparation(sp_engine* engine, int* lines_ready, int* lines_total);

/* Block until every line is made and the loudness measured (seconds for a
 * long session with an empty cache). After sp_set_state at a saved position,
 * an engine sp_process has not taken yet is then built exact (see
 * sp_set_state). SP_OK, or SP_ERROR_NARRATION as above. */
SP_API sp_result sp_wait_for_preparation(sp_engine* engine);

/* ---- Rendering ---------------------------------------------------------- */

/* Render `frames` (0..max_block_frames) into `channels` non-interleaved
 * buffers, `outputs[c]` for channel c; `channels` must be the layout's
 * channel count. Writes silence once the session has finished. When the call
 * fails after its pointers were checked, the buffers are filled with
 * silence, so a device callback stays quiet. */
SP_API sp_result sp_process(sp_engine* engine, float* const* outputs, int channels, int frames);

/* Played frames so far (pauses included) and the session's length in frames,
 * including its final fade-out; the length follows live commands (a pause
 * adds to it, skips and stop shorten it). As of the last sp_process block.
 * Either pointer may be NULL. */
SP_API sp_result sp_get_position(const sp_engine* engine, int64_t* played_frames,
                                 int64_t* length_frames);

/* ---- Live commands ------------------------------------------------------ */

/* Every command is faded: nothing starts or stops with a click. Commands
 * take effect at the start of the next sp_process block. */
typedef enum sp_command_type SP_ENUM_BASE {
    SP_COMMAND_RESUME = 0,           /* play / resume: fade back in after a pause */
    SP_COMMAND_PAUSE = 1,            /* fade out, then stop the session clock (silence) */
    SP_COMMAND_HOLD = 2,             /* stay here: the breath pattern or step repeats */
    SP_COMMAND_RELEASE = 3,          /* end a hold: the step ends at its next whole breath */
    SP_COMMAND_NEXT_SECTION = 4,     /* fade out, jump to the next section (past the last: end) */
    SP_COMMAND_PREVIOUS_SECTION = 5, /* to this section's start; just after it, the one before */
    SP_COMMAND_PACE = 6,      /* glide the breath to `value` breaths/min (SP_PARAM_PACE_BPM) */
    SP_COMMAND_GROUNDING = 7, /* play the grounding section (every session has one), then end */
    SP_COMMAND_STOP = 8,      /* fade out and finish */
    /* a checkin goes on: its wait ends now, or right after its prompt when
     * the prompt is still being said; ignored outside a checkin */
    SP_COMMAND_CONTINUE = 9,
    SP_COMMAND_PATTERN = 10 /* breathe built-in pattern `value` (SP_PARAM_PATTERN) */
} sp_command_type;

/* Queue a command. `value` is read by SP_COMMAND_PACE (1..30, or 0) and
 * SP_COMMAND_PATTERN (0..7) only.
 * SP_ERROR_NOT_PREPARED before the engine is prepared,
 * SP_ERROR_QUEUE_FULL when too many are waiting; SP_COMMAND_STOP and
 * SP_COMMAND_GROUNDING are never refused (they act, with their fades, after
 * the commands queued before them). Real-time safe. */
SP_API sp_result sp_command(sp_engine* engine, sp_command_type command, double value);

/* ---- Parameters --------------------------------------------------------- */

typedef enum sp_param SP_ENUM_BASE {
    /* Layer volumes in dB, -60..6, smoothed. They start at the session's
     * own values and return to them when a session is loaded. */
    SP_PARAM_TONE_DB = 0, /* the breath tone */
    SP_PARAM_BED_DB = 1,  /* the ambience bed */
    SP_PARAM_BELLS_DB = 2,
    SP_PARAM_VOICE_DB = 3, /* narration */
    SP_PARAM_BINAURAL_DB = 4,
    SP_PARAM_ISOCHRONIC_DB = 5,
    /* 6..15 are kept for layers added later. */

    /* Breath pace in breaths/min, 1..30: the breathe step in progress glides
     * to it over a few seconds, and later breathe steps keep it. 0 (what it
     * reads until set) hands the pace back to the session: the step in
     * progress glides to its planned pace, later steps breathe at theirs. */
    SP_PARAM_PACE_BPM = 16,
    /* Haptics (SP_LAYOUT_STEREO_HAPTIC). Each glides over 0.5 s; none resets
     * when a session is loaded (they are the listener's, not the session's);
     * a saved state carries them. */
    SP_PARAM_HAPTICS_ON = 17,      /* 1 on (default), 0 off: the haptic channel glides to silence */
    SP_PARAM_HAPTIC_CAP = 18,      /* 0..1 (default 1): the haptic intensity never passes it */
    SP_PARAM_HAPTIC_ACTUATOR = 19, /* an sp_haptic_actuator (default SP_HAPTIC_LRA) */
    /* Checkins. 0 (default, as a render): a checkin waits the session's
     * `wait` time after its prompt. 1 (live play, what a listener should get):
     * after its prompt the session waits, the bed going on, until
     * SP_COMMAND_CONTINUE, however long that takes; SP_EVENT_WAITING says
     * when. Applies from the next checkin; not kept in a saved state. */
    SP_PARAM_WAIT_AT_CHECKINS = 20,
    /* Breath pattern, a whole number: 0 (what it reads until set) follows the
     * session's own patterns; 1 resonance, 2 coherent, 3 box, 4 4-7-8,
     * 5 extended-exhale, 6 sigh, 7 gentle (`stillpoint presets`) breathes that
     * one, at its own pace or SP_PARAM_PACE_BPM's. The change waits for the
     * next whole breath (never mid-breath), and later breathe steps keep it
     * until 0 hands the breathing back. A new session starts at 0; a saved
     * state does not carry it. */
    SP_PARAM_PATTERN = 21
} sp_param;

typedef enum sp_haptic_actuator SP_ENUM_BASE {
    SP_HAPTIC_LRA = 0,   /* linear resonant actuator: a 170 Hz carrier */
    SP_HAPTIC_SHAKER = 1 /* bass shaker: a 40 Hz carrier */
} sp_haptic_actuator;

/* Set a parameter. Needs a loaded session (SP_ERROR_NO_SESSION); before the
 * engine is prepared the value is kept and applied by sp_prepare.
 * SP_ERROR_INVALID_ARGUMENT for a value out of range (not clamped).
 * Real-time safe; shares the command queue (SP_ERROR_QUEUE_FULL). */
SP_API sp_result sp_set_parameter(sp_engine* engine, sp_param param, double value);
/* The value last set (the target of its glide). Real-time safe. */
SP_API sp_result sp_get_parameter(const sp_engine* engine, sp_param param, double* value);

/* ---- Events ------------------------------------------------------------- */

/* What the engine did. Apps must ignore types they do not know: later
 * versions add some. */
typedef enum sp_event_type SP_ENUM_BASE {
    SP_EVENT_SESSION_STARTED = 1,
    SP_EVENT_SECTION_STARTED = 2, /* index: section, from 0 in file order */
    SP_EVENT_STEP_STARTED = 3,    /* index: step, from 0 in file order across sections */
    /* index: sp_breath_phase; value: breath cycles completed in this step */
    SP_EVENT_PHASE_CHANGED = 4,
    SP_EVENT_BELL = 5,     /* index: sp_bell_kind */
    SP_EVENT_PAUSED = 6,   /* faded out; the session clock has stopped */
    SP_EVENT_RESUMED = 7,  /* the session clock runs again (fading in) */
    SP_EVENT_FINISHED = 8, /* the session is over; only silence follows */
    /* a checkin's prompt has ended and the session waits for
     * SP_COMMAND_CONTINUE (SP_PARAM_WAIT_AT_CHECKINS 1). index: step */
    SP_EVENT_WAITING = 9,
    /* 10..15 are kept for more transport events. */
    /* 16..31: haptic events (SP_LAYOUT_STEREO_HAPTIC with haptics on), for
     * apps that drive a device's own haptics (Core Haptics, a vibrator, a
     * controller) in step with the sound. The continuous part follows the
     * breath: SP_EVENT_PHASE_CHANGED says where it turns.
     * A tap starts at `sample`: index sp_haptic_tap_cause; value its peak
     * intensity, 0..1, the cap applied. It swells and fades over 60 ms. */
    SP_EVENT_HAPTIC_TAP = 16,
    /* 17..31 are kept for more haptic events. */
    /* A narration line starts to sound. index: step; value: line within the
     * step (a scan speaks one line per region). 33..47 are kept for more
     * caption events. */
    SP_EVENT_LINE_SPOKEN = 32
} sp_event_type;

typedef enum sp_haptic_tap_cause SP_ENUM_BASE {
    SP_HAPTIC_TAP_PHASE = 0, /* a breath phase begins */
    SP_HAPTIC_TAP_BELL = 1   /* a bell is struck */
} sp_haptic_tap_cause;

typedef enum sp_breath_phase SP_ENUM_BASE {
    SP_PHASE_INHALE = 0,
    SP_PHASE_HOLD_IN = 1, /* resting full */
    SP_PHASE_EXHALE = 2,
    SP_PHASE_HOLD_OUT = 3 /* resting empty */
} sp_breath_phase;

typedef enum sp_bell_kind SP_ENUM_BASE {
    SP_BELL_BOWL = 0, /* a deep singing bowl */
    SP_BELL_CHIME = 1 /* a small, bright chime */
} sp_bell_kind;

typedef struct sp_event {
    sp_event_type type;
    int32_t index;          /* meaning by type; 0 when unused */
    double value;           /* meaning by type; 0 when unused */
    int64_t sample;         /* output sample (pauses included) where it is heard */
    int64_t session_sample; /* position on the session clock (pauses excluded) */
} sp_event;

/* Take the next event: SP_OK with *event filled, SP_NO_EVENT when there is
 * none (also before the engine is prepared). Events are reported as the
 * block that produces them is rendered, a few milliseconds (the limiter's
 * look-ahead) before `sample` is heard; poll after each block. Up to 4096
 * wait; later ones are dropped until the app polls. Real-time safe. */
SP_API sp_result sp_poll_event(sp_engine* engine, sp_event* event);

/* ---- Status: where the session is ------------------------------------------ */

/* The one session state the engine publishes after every sp_process block:
 * the same figures the `stillpoint play` status line shows. Positions are in
 * samples at `sample_rate`; all but output_sample are on the session clock,
 * which stops while paused. docs/session-state.md describes every field.
 *
 * remaining_frames is worked out from the plan as it stands (after next,
 * previous, grounding, a pace or pattern change, a Continue), never from the
 * played time, and includes the final fade-out; exact to the sample when no
 * further command comes. While a hold lasts or a check-in waits for
 * SP_COMMAND_CONTINUE (and, with SP_PARAM_WAIT_AT_CHECKINS, while a check-in
 * is still ahead) it is a lower bound, `remaining_at_least` is 1, and it is
 * what would be left if the listener went on now. */
typedef struct sp_status {
    /* Set to sizeof(sp_status) before the call. The library fills at most
     * that many bytes and sets it to how many it filled, so the struct can
     * grow at its end without breaking older apps. */
    uint32_t struct_size;
    uint32_t reserved;          /* 0 */
    uint64_t generation;        /* 1 at sp_prepare, then one more per block */
    double sample_rate;         /* of every position below */
    int64_t output_sample;      /* heard so far, pauses included (as sp_get_position) */
    int64_t session_sample;     /* the session clock (pauses excluded) */
    int32_t section;            /* section index; -1 before the start */
    int32_t step;               /* step index; -1 before the start */
    char section_name[64];      /* NUL-terminated, cut to fit (never inside a UTF-8 character) */
    int64_t section_start;      /* where this section began */
    int64_t section_length;     /* to where it ends as the plan stands */
    int64_t remaining_frames;   /* to the end, fade-out included */
    int64_t end_sample;         /* the session clock where the session ends as planned now */
    int32_t remaining_at_least; /* 1: a lower bound (a hold, a check-in) */
    int32_t line_step;          /* the line being spoken: its step, -1 when none sounds */
    int32_t line_index;         /* ... its index within the step's lines, -1 when none */
    int32_t breath_phase;       /* sp_breath_phase now; -1 outside breathing */
    int64_t line_start;         /* where the line began */
    int64_t line_end;           /* where its sound ends */
    /* The line's words (markup removed), NUL-terminated; "" when none sounds.
     * Owned by the engine: valid until the next sp_load_session*,
     * sp_set_state or sp_prepare. */
    const char* caption;
    int32_t started;              /* 1 once the first block has been rendered */
    int32_t waiting_for_continue; /* a check-in waits for SP_COMMAND_CONTINUE */
    int32_t grounding_active;     /* the grounding section plays (or is being faded to) */
    int32_t paused;               /* pausing or paused */
    int32_t holding;
    int32_t finished;
    double pace_bpm;     /* breaths per minute now; 0 outside breathing */
    int32_t pattern;     /* SP_COMMAND_PATTERN's choice: 0 the session's own */
    int32_t preparing;   /* 1 while lines_ready < lines_total */
    int32_t lines_ready; /* narration lines prepared so far */
    int32_t lines_total; /* ... of this many */
    /* Added after lines_total: an app built with this header and run on an
     * older library finds struct_size <= offsetof(sp_status,
     * waiting_for_narration) after the call, and the field is not filled.
     * 1: the session stands at a speaking step whose lines are not made yet
     * (the bed goes on; the step begins when they arrive). */
    int32_t waiting_for_narration;
    /* The listener's heart, from the sp_heart attached with sp_attach_heart
     * (read as of its last sp_heart_update); all 0 without one. Added after
     * the fields above, by the same rule. */
    int32_t heart_connected;  /* an sp_heart is attached */
    int32_t heart_live;       /* a beat accepted within the last 5 s */
    int32_t coherence_valid;  /* at least 32 s of beats in the 64 s window */
    double heart_rate_bpm;    /* mean of the last 4 accepted beats; 0 before any */
    double coherence;         /* 0..1 */
    uint64_t heart_beats;     /* intervals accepted */
    uint64_t heart_artefacts; /* intervals refused by the artefact rules (range, jumps) */
    /* Added after heart_artefacts, by the same rule. The pace the attached
     * heart sets in a `pace: resonance` step (breaths/min, 4.5-7; see
     * sp_attach_heart); 0 while the session's own pace plays. */
    double heart_followed_pace_bpm;
} sp_status;

/* Fill *status. SP_ERROR_INVALID_ARGUMENT when status->struct_size is
 * smaller than the header (8 bytes); SP_ERROR_NOT_PREPARED before the engine
 * is prepared with a session (struct_size is then left as given). Any
 * thread, wait-free, never torn (it reads one complete block's state), but
 * not during sp_load_session*, sp_set_state or sp_prepare. Real-time safe. */
SP_API sp_result sp_get_status(const sp_engine* engine, sp_status* status);

/* ---- Timeline: the session as planned -------------------------------------- */

/* Every section and every spoken line on the session clock as the engine
 * plays them with no live command, for drawing section marks and captions
 * ahead of time; it agrees with sp_status to the sample. The normal flow
 * starts at 0 (its fade-in included); the grounding section, played only on
 * SP_COMMAND_GROUNDING, has `grounding` 1 and its own clock from 0 (the
 * moment it starts). Laid out at sp_prepare (and at a load into a prepared
 * engine), at the prepared rate; strings valid as sp_status.caption. Need a
 * prepared engine with a session (SP_ERROR_NOT_PREPARED). Index out of
 * range: SP_ERROR_INVALID_ARGUMENT. Control thread or any thread outside
 * the control calls; they do not allocate. */
typedef struct sp_timeline_section {
    int32_t index;     /* section index */
    int32_t grounding; /* 1: the grounding section, on its own clock */
    const char* name;
    int64_t start;
    int64_t length; /* to where the next section (or the final fade-out) begins */
} sp_timeline_section;

typedef struct sp_timeline_line {
    int32_t step;
    int32_t line; /* within the step's lines */
    int32_t section;
    int32_t grounding;
    const char* caption; /* the words, markup removed */
    int64_t start;
    int64_t end; /* where its sound ends (as sp_status.line_end); a step that
                  * begins before then ends the caption there */
} sp_timeline_line;

/* The planned length of the normal flow, its final fade-out included. */
SP_API sp_result sp_get_timeline_length(const sp_engine* engine, int64_t* length_frames);
SP_API sp_result sp_get_timeline_section_count(const sp_engine* engine, int32_t* count);
SP_API sp_result sp_get_timeline_section(const sp_engine* engine, int32_t index,
                                         sp_timeline_section* section);
SP_API sp_result sp_get_timeline_line_count(const sp_engine* engine, int32_t* count);
SP_API sp_result sp_get_timeline_line(const sp_engine* engine, int32_t index,
                                      sp_timeline_line* line);

/* ---- State: save and restore -------------------------------------------- */

/* A text blob holding the session text itself, the position on the session
 * clock and the parameter values, for an app to store and later restore
 * with sp_set_state (in another process, on another device). It carries a
 * CRC-32 of its contents: a copy damaged where it was kept is refused.
 * Writes the blob and a terminating NUL into `buffer` (`capacity` bytes) and
 * its length without the NUL into *size. With buffer NULL or too small it
 * writes nothing and returns SP_ERROR_BUFFER_TOO_SMALL with *size set:
 * call again with capacity > *size. Needs a loaded session. */
SP_API sp_result sp_get_state(const sp_engine* engine, char* buffer, size_t capacity, size_t* size);

/* Restore a blob from sp_get_state: loads its session and, once prepared
 * (now, if the engine is; else at sp_prepare), moves to its position on the
 * session clock and re-applies its parameters. It returns at once, whatever
 * the session's length and the cache: at a position past the start, until
 * the lines up to it are made and the first gains known (on the library's
 * worker), sp_process writes silence and sp_get_status reports the saved
 * position with `preparing` and `waiting_for_narration` 1 (`started` 0, no
 * section or line yet); then the engine there takes over at the next block,
 * fading in over 3 s along the engine's fade curve (a session resumed
 * mid-way never starts at full level), and commands and parameters sent
 * meanwhile act. Call
 * sp_wait_for_preparation before the first sp_process (or while it still
 * writes silence) for the exact restore: the engine then sounds exactly as a
 * render from the start sounds at that point, at the same sample rate (at
 * another rate the position is scaled). That is exactly the saved engine's
 * next block when it played straight through at its session's own parameter
 * values, faded in as above. Not replayed: live jumps, holds and
 * pauses (the restored session plays, from the saved point of its session clock); changed layer
 * volumes and pace glide to their saved values from the first block. On failure the engine keeps
 * what it had (SP_ERROR_INVALID_STATE, when the blob is not a state, is cut short or its checksum
 * does not match, with the reason in sp_error_message; or SP_ERROR_INVALID_SESSION with sp_error_*
 * details). Blobs from earlier releases (format 1, without the checksum) are still read, unchecked.
 */
SP_API sp_result sp_set_state(sp_engine* engine, const char* state, size_t size);

/* ---- Heart: beat-to-beat input, heart rate and coherence ---------------- */

/* A heart-rate stream (docs/heart.md): RR intervals in, heart rate and a
 * coherence score (0..1) out, after the artefact rules (300-2000 ms, jumps
 * over 20 % refused and counted). Its own handle, beside an sp_engine.
 * Threads: sp_heart_push_rr and sp_heart_push_measurement from one producer
 * thread at a time (a Bluetooth callback), real-time safe; sp_heart_update
 * from one consumer thread, real-time safe; sp_heart_get_state from any
 * thread; sp_heart_create and sp_heart_destroy on a control thread. */
typedef struct sp_heart sp_heart;

typedef struct sp_heart_state {
    int live;                 /* a beat accepted within the last 5 s */
    double heart_rate_bpm;    /* mean of the last 4 accepted beats; 0 before any */
    int coherence_valid;      /* at least 32 s of beats in the 64 s window */
    double coherence;         /* 0..1: the strongest rhythm's share of heart-rate power */
    double rhythm_per_minute; /* that rhythm, in cycles a minute */
    uint64_t accepted;        /* intervals accepted */
    uint64_t out_of_range;    /* refused: outside 300-2000 ms */
    uint64_t jumps;           /* refused: more than 20 % from the last accepted */
    uint64_t dropped;         /* refused: pushed while the queue (256) was full */
} sp_heart_state;

SP_API sp_result sp_heart_create(sp_heart** heart);
SP_API void sp_heart_destroy(sp_heart* heart);
/* One RR interval in milliseconds. SP_ERROR_QUEUE_FULL when 256 wait for
 * sp_heart_update (the interval is counted as dropped). */
SP_API sp_result sp_heart_push_rr(sp_heart* heart, double rr_ms);
/* One Heart Rate Measurement notification (Bluetooth characteristic 0x2A37)
 * as its bytes arrived: its RR intervals are pushed. A malformed packet
 * pushes nothing and returns SP_ERROR_INVALID_ARGUMENT; the reason is in
 * sp_heart_error_message (on the producer's thread). */
SP_API sp_result sp_heart_push_measurement(sp_heart* heart, const uint8_t* bytes, size_t size);
/* Why the last packet was refused, or "" (never NULL while heart is valid). */
SP_API const char* sp_heart_error_message(const sp_heart* heart);
/* Take what was pushed, at `now_seconds` on the consumer's clock (beats
 * arriving more than 3 s behind it are placed at it; none for 5 s: not live).
 * Attached to an engine, it also ticks that engine's follow of the heart (see
 * sp_attach_heart): then give the engine's output clock, played frames /
 * sample rate as sp_get_position reports them, and call it after sp_process
 * (each block, or a few times a second). */
SP_API sp_result sp_heart_update(sp_heart* heart, double now_seconds);
SP_API sp_result sp_heart_get_state(const sp_heart* heart, sp_heart_state* state);
/* Let `engine`'s sp_status carry `heart`'s figures (heart_* and coherence
 * fields), so one status read shows the session and the heart together.
 * NULL detaches. Keep the heart alive while it is attached (attach NULL, or
 * destroy the engine, before sp_heart_destroy).
 *
 * The engine then follows the heart live (docs/heart.md), as `stillpoint
 * play --heart` does: in a `pace: resonance` breathe step with beats coming,
 * the breath's pace is nudged toward the heart's resonance, within
 * 4.5-7/min and at most 0.5/min a minute, never with a hold; when the beats
 * stop it glides back to the step's own pace and hands it back.
 * sp_status.heart_followed_pace_bpm shows the pace it sets. Threads: the
 * follower is ticked inside sp_heart_update, on the heart's consumer thread;
 * sp_process hands it the engine's step and breath events through a
 * preallocated wait-free queue and hands the engine the pace it asks for
 * before the next block (all real-time safe). A pace set with
 * SP_COMMAND_PACE wins while it stands. Detaching hands a pace the heart set
 * back at the next block. One heart follows one engine: attaching it to
 * another moves the follow there (detach it from the first before).
 *
 * Control thread, not during sp_get_status calls on other threads nor while
 * the heart's sp_heart_update runs; sp_load_session*, sp_prepare and
 * sp_set_state restart the follow and must not run during sp_heart_update
 * either. */
SP_API sp_result sp_attach_heart(sp_engine* engine, const sp_heart* heart);

#ifdef __cplusplus
} /* extern "C" */
#endif

#endif /* STILLPOINT_H */
