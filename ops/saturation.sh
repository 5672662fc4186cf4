#!/usr/bin/env bash
# Item 6: 200 connections on a claim page for 60 s (wrk), on Debian's PostgreSQL 15.
# Passes when: only 200 and 503 answers (503 = busy, with Retry-After), no request slower than
# crux.http.request-timeout (10 s), RSS under 600 MB all along, and full service again within a
# few seconds after the load stops. DURATION / CONNECTIONS change the load.
source "$(dirname "$0")/lib.sh"
ops_init saturation
DURATION=${DURATION:-60}
CONNECTIONS=${CONNECTIONS:-200}
PORT=8094
BASE=http://127.0.0.1:$PORT
PGPORT=$(free_port)
pg_init "$WORK/pg" "$PGPORT"
PSQL=(-h 127.0.0.1 -p "$PGPORT" -U postgres -d crux)
app_start crux $PORT QUARKUS_DATASOURCE_JDBC_URL=jdbc:postgresql://127.0.0.1:$PGPORT/crux \
  QUARKUS_DATASOURCE_USERNAME=postgres QUARKUS_DATASOURCE_PASSWORD=unused
PID=${PIDS[-1]}
wait_ready $BASE 180 >/dev/null || { tail -20 "$WORK/crux.log"; exit 1; }
generate_data "${PSQL[@]}"
CLAIM=$(psql -Atq "${PSQL[@]}" -c "SELECT c.slug FROM claim c JOIN claim_score s ON s.claim_id = c.id
                                     ORDER BY s.support_count + s.conflict_count DESC, c.id LIMIT 1")
EVIDENCE=$(psql -Atq "${PSQL[@]}" -c "SELECT count(*) FROM evidence e JOIN claim c ON c.id = e.claim_id WHERE c.slug = '$CLAIM'")
for _ in 1 2 3 4 5; do curl -s -o /dev/null "$BASE/claims/$CLAIM"; done
BEFORE=$(curl -s -o /dev/null -w '%{http_code} %{time_total}' "$BASE/claims/$CLAIM")
log "claim page /claims/$CLAIM ($EVIDENCE evidence items): $BEFORE before the load; RSS $(rss_mb $PID) MB"

( while kill -0 "$PID" 2>/dev/null; do echo "$(rss_mb "$PID") $(threads_of "$PID")"; sleep 1; done ) > "$WORK/rss" 2>/dev/null &
SAMPLER=$!
log "wrk: $CONNECTIONS connections, ${DURATION}s"
wrk -t2 -c"$CONNECTIONS" -d"${DURATION}s" --timeout 30s --latency -s "$OPS_ROOT/ops/status.lua" "$BASE/claims/$CLAIM" > "$WORK/wrk" 2>&1
END=$(date +%s.%N)
sed -n '/Latency\|Req\/Sec\|50%\|99%\|requests in\|Requests\/sec\|^status\|^socket\|^max latency/p' "$WORK/wrk" | sed 's/^/   wrk: /'
# after the load: how long until the page answers 200 again, ten times in a row
RECOVERED=""
OKS=0
for i in $(seq 1 100); do
  if [ "$(curl -s -o /dev/null -w '%{http_code}' --max-time 5 "$BASE/claims/$CLAIM")" = 200 ]; then OKS=$((OKS + 1)); else OKS=0; fi
  if [ $OKS = 10 ]; then RECOVERED=$(echo "$(date +%s.%N) - $END" | bc -l | xargs printf '%.1f'); break; fi
  sleep 0.1
done
AFTER=$(curl -s -o /dev/null -w '%{http_code} %{time_total}' "$BASE/claims/$CLAIM")
kill $SAMPLER 2>/dev/null || true
MAX_RSS=$(sort -n "$WORK/rss" | tail -1 | cut -d' ' -f1)
MAX_THREADS=$(sort -k2 -n "$WORK/rss" | tail -1 | cut -d' ' -f2)
MAX_MS=$(sed -n 's/^max latency: \([0-9]*\) ms/\1/p' "$WORK/wrk")
BUSY=$(grep -c 'Busy:' "$WORK/crux.log" || true)
TIMEOUTS=$(grep -c 'No answer within' "$WORK/crux.log" || true)
log "max RSS $MAX_RSS MB, max threads $MAX_THREADS; 'no answer within' warnings: $TIMEOUTS; after: $AFTER, 10 in a row after ${RECOVERED:-never} s"

check "only 200 and 503 (busy) answers, no socket errors" \
  bash -c "! grep -E '^status' '$WORK/wrk' | grep -vqE '^status (200|503):' && grep -q 'connect 0, read 0, write 0, timeout 0' '$WORK/wrk'"
check "some requests were served all along ($(sed -n 's/^status 200: //p' "$WORK/wrk") answered 200)" \
  test "$(sed -n 's/^status 200: //p' "$WORK/wrk")" -gt 0
check "no request slower than the 10 s request timeout (max $MAX_MS ms)" test "${MAX_MS:-99999}" -le 10500
check "RSS under 600 MB all along (max $MAX_RSS MB)" test "$MAX_RSS" -lt 600
check "full service within seconds after the load (10 answers 200 in a row after ${RECOVERED:-never} s)" \
  bash -c "[ -n '$RECOVERED' ] && python3 -c 'import sys; sys.exit(0 if $RECOVERED <= 5 else 1)'"
summary
