#!/usr/bin/env bash
# Item 3: SIGTERM with requests in flight, on the embedded PostgreSQL.
# Requests in flight finish (quarkus.shutdown.timeout), new ones are refused, the JVM exits by
# itself, the embedded PostgreSQL stops cleanly (no recovery at the next start), and the second
# start is timed (goal: ready within 2.5 s). In between, a training run writes a class-data archive
# (cds_train in lib.sh, as ops/cds-archive.sh does), which the second start maps in, with README's
# JVM options (ops/start.jvmargs); a third start with neither (plain java -jar) shows what they are worth
# (docs/operations.md "Restart time").
source "$(dirname "$0")/lib.sh"
ops_init shutdown
PORT=${OPS_PORT:-8094}   # OPS_PORT and OPS_MANAGEMENT_PORT: other ports, beside other people's instances
BASE=http://127.0.0.1:$PORT
DATA=$WORK/data
export QUARKUS_LOG_CATEGORY__IO_ZONKY__LEVEL=INFO   # PostgreSQL's own start-up lines in the app log

ARCHIVE=$WORK/crux.jsa
app_start first $PORT CRUX_DATA_DIR=$DATA
PID=${PIDS[-1]}
log "first start (initdb, schema): ready after $(wait_ready $BASE 180) s"
PGPORT=$(grep -o 'jdbc:postgresql://localhost:[0-9]*' "$WORK/first.log" | head -1 | sed 's/.*://')
CLAIMS=${CLAIMS:-3000} generate_data -h 127.0.0.1 -p "$PGPORT" -U postgres -d postgres
ADMIN=$(token_for $BASE admin "$ADMIN_PASSWORD")
CLAIM=$(psql -Atq -h 127.0.0.1 -p "$PGPORT" -U postgres -d postgres -c "SELECT slug FROM claim ORDER BY id LIMIT 1")
curl -sf -o /dev/null "$BASE/claims/$CLAIM"

# in flight: a recompute of every claim's score (seconds of work) and 8 claim-page readers;
# SIGTERM 1 s later; then a new request every 50 ms until the port is closed
python3 - "$BASE" "$ADMIN" "$CLAIM" "$PID" > "$WORK/shutdown.json" <<'PY'
import http.client, json, os, signal, sys, threading, time
base, admin, claim, pid = sys.argv[1], sys.argv[2], sys.argv[3], int(sys.argv[4])
host, port = base.split("//")[1].split(":")
def call(method, path, headers={}):
    start = time.time()
    try:
        c = http.client.HTTPConnection(host, int(port), timeout=60)
        c.request(method, path, headers=headers)
        r = c.getresponse(); r.read()
        return {"status": r.status, "started": start, "ms": round((time.time() - start) * 1000)}
    except Exception as e:
        return {"status": type(e).__name__, "started": start, "ms": round((time.time() - start) * 1000)}
inflight = []
def keep(method, path, headers={}):
    inflight.append(call(method, path, headers))
threads = [threading.Thread(target=keep, args=("POST", "/api/admin/recompute-scores", {"Authorization": "Bearer " + admin}))]
threads += [threading.Thread(target=keep, args=("GET", "/claims/" + claim)) for _ in range(8)]
for t in threads: t.start()
time.sleep(1.0)
term = time.time()
os.kill(pid, signal.SIGTERM)
after = []
while time.time() - term < 30:
    r = call("GET", "/claims/" + claim)
    after.append(r)
    if r["status"] == "ConnectionRefusedError": break
    time.sleep(0.05)
for t in threads: t.join()
print(json.dumps({"inflight": inflight, "after": after, "term": term}))
PY
START_WAIT=$(date +%s.%N)
EXIT=0; wait "$PID" || EXIT=$?
EXITED=$(echo "$(date +%s.%N) - $(jq .term "$WORK/shutdown.json")" | bc -l | xargs printf '%.1f')
INFLIGHT=$(jq -c '[.inflight[] | .status] | group_by(.) | map({(.[0]|tostring): length}) | add' "$WORK/shutdown.json")
RECOMPUTE_MS=$(jq '[.inflight[] | select(.ms > 0) | .ms] | max' "$WORK/shutdown.json")
AFTER=$(jq -c '[.after[] | .status] | group_by(.) | map({(.[0]|tostring): length}) | add' "$WORK/shutdown.json")
log "in flight at SIGTERM: $INFLIGHT (longest $RECOMPUTE_MS ms); sent after SIGTERM: $AFTER"
log "JVM exit code $EXIT, $EXITED s after SIGTERM"
grep -E "stopped in|Shutdown|shutting down" "$WORK/first.log" | tail -3 | sed 's/^/   log: /'
PG_LEFT=$(pgrep -f -- "-D $DATA/pgdata" || true)


# the training run (ops/cds-archive.sh's, on this data): the JVM writes the archive as it exits
TRAIN_AT=$(date +%s.%N)
cds_train "$ARCHIVE" $PORT CRUX_DATA_DIR=$DATA
log "training run: class-data archive of $(du -m "$ARCHIVE" 2>/dev/null | cut -f1) MB written, $(echo "$(date +%s.%N) - $TRAIN_AT" | bc -l | xargs printf '%.1f') s from start to exit"

# a start on the same data, timed to /q/health/ready: sets T (s), CPU (s, the whole JVM) and MAIN (s, its main thread)
timed_start() { # name java-options
  JAVA_OPTS="$2" app_start "$1" $PORT CRUX_DATA_DIR=$DATA
  local pid=${PIDS[-1]} hz
  T=$(wait_ready $BASE 120) || T=999
  hz=$(getconf CLK_TCK)
  CPU=$(awk -v hz="$hz" '{printf "%.2f", ($14+$15)/hz}' "/proc/$pid/stat")
  # Java's main thread keeps the launcher's name, "java" (the JIT and GC threads have their own)
  MAIN=$(for t in /proc/$pid/task/*; do if [ "$(cat "$t/comm")" = java ]; then cat "$t/stat"; fi; done \
    | awk -v hz="$hz" '{sum += $14 + $15} END {printf "%.2f", sum/hz}')
}

# -Xshare:on: a JVM that cannot map the archive refuses to start, so a ready second start proves it was used
timed_start second "-Xmx512m -Xshare:on @$START_JVMARGS -XX:SharedArchiveFile=$ARCHIVE"
SECOND=${PIDS[-1]}; T2=$T
STARTED=$(grep -o 'started in [0-9.]*s' "$WORK/second.log" | head -1)
log "second start (archive, ops/start.jvmargs): ready after $T2 s (Quarkus: $STARTED); CPU $CPU s, of which the main thread $MAIN s"
grep -iE "database system (was|is)" "$WORK/second.log" | sed 's/^/   postgres: /' | head -3
kill -TERM "$SECOND"; wait "$SECOND" || true
timed_start third "-Xmx512m"
log "third start (plain java -jar, for comparison): ready after $T s; CPU $CPU s, of which the main thread $MAIN s"
log "load average at the end: $(cut -d' ' -f1-3 /proc/loadavg) (2 cores)"

check "requests in flight at SIGTERM all finished with 200 ($INFLIGHT)" \
  test "$(jq '[.inflight[] | select(.status != 200)] | length' "$WORK/shutdown.json")" = 0
# (from 0.3 s after the signal, when the JVM has handled it; a connection opened in the very moment
# the server closes is dropped without an answer: refused too)
check "requests after SIGTERM refused (503, then connection refused), never 500 ($AFTER)" \
  test "$(jq '.term as $t | [.after[] | select(.started > $t + 0.3) | select(.status != 503 and .status != "ConnectionRefusedError" and .status != "RemoteDisconnected" and .status != "ConnectionResetError")] | length' "$WORK/shutdown.json")" = 0
# 143 = 128 + SIGTERM: how every JVM reports a clean exit on that signal
check "the JVM exited by itself, cleanly (code $EXIT, $EXITED s after SIGTERM)" test "$EXIT" = 143 -o "$EXIT" = 0
check "the embedded PostgreSQL stopped with it" test -z "$PG_LEFT"
check "no recovery at the next start (no 'not properly shut down' in PostgreSQL's log)" \
  bash -c "! grep -q 'not properly shut down' '$WORK/second.log' && grep -q 'database system was shut down' '$WORK/second.log'"
check "the class-data archive was written by the training run and mapped by the second start" test -s "$ARCHIVE"
check "second start ready within 2.5 s (measured $T2 s)" python3 -c "import sys; sys.exit(0 if $T2 <= 2.5 else 1)"
summary
