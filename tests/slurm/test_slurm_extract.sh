#!/usr/bin/env bash
# The Slurm array of packaging/slurm/extract-array.sbatch, for real (issue 19): a one-node cluster
# on this machine (munged with its own key and socket, slurmctld and slurmd with a minimal
# slurm.conf, all in a temporary folder), a throwaway PostgreSQL cluster holding a shared project
# with a generated demo dataset, four array tasks extracting into it, and the result compared with
# one extraction by a single process into a project folder: the feature exports must be equal
# byte for byte. A task submitted again finds its share done.
#   test_slurm_extract.sh SENTILENS_CLI SBATCH_SCRIPT
# Exit 77 (CTest: skipped) when Slurm, munge or PostgreSQL are not installed or when not root
# (slurmd must start jobs as the submitting user and PostgreSQL runs as 'nobody').
set -euo pipefail
cli=$(realpath "$1") script=$(realpath "$2")
skip() { echo "SKIP: $*"; exit 77; }
for tool in munged munge slurmctld slurmd sbatch sinfo scontrol runuser; do
    command -v "$tool" >/dev/null || skip "$tool is not installed (Debian: slurmctld slurmd slurm-client munge)"
done
pg_bin=$(ls -d /usr/lib/postgresql/*/bin 2>/dev/null | sort -V | tail -1)
[[ -n $pg_bin && -x $pg_bin/initdb ]] || skip "PostgreSQL's server programs are not installed (Debian: postgresql-15)"
[[ $(id -u) == 0 ]] || skip "needs root: slurmd runs the jobs, PostgreSQL runs as nobody"

work=$(mktemp -d /tmp/sentilens-slurm.XXXXXX)
chmod 755 "$work"
export SLURM_CONF=$work/slurm.conf XDG_CONFIG_HOME=$work/config
now_ms() { echo $(( $(date +%s%N) / 1000000 )); }
started=$(now_ms)
seconds_since() { local ms=$(( $(now_ms) - $1 )); printf '%d.%03d' $((ms / 1000)) $((ms % 1000)); }
elapsed() { seconds_since "$started"; }
# Stops a daemon by its pid file, with SIGKILL when it has not gone within five seconds (a
# lingering slurmd would hold its port against the next run).
stop_daemon() {
    [[ -f $1 ]] || return 0
    local pid
    pid=$(cat "$1")
    kill "$pid" 2>/dev/null || return 0
    for _ in $(seq 50); do kill -0 "$pid" 2>/dev/null || return 0; sleep 0.1; done
    kill -9 "$pid" 2>/dev/null || true
}
cleanup() {
    stop_daemon "$work/slurmd.pid"
    stop_daemon "$work/slurmctld.pid"
    stop_daemon "$work/munge/munged.pid"
    [[ -d $work/pg/data ]] && runuser -u nobody -- "$pg_bin/pg_ctl" -D "$work/pg/data" -m immediate -w stop >/dev/null 2>&1 || true
    sleep 1
    rm -rf "$work"
}
trap cleanup EXIT
fail() { echo "FAILED: $*" >&2; for log in "$work"/log/*.log "$work"/out-*.txt; do [[ -f $log ]] && { echo "--- $log"; tail -20 "$log"; }; done >&2; exit 1; }

# munge: a key of our own and a socket in the folder, so nothing of the machine's is touched.
mkdir -m 700 "$work/munge" "$work/log"
dd if=/dev/urandom of="$work/munge/munge.key" bs=1024 count=1 status=none
chmod 400 "$work/munge/munge.key"
munged --force --socket="$work/munge/munge.socket" --key-file="$work/munge/munge.key" \
    --pid-file="$work/munge/munged.pid" --log-file="$work/log/munged.log" --seed-file="$work/munge/seed" \
    || fail "munged did not start"

# PostgreSQL as nobody on a unix socket in the folder.
mkdir -m 700 "$work/pg" && chown nobody "$work/pg"
runuser -u nobody -- "$pg_bin/initdb" -D "$work/pg/data" -U sentilens --auth=trust --no-locale -E UTF8 --no-sync >/dev/null \
    || fail "initdb"
runuser -u nobody -- "$pg_bin/pg_ctl" -D "$work/pg/data" -l "$work/pg/server.log" -w -t 60 \
    -o "-k $work/pg -p 5432 -c listen_addresses='' -c fsync=off" start >/dev/null || fail "PostgreSQL did not start"
"$pg_bin/psql" -h "$work/pg" -U sentilens -d postgres -q -c "CREATE DATABASE study TEMPLATE template0 LOCALE 'C'" \
    || fail "CREATE DATABASE"
socket=$(python3 -c 'import sys, urllib.parse; print(urllib.parse.quote(sys.argv[1], safe=""))' "$work/pg")
url="postgresql://sentilens@$socket:5432/study"

# The dataset: a generated demo project's MMSA folder (label.csv + Raw/), imported twice.
"$cli" demo "$work/demo" --clips 12 >/dev/null || fail "demo"
dataset=$work/demo/media/demo
"$cli" init --server "$url" --media-root "$dataset" --name Study >/dev/null || fail "init --server"
"$cli" import "$url" "$dataset" >/dev/null || fail "import into the server project"
"$cli" init "$work/single" --name Study >/dev/null || fail "init folder"
"$cli" import "$work/single" "$dataset" >/dev/null || fail "import into the folder"
"$cli" extract "$work/single" >/dev/null || fail "single-process extract"
echo "set-up done after $(elapsed) s"

# A one-node cluster on this machine.
host=$(hostname -s)
# Two ports free now, so that the test never meets another cluster on this machine.
read -r controller_port node_port < <(python3 -c 'import socket
s = [socket.socket() for _ in range(2)]
for x in s: x.bind(("127.0.0.1", 0))
print(*(x.getsockname()[1] for x in s))')
mkdir -p "$work/state" "$work/spool"
cat >"$SLURM_CONF" <<CONF
ClusterName=sentilens-test
SlurmctldHost=$host
SlurmctldPort=$controller_port
SlurmdPort=$node_port
SlurmUser=root
SlurmdUser=root
AuthType=auth/munge
CredType=cred/munge
AuthInfo=socket=$work/munge/munge.socket
StateSaveLocation=$work/state
SlurmdSpoolDir=$work/spool
SlurmctldPidFile=$work/slurmctld.pid
SlurmdPidFile=$work/slurmd.pid
SlurmctldLogFile=$work/log/slurmctld.log
SlurmdLogFile=$work/log/slurmd.log
ProctrackType=proctrack/pgid
TaskPlugin=task/none
SelectType=select/cons_tres
SelectTypeParameters=CR_CPU
MpiDefault=none
ReturnToService=2
JobAcctGatherType=jobacct_gather/none
AccountingStorageType=accounting_storage/none
NodeName=$host CPUs=$(nproc) State=UNKNOWN
PartitionName=test Nodes=$host Default=YES MaxTime=INFINITE State=UP
CONF
slurmctld -i || fail "slurmctld did not start"
slurmd || fail "slurmd did not start"
for _ in $(seq 60); do sinfo -h -o %t 2>/dev/null | grep -q idle && break; sleep 0.5; done
sinfo -h -o %t | grep -q idle || fail "the node never became idle"
echo "cluster up after $(elapsed) s"

array_started=$(now_ms)
sbatch --wait --array=0-3 --output="$work/out-%a.txt" --export=ALL,SENTILENS_PROJECT="$url",SENTILENS_CLI="$cli" \
    "$script" >/dev/null || fail "the array job failed"
array_seconds=$(seconds_since "$array_started")
total=0
for task in 0 1 2 3; do
    n=$(grep -Eo 'Extracted [0-9]+' "$work/out-$task.txt" | grep -Eo '[0-9]+') || fail "task $task printed no summary"
    total=$((total + n))
done
[[ $total == 36 ]] || fail "the four tasks extracted $total units, not 12 clips x 3 extractors"
"$cli" stats "$url" --json | python3 -c 'import json, sys; f = json.load(sys.stdin)["features"]; sys.exit(0 if len(f) == 3 and all(s["clips"] == 12 for s in f) else 1)' \
    || fail "stats does not count 12 extracted clips per modality"

# A task sent again (its node died, say) finds its share done and adds nothing.
sbatch --wait --array=2 --output="$work/again.txt" --export=ALL,SENTILENS_PROJECT="$url",SENTILENS_CLI="$cli",SLURM_ARRAY_TASK_COUNT=4 \
    "$script" >/dev/null || fail "the re-run task failed"
grep -q 'Extracted 0,' "$work/again.txt" || fail "the re-run task extracted again: $(cat "$work/again.txt")"

"$cli" export "$url" --features "$work/cluster.pkl" >/dev/null || fail "export from the server project"
"$cli" export "$work/single" --features "$work/single.pkl" >/dev/null || fail "export from the folder"
cmp "$work/cluster.pkl" "$work/single.pkl" || fail "the cluster's features differ from one process's"
echo "PASS: 4 array tasks extracted 12 clips into PostgreSQL in $array_seconds s (whole test $(elapsed) s); features equal to one process's, byte for byte"
