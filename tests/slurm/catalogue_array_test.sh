#!/usr/bin/env bash
# render-batch on a real Slurm: a one-node cluster on this machine runs a
# 4-task job array over a 40-job catalogue, and every file it writes must be
# byte for byte what a local `render-batch` writes. Then one task's share
# is rendered again as a task of its own, killed mid-way (SIGKILL, as a
# node failure or a time limit would), resubmitted, and compared again.
#
#   tests/slurm/catalogue_array_test.sh STILLPOINT WORKDIR
#
# Exit 0 when both match, 1 when not, 77 (skipped) when Slurm cannot start here.
set -euo pipefail
stillpoint="$(realpath "${1:?usage: catalogue_array_test.sh STILLPOINT WORKDIR}")"
work="$(realpath -m "${2:?usage: catalogue_array_test.sh STILLPOINT WORKDIR}")"
here="$(cd "$(dirname "$0")" && pwd)"
fail() { echo "catalogue on Slurm: FAILED: $*" >&2; exit 1; }

[ -d "$work/cluster" ] && "$here/stop_cluster.sh" "$work/cluster"
rm -rf "$work"
mkdir -p "$work/catalogue"
trap '"$here/stop_cluster.sh" "$work/cluster"' EXIT
status=0
"$here/start_cluster.sh" "$work/cluster" >"$work/cluster.env" || status=$?
[ "$status" -eq 0 ] || exit "$status"
# shellcheck disable=SC1091
source "$work/cluster.env"

# The catalogue: four short sessions sharing some lines, forty listeners
# with their own options and formats.
lines=("You might notice the room around you." "Sounds come and go." \
       "If it feels right, rest your hands." "When you are ready, look around the room.")
for s in 0 1 2 3; do
  cat >"$work/catalogue/session-$s.yaml" <<YAML
title: catalogue $s
sections:
  - name: arriving
    steps:
      - say: "${lines[$s]}"
      - breathe: {pattern: coherent, duration: $((10 + 4 * s))s}
      - say: "${lines[$(( (s + 1) % 4 ))]}"
YAML
done
manifest="$work/catalogue/catalogue.jsonl"
formats=(wav flac ogg)
for k in $(seq 0 39); do
  options=""
  [ $((k % 5)) -eq 1 ] && options+=', "rate": 44100'
  [ $((k % 7)) -eq 2 ] && options+=', "captions": "vtt"'
  [ $((k % 6)) -eq 3 ] && options+=', "channels": 1'
  [ $((k % 4)) -eq 0 ] && options+=', "avoid": ["chest", "throat"]'
  printf '{"session": "session-%d.yaml", "output": "l%02d/practice.%s"%s}\n' \
    $((k % 4)) "$k" "${formats[$((k % 3))]}" "$options" >>"$manifest"
done

echo "catalogue on Slurm: local reference run" >&2
XDG_CACHE_HOME="$work/cache-local" "$stillpoint" render-batch "$manifest" --out "$work/local" \
  -j2 --quiet --summary "$work/local-summary.json" || fail "the local run failed"

out="$work/cluster-out"
cat >"$work/render.sbatch" <<SBATCH
#!/bin/sh
#SBATCH --cpus-per-task=1
exec "$stillpoint" render-batch "$manifest" --out "$out" --quiet --summary "$work/summary-\${SLURM_ARRAY_TASK_ID}-\${SLURM_JOB_ID}.json"
SBATCH
export XDG_CACHE_HOME="$work/cache-cluster"  # the tasks share one narration cache

# Waits for a job (all its tasks) to leave the queue; prints its tasks' states and exit codes.
finished() {
  for _ in $(seq 600); do
    [ -z "$(squeue -h -j "$1" 2>/dev/null)" ] && break
    sleep 0.2
  done
  [ -z "$(squeue -h -j "$1" 2>/dev/null)" ] || fail "job $1 still queued after 120 s"
  scontrol show job "$1" | grep -oE 'JobState=[A-Z_]+|ExitCode=[0-9:]+' | paste - - | sort | uniq -c
}

same_files() {
  diff -r "$work/local" "$out" >"$work/diff.txt" 2>&1 || { cat "$work/diff.txt" >&2; fail "$1"; }
  [ -z "$(find "$out" -name '*.partial-*')" ] || fail "$1: temporaries were left"
  echo "catalogue on Slurm: $(find "$out" -type f | wc -l) files the same as the local run's ($1)" >&2
}

echo "catalogue on Slurm: a 4-task array over 40 jobs" >&2
job=$(sbatch --parsable --array=0-3 -o "$work/task-%a.log" "$work/render.sbatch")
states="$(finished "$job")"
echo "$states" >&2
[ "$(echo "$states" | grep -c 'JobState=COMPLETED.*ExitCode=0:0')" -eq 1 ] &&
  [ "$(echo "$states" | awk '{s+=$1} END {print s}')" -eq 4 ] || fail "not every task completed with exit 0"
same_files "4-task array"

# Shard 2's jobs are l02, l06 ... l38: removed, then rendered by task 2 alone
# (STILLPOINT_SHARD_COUNT: a resubmitted task's id is its shard), killed mid-way.
shard_done() { find "$out" -path "$out/l*" -type f ! -name '*.partial-*' | grep -cE '/l(0[26]|1[048]|2[26]|3[048])/' || true; }
for k in $(seq 2 4 38); do rm -rf "$out/$(printf 'l%02d' "$k")"; done
job=$(sbatch --parsable --array=2 --export=ALL,STILLPOINT_SHARD_COUNT=4 -o "$work/kill-%a.log" "$work/render.sbatch")
for _ in $(seq 1200); do
  [ "$(shard_done)" -ge 2 ] && break
  [ -z "$(squeue -h -j "$job" 2>/dev/null)" ] && break
  sleep 0.05
done
# SIGKILL to the task's own processes, as a node that dies would leave it:
# nothing is cleaned up, its temporaries stay.
pids=$(scontrol listpids "$job" 2>/dev/null | awk 'NR > 1 && $1 ~ /^[0-9]+$/ {print $1}')
[ -n "$pids" ] || fail "task 2 ended before it could be killed"
kill -9 $pids 2>/dev/null || true
finished "$job" >&2
done_before=$(shard_done)
echo "catalogue on Slurm: task 2 killed with $done_before of its files written," \
  "$(find "$out" -name '*.partial-*' | wc -l) temporaries left" >&2
[ "$done_before" -lt 10 ] || fail "task 2 finished before it could be killed"

job=$(sbatch --parsable --array=2 --export=ALL,STILLPOINT_SHARD_COUNT=4 -o "$work/resubmit-%a.log" "$work/render.sbatch")
states="$(finished "$job")"
echo "$states" >&2
echo "$states" | grep -q 'JobState=COMPLETED.*ExitCode=0:0' || fail "the resubmitted task did not complete"
summary=$(ls -t "$work"/summary-2-*.json | head -1)
grep -q '"skipped": [1-9]' "$summary" || fail "the resubmitted task skipped nothing ($summary)"
same_files "task 2 killed and resubmitted"
echo "catalogue on Slurm: passed" >&2
