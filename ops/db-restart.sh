#!/usr/bin/env bash
# Item 1: PostgreSQL restarts while wrk reads claim pages and reviewers vote.
# Round 1: Debian's PostgreSQL 15, initialised here in a temporary folder on loopback.
# Round 2: Crux's embedded PostgreSQL 17 (restarted with its own pg_ctl).
# Each round: ~7 s of load, PostgreSQL down for ~5 s, load goes on; then the checks.
# Usage: ops/db-restart.sh [external|embedded|both]   (LOAD_SECONDS, DOWN_SECONDS, REVIEWERS)
source "$(dirname "$0")/lib.sh"
ops_init db-restart
WHICH=${1:-both}
LOAD_SECONDS=${LOAD_SECONDS:-25}
DOWN_SECONDS=${DOWN_SECONDS:-5}
REVIEWERS=${REVIEWERS:-20}

round() { # external|embedded
  local mode=$1 port=8094 base=http://127.0.0.1:8094 pgport pgdata pgctl pgopts=""
  local psqlargs
  echo "-- round: $mode PostgreSQL"
  if [ "$mode" = external ]; then
    pgport=$(free_port); pgdata=$WORK/pg-external; pgctl=$PGBIN/pg_ctl
    pg_init "$pgdata" "$pgport"
    app_start crux-$mode $port QUARKUS_DATASOURCE_JDBC_URL=jdbc:postgresql://127.0.0.1:$pgport/crux \
      QUARKUS_DATASOURCE_USERNAME=postgres QUARKUS_DATASOURCE_PASSWORD=unused
    psqlargs=(-h 127.0.0.1 -p "$pgport" -U postgres -d crux)
  else
    app_start crux-$mode $port CRUX_DATA_DIR=$WORK/embedded
  fi
  local pid=${PIDS[-1]}
  wait_ready $base 120 >/dev/null || { tail -30 "$WORK/crux-$mode.log"; exit 1; }
  if [ "$mode" = embedded ]; then
    pgport=$(grep -o 'jdbc:postgresql://localhost:[0-9]*' "$WORK/crux-$mode.log" | head -1 | sed 's/.*://')
    pgdata=$WORK/embedded/pgdata
    # zonky's PostgreSQL 17 binaries, run as zonky runs them (in a user namespace: PostgreSQL refuses root)
    pgctl="unshare -U $(dirname "$(awk '{print $1}' "$pgdata/postmaster.opts")")/pg_ctl"
    pgopts=$(cut -d' ' -f2- "$pgdata/postmaster.opts")
    psqlargs=(-h 127.0.0.1 -p "$pgport" -U postgres -d postgres)
  fi
  generate_data "${psqlargs[@]}"
  local admin; admin=$(token_for $base admin "$ADMIN_PASSWORD")
  make_reviewers $base "$admin" "$REVIEWERS" "$WORK/tokens-$mode"
  local claim rateable
  claim=$(psql -Atq "${psqlargs[@]}" -c "SELECT slug FROM claim ORDER BY id LIMIT 1")
  rateable=$(rateable_evidence "${psqlargs[@]}")
  curl -sf -o /dev/null "$base/claims/$claim"

  # threads, sampled every 0.5 s: "epoch threads"
  ( while kill -0 "$pid" 2>/dev/null; do echo "$(date +%s.%N) $(threads_of "$pid")"; sleep 0.5; done ) > "$WORK/threads-$mode" 2>/dev/null &
  local sampler=$!
  local idle_threads; idle_threads=$(threads_of "$pid")
  log "load: wrk 8 connections on /claims/$claim, $REVIEWERS reviewers voting, probe; ${LOAD_SECONDS}s"
  wrk -t2 -c8 -d${LOAD_SECONDS}s --timeout 10s -s "$OPS_ROOT/ops/status.lua" "$base/claims/$claim" > "$WORK/wrk-$mode" 2>&1 &
  local wrkpid=$!
  python3 "$OPS_ROOT/ops/load.py" votes --bases $base --tokens "$WORK/tokens-$mode" --evidence-ids "$rateable" \
    --duration "$LOAD_SECONDS" --out "$WORK/votes-$mode.csv" &
  local votepid=$!
  python3 "$OPS_ROOT/ops/load.py" probe --base $base --page "/claims/$claim" --api "/api/claims?size=5" \
    --duration $((LOAD_SECONDS + 12)) --out "$WORK/probe-$mode.csv" &
  local probepid=$!
  sleep 7
  local loaded_threads; loaded_threads=$(threads_of "$pid")
  local down_at up_at
  down_at=$(date +%s.%N)
  if [ "$mode" = external ]; then pg_stop "$pgdata" fast; else $pgctl -D "$pgdata" -m fast -w stop >/dev/null; fi
  log "PostgreSQL stopped (fast); down for ${DOWN_SECONDS}s"
  sleep 1
  local ready_down; ready_down=$(curl -s -o /dev/null -w '%{http_code} %{time_total}' --max-time 5 "$base/q/health/ready")
  sleep $((DOWN_SECONDS - 1))
  local outage_end; outage_end=$(date +%s.%N)
  if [ "$mode" = external ]; then pg_start "$pgdata"; else
    $pgctl -D "$pgdata" -w -l "$WORK/embedded-restart.log" -o "$pgopts" start >/dev/null; fi
  up_at=$(date +%s.%N)
  log "PostgreSQL started again (took $(echo "$up_at - $outage_end" | bc -l | xargs printf '%.1f') s)"
  wait $wrkpid $votepid $probepid || true
  kill $sampler 2>/dev/null || true
  sed -n '/^status\|^socket\|^max latency/p' "$WORK/wrk-$mode" | sed 's/^/   wrk: /'
  local outage recovery threads_max threads_after votes
  outage=$(python3 "$OPS_ROOT/ops/load.py" probe-report --probe "$WORK/probe-$mode.csv" --since "$down_at" --until "$up_at")
  recovery=$(python3 "$OPS_ROOT/ops/load.py" probe-report --probe "$WORK/probe-$mode.csv" --recovered-from "$up_at")
  threads_max=$(awk -v a="$down_at" -v b="$up_at" '$1 >= a && $1 <= b && $2 > m {m = $2} END {print m+0}' "$WORK/threads-$mode")
  threads_after=$(threads_of "$pid")
  log "probe while down: $outage"
  log "after restart: $(echo "$recovery" | jq -c '{recovered_after_s}')"
  log "/q/health/ready while down: $ready_down"
  log "JVM threads: idle $idle_threads, under load $loaded_threads, max while down $threads_max, after $threads_after"
  psql -Atq "${psqlargs[@]}" -c "SELECT u.username || '|' || v.evidence_id || '|' || v.strength FROM vote v
         JOIN app_user u ON u.id = v.reviewer_id WHERE u.username LIKE 'ops-reviewer-%'" > "$WORK/stored-$mode"
  votes=$(python3 "$OPS_ROOT/ops/load.py" check-votes --votes "$WORK/votes-$mode.csv" --stored "$WORK/stored-$mode" || true)
  log "votes: $votes"

  check "$mode: while down, pages and API answer only 503 (no 500)" \
    test "$(echo "$outage" | jq '.non_503_failures')" = 0 -a "$(echo "$outage" | jq '.statuses["503"] // 0')" -gt 0
  check "$mode: while down, every failing answer within 1 s (max $(echo "$outage" | jq .max_ms_failing) ms)" \
    test "$(echo "$outage" | jq .max_ms_failing)" -le 1000
  check "$mode: every 503 has Retry-After and the friendly page or {\"error\"}" \
    test "$(echo "$outage" | jq '.["503_without_retry_after"] + .["503_without_friendly_body"]')" = 0
  check "$mode: /q/health/ready is 503 while down ($ready_down)" test "${ready_down%% *}" = 503
  check "$mode: no thread pile-up (max $threads_max while down vs $loaded_threads under load)" \
    test "$threads_max" -le $((loaded_threads + 16))
  check "$mode: wrk saw only 200 and 503, no socket errors" \
    bash -c "! grep -E '^status' '$WORK/wrk-$mode' | grep -vqE '^status (200|503):' && grep -q 'connect 0, read 0, write 0, timeout 0' '$WORK/wrk-$mode'"
  check "$mode: recovered by itself within 10 s ($(echo "$recovery" | jq .recovered_after_s) s after PostgreSQL was back)" \
    python3 -c "import sys; sys.exit(0 if $(echo "$recovery" | jq .recovered_after_s) <= 10 else 1)"
  check "$mode: every vote answered 200 is stored with its strength ($(echo "$votes" | jq -c .answered))" \
    test "$(echo "$votes" | jq '.missing + .different')" = 0 -a "$(echo "$votes" | jq .stored_as_answered)" -gt 0
  check "$mode: votes were answered 200 or 503 only" \
    test "$(echo "$votes" | jq '[.answered | to_entries[] | select(.key != "200" and .key != "503")] | length')" = 0
  check "$mode: claim_score and evidence weights equal a recomputation from the votes" \
    aggregates_match_recomputation $base "$admin" "${psqlargs[@]}"
  kill "$pid"; wait "$pid" 2>/dev/null || true
}

[ "$WHICH" = embedded ] || round external
[ "$WHICH" = external ] || round embedded
summary
