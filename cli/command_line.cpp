// Dispatch of `stillpoint COMMAND ...` and the help text.
#include <algorithm>
#include <iomanip>

#include "command_syntax.hpp"
#include "commands.hpp"
#include "exit_codes.hpp"
#include "live/command_help.hpp"
#include "stillpoint/breath_pattern.hpp"
#include "stillpoint/layer_vocabulary.hpp"
#include "stillpoint/nearest_name.hpp"
#include "stillpoint/pace_range.hpp"

namespace stillpoint::cli {

std::string helpText() {
    return R"(stillpoint - guided breathing and body-scan sessions

usage: stillpoint COMMAND [ARGS]

commands:
  check FILE... [--care] [--avoid REGION,...] [--resonance BPM] [--pace BPM]
        Validate session files. Every problem is printed as
        file:line:column: error: what is wrong; what would be right.
        --care: also check what each session asks of its listener
              against trauma-sensitive practice (breath holds offered,
              invitations not commands, orienting first, scans that
              offer skipping, check-ins every few minutes...); each
              finding names its rule, e.g. [care.hold-optional].
              Rules, sources and rewrites: docs/care-rules.md. Care
              errors make check fail (exit 1); warnings alone do not.
  info FILE [--avoid REGION,...] [--resonance BPM] [--pace BPM]
        Print the planned timeline: sections, steps, start times,
        breath counts and the total length.
  render FILE|NAME -o OUT.wav|.flac|.ogg|.opus|.mp3 [--rate HZ] [--channels 1|2]
         [--haptic-channel lra|shaker] [--haptic-cap 0..1]
         [--avoid REGION,...] [--captions vtt|srt] [--voice [ENGINE:]NAME]
         [--voice-pack DIR] [--resonance BPM] [--profile FILE] [--pace BPM]
         [--quiet]
        Render a session to an audio file (default 48000 Hz, stereo),
        loudness-calibrated to -16 LUFS with a -1 dBTP true-peak ceiling.
        NAME: a session `stillpoint sessions` lists (a file of that name
        wins). The extension picks the format; .opus (Ogg Opus) and .mp3
        need a libsndfile built with them (Debian 12's is).
        The file appears under its name only when complete; a WAV past
        4 GB is written as RF64. Outputs are checked first: never the
        session itself, a pipe, a device, a folder or a write-protected
        file (exit 3); a replaced file keeps its mode.
        Rates: 44100 48000 88200 96000 176400 192000.
        Spoken lines are synthesised first and cached in
        $XDG_CACHE_HOME/stillpoint (or ~/.cache/stillpoint).
        --captions: also write OUT.vtt or OUT.srt beside the audio.
        --haptic-channel: one more channel carrying the haptic track on a
              170 Hz (lra) or 40 Hz (shaker) carrier, full scale at full
              intensity; --haptic-cap scales it (0 turns it off).
  render-batch MANIFEST.jsonl|.csv --out DIR [-j N] [--shard I/N]
               [--summary FILE] [--quiet]
        Render a catalogue: one job per manifest row (session, output,
        and any render option: rate, channels, avoid, voice, voice-pack,
        resonance, pace, haptic-channel, haptic-cap, captions). Every row is checked first
        (MANIFEST:line:col: error: ...; nothing renders while one is
        wrong). Each file is written as OUTPUT-STEM.KEY.EXT under DIR, KEY
        a hash of the session text, the options and the engine, so a rerun
        skips what is done and a killed run finishes the rest. Spoken lines
        are shared through the narration cache: each made once. -j: worker
        threads (default: SLURM_CPUS_PER_TASK, else every core). --shard:
        this task's share, job k to shard k mod N; without it, taken from
        a Slurm array (SLURM_ARRAY_TASK_ID...) or a Kubernetes Indexed Job
        (JOB_COMPLETION_INDEX with STILLPOINT_SHARD_COUNT). Prints a JSON
        summary (rendered, skipped, failed and why) or writes it to
        --summary FILE. See docs/catalogue.md.
  compile FILE|NAME -o DIR [--rate HZ] [--channels 1|2] [--avoid REGION,...]
          [--voice [ENGINE:]NAME] [--voice-pack DIR] [--resonance BPM] [--pace BPM]
          [--clips flac|pcm|opus] [--quiet]
        Write a compiled session for the web build (docs/web.md): DIR/session.json,
        the planned program with its loudness calibration, and the narration
        as 16-bit samples, losslessly: one FLAC file per clip rate
        (DIR/clips-16000.flac), or with --clips pcm raw in DIR/clips.pcm (for
        players without an audio decoder). Played at the same rate it gives
        what `render` writes, with no session parser or voice needed.
        --clips opus: one Ogg Opus file per rate, an eighth of the raw
        size but lossy (the render differs where the voice speaks).
  captions FILE -o OUT.vtt|.srt [--rate HZ] [--avoid REGION,...]
           [--voice [ENGINE:]NAME] [--voice-pack DIR] [--resonance BPM]
           [--pace BPM] [--quiet]
        Write the spoken lines as WebVTT or SubRip captions, each cue
        timed to the millisecond where a render hears it.
  voices
        List the synthesised voices as ENGINE:NAME: flite's English voices
        (cmu_us_slt is the default), then espeak-ng's languages (en-us,
        en-gb, de, fr...) when STILLPOINT_ESPEAK=on turns them on (they
        are spoken by the stillpoint-espeak program; docs/espeak-helper.md).
  voice-pack script FILE... [-o OUT.tsv] [--manifest FILE] [--avoid REGION,...]
        The recording script for a voice pack: every line the sessions can
        speak (their own lines with an id, the scan phrases for the regions
        and lengths they use, the built-in grounding), each id once, as
        tab-separated "id<TAB>text" rows under an "id<TAB>text" header, to
        standard output or OUT. --manifest also writes a voice-pack.yaml
        skeleton (clips/ID.wav for each id). Lines without an id are noted.
  voice-pack check DIR FILE... [--avoid REGION,...]
        For each session, how many of its lines the pack in DIR has a clip
        for, and each missing id with its text. Exit 6 when any is missing.
        See docs/voice-packs.md.
  haptics FILE --format ahap|android|haptic -o OUT [--haptic-cap 0..1]
          [--avoid REGION,...] [--resonance BPM] [--pace BPM] [--quiet]
        Export the haptic track: Apple Core Haptics (.ahap), Android
        VibrationEffect waveforms (JSON), Meta Haptics Studio (.haptic).
        See docs/haptics.md.
  play FILE|NAME [--api jack|alsa|pulse] [--device N|NAME] [--rate R]
       [--buffer FRAMES] [--control FILE_OR_FIFO] [--avoid REGION,...]
       [--events FILE] [--callback-stats FILE]
       [--haptic-channel lra|shaker] [--haptic-cap 0..1] [--rumble]
       [--voice [ENGINE:]NAME] [--voice-pack DIR] [--heart FILE|FIFO|-]
       [--resonance BPM] [--profile FILE] [--pace BPM]
        Play a session in real time and steer it while it plays. Every
        change fades; nothing jumps. NAME: a session `stillpoint sessions`
        lists (a file of that name wins). The stream starts at once: the
        voice is made while the session plays, in the order it is heard
        (the status line shows voice N/M); a step whose line is not ready
        waits, the bed going on. A line that cannot be made ends play, named.
        --heart: beat-to-beat (RR) intervals, one per line in ms or
              `SECONDS MS`: a file is replayed from the session's start, a
              FIFO or - (stdin) is live. The status line shows heart rate
              and coherence; `pace: resonance` steps follow the heart
              (4.5-7/min, at most 0.5/min a minute, never a hold) and glide
              back to their own pace when the beats stop. See docs/heart.md.
        --buffer: frames per audio callback, 16-8192 (default 1024, about
              21 ms at 48 kHz: for listening; ask for 64-256 only when
              low latency matters). On JACK the server's period decides.
              After 3 underruns within 10 s the player fades out, reopens
              the output with twice the buffer (up to 8192), fades back in
              where it was, and says so.
        --haptic-channel: the haptic track on the device's third output
              (a note says so when the device has only two).
        --rumble: the haptic track on a game controller's rumble motors
              (SDL2), when one is connected; a note says when none is.
)" + live::keyHelp(8, 78) +
           R"(
              - and + step the pace 0.5 breaths/min (gliding over 8 s); b
              turns through the built-in patterns, then the session's own;
              1-)" +
           std::to_string(kLayerCount) + " pick a layer (" + layerNameList(" ") + R"();
              a check-in waits for Enter or c (with a terminal or --control)
        --control: a file or FIFO of timed commands, one per line:
              SECONDS COMMAND [ARGS]   (seconds of output time, pauses
              included; '#' starts a comment). Commands:
)" + live::scriptCommandHelp(16) +
           "              layers: " + layerNameList(" ") + R"(; patterns:
              session, or a preset of `stillpoint presets`. For example:
                2.5 pause
                6 resume
                10 next
                12 slower
                20 grounding
                25 volume bed -30
                30 stop
              A line may be 1024 bytes; at most 1000 commands wait for
              their time (stop and grounding are always taken); after 20
              refused lines a count is printed every 5 s instead.
        --events: write every engine event as 'SAMPLE TYPE INDEX VALUE',
              each command sent as 'SAMPLE command:TYPE INDEX VALUE', and
              with --heart what the heart did to the pace as
              'SAMPLE heart:WHAT 0 PACE' (Following, Pace, StreamLost,
              StreamFound, HandedBack).
        --callback-stats: write the audio callback's median, 99th
              percentile and maximum time as a share of the block's budget.
  resonance --heart FILE [--session FILE] [--voice-pack DIR]
            [--save-profile PROFILE.json]
        The resonance assessment of a heart recording that starts with
        the assessment session (`--print-session` writes it out; play it
        with a strap on). For each pace (6.5, 6, 5.5, 5, 4.5/min): beats,
        breaths, heart rate's peak-to-trough swing, low-frequency power,
        the phase of heart rate to breath and a score; then the chosen
        resonance pace. FILE: one RR interval in ms per line, or
        `SECONDS MS` per line; artefacts (outside 300-2000 ms, jumps over
        20 %) are refused and counted. --session: the assessment that
        was played, when it was not the built-in one (its fixed-pace
        breathe steps are the paces). --save-profile: record the pace
        found as the client profile's "resonance" (a new profile if there
        is none; its other fields are kept; written whole or not at all),
        for the profile option of play and render, and the therapist app.
        See docs/heart.md.
  devices
        List audio APIs and their output devices (ids, names, channels,
        rates): the APIs and devices play can be given.
  presets
        List the built-in breath patterns.
  sessions
        List the sessions render and play take by name: the user's own in
        $XDG_DATA_HOME/stillpoint/sessions (~/.local/share/...), then the
        bundled ones (stillpoint/sessions in $XDG_DATA_DIRS, beside the
        installed command, or the source tree's assets/ in a build), each
        with its length and title. A user's session shadows a bundled one
        of the same name.
  help, --help, -h
        This text. COMMAND --help: that command's usage.
  version, --version
        The version.

options:
  --avoid REGION,...   leave these body regions out of every scan, and
                       every line that names them (said with the line's
                       if-avoided text, or left out), e.g. --avoid
                       chest,throat
  --voice [ENGINE:]NAME
                       speak with this voice instead of the session's
                       default (render, captions, play): espeak:en-gb,
                       flite:cmu_us_awb, espeak: (its default) or a bare
                       name; lines with their own voice keep it.
                       `stillpoint voices` lists them.
  --resonance BPM      the listener's resonance pace (4.5-7), found by
                       `stillpoint resonance`: what `pace: resonance` steps
                       breathe (check, info, render, captions, haptics, play).
  --profile FILE       a client profile (JSON, as the therapist app and
                       `stillpoint resonance --save-profile` write it): its
                       "resonance" is what `pace: resonance` steps breathe
                       (render, play; a manifest row gives `resonance`);
                       --resonance wins.
  --pace BPM           the listener's own breathing pace, e.g. --pace 6 (check,
                       info, render, captions, haptics, play; a manifest's
                       pace): every breathe step breathes it steadily, in
                       whole breaths, instead of its written pace or ramp (a
                       duration step keeps its length to the nearest whole
                       breath); `pace: resonance` steps keep the resonance
                       pace, the grounding section its own slower one. Safe
                       paces only: )" +
           rangeText(kListenerPaceRange) + R"(.
  --voice-pack DIR     speak the lines from this recorded voice pack instead
                       of the session's voice (render, captions, play);
                       lines it has no clip for are synthesised, with one
                       warning listing them. See docs/voice-packs.md.

exit codes:
  0 ok (warnings alone, care warnings too), 1 the session has errors
  (an unknown voice in it too; with check --care, care errors), 2 usage
  error (an unknown --voice too), 3 a file could not be read or written
  or narration's input is bad (a damaged clip, a bad voice pack), 4 play: no usable audio device (render to a file
  instead), 5 play: the device went away mid-session, 6 voice-pack check:
  the pack lacks clips for some lines, 7 render-batch: some jobs failed
  (a manifest with errors: 1), 70 internal error, 130 stopped by a signal.

Session format reference: docs/session-format.md
)";
}

const CommandSyntax& presetsSyntax() {
    static const CommandSyntax syntax{"presets", "usage: stillpoint presets\n", {}};
    return syntax;
}

int runPresets(const Args& args, std::ostream& out, std::ostream& err) {
    if (refuseArguments(presetsSyntax(), args, err)) return kExitUsage;
    for (const auto& p : breathPresets()) {
        out << std::left << std::setw(17) << p.name << std::right << std::fixed
            << std::setprecision(2) << std::setw(6) << p.breathsPerMinute() << "/min  ";
        for (std::size_t i = 0; i < p.segments.size(); ++i)
            out << (i ? ", " : "") << toString(p.segments[i].phase) << ' ' << std::setprecision(2)
                << p.segments[i].seconds << " s";
        out << '\n';
    }
    return kExitOk;
}

int runCommandLine(const Args& args, std::ostream& out, std::ostream& err) {
    if (args.empty()) {
        err << helpText();
        return kExitUsage;
    }
    const std::string& command = args.front();
    const Args rest(args.begin() + 1, args.end());
    if (command == "help" || command == "--help" || command == "-h") {
        out << helpText();
        return kExitOk;
    }
    if (command == "version" || command == "--version") {
        out << "stillpoint " << STILLPOINT_VERSION_STRING << '\n';
        return kExitOk;
    }
    std::vector<std::string_view> names;
    for (const Command& entry : commandTable()) {
        names.push_back(entry.name);
        if (entry.name != command) continue;
        // `stillpoint COMMAND --help`: its usage, whatever else is given.
        if (std::find(rest.begin(), rest.end(), "--help") != rest.end()) {
            for (const CommandSyntax* syntax : entry.syntaxes) out << syntax->usage;
            return kExitOk;
        }
        return entry.run(rest, out, err);
    }
    names.insert(names.end(), {"help", "version"});
    err << "stillpoint: unknown command '" << command << "'";
    if (auto near = nearestName(command, names)) err << "; did you mean '" << *near << "'?";
    err << "\nrun 'stillpoint --help' for the commands\n";
    return kExitUsage;
}

}  // namespace stillpoint::cli
