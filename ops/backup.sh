#!/usr/bin/env bash
# Item 4: back up and restore, then prove Crux runs on the copy with the same data.
# External PostgreSQL (Debian's 15): pg_dump -Fc -> pg_restore into a fresh database -> Crux starts
#   on it -> every table's row count and md5 equal the original's (and sequences' positions).
# Embedded PostgreSQL 17: Crux stopped (clean shutdown) -> the data folder archived -> unpacked
#   into a fresh CRUX_DATA_DIR -> Crux starts on it -> same counts and checksums. (Debian's
#   pg_dump 15 cannot dump a PostgreSQL 17 server; docs/operations.md shows pg_dump 17 for that.)
source "$(dirname "$0")/lib.sh"
ops_init backup
PORT=8094
BASE=http://127.0.0.1:$PORT
SEQUENCES_SQL="SELECT string_agg(sequencename || ' ' || coalesce(last_value, 0), E'\n' ORDER BY sequencename) FROM pg_sequences WHERE schemaname = 'public'"
fingerprint() { # psql-args... -> counts and md5 per table, then sequences
  psql -Atq "$@" -c "$TABLE_CHECKSUMS_SQL"; psql -Atq "$@" -c "$SEQUENCES_SQL"
}
activity() { # base: a few writes through the API, so votes, audit events and tokens exist beside the generated data
  local admin; admin=$(token_for "$1" admin "$ADMIN_PASSWORD")
  make_reviewers "$1" "$admin" 5 "$WORK/tokens"
  python3 "$OPS_ROOT/ops/load.py" votes --bases "$1" --tokens "$WORK/tokens" --evidence-max 50 --per-reviewer 4 \
    --pause 0 --out "$WORK/votes.csv"
}
serves() { # base slug: the claim page and the API answer 200
  [ "$(curl -s -o /dev/null -w '%{http_code}' "$1/claims/$2")" = 200 ] \
    && [ "$(curl -s -o /dev/null -w '%{http_code}' "$1/api/claims/$(psql -Atq "${@:3}" -c "SELECT id FROM claim ORDER BY id LIMIT 1")")" = 200 ]
}

echo "-- external PostgreSQL: pg_dump -Fc / pg_restore"
PGPORT=$(free_port)
pg_init "$WORK/pg" "$PGPORT"
SRC=(-h 127.0.0.1 -p "$PGPORT" -U postgres -d crux)
DST=(-h 127.0.0.1 -p "$PGPORT" -U postgres -d crux_restored)
DB_ENV=(QUARKUS_DATASOURCE_USERNAME=postgres QUARKUS_DATASOURCE_PASSWORD=unused)
app_start original $PORT QUARKUS_DATASOURCE_JDBC_URL=jdbc:postgresql://127.0.0.1:$PGPORT/crux "${DB_ENV[@]}"
wait_ready $BASE 180 >/dev/null || { tail -20 "$WORK/original.log"; exit 1; }
generate_data "${SRC[@]}"
activity $BASE
SLUG=$(psql -Atq "${SRC[@]}" -c "SELECT slug FROM claim ORDER BY id LIMIT 1")
kill "${PIDS[-1]}"; wait "${PIDS[-1]}" 2>/dev/null || true
fingerprint "${SRC[@]}" > "$WORK/original.txt"
pg_dump -h 127.0.0.1 -p "$PGPORT" -U postgres -Fc -f "$WORK/crux.dump" crux
log "pg_dump -Fc: $(du -h "$WORK/crux.dump" | cut -f1), $(psql -Atq "${SRC[@]}" -c "SELECT count(*) FROM information_schema.tables WHERE table_schema = 'public'") tables"
createdb -h 127.0.0.1 -p "$PGPORT" -U postgres crux_restored
pg_restore -h 127.0.0.1 -p "$PGPORT" -U postgres --no-owner --exit-on-error -d crux_restored "$WORK/crux.dump"
fingerprint "${DST[@]}" > "$WORK/restored.txt"
app_start restored $PORT QUARKUS_DATASOURCE_JDBC_URL=jdbc:postgresql://127.0.0.1:$PGPORT/crux_restored "${DB_ENV[@]}"
wait_ready $BASE 180 >/dev/null || { tail -20 "$WORK/restored.log"; exit 1; }
fingerprint "${DST[@]}" > "$WORK/restored-after-start.txt"
log "tables: $(grep -c . "$WORK/original.txt") lines of counts/checksums; e.g. $(grep '^vote ' "$WORK/original.txt")"
check "external: the restored database has the same rows in every table (counts + md5) and sequences" \
  cmp -s "$WORK/original.txt" "$WORK/restored.txt"
check "external: Crux starts on the restored database (Flyway validates it) and serves the claim page and API" \
  serves $BASE "$SLUG" "${DST[@]}"
check "external: starting Crux on it changed nothing" cmp -s "$WORK/original.txt" "$WORK/restored-after-start.txt"
kill "${PIDS[-1]}"; wait "${PIDS[-1]}" 2>/dev/null || true

echo "-- embedded PostgreSQL: stop Crux, archive the data folder, unpack into a fresh one"
app_start embedded $PORT CRUX_DATA_DIR=$WORK/embedded
wait_ready $BASE 180 >/dev/null || { tail -20 "$WORK/embedded.log"; exit 1; }
EPORT=$(grep -o 'jdbc:postgresql://localhost:[0-9]*' "$WORK/embedded.log" | head -1 | sed 's/.*://')
EMB=(-h 127.0.0.1 -p "$EPORT" -U postgres -d postgres)
generate_data "${EMB[@]}"
activity $BASE
SLUG=$(psql -Atq "${EMB[@]}" -c "SELECT slug FROM claim ORDER BY id LIMIT 1")
fingerprint "${EMB[@]}" > "$WORK/embedded-original.txt"
kill "${PIDS[-1]}"; wait "${PIDS[-1]}" 2>/dev/null || true    # SIGTERM: Crux, then PostgreSQL, stop cleanly
# session.key exists only when CRUX_SESSION_KEY is not set (here it is)
tar -C "$WORK/embedded" -czf "$WORK/crux-data.tar.gz" pgdata $(cd "$WORK/embedded" && ls session.key 2>/dev/null)
log "archive of the stopped data folder: $(du -h "$WORK/crux-data.tar.gz" | cut -f1)"
mkdir -p "$WORK/restored-embedded"
tar -C "$WORK/restored-embedded" -xzf "$WORK/crux-data.tar.gz"
app_start embedded-restored $PORT CRUX_DATA_DIR=$WORK/restored-embedded
wait_ready $BASE 180 >/dev/null || { tail -20 "$WORK/embedded-restored.log"; exit 1; }
RPORT=$(grep -o 'jdbc:postgresql://localhost:[0-9]*' "$WORK/embedded-restored.log" | head -1 | sed 's/.*://')
RES=(-h 127.0.0.1 -p "$RPORT" -U postgres -d postgres)
fingerprint "${RES[@]}" > "$WORK/embedded-restored.txt"
check "embedded: the restored data folder has the same rows in every table (counts + md5) and sequences" \
  cmp -s "$WORK/embedded-original.txt" "$WORK/embedded-restored.txt"
check "embedded: Crux starts on the restored folder and serves the claim page and API" serves $BASE "$SLUG" "${RES[@]}"
check "embedded: the restored copy needed no recovery (clean shutdown before the archive)" \
  bash -c "! grep -q 'not properly shut down' '$WORK/embedded-restored.log'"
summary
