"""Every format `stillpoint haptics` writes, for each session given, valid by
the format's own rules (format_rules.py) and, for AHAP, its schema. First it
makes sure each rule can fail: a document broken in each way is refused.

usage: check_export_rules.py STILLPOINT SCHEMA WORKDIR SESSION..."""
import copy
import json
import os
import subprocess
import sys

from format_rules import ahap_problems, android_problems, meta_problems
from json_schema_check import validate

CHECKS = {"haptic": meta_problems, "ahap": ahap_problems, "android": android_problems}


def export(stillpoint, session, workdir, fmt):
    name = os.path.splitext(os.path.basename(session))[0]
    out = os.path.join(workdir, f"{name}.{fmt}.json")
    result = subprocess.run([stillpoint, "haptics", session, "--format", fmt, "-o", out, "--quiet"],
                            capture_output=True, text=True)
    if result.returncode != 0:
        sys.exit(f"stillpoint haptics {session} --format {fmt} exited {result.returncode}: {result.stderr}")
    with open(out) as f:
        return json.load(f)


def broken_variants(documents):
    """(format, what is broken, document) for each rule, from valid exports."""
    meta, ahap, android = documents["haptic"], documents["ahap"], documents["android"]
    amp = lambda d: d["signals"]["continuous"]["envelopes"]["amplitude"]
    cases = []

    def variant(fmt, what, doc, change):
        doc = copy.deepcopy(doc)
        change(doc)
        cases.append((fmt, what, doc))

    def low_emphasis(d):
        point = max(amp(d), key=lambda p: p["amplitude"])
        point["emphasis"] = {"amplitude": point["amplitude"] / 2, "frequency": 0.5}
    variant("haptic", "emphasis below the envelope", meta, low_emphasis)
    variant("haptic", "times going back", meta, lambda d: amp(d).reverse())
    variant("haptic", "amplitude above 1", meta, lambda d: amp(d)[0].update(amplitude=1.5))
    variant("haptic", "emphasis frequency above 1", meta,
            lambda d: amp(d)[0].update(emphasis={"amplitude": 1, "frequency": 2}))
    variant("haptic", "empty amplitude envelope", meta, lambda d: amp(d).clear())
    variant("haptic", "frequency above 1", meta,
            lambda d: d["signals"]["continuous"]["envelopes"]["frequency"][0].update(frequency=1.2))

    def curve(d):
        return next(e["ParameterCurve"] for e in d["Pattern"] if "ParameterCurve" in e)
    def event(d):
        return next(e["Event"] for e in d["Pattern"] if "Event" in e)
    variant("ahap", "17 control points", ahap,
            lambda d: curve(d).update(ParameterCurveControlPoints=[
                {"Time": k * 0.1, "ParameterValue": 0.5} for k in range(17)]))
    variant("ahap", "control point times not ascending", ahap,
            lambda d: curve(d)["ParameterCurveControlPoints"].reverse())
    variant("ahap", "a 0 s continuous event", ahap, lambda d: event(d).update(EventDuration=0))
    variant("ahap", "a 31 s continuous event", ahap, lambda d: event(d).update(EventDuration=31))
    variant("ahap", "intensity above 1", ahap,
            lambda d: curve(d)["ParameterCurveControlPoints"][0].update(ParameterValue=1.01))
    variant("android", "a 0 ms timing", android, lambda d: d["segments"][0]["timings"].__setitem__(0, 0))
    variant("android", "amplitude 256", android, lambda d: d["segments"][0]["amplitudes"].__setitem__(0, 256))
    variant("android", "one amplitude missing", android, lambda d: d["segments"][0]["amplitudes"].pop())

    def long_segment(d):
        d["segments"][0]["timings"][0] += 60001
        d["segments"][0]["durationMs"] += 60001
    variant("android", "a segment over 60 s", android, long_segment)
    return cases


def main():
    stillpoint, schema_path, workdir, sessions = sys.argv[1], sys.argv[2], sys.argv[3], sys.argv[4:]
    os.makedirs(workdir, exist_ok=True)
    with open(schema_path) as f:
        schema = json.load(f)
    failures = 0
    for n, session in enumerate(sessions):
        documents = {fmt: export(stillpoint, session, workdir, fmt) for fmt in CHECKS}
        valid = True
        for fmt, check in CHECKS.items():
            problems = check(documents[fmt])
            if fmt == "ahap":
                problems += validate(documents[fmt], schema)
            for problem in problems[:5]:
                print(f"FAIL: {session}: {fmt}: {problem}")
            if len(problems) > 5:
                print(f"FAIL: {session}: {fmt}: ... {len(problems)} problems in all")
            valid = valid and not problems
        failures += not valid
        amplitude = documents["haptic"]["signals"]["continuous"]["envelopes"]["amplitude"]
        print(f"{os.path.basename(session)}: .haptic {len(amplitude)} breakpoints, "
              f"{sum('emphasis' in p for p in amplitude)} emphases; AHAP "
              f"{sum('ParameterCurve' in e for e in documents['ahap']['Pattern'])} curves; Android "
              f"{len(documents['android']['segments'])} segments: {'valid' if valid else 'INVALID'}")
        if n == 0:
            for fmt, what, doc in broken_variants(documents):
                if not CHECKS[fmt](doc):
                    print(f"FAIL: the {fmt} rules accept {what}")
                    failures += 1
    return 1 if failures else 0


if __name__ == "__main__":
    sys.exit(main())
