// Dispatch of `stillpoint COMMAND ...` and the help text.
#include <iomanip>

#include "commands.hpp"
#include "exit_codes.hpp"
#include "stillpoint/breath_pattern.hpp"
#include "stillpoint/nearest_name.hpp"

namespace stillpoint::cli {

std::string helpText() {
    return R"(stillpoint - guided breathing and body-scan sessions

usage: stillpoint COMMAND [ARGS]

commands:
  check FILE... [--care] [--avoid REGION,...]
        Validate session files. Every problem is printed as
        file:line:column: error: what is wrong; what would be right.
        --care: also check what each session asks of its listener
              against trauma-sensitive practice (breath holds offered,
              invitations not commands, orienting first, scans that
              offer skipping, check-ins every few minutes...); each
              finding names its rule, e.g. [care.hold-optional].
              Rules, sources and rewrites: docs/care-rules.md. Care
              errors make check fail (exit 1); warnings alone do not.
  info FILE [--avoid REGION,...]
        Print the planned timeline: sections, steps, start times,
        breath counts and the total length.
  render FILE -o OUT.wav|.flac|.ogg [--rate HZ] [--channels 1|2]
         [--haptic-channel lra|shaker] [--haptic-cap 0..1]
         [--avoid REGION,...] [--captions vtt|srt] [--voice [ENGINE:]NAME]
         [--voice-pack DIR] [--quiet]
        Render a session to an audio file (default 48000 Hz, stereo),
        loudness-calibrated to -16 LUFS with a -1 dBTP true-peak ceiling.
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
  captions FILE -o OUT.vtt|.srt [--rate HZ] [--avoid REGION,...]
           [--voice [ENGINE:]NAME] [--voice-pack DIR] [--quiet]
        Write the spoken lines as WebVTT or SubRip captions, each cue
        timed to the millisecond where a render hears it.
  voices
        List the synthesised voices as ENGINE:NAME: flite's English voices
        (cmu_us_slt is the default), then espeak-ng's languages (en-us,
        en-gb, de, fr...) when the build has espeak-ng.
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
          [--avoid REGION,...] [--quiet]
        Export the haptic track: Apple Core Haptics (.ahap), Android
        VibrationEffect waveforms (JSON), Meta Haptics Studio (.haptic).
        See docs/haptics.md.
  play FILE [--api jack|alsa|pulse] [--device N|NAME] [--rate R]
       [--buffer FRAMES] [--control FILE_OR_FIFO] [--avoid REGION,...]
       [--events FILE] [--callback-stats FILE]
       [--haptic-channel lra|shaker] [--haptic-cap 0..1] [--rumble]
       [--voice [ENGINE:]NAME] [--voice-pack DIR]
        Play a session in real time and steer it while it plays. Every
        change fades; nothing jumps. The stream starts at once: the voice
        is made while the session plays, in the order it is heard (the
        status line shows voice N/M); a step whose line is not ready waits,
        the bed going on. A line that cannot be made ends play, named.
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
        keys: space pause/resume, h hold/release, n next section,
              p previous section, - slower, + faster (0.5 breaths/min,
              gliding over 8 s), g grounding, b next breath pattern (the
              built-in ones in turn, then the session's own; from the
              next whole breath), 1-6 pick a layer (tone bed
              bells voice binaural isochronic), up/down arrows +-3 dB,
              Enter or c go on after a check-in (it waits for that, with
              a terminal or --control), q or Ctrl-C stop (fades out over 2.5 s)
        --control: a file or FIFO of timed commands, one per line:
              SECONDS COMMAND [ARGS]   (seconds of output time, pauses
              included; '#' starts a comment). Commands: pause, resume,
              hold, release, next, previous, slower, faster, pace BPM,
              grounding, volume LAYER DB (-60..6), pattern NAME (session
              or a preset of `stillpoint presets`), continue, stop. For example:
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
              and each command sent as 'SAMPLE command:TYPE INDEX VALUE'.
        --callback-stats: write the audio callback's median, 99th
              percentile and maximum time as a share of the block's budget.
  devices
        List audio APIs and their output devices (ids, names, channels,
        rates) for play --api and --device.
  presets
        List the built-in breath patterns.
  help, --help, -h
        This text.
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
  the pack lacks clips for some lines, 70 internal error.

Session format reference: docs/session-format.md
)";
}

int runPresets(const Args&, std::ostream& out, std::ostream&) {
    for (const auto& p : breathPresets()) {
        out << std::left << std::setw(17) << p.name << std::right << std::fixed
            << std::setprecision(2) << std::setw(6) << p.breathsPerMinute() << "/min  ";
        for (std::size_t i = 0; i < p.segments.size(); ++i)
            out << (i ? ", " : "") << toString(p.segments[i].phase) << ' '
                << std::setprecision(2) << p.segments[i].seconds << " s";
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
    if (command == "check") return runCheck(rest, out, err);
    if (command == "info") return runInfo(rest, out, err);
    if (command == "render") return runRender(rest, out, err);
    if (command == "haptics") return runHaptics(rest, out, err);
    if (command == "presets") return runPresets(rest, out, err);
    if (command == "captions") return runCaptions(rest, out, err);
    if (command == "voices") return runVoices(rest, out, err);
    if (command == "voice-pack") return runVoicePack(rest, out, err);
    if (command == "play") return runPlay(rest, out, err);
    if (command == "devices") return runDevices(rest, out, err);

    constexpr std::string_view commands[] = {"check",      "info",    "render",  "captions",
                                             "haptics",    "play",    "devices", "voices",
                                             "voice-pack", "presets", "help",    "version"};
    err << "stillpoint: unknown command '" << command << "'";
    if (auto near = nearestName(command, commands)) err << "; did you mean '" << *near << "'?";
    err << "\nrun 'stillpoint --help' for the commands\n";
    return kExitUsage;
}

}  // namespace stillpoint::cli
