"""The rules each haptic export format's own reader applies, written from
their documentation and reference code (docs/haptics.md cites each rule).
Each check returns every problem as "where: what is wrong; what would be
right" strings; an empty list means the document is valid.

- meta_problems: Meta Haptics SDK clip (.haptic), data model 1.0, as the
  Lofelt data model's v1 validation enforces it.
- ahap_problems: Apple Core Haptics AHAP, the rules a JSON Schema cannot say
  (assets/schema/ahap.schema.json covers keys, types and ranges).
- android_problems: VibrationEffect.createWaveform arguments, per segment,
  and this project's segment limits."""

MAX_CURVE_POINTS = 16          # Core Haptics: control points per ParameterCurve
MAX_CONTINUOUS_SECONDS = 30.0  # Core Haptics: a HapticContinuous event's duration
MAX_SEGMENT_ENTRIES = 1000     # ours: one Binder parcel stays small
MAX_SEGMENT_MS = 60000         # ours


def _number(value):
    return isinstance(value, (int, float)) and not isinstance(value, bool)


def _unit(value):
    return _number(value) and 0.0 <= value <= 1.0


def meta_problems(clip):
    """Meta .haptic 1.0: amplitude envelope not empty; breakpoint amplitude,
    emphasis amplitude and frequency, and frequency breakpoints all 0..1;
    times >= 0 and never decreasing; emphasis amplitude >= the breakpoint's
    own amplitude."""
    problems = []
    version = clip.get("version", {})
    if version.get("major") != 1:
        problems.append(f"version: major {version.get('major')}; the 1.0 data model needs major 1")
    envelopes = clip.get("signals", {}).get("continuous", {}).get("envelopes", {})
    amplitude = envelopes.get("amplitude")
    if not amplitude:
        problems.append("signals.continuous.envelopes.amplitude: empty or missing; "
                        "it needs at least one breakpoint")
        amplitude = []
    last = 0.0
    for k, point in enumerate(amplitude):
        where = f"amplitude[{k}] (time {point.get('time')})"
        time, value = point.get("time"), point.get("amplitude")
        if not _number(time) or time < last:
            problems.append(f"{where}: time {time} after {last}; times must not decrease (and start >= 0)")
        else:
            last = time
        if not _unit(value):
            problems.append(f"{where}: amplitude {value}; must be 0..1")
        emphasis = point.get("emphasis")
        if emphasis is None:
            continue
        if not _unit(emphasis.get("amplitude")):
            problems.append(f"{where}: emphasis amplitude {emphasis.get('amplitude')}; must be 0..1")
        if not _unit(emphasis.get("frequency")):
            problems.append(f"{where}: emphasis frequency {emphasis.get('frequency')}; must be 0..1")
        if _number(emphasis.get("amplitude")) and _number(value) and emphasis["amplitude"] < value:
            problems.append(f"{where}: emphasis amplitude {emphasis['amplitude']} below the envelope's "
                            f"{value}; an emphasis must be at least the amplitude it highlights")
    last = 0.0
    for k, point in enumerate(envelopes.get("frequency") or []):
        where = f"frequency[{k}] (time {point.get('time')})"
        time = point.get("time")
        if not _number(time) or time < last:
            problems.append(f"{where}: time {time} after {last}; times must not decrease (and start >= 0)")
        else:
            last = time
        if not _unit(point.get("frequency")):
            problems.append(f"{where}: frequency {point.get('frequency')}; must be 0..1")
    return problems


def ahap_problems(ahap):
    """AHAP: at least one event; continuous events last more than 0 and at
    most 30 s; parameter values 0..1; a ParameterCurve has 1..16 control
    points whose times (relative to the curve's) are >= 0 and ascend."""
    problems = []
    pattern = ahap.get("Pattern") or []
    events = [e["Event"] for e in pattern if "Event" in e]
    if not events:
        problems.append("Pattern: no Event; a pattern plays events, curves only shape them")
    for k, event in enumerate(events):
        where = f"Event {k} (time {event.get('Time')})"
        if event.get("EventType") == "HapticContinuous":
            duration = event.get("EventDuration")
            if not _number(duration) or not 0.0 < duration <= MAX_CONTINUOUS_SECONDS:
                problems.append(f"{where}: EventDuration {duration}; a continuous event lasts more than "
                                f"0 and at most {MAX_CONTINUOUS_SECONDS:g} s")
        for parameter in event.get("EventParameters", []):
            if not _unit(parameter.get("ParameterValue")):
                problems.append(f"{where}: {parameter.get('ParameterID')} {parameter.get('ParameterValue')}; "
                                f"must be 0..1")
    curves = [e["ParameterCurve"] for e in pattern if "ParameterCurve" in e]
    for k, curve in enumerate(curves):
        where = f"ParameterCurve {k} (time {curve.get('Time')})"
        points = curve.get("ParameterCurveControlPoints") or []
        if not 1 <= len(points) <= MAX_CURVE_POINTS:
            problems.append(f"{where}: {len(points)} control points; a curve has 1 to {MAX_CURVE_POINTS}")
        last = -1.0
        for j, point in enumerate(points):
            time = point.get("Time")
            if not _number(time) or time < 0 or time <= last:
                problems.append(f"{where}: point {j} at {time} after {last}; times must be >= 0 and ascend")
            else:
                last = time
            if not _unit(point.get("ParameterValue")):
                problems.append(f"{where}: point {j} value {point.get('ParameterValue')}; must be 0..1")
    return problems


def android_problems(waveform):
    """createWaveform per segment: as many timings as amplitudes, at least
    one; timings positive whole milliseconds; amplitudes whole 0..255; repeat
    -1 (never loops). Ours: segments of at most 1000 entries and 60 s, each
    starting where the one before ended, adding up to durationMs."""
    problems = []
    if waveform.get("repeat") != -1:
        problems.append(f"repeat: {waveform.get('repeat')}; must be -1 (a session does not loop)")
    segments = waveform.get("segments") or []
    if not segments:
        problems.append("segments: none; a waveform needs at least one")
    total = 0
    for k, segment in enumerate(segments):
        where = f"segments[{k}] (start {segment.get('startMs')} ms)"
        timings, amplitudes = segment.get("timings") or [], segment.get("amplitudes") or []
        if len(timings) != len(amplitudes) or not timings:
            problems.append(f"{where}: {len(timings)} timings, {len(amplitudes)} amplitudes; "
                            f"createWaveform needs as many of each, at least one")
        if len(timings) > MAX_SEGMENT_ENTRIES:
            problems.append(f"{where}: {len(timings)} entries; at most {MAX_SEGMENT_ENTRIES}")
        for j, ms in enumerate(timings):
            if not isinstance(ms, int) or isinstance(ms, bool) or ms <= 0:
                problems.append(f"{where}: timing {j} is {ms}; must be a whole number of ms above 0")
        for j, amplitude in enumerate(amplitudes):
            if not isinstance(amplitude, int) or isinstance(amplitude, bool) or not 0 <= amplitude <= 255:
                problems.append(f"{where}: amplitude {j} is {amplitude}; must be a whole number 0..255")
        length = sum(t for t in timings if _number(t))
        if length != segment.get("durationMs") or length > MAX_SEGMENT_MS:
            problems.append(f"{where}: timings add to {length} ms, durationMs says {segment.get('durationMs')}; "
                            f"they must agree and stay within {MAX_SEGMENT_MS} ms")
        if segment.get("startMs") != total:
            problems.append(f"{where}: starts at {segment.get('startMs')} ms; the segment before ended at {total}")
        total += length
    if total != waveform.get("durationMs"):
        problems.append(f"durationMs: {waveform.get('durationMs')}; the segments add up to {total}")
    return problems
