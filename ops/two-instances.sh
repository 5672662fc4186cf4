#!/usr/bin/env bash
# Item 2: two Crux instances behind nginx (ops/nginx.conf) on one PostgreSQL (Debian's 15), on loopback.
# A login on one instance is valid on the other; 50 reviewers vote alternately through both and every
# vote is kept; one instance is killed (SIGKILL) while reads and votes go through nginx and the other
# keeps serving; a logout on one instance is honoured by the other; aggregates equal a recomputation.
source "$(dirname "$0")/lib.sh"
ops_init two-instances
command -v nginx >/dev/null || { echo "needs nginx (apt-get install nginx)"; exit 2; }
REVIEWERS=${REVIEWERS:-50}
A=http://127.0.0.1:8094
B=http://127.0.0.1:8095
NGINX_PORT=$(free_port)
PROXY=http://127.0.0.1:$NGINX_PORT
PGPORT=$(free_port)
pg_init "$WORK/pg" "$PGPORT"
PSQL=(-h 127.0.0.1 -p "$PGPORT" -U postgres -d crux)
COMMON=(QUARKUS_DATASOURCE_JDBC_URL=jdbc:postgresql://127.0.0.1:$PGPORT/crux QUARKUS_DATASOURCE_USERNAME=postgres
  QUARKUS_DATASOURCE_PASSWORD=unused QUARKUS_HTTP_PROXY_PROXY_ADDRESS_FORWARDING=true QUARKUS_HTTP_PROXY_TRUSTED_PROXIES=127.0.0.1)
app_start a 8094 "${COMMON[@]}"; PID_A=${PIDS[-1]}
wait_ready $A 180 >/dev/null || { tail -20 "$WORK/a.log"; exit 1; }   # the first one creates the schema
app_start b 8095 "${COMMON[@]}"; PID_B=${PIDS[-1]}
wait_ready $B 180 >/dev/null || { tail -20 "$WORK/b.log"; exit 1; }
log "instances ready: A $A (pid $PID_A), B $B (pid $PID_B)"

# nginx, with the same snippet docker-compose.yml uses, and a minimal main configuration around it
CRUX_APP_1=127.0.0.1:8094 CRUX_APP_2=127.0.0.1:8095 NGINX_PORT=$NGINX_PORT \
  envsubst '${CRUX_APP_1} ${CRUX_APP_2} ${NGINX_PORT}' < "$OPS_ROOT/ops/nginx.conf" > "$WORK/crux.conf"
mkdir -p "$WORK/nginx"
cat > "$WORK/nginx.conf" <<CONF
daemon off;
pid $WORK/nginx/nginx.pid;
error_log $WORK/nginx/error.log warn;
events { worker_connections 1024; }
http {
    access_log off;
    client_body_temp_path $WORK/nginx/body;
    proxy_temp_path $WORK/nginx/proxy;
    fastcgi_temp_path $WORK/nginx/fastcgi;
    uwsgi_temp_path $WORK/nginx/uwsgi;
    scgi_temp_path $WORK/nginx/scgi;
    include $WORK/crux.conf;
}
CONF
nginx -t -c "$WORK/nginx.conf" -p "$WORK/nginx" 2>&1 | tail -1 | sed 's/^/   /'
nginx -c "$WORK/nginx.conf" -p "$WORK/nginx" & PIDS+=($!)
for _ in $(seq 1 50); do curl -sf -o /dev/null "$PROXY/q/health/ready" && break; sleep 0.1; done
log "nginx on $PROXY"

generate_data "${PSQL[@]}"
ADMIN=$(token_for $PROXY admin "$ADMIN_PASSWORD")
make_reviewers $PROXY "$ADMIN" "$REVIEWERS" "$WORK/tokens"
RATEABLE=$(rateable_evidence "${PSQL[@]}")
CLAIM=$(psql -Atq "${PSQL[@]}" -c "SELECT slug FROM claim ORDER BY id LIMIT 1")

# -- a login through A, used on B; then a logout through A, refused on B
login() { # base user password -> cookie value
  curl -s -o /dev/null -D - -H "Origin: $1" --data-urlencode "username=$2" --data-urlencode "password=$3" \
    "$1/j_security_check" | sed -n 's/^[Ss]et-[Cc]ookie: crux-session=\([^;]*\).*/\1/p' | head -1
}
SESSION=$(login $A ops-reviewer-1 ops-ballot-passphrase-1-lantern)
ON_B=$(curl -s -o /dev/null -w '%{http_code}' -b "crux-session=$SESSION" "$B/account")
ON_B_NAME=$(curl -s -b "crux-session=$SESSION" "$B/account" | grep -c 'ops-reviewer-1' || true)
log "login through A, /account on B: $ON_B (username on the page: $ON_B_NAME)"
check "a login made through one instance is valid on the other ($ON_B)" test "$ON_B" = 200 -a "$ON_B_NAME" -gt 0

# -- 50 reviewers vote alternately through A and B (a vote each on 6 evidence items)
python3 "$OPS_ROOT/ops/load.py" votes --bases $A,$B --tokens "$WORK/tokens" --evidence-ids "$RATEABLE" \
  --per-reviewer 6 --duration 180 --pause 0 --retry-503 10 --out "$WORK/votes-alternate.csv" 2>&1 | sed 's/^/   /'
psql -Atq "${PSQL[@]}" -c "SELECT u.username || '|' || v.evidence_id || '|' || v.strength FROM vote v
       JOIN app_user u ON u.id = v.reviewer_id WHERE u.username LIKE 'ops-reviewer-%'" > "$WORK/stored"
VOTES=$(python3 "$OPS_ROOT/ops/load.py" check-votes --votes "$WORK/votes-alternate.csv" --stored "$WORK/stored" || true)
BY_BASE=$(awk -F, '{sub(/\r$/, "", $6); n[$6]++} END {for (b in n) printf "%s=%d ", b, n[b]}' "$WORK/votes-alternate.csv")
log "alternate votes: $VOTES; sent to $BY_BASE"
check "$REVIEWERS reviewers' votes sent alternately through both are all kept (a 503 is sent again after Retry-After) ($(echo "$VOTES" | jq -c .answered))" \
  test "$(echo "$VOTES" | jq '.missing + .different')" = 0 -a "$(echo "$VOTES" | jq '.answered["200"]')" = $((REVIEWERS * 6))
check "aggregates equal a recomputation after the alternate votes" aggregates_match_recomputation $PROXY "$ADMIN" "${PSQL[@]}"

# -- through nginx: wrk reads + votes for 20 s; instance B killed (SIGKILL) after 7 s
log "through nginx: wrk 16 connections on /claims/$CLAIM and $REVIEWERS voters for 20 s; B killed at 7 s"
wrk -t2 -c16 -d20s --timeout 10s -s "$OPS_ROOT/ops/status.lua" "$PROXY/claims/$CLAIM" > "$WORK/wrk" 2>&1 &
WRK=$!
python3 "$OPS_ROOT/ops/load.py" votes --bases $PROXY --tokens "$WORK/tokens" --evidence-ids "$RATEABLE" \
  --duration 20 --pause 0.1 --retry-503 30 --out "$WORK/votes-kill.csv" &
VOTERS=$!
sleep 7
kill -9 $PID_B
KILLED_AT=$(date +%s)
log "instance B killed"
wait $WRK $VOTERS || true
sed -n '/^status\|^socket\|^max latency\|^503 without/p' "$WORK/wrk" | sed 's/^/   wrk: /'
# one instance left: more clients than its admission limit (crux.http.max-concurrent-requests) get the
# busy 503 + Retry-After, which is service; what must not happen is a 502/504, a socket error, a 503
# without Retry-After, or a second without reads answered. Whole seconds after the kill (the last,
# partial one left out): the lowest share of 200s in a second.
MIN_SHARE=10
PER_SECOND=$(awk -v k="$KILLED_AT" '$1 == "second" && $2 > k {n++; s[n] = $2; ok[n] = $4; all[n] = $4 + $6}
  END {m = 101; for (i = 1; i < n; i++) {p = 100 * ok[i] / all[i]; if (p < m) {m = p; at = s[i]; o = ok[i]; a = all[i]}}
       if (n < 2) print "none 0"; else printf "%d (%d of %d in second %d after the kill; %d whole seconds)\n", m, o, a, at - k, n - 1}' "$WORK/wrk")
log "reads after the kill, lowest share of 200s in a second: ${PER_SECOND%% *}% ${PER_SECOND#* }"
psql -Atq "${PSQL[@]}" -c "SELECT u.username || '|' || v.evidence_id || '|' || v.strength FROM vote v
       JOIN app_user u ON u.id = v.reviewer_id WHERE u.username LIKE 'ops-reviewer-%'" > "$WORK/stored"
KVOTES=$(python3 "$OPS_ROOT/ops/load.py" check-votes --votes "$WORK/votes-kill.csv" --stored "$WORK/stored" || true)
log "votes through nginx while B died: $KVOTES"
check "reads through nginx while B died: only 200 or busy 503 (no 502/504), no socket errors" \
  bash -c "! grep -E '^status' '$WORK/wrk' | grep -vqE '^status (200|503):' && grep -q 'connect 0, read 0, write 0, timeout 0' '$WORK/wrk'"
check "every 503 to those reads carried Retry-After (busy, not down)" grep -q '^503 without Retry-After: 0$' "$WORK/wrk"
check "reads kept getting 200s every second after the kill (at least $MIN_SHARE% a second; lowest ${PER_SECOND%% *}%)" \
  test "${PER_SECOND%% *}" != none -a "${PER_SECOND%% *}" -ge $MIN_SHARE
check "votes (PUT, retried by nginx on A; a busy 503 sent again after Retry-After) all answered 200 in the end and stored ($(echo "$KVOTES" | jq -c .answered))" \
  test "$(echo "$KVOTES" | jq '.missing + .different')" = 0 -a "$(echo "$KVOTES" | jq '[.answered | to_entries[] | select(.key != "200")] | length')" = 0
POSTED=$(curl -s -o /dev/null -w '%{http_code}' -X POST -H "Authorization: Bearer $ADMIN" "$PROXY/api/admin/recompute-scores")
check "POSTs keep working through nginx with one instance left ($POSTED)" test "$POSTED" = 200
check "aggregates equal a recomputation after the kill" aggregates_match_recomputation $PROXY "$ADMIN" "${PSQL[@]}"

# -- B back; a logout through B is honoured by A
app_start b2 8095 "${COMMON[@]}"; wait_ready $B 180 >/dev/null
SESSION=$(login $B ops-reviewer-2 ops-ballot-passphrase-2-lantern)
BEFORE=$(curl -s -o /dev/null -w '%{http_code}' -b "crux-session=$SESSION" "$A/account")
CSRF=$(curl -s -o /dev/null -D - -b "crux-session=$SESSION" "$B/account" | sed -n 's/^[Ss]et-[Cc]ookie: crux-csrf=\([^;]*\).*/\1/p' | head -1)
OUT=$(curl -s -o /dev/null -w '%{http_code}' -b "crux-session=$SESSION; crux-csrf=$CSRF" -H "Origin: $B" \
  --data-urlencode "csrf-token=$CSRF" "$B/logout")
AFTER=$(curl -s -o /dev/null -w '%{http_code} %{redirect_url}' -b "crux-session=$SESSION" "$A/account")
log "session from B on A: $BEFORE; logout through B: $OUT; the same cookie on A afterwards: $AFTER"
check "a logout on one instance is honoured by the other (A answers $AFTER)" \
  bash -c "[ '$BEFORE' = 200 ] && [ '$OUT' = 303 ] && [[ '$AFTER' == 30[23]*login* ]]"
summary
