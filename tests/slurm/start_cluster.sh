#!/usr/bin/env bash
# Starts a one-node Slurm cluster on this machine, all of it under DIR:
# munged with a key made here, slurmctld and slurmd with a minimal
# slurm.conf (no cgroups, no accounting, free ports), then waits until the
# node takes jobs. Debian's slurm-wlm and munge provide the daemons
# (scripts/setup installs them).
#
#   tests/slurm/start_cluster.sh DIR      prints the line to source: export SLURM_CONF=DIR/slurm.conf
#   tests/slurm/stop_cluster.sh DIR       stops what this started
#
# Exit 77 (what ctest reads as "skipped") when the cluster cannot start
# here, with the reason on stderr; the daemons' logs are in DIR.
set -euo pipefail
dir="$(realpath -m "${1:?usage: start_cluster.sh DIR}")"
skip() { echo "slurm cluster: $*; the logs are in $dir" >&2; "$(dirname "$0")/stop_cluster.sh" "$dir" >/dev/null 2>&1 || true; exit 77; }

for tool in munged mungekey slurmctld slurmd sbatch squeue scontrol scancel; do
  command -v "$tool" >/dev/null || skip "'$tool' is not installed (scripts/setup installs slurm-wlm and munge)"
done
mkdir -p "$dir"/{munge,state,spool,log}
chmod 700 "$dir/munge"

# munge: its own key, socket and files, none of the system's.
rm -f "$dir/munge/munge.key"
mungekey --create --keyfile="$dir/munge/munge.key" 2>"$dir/log/mungekey.log" || skip "mungekey could not make a key"
chmod 600 "$dir/munge/munge.key"
socket="$dir/munge/munge.socket"
munged --force --key-file="$dir/munge/munge.key" --socket="$socket" \
  --pid-file="$dir/munge/munged.pid" --log-file="$dir/log/munged.log" \
  --seed-file="$dir/munge/munged.seed" 2>>"$dir/log/munged.log" || skip "munged did not start"

free_port() { python3 -c 'import socket; s=socket.socket(); s.bind(("127.0.0.1", 0)); print(s.getsockname()[1])'; }
node="$(hostname -s)"
user="$(id -un)"
cpus="$(nproc)"
memory=$(( $(awk '/MemTotal/ {print $2}' /proc/meminfo) / 1024 / 2 ))
cat >"$dir/slurm.conf" <<CONF
ClusterName=stillpoint-test
SlurmctldHost=$node(127.0.0.1)
SlurmUser=$user
SlurmdUser=$user
SlurmctldPort=$(free_port)
SlurmdPort=$(free_port)
AuthType=auth/munge
CredType=cred/munge
AuthInfo=socket=$socket
StateSaveLocation=$dir/state
SlurmdSpoolDir=$dir/spool
SlurmctldPidFile=$dir/slurmctld.pid
SlurmdPidFile=$dir/slurmd.pid
SlurmctldLogFile=$dir/log/slurmctld.log
SlurmdLogFile=$dir/log/slurmd.log
ProctrackType=proctrack/linuxproc
TaskPlugin=task/none
JobAcctGatherType=jobacct_gather/none
AccountingStorageType=accounting_storage/none
SchedulerType=sched/builtin
SelectType=select/cons_tres
SelectTypeParameters=CR_CPU
MpiDefault=none
ReturnToService=2
KillWait=5
MinJobAge=600
NodeName=$node NodeAddr=127.0.0.1 CPUs=$cpus RealMemory=$memory State=UNKNOWN
PartitionName=test Nodes=$node Default=YES MaxTime=INFINITE State=UP OverSubscribe=NO
CONF
export SLURM_CONF="$dir/slurm.conf"

slurmctld -f "$SLURM_CONF" -i 2>>"$dir/log/slurmctld.log" || skip "slurmctld did not start"
slurmd -f "$SLURM_CONF" -N "$node" 2>>"$dir/log/slurmd.log" || skip "slurmd did not start"

for _ in $(seq 100); do
  state="$(sinfo -h -n "$node" -o %T 2>/dev/null || true)"
  case "$state" in idle|idle~|mixed|allocated) echo "export SLURM_CONF=$SLURM_CONF"; exit 0 ;; esac
  sleep 0.2
done
skip "the node did not come up (its state: '${state:-none}')"
