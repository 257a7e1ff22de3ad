"""End to end: `stillpoint haptics` in every format, checked against the
formats' documented structure and limits and against the audio that
`stillpoint render` writes for the same session.

usage: check_exports.py STILLPOINT SCHEMA SESSION WORKDIR"""
import copy
import json
import os
import subprocess
import sys
import wave

from format_rules import ahap_problems, android_problems, meta_problems
from json_schema_check import validate

failures = []


def check(condition, message):
    if not condition:
        failures.append(message)
        print("FAIL:", message)


def run(*args):
    result = subprocess.run(args, capture_output=True, text=True)
    if result.returncode != 0:
        sys.exit(f"{' '.join(args)} exited {result.returncode}: {result.stderr}")
    return result


def export(stillpoint, session, workdir, fmt, *extra):
    out = os.path.join(workdir, f"{fmt}{'-'.join(extra)}.json")
    run(stillpoint, "haptics", session, "--format", fmt, "-o", out, *extra)
    with open(out) as f:
        return json.load(f)


def curve_points(ahap):
    """Every HapticIntensityControl point as (absolute time, value), curve by curve."""
    curves = []
    for entry in ahap["Pattern"]:
        curve = entry.get("ParameterCurve")
        if curve and curve["ParameterID"] == "HapticIntensityControl":
            curves.append([(curve["Time"] + p["Time"], p["ParameterValue"])
                           for p in curve["ParameterCurveControlPoints"]])
    return curves


def main():
    stillpoint, schema_path, session, workdir = sys.argv[1:5]
    os.makedirs(workdir, exist_ok=True)
    with open(schema_path) as f:
        schema = json.load(f)

    wav = os.path.join(workdir, "audio.wav")
    run(stillpoint, "render", session, "-o", wav, "--quiet")
    with wave.open(wav) as w:
        audio_seconds = w.getnframes() / w.getframerate()
    audio_ms = round(audio_seconds * 1000)

    # ---- AHAP -----------------------------------------------------------
    ahap = export(stillpoint, session, workdir, "ahap")
    problems = validate(ahap, schema)
    check(not problems, f"AHAP does not match the schema: {problems[:5]}")
    problems = ahap_problems(ahap)
    check(not problems, f"AHAP breaks Core Haptics' rules: {problems[:5]}")
    # The schema must be able to fail, or passing it proves nothing.
    broken = copy.deepcopy(ahap)
    curve = next(e["ParameterCurve"] for e in broken["Pattern"] if "ParameterCurve" in e)
    curve["ParameterCurveControlPoints"] *= 2  # more than 16 points
    check(validate(broken, schema), "schema accepts a curve of more than 16 points")
    broken = copy.deepcopy(ahap)
    next(e["Event"] for e in broken["Pattern"] if "Event" in e)["EventDuration"] = 31
    check(validate(broken, schema), "schema accepts a 31 s continuous event")
    broken = copy.deepcopy(ahap)
    broken["Pattern"].append({"Event": {"Time": 0, "EventType": "HapticBuzz"}})
    check(validate(broken, schema), "schema accepts an unknown event type")

    events = [e["Event"] for e in ahap["Pattern"] if "Event" in e]
    covered = sum(e["EventDuration"] for e in events)
    check(abs(covered - audio_seconds) < 1e-3,
          f"AHAP continuous events cover {covered} s, the audio lasts {audio_seconds} s")
    curves = curve_points(ahap)
    check(len(curves) > 1, "AHAP has a single intensity curve for a whole session")
    for a, b in zip(curves, curves[1:]):
        check(abs(a[-1][0] - b[0][0]) < 1e-3 and abs(a[-1][1] - b[0][1]) < 1e-3,
              f"AHAP curves do not join at {a[-1]} / {b[0]}")
    values = [v for c in curves for _, v in c]
    check(max(values) > 0.7, f"AHAP intensity peaks at {max(values)}, expected the breath's 0.8+")
    capped = curve_points(export(stillpoint, session, workdir, "ahap", "--haptic-cap", "0.3"))
    capped_max = max(v for c in capped for _, v in c)
    check(0.25 < capped_max <= 0.3, f"AHAP with cap 0.3 peaks at {capped_max}")

    # ---- Android --------------------------------------------------------
    android = export(stillpoint, session, workdir, "android")
    problems = android_problems(android)
    check(not problems, f"Android waveform breaks createWaveform's rules: {problems[:5]}")
    total = 0
    for k, seg in enumerate(android["segments"]):
        t, a = seg["timings"], seg["amplitudes"]
        check(len(t) == len(a) and 0 < len(t) <= 1000, f"segment {k}: {len(t)} timings, {len(a)} amplitudes")
        check(all(isinstance(x, int) and 0 <= x <= 255 for x in a), f"segment {k}: amplitude outside 0..255")
        check(all(isinstance(x, int) and x > 0 for x in t), f"segment {k}: a timing is not a positive int")
        check(sum(t) == seg["durationMs"] <= 60000, f"segment {k}: timings add to {sum(t)}, says {seg['durationMs']}")
        check(seg["startMs"] == total, f"segment {k} starts at {seg['startMs']}, previous ended at {total}")
        total += sum(t)
    check(total == android["durationMs"] == audio_ms,
          f"Android timings add to {total} ms, the audio lasts {audio_ms} ms")
    check(max(max(s["amplitudes"]) for s in android["segments"]) > 180, "Android amplitudes never reach the breath's peak")
    capped = export(stillpoint, session, workdir, "android", "--haptic-cap", "0.3")
    check(max(max(s["amplitudes"]) for s in capped["segments"]) <= round(0.3 * 255),
          "Android amplitudes pass the cap")

    # ---- Meta Haptics Studio -------------------------------------------
    meta = export(stillpoint, session, workdir, "haptic")
    problems = meta_problems(meta)
    check(not problems, f".haptic breaks Meta's data model rules: {problems[:5]}")
    check(meta["version"]["major"] == 1, "haptic: version.major is not 1")
    amp = meta["signals"]["continuous"]["envelopes"]["amplitude"]
    times = [p["time"] for p in amp]
    check(all(b > a for a, b in zip(times, times[1:])), "haptic: amplitude times do not ascend")
    check(all(0 <= p["amplitude"] <= 1 for p in amp), "haptic: amplitude outside 0..1")
    check(abs(times[-1] - audio_seconds) < 0.01, f"haptic: ends at {times[-1]} s, audio at {audio_seconds} s")
    emphasis = [p["emphasis"] for p in amp if "emphasis" in p]
    check(emphasis and all(0 <= e["amplitude"] <= 1 and 0 <= e["frequency"] <= 1 for e in emphasis),
          "haptic: no taps as emphasis, or emphasis out of range")

    print(f"audio {audio_seconds:.3f} s; AHAP {len(events)} events, {len(curves)} curves, "
          f"{sum(map(len, curves))} points; Android {len(android['segments'])} segments; "
          f".haptic {len(amp)} breakpoints, {len(emphasis)} emphases")
    return 1 if failures else 0


if __name__ == "__main__":
    sys.exit(main())
