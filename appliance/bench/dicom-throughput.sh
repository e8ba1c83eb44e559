#!/usr/bin/env bash
# SPDX-License-Identifier: Apache-2.0
# DICOM throughput benchmark (issue 2). Prints a Markdown table; record it in docs/benchmarks.md.
#
#   receive: 1,000 MR images (256x256, 16-bit) from DCMTK storescu, over 1 association and over
#            10 parallel associations, into (a) our `serve` (fsync + atomic rename before each
#            response), (b) our `serve` with the write-ahead journal, and (c) DCMTK storescp
#            (no fsync), same machine, same run.
#   send:    the same 1,000 images from our `send` and from DCMTK storescu into DCMTK storescp.
#   memory:  peak RSS (VmHWM) of our `serve` process over the receive runs.
#   CPU:     user + system CPU per object of our `serve` (the pass and writing its files) and of
#            storescp (its forked children included), from /proc: less moved by the host's CPU
#            steal than the rates are.
#   bound:   after each one-association storescp row, storescp --ignore (reads each object, stores
#            nothing) gives storescu's and the network's time per object; plus the disk's median
#            flush time (the floor rows) this is the fastest any SCP can answer over one
#            association when it flushes that way before each response.
#
# usage: appliance/bench/dicom-throughput.sh [N_IMAGES]   (build the jar first: mvn -DskipTests package)
#        SERVE_JAVA_OPTS="..." passes JVM options to our serve (e.g. -XX:TieredStopAtLevel=1)
#        By default our serve is measured as it runs in production: started, its own start-up DICOM
#        warm-up (dicom.warmUpObjects, default 12,000 synthetic objects over loopback) finished, then
#        the timed pass; no warm-up pass by the benchmark. WARM_PASSES=1 adds one untimed storescu pass
#        of the same images first (the method of sessions 3-5, with WARM_UP_OBJECTS=0 to turn the
#        appliance's own warm-up off). REPS=N repeats every receive row pair N times.
#        STEADY=1 measures our serve in its steady state: instead of one warm-up pass, warm-up passes
#        of the same images are repeated until a whole pass costs the JIT's C2 compiler threads less
#        than 20 ms of CPU (at most MAX_WARM passes, default 25), as a long-running appliance is
#        after its first ~10,000 objects; the row says after how many objects. Without it (default)
#        the rows are one pass after a single warm-up pass, with C2 still compiling.
#        The first and last rows of the receive part are the disk's floor (flush_floor.py): the most
#        objects per second one association can get when each is flushed before its response.
#        BENCH_DIR=DIR puts the images, our spools and storescp's output folder under DIR (default
#        /var/tmp, a disk); BENCH_DIR=/dev/shm (tmpfs) takes the disk's flush cost out of both sides.
set -euo pipefail
cd "$(dirname "$0")/../.."
N=${1:-1000}
PAR=10
JAR=appliance/target/mre-appliance.jar
[ -f "$JAR" ] || { echo "build first: mvn -B -DskipTests package" >&2; exit 66; }
for t in storescu storescp; do command -v $t >/dev/null || { echo "missing $t: bash .ci/install-peers" >&2; exit 69; }; done

# Debian's DCMTK 3.6.7 leaves Nagle's algorithm on unless TCP_NODELAY=1 is in the environment of
# BOTH peers; without it every C-STORE waits ~40 ms for a delayed ACK (17 images/s). Our appliance
# always sets TCP_NODELAY. Set it for DCMTK too so the comparison measures the software.
export TCP_NODELAY=1

WORK=$(mktemp -d "${BENCH_DIR:-/var/tmp}"/mre-bench.XXXXXX)
PIDS=()
cleanup() { for p in "${PIDS[@]:-}"; do [ -n "$p" ] && kill "$p" 2>/dev/null || true; done; wait 2>/dev/null || true; rm -rf "$WORK"; }
trap cleanup EXIT

/usr/bin/python3 appliance/bench/make_mr_images.py "$WORK/imgs" "$N"
# split into PAR folders for the parallel runs
for i in $(seq 0 $((PAR-1))); do mkdir -p "$WORK/split/$i"; done
i=0; for f in "$WORK"/imgs/*.dcm; do ln "$f" "$WORK/split/$((i % PAR))/"; i=$((i+1)); done
BYTES=$(du -sb "$WORK/imgs" | cut -f1)

free_port() { /usr/bin/python3 -c 'import socket; s=socket.socket(); s.bind(("127.0.0.1",0)); print(s.getsockname()[1]); s.close()'; }
now() { date +%s.%N; }
wait_port() { for _ in $(seq 1 200); do (exec 3<>/dev/tcp/127.0.0.1/$1) 2>/dev/null && return 0; sleep 0.05; done; echo "port $1 never opened" >&2; return 1; }
count() { find "$1" -type f -name '*.dcm' -o -type f -name 'MR.*' | wc -l; }
row() { # label seconds files
  awk -v l="$1" -v s="$2" -v n="$3" -v b="$BYTES" -v N="$N" 'BEGIN { printf "| %s | %d/%d | %.2f | %.0f | %.1f |\n", l, n, N, s, n/s, (b*n/N)/s/1e6 }'
}

one_assoc() { storescu -aec "$1" 127.0.0.1 "$2" +sd "$WORK/imgs" >/dev/null; }
# CPU ticks used so far by the JVM's C2 compiler threads of process $1 (fields after the comm)
c2_ticks() { for t in /proc/"$1"/task/*; do if grep -q '^C2 CompilerThre' "$t/comm" 2>/dev/null; then sed 's/.*) //' "$t/stat" 2>/dev/null || true; fi; done | awk '{s += $12 + $13} END {print s + 0}'; }
TICK=$(getconf CLK_TCK)
# CPU (user + system, its reaped children included) used so far by process $1, in ms
cpu_ms() { sed 's/.*) //' /proc/"$1"/stat | awk -v t="$TICK" '{print ($12 + $13 + $14 + $15) * 1000 / t}'; }
cpu_per_object() { awk -v a="$1" -v b="$2" -v n="$N" 'BEGIN { printf "%.2f ms per object", (b - a) / n }'; }
par_assoc() {
  local ps=()
  for i in $(seq 0 $((PAR-1))); do storescu -aec "$1" 127.0.0.1 "$2" +sd "$WORK/split/$i" >/dev/null & ps+=($!); done
  for p in "${ps[@]}"; do wait "$p"; done
}

# --- receive: DCMTK storescp, run right after each of ours in the same mode: this VM's disk drifts
# within minutes, so each of our rows is followed by the reference it is compared with ------------
dcmtk_recv() { # mode: one, par, or ignore (one association, storescp --ignore: reads, stores nothing)
  local mode=$1 P OD DPID t0 t1 n c0 c1 what
  P=$(free_port); OD="$WORK/dcmtk-$mode-$RANDOM"; mkdir -p "$OD"
  case $mode in
    one) storescp -od "$OD" +xa "$P" & ;;
    par) storescp --fork -od "$OD" +xa "$P" & ;;
    ignore) storescp --ignore -od "$OD" +xa "$P" & ;;
  esac
  DPID=$!; PIDS+=($DPID); wait_port "$P"
  c0=$(cpu_ms "$DPID")
  t0=$(now); if [ $mode = par ]; then par_assoc ANY-SCP "$P"; else one_assoc ANY-SCP "$P"; fi; t1=$(now)
  n=$(find "$OD" -type f | wc -l)
  # --fork: a child's CPU counts for the parent once the child has exited and been reaped, which
  # happens just after storescu's release; one read 0.2 s after the pass missed some of it once
  sleep 1; c1=$(cpu_ms "$DPID")
  kill "$DPID"; wait "$DPID" 2>/dev/null || true
  rm -rf "$OD"
  case $mode in
    one) what="DCMTK storescp (no fsync), 1 association, same mode just after the row above" ;;
    par) what="DCMTK storescp (no fsync), $PAR associations, --fork, same mode just after the row above" ;;
    ignore) what="DCMTK storescp --ignore (reads each object, stores nothing: storescu and the network alone), 1 association"; n=$N
            IGNORE_SECONDS_PER_OBJECT=$(echo "($t1 - $t0) / $N" | bc -l) ;;
  esac
  row "receive, $what, CPU $(cpu_per_object "$c0" "$c1")" "$(echo "$t1 - $t0" | bc -l)" "$n"
}

# The fastest any SCP can answer over one association when it flushes like ours before each
# response: storescu and the network's time per object (storescp --ignore, just measured) plus the
# disk's median flush time for that way (flush_floor.py, at the start of this run).
bound_row() { # direct|journal
  local med
  med=$(awk -v k="$1" '$1 == k {m = $2} END {print m}' "$WORK/floor.txt")
  awk -v i="$IGNORE_SECONDS_PER_OBJECT" -v m="$med" -v k="$1" -v n="$N" 'BEGIN { printf "| bound, %s way, 1 association: no SCP that flushes this way before each response can pass this here (storescp --ignore %.0f us + floor %.0f us per object) | | %.2f | %.0f | |\n", k, i * 1e6, m * 1e6, n * (i + m), 1 / (i + m) }'
}

echo "| run | instances | seconds | instances/s | MB/s |"
echo "|---|---|---|---|---|"

# --- the disk's floor for a durable acknowledgement (flush_floor.py): over one association the SCU
# waits for each response, so an SCP that flushes before answering cannot beat these rates ---------
/usr/bin/python3 appliance/bench/flush_floor.py "$WORK" 300 "$WORK/floor.txt"

# --- receive: our SCP, files fsynced before each response (default) and with the journal -----
# direct:  temp file + fsync + rename + directory fsync before each C-STORE response (default)
# journal: spool.journalSegmentMegabytes=32: response after one shared flush of a journal record;
#          files written in fsynced batches just after. The count waits until all files are there.
for rep in $(seq 1 "${REPS:-1}"); do
for dur in direct journal; do
for mode in one par; do
  P=$(free_port); SP="$WORK/spool-$dur-$mode"; mkdir -p "$SP"
  MB=0; [ $dur = journal ] && MB=32
  echo "{\"spool\": {\"journalSegmentMegabytes\": $MB}, \"dicom\": {\"warmUpObjects\": ${WARM_UP_OBJECTS:-12000}}}" > "$WORK/serve-$dur.json"
  java ${SERVE_JAVA_OPTS:-} -jar "$JAR" serve --port "$P" --ae-title MRE_BENCH --spool "$SP" --config "$WORK/serve-$dur.json" >"$WORK/serve-$dur-$mode.log" 2>&1 &
  SPID=$!; PIDS+=($SPID); wait_port "$P"
  # the appliance's own start-up warm-up (ReceiveWarmUp) runs once the listener is up: wait for it
  tw0=$(now); wu="no start-up warm-up"
  if [ "${WARM_UP_OBJECTS:-12000}" -gt 0 ]; then
    for _ in $(seq 1 1200); do grep -q 'DICOM warm-up:' "$WORK/serve-$dur-$mode.log" && break; sleep 0.1; done
    grep -q 'DICOM warm-up: .* received' "$WORK/serve-$dur-$mode.log" || { echo "serve's warm-up did not finish" >&2; tail -5 "$WORK/serve-$dur-$mode.log" >&2; }
    wu="after its start-up warm-up ($(grep -o 'DICOM warm-up: [0-9]*' "$WORK/serve-$dur-$mode.log" | grep -o '[0-9]*$') objects, $(echo "$(now) - $tw0" | bc -l | awk '{printf "%.0f", $1}') s after the port opened)"
  fi
  # Warm-up, not counted: the appliance is a long-running JVM, so measure it with its hot paths
  # compiled (one full pass of the same images), then empty the spool so every image is written again.
  warm=0
  for w in $(seq 1 "$( [ "${STEADY:-0}" = 1 ] && echo "${MAX_WARM:-25}" || echo "${WARM_PASSES:-0}" )"); do
    c0=$(c2_ticks "$SPID")
    one_assoc MRE_BENCH "$P"; warm=$((warm + N))
    for _ in $(seq 1 300); do [ "$(find "$SP" -type f -name '*.dcm' | wc -l)" -ge "$N" ] && break; sleep 0.1; done
    # let the appliance finish with the warm-up pass as it would between exams: the series completes
    # after the quiet time and the pipeline looks at it (not MRE); then measure a quiet receiver
    [ "$w" = 1 ] && for _ in $(seq 1 300); do grep -q 'not an MRE exam' "$WORK/serve-$dur-$mode.log" && break; sleep 0.1; done
    find "$SP" -mindepth 1 -maxdepth 1 -not -name '.journal' -exec rm -rf {} +
    c1=$(c2_ticks "$SPID")
    [ $(( (c1 - c0) * 1000 / TICK )) -lt 20 ] && [ "$w" -gt 1 ] && break
  done
  sync; sleep 3                     # the warm-up's deletions reach the disk before the timed pass
  c0=$(cpu_ms "$SPID")
  t0=$(now); if [ $mode = one ]; then one_assoc MRE_BENCH "$P"; else par_assoc MRE_BENCH "$P"; fi; t1=$(now)
  for _ in $(seq 1 300); do [ "$(find "$SP" -type f -name '*.dcm' | wc -l)" -ge "$N" ] && break; sleep 0.1; done
  t2=$(now)
  c1=$(cpu_ms "$SPID")              # the pass and writing its files, whichever way
  n=$(find "$SP" -type f -name '*.dcm' | wc -l)
  RSS=$(awk '/VmHWM/ {print $2}' /proc/$SPID/status)
  kill "$SPID"; wait "$SPID" 2>/dev/null || true
  label="receive, ours ($dur), $( [ $mode = one ] && echo 1 association || echo $PAR associations ), $wu, $( [ "${STEADY:-0}" = 1 ] && echo "steady state (after $warm more warm-up objects from storescu)" || echo "then $warm warm-up objects from storescu" ), CPU $(cpu_per_object "$c0" "$c1") (files included), peak RSS $((RSS/1024)) MiB, all files written $(echo "$t2 - $t1" | bc -l | awk '{printf "%.2f", $1}') s after the last response"
  row "$label" "$(echo "$t1 - $t0" | bc -l)" "$n"
  dcmtk_recv $mode
  if [ $mode = one ]; then dcmtk_recv ignore; bound_row $dur; fi
done
done
done


# the floor again: this VM's disk drifts within minutes
/usr/bin/python3 appliance/bench/flush_floor.py "$WORK" 300

# --- send: ours vs storescu, into storescp ---------------------------------------------------
for who in ours dcmtk; do
  P=$(free_port); OD="$WORK/sendto-$who"; mkdir -p "$OD"
  storescp -od "$OD" +xa "$P" & DPID=$!; PIDS+=($DPID); wait_port "$P"
  t0=$(now)
  if [ $who = ours ]; then java -jar "$JAR" send --to STORESCP@127.0.0.1:"$P" "$WORK/imgs" >"$WORK/send.log" 2>&1
  else storescu -aec STORESCP 127.0.0.1 "$P" +sd "$WORK/imgs" >/dev/null; fi
  t1=$(now)
  n=$(find "$OD" -type f | wc -l)
  kill "$DPID"; wait "$DPID" 2>/dev/null || true
  row "send, $( [ $who = ours ] && echo 'ours (incl. JVM start)' || echo 'DCMTK storescu' ) -> storescp, 1 association" "$(echo "$t1 - $t0" | bc -l)" "$n"
done
# --- send, ours once the JVM is warm: 3 x the same 1,000 images in one `send`; the marginal rate
# of the last 2,000 is 2000 / (t(3000) - t(1000)), both runs including the JVM start --------------
mkdir -p "$WORK/imgs2" "$WORK/imgs3"
for f in "$WORK"/imgs/*.dcm; do ln "$f" "$WORK/imgs2/"; ln "$f" "$WORK/imgs3/"; done
P=$(free_port); OD="$WORK/sendto-warm"; mkdir -p "$OD"
storescp -od "$OD" +xa "$P" >/dev/null 2>&1 & DPID=$!; PIDS+=($DPID); wait_port "$P"
t0=$(now); java -jar "$JAR" send --to STORESCP@127.0.0.1:"$P" "$WORK/imgs" >"$WORK/send1.log" 2>&1; t1=$(now)
java -jar "$JAR" send --to STORESCP@127.0.0.1:"$P" "$WORK/imgs" "$WORK/imgs2" "$WORK/imgs3" >"$WORK/send3.log" 2>&1; t2=$(now)
kill "$DPID"; wait "$DPID" 2>/dev/null || true
grep -q "sent 3000, failed 0" "$WORK/send3.log" || { echo "warm send did not send 3000" >&2; tail -3 "$WORK/send3.log" >&2; }
# the marginal rate is the difference of two runs that each include a JVM start, so a slow start
# (a busy disk) can make it meaningless: then it says so instead of printing a negative rate
marg=$(echo "($t2 - $t1) - ($t1 - $t0)" | bc -l | awk '{print $1/2}')
if awk -v m="$marg" 'BEGIN { exit !(m > 0) }'; then
  row "send, ours, warm JVM (marginal rate of images 1001-3000 in one send) -> storescp, 1 association" "$marg" "$N"
else
  echo "| send, ours, warm JVM: marginal rate not measurable this run (the 1,000-image send took longer than a third of the 3,000-image one) | | | | |"
fi
# the 3,000-image send's own summary: association to release, JVM start excluded, JIT warm-up included
s3=$(grep -o 'in [0-9.]* s' "$WORK/send3.log" | grep -o '[0-9.]*' | head -1)
[ -n "$s3" ] && row "send, ours, one send of the same images 3 times (its own timing: JVM start excluded) -> storescp, 1 association" "$s3" "$((3 * N))"

echo
echo "machine: $(nproc) cores, $(awk '/MemTotal/ {printf "%.0f GiB", $2/1048576}' /proc/meminfo), $(java -version 2>&1 | head -1), DCMTK $(dpkg-query -W -f='${Version}' dcmtk 2>/dev/null), $(date -u +%Y-%m-%d)"
