#!/usr/bin/env bash
# Catalogue rendering (render-batch): sessions per minute per core, the
# speedup from -j1 to -j2, and what sharing narration across the catalogue
# saves. The catalogue: four shipped sessions (body scans and groundings,
# which share many lines) for four listener profiles each, 16 jobs.
#
#   bench/catalogue_bench.sh STILLPOINT      (scripts/bench runs it on the release build)
set -euo pipefail
stillpoint="$(realpath "${1:?usage: catalogue_bench.sh STILLPOINT}")"
root="$(cd "$(dirname "$0")/.." && pwd)"
tmp="$(mktemp -d)"
trap 'rm -rf "$tmp"' EXIT
calc() { echo "$*" | bc -l; }
# Runs a command under /usr/bin/time; sets wall and cpu (user + system) seconds.
timed() {
  /usr/bin/time -f '%e %U %S' -o "$tmp/time" "$@"
  read -r wall user system <"$tmp/time"
  cpu=$(calc "$user + $system")
}
field() { grep -oE "\"$1\": [0-9.]+" "$2" | head -1 | awk '{print $2}'; }

manifest="$tmp/catalogue.jsonl"
profiles=('' ', "avoid": ["chest", "throat"]' ', "rate": 44100, "captions": "vtt"' ', "avoid": ["belly"], "channels": 1')
jobs=0
for session in body-scan-5 body-scan-10 arrive-and-breathe grounding-5-4-3-2-1; do
  for p in 0 1 2 3; do
    printf '{"session": "%s/assets/sessions/%s.yaml", "output": "p%d/%s.wav"%s}\n' \
      "$root" "$session" "$p" "$session" "${profiles[$p]}" >>"$manifest"
    jobs=$((jobs + 1))
  done
done

# Narration shared: one render-batch over an empty cache makes each distinct line once.
timed env XDG_CACHE_HOME="$tmp/cache-shared" "$stillpoint" render-batch "$manifest" --out "$tmp/shared" \
  -j1 --quiet --summary "$tmp/shared.json"
shared=$cpu
shared_lines=$(field lines_synthesised "$tmp/shared.json")

# Not shared: each job alone with a cache of its own, as separate renders on separate machines.
unshared_lines=0
unshared=0
n=0
while IFS= read -r row; do
  n=$((n + 1))
  session=$(echo "$row" | grep -oE '"session": "[^"]+"' | cut -d'"' -f4)
  args=()
  echo "$row" | grep -q '"rate": 44100' && args+=(--rate 44100)
  echo "$row" | grep -q '"channels": 1' && args+=(--channels 1)
  echo "$row" | grep -q '"captions"' && args+=(--captions vtt)
  echo "$row" | grep -q '"chest", "throat"' && args+=(--avoid chest,throat)
  echo "$row" | grep -q '"belly"' && args+=(--avoid belly)
  timed env XDG_CACHE_HOME="$tmp/cache-alone-$n" "$stillpoint" render "$session" \
    -o "$tmp/alone-$n.wav" "${args[@]}" >/dev/null 2>"$tmp/alone.err"
  made=$(grep -oE 'narration: [0-9]+ lines rendered' "$tmp/alone.err" | grep -oE '[0-9]+' || true)
  unshared_lines=$((unshared_lines + ${made:-0}))
  unshared=$(calc "$unshared + $cpu")
done <"$manifest"

# Narration made (a warm cache): the render itself, at one and two workers.
timed env XDG_CACHE_HOME="$tmp/cache-shared" "$stillpoint" render-batch "$manifest" --out "$tmp/j1" \
  -j1 --quiet --summary "$tmp/j1.json"
j1=$wall j1cpu=$cpu
timed env XDG_CACHE_HOME="$tmp/cache-shared" "$stillpoint" render-batch "$manifest" --out "$tmp/j2" \
  -j2 --quiet --summary "$tmp/j2.json"
j2=$wall j2cpu=$cpu
audio=$(field audio_seconds "$tmp/j1.json")

# Per core: jobs per minute of CPU time, which other work on the machine does not inflate.
printf '\ncatalogue (render-batch), %d jobs, %.0f min of audio; load average %s on %d cores:\n' \
  "$jobs" "$(calc "$audio / 60")" "$(cut -d' ' -f1-3 /proc/loadavg)" "$(nproc)"
printf '  -j1, narration cached   %6.2f s wall, %6.2f s CPU: %5.1f sessions/min per core (%.0fx real time per core)\n' \
  "$j1" "$j1cpu" "$(calc "$jobs / ($j1cpu / 60)")" "$(calc "$audio / $j1cpu")"
printf '  -j2, narration cached   %6.2f s wall, %6.2f s CPU: speedup %.2fx over -j1 (wall), CPU %.2fx of -j1\n' \
  "$j2" "$j2cpu" "$(calc "$j1 / $j2")" "$(calc "$j2cpu / $j1cpu")"
printf '  narration shared        %6.2f s CPU, %4d lines synthesised (one render-batch, cold cache)\n' \
  "$shared" "$shared_lines"
printf '  narration not shared    %6.2f s CPU, %4d lines synthesised (each job alone, cold cache)\n' \
  "$unshared" "$unshared_lines"
printf '  sharing saves           %6.2f s CPU (%.0f%%), %d of %d syntheses\n' \
  "$(calc "$unshared - $shared")" "$(calc "100 * ($unshared - $shared) / $unshared")" \
  "$((unshared_lines - shared_lines))" "$unshared_lines"
