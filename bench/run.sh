#!/usr/bin/env bash
# Crux page benchmarks. Usage: bench/run.sh [small|large]
# Starts the packaged app on its own embedded PostgreSQL (data in $BENCH_DATA, default
# /tmp/crux-bench-<set>), fills it once with bench/generate.sql, then runs wrk against
# the hot pages. WARMUP and DURATION (seconds) default to quality.md's 60 and 30.
# Needs: wrk (apt-get install wrk), psql, a JDK and Maven.
set -euo pipefail
cd "$(dirname "$0")/.."
SET=${1:-small}
case "$SET" in
  small) DOCS=1000; CLAIMS=10000; USERS=100 ;;
  large) DOCS=10000; CLAIMS=100000; USERS=1000 ;;
  *) echo "usage: bench/run.sh [small|large]" >&2; exit 2 ;;
esac
DATA=${BENCH_DATA:-/tmp/crux-bench-$SET}
WARMUP=${WARMUP:-60}
DURATION=${DURATION:-30}
BASE=http://localhost:${BENCH_PORT:-8090}
ADMIN_PASSWORD=bench-root-passphrase

[ -f target/quarkus-app/quarkus-run.jar ] || mvn -q package -DskipTests
fresh=0; [ -d "$DATA/pgdata" ] || fresh=1
mkdir -p "$DATA"
CRUX_DATA_DIR=$DATA CRUX_ADMIN_PASSWORD=$ADMIN_PASSWORD QUARKUS_HTTP_PORT=${BENCH_PORT:-8090} \
  QUARKUS_LOG_CATEGORY__IO_QUARKUS_HTTP_ACCESS_LOG__LEVEL=WARN \
  java -Xmx1g -jar target/quarkus-app/quarkus-run.jar > "$DATA/app.log" 2>&1 &
APP=$!
trap 'kill $APP 2>/dev/null || true' EXIT
for _ in $(seq 1 120); do curl -sf -o /dev/null "$BASE/q/health/ready" && break; sleep 1; done
curl -sf -o /dev/null "$BASE/q/health/ready" || { echo "Crux did not start:"; tail -20 "$DATA/app.log"; exit 1; }
PORT=$(grep -o 'jdbc:postgresql://localhost:[0-9]*' "$DATA/app.log" | head -1 | sed 's/.*://')
PSQL=(psql -q -h localhost -p "$PORT" -U postgres -d postgres)

if [ "$fresh" = 1 ]; then
  echo "generating the $SET set…"
  "${PSQL[@]}" -v docs=$DOCS -v claims=$CLAIMS -v users=$USERS -f bench/generate.sql
fi
"${PSQL[@]}" -c "SELECT (SELECT count(*) FROM document) documents, (SELECT count(*) FROM claim) claims,
                        (SELECT count(*) FROM evidence) evidence, (SELECT count(*) FROM vote) votes"

CLAIM=$("${PSQL[@]}" -Atc "SELECT c.slug FROM claim c JOIN claim_score s ON s.claim_id = c.id
                            WHERE s.support_count + s.conflict_count BETWEEN 18 AND 22 ORDER BY c.id LIMIT 1")
DOC=$("${PSQL[@]}" -Atc "SELECT d.slug FROM document d JOIN excerpt x ON x.document_id = d.id
                          GROUP BY d.slug ORDER BY abs(count(*) - 20), d.slug LIMIT 1")
MAX_EVIDENCE=$("${PSQL[@]}" -Atc "SELECT max(id) FROM evidence")
ADMIN_TOKEN=$(curl -sf -H 'Content-Type: application/json' -d "{\"username\":\"admin\",\"password\":\"$ADMIN_PASSWORD\"}" "$BASE/api/auth/token" | sed 's/.*"token":"\([^"]*\)".*/\1/')
curl -s -o /dev/null -H "Authorization: Bearer $ADMIN_TOKEN" -H 'Content-Type: application/json' \
  -d '{"username":"bench-voter","displayName":"Bench voter","password":"bench-ballot-passphrase","roles":["REVIEWER"]}' "$BASE/api/users"
TOKEN=$(curl -sf -H 'Content-Type: application/json' -d '{"username":"bench-voter","password":"bench-ballot-passphrase"}' "$BASE/api/auth/token" | sed 's/.*"token":"\([^"]*\)".*/\1/')

run() { # name connections path [extra wrk args]
  local name=$1 connections=$2 path=$3; shift 3
  wrk -t2 -c"$connections" -d"${WARMUP}s" "$@" "$BASE$path" > /dev/null
  echo "== $name ($path, $connections connections, ${DURATION}s)"
  wrk -t2 -c"$connections" -d"${DURATION}s" --latency "$@" "$BASE$path" | grep -E 'Requests/sec|^ +50%|^ +99%|Non-2xx'
}
run "claim page" 32 "/claims/$CLAIM"
run "contested list" 32 "/contested"
run "document page" 32 "/documents/$DOC"
run "search" 8 "/search?q=hamstrings+runners"
export TOKEN MAX_EVIDENCE
run "vote write" 32 "/" -s bench/vote.lua
echo "RSS after the run: $(ps -o rss= -p $APP | awk '{printf "%d MB", $1/1024}')"
