#!/usr/bin/env bash
# Stops the one-node cluster start_cluster.sh started under DIR: slurmd,
# slurmctld and munged, each by the pid it wrote there.
dir="$(realpath -m "${1:?usage: stop_cluster.sh DIR}")"
for pidfile in "$dir/slurmd.pid" "$dir/slurmctld.pid" "$dir/munge/munged.pid"; do
  [ -s "$pidfile" ] || continue
  pid="$(cat "$pidfile")"
  kill "$pid" 2>/dev/null || continue
  for _ in $(seq 50); do kill -0 "$pid" 2>/dev/null || break; sleep 0.1; done
  kill -9 "$pid" 2>/dev/null || true
done
exit 0
