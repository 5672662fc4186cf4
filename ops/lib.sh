# Shared helpers for the ops/ scripts (sourced, not run). Everything runs on loopback in a
# temporary folder: its own PostgreSQL (Debian's 15, or Crux's embedded 17), its own Crux
# instances on unusual ports, nothing system-wide. Needs: a JDK 17, curl, jq, python3, wrk,
# /usr/lib/postgresql/15/bin (apt-get install postgresql) and, for two-instances.sh, nginx.
set -euo pipefail
OPS_ROOT=$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)
PGBIN=${PGBIN:-/usr/lib/postgresql/15/bin}
JAR=$OPS_ROOT/target/quarkus-app/quarkus-run.jar
ADMIN_PASSWORD=ops-root-passphrase-kettle
SESSION_KEY=ops-only-session-key-0123456789abcdef
export PYTHONUNBUFFERED=1

RESULTS=()
FAILED=0
PIDS=()
PG_DIRS=()

# PostgreSQL refuses to run as root: as root, its commands run as the "postgres" account
AS_PG=()
[ "$(id -u)" != 0 ] || AS_PG=(runuser -u postgres --)

ops_init() { # name
  OPS_NAME=$1
  WORK=$(mktemp -d "/tmp/crux-ops-$1-XXXX")
  chmod 755 "$WORK"
  trap ops_cleanup EXIT
  [ -f "$JAR" ] || (cd "$OPS_ROOT" && mvn -q package -DskipTests)
  echo "== $1 (work folder $WORK, $(date -u +%H:%M:%S) UTC)"
}

ops_cleanup() {
  set +e
  for pid in "${PIDS[@]}"; do kill "$pid" 2>/dev/null; done
  for pid in "${PIDS[@]}"; do for _ in $(seq 1 100); do kill -0 "$pid" 2>/dev/null || break; sleep 0.1; done; kill -9 "$pid" 2>/dev/null; done
  for dir in "${PG_DIRS[@]}"; do "${AS_PG[@]}" "$PGBIN/pg_ctl" -D "$dir" stop -m fast >/dev/null 2>&1; done
  [ -n "${KEEP_WORK:-}" ] || rm -rf "$WORK"
}

log() { echo "   $(date -u +%H:%M:%S) $*"; }

check() { # description, then a command that succeeds when it holds
  local what=$1; shift
  if "$@"; then RESULTS+=("PASS  $what"); else RESULTS+=("FAIL  $what"); FAILED=1; fi
}

summary() {
  echo "== $OPS_NAME: summary"
  printf '%s\n' "${RESULTS[@]}"
  if [ "$FAILED" = 0 ]; then echo "RESULT: PASS"; else echo "RESULT: FAIL"; fi
  return "$FAILED"
}

free_port() { # a free loopback port in 18000-18999
  python3 - <<'PY'
import random, socket
for _ in range(200):
    p = random.randint(18000, 18999)
    s = socket.socket()
    try:
        s.bind(("127.0.0.1", p)); s.close(); print(p); break
    except OSError:
        s.close()
PY
}

# ---- PostgreSQL (Debian's binaries) in $WORK
pg_init() { # dir port
  local dir=$1 port=$2
  mkdir -p "$dir"; [ ${#AS_PG[@]} = 0 ] || chown postgres "$dir"
  "${AS_PG[@]}" "$PGBIN/initdb" -D "$dir" -U postgres -A trust -E UTF8 --locale=C.UTF-8 >/dev/null
  "${AS_PG[@]}" tee -a "$dir/postgresql.conf" >/dev/null <<CONF
listen_addresses = '127.0.0.1'
port = $port
unix_socket_directories = '$dir'
max_connections = 120
CONF
  PG_DIRS+=("$dir")
  pg_start "$dir"
  "$PGBIN/psql" -q -h 127.0.0.1 -p "$port" -U postgres -c "CREATE DATABASE crux" >/dev/null
}
pg_start() { "${AS_PG[@]}" "$PGBIN/pg_ctl" -D "$1" -l "$1/server.log" -w start >/dev/null; }
pg_stop() { "${AS_PG[@]}" "$PGBIN/pg_ctl" -D "$1" -m "${2:-fast}" -w stop >/dev/null; }

# ---- Crux instances: app_start name http-port [ENV=value ...]; the jar runs in the background;
# management port http-port + 100, or OPS_MANAGEMENT_PORT (beside other people's instances)
app_start() {
  local name=$1 port=$2; shift 2
  local mgmt=${OPS_MANAGEMENT_PORT:-$((port + 100))}
  env CRUX_ADMIN_PASSWORD=$ADMIN_PASSWORD CRUX_SESSION_KEY=$SESSION_KEY CRUX_HTTP_SECURE_COOKIES=false \
    QUARKUS_HTTP_PORT=$port QUARKUS_MANAGEMENT_PORT=$mgmt \
    "$@" java ${JAVA_OPTS:--Xmx512m} -jar "$JAR" > "$WORK/$name.log" 2>&1 &
  local pid=$!
  PIDS+=("$pid")
}
wait_ready() { # url [seconds]; prints the seconds it took
  local url=$1 limit=${2:-90} start
  start=$(date +%s.%N)
  for _ in $(seq 1 $((limit * 10))); do
    if curl -sf -o /dev/null --max-time 2 "$url/q/health/ready"; then
      echo "$(date +%s.%N) - $start" | bc -l | xargs printf '%.2f\n'; return 0
    fi
    sleep 0.1
  done
  return 1
}
rss_mb() { ps -o rss= -p "$1" | awk '{printf "%d", $1/1024}'; }
threads_of() { awk '/^Threads:/ {print $2}' "/proc/$1/status"; }

token_for() { # base user password
  curl -sf -H 'Content-Type: application/json' -d "{\"username\":\"$2\",\"password\":\"$3\"}" "$1/api/auth/token" | jq -r .token
}
make_reviewers() { # base admin-token count file: creates ops-reviewer-1..N, writes one "name token" line each
  local base=$1 admin=$2 n=$3 file=$4
  : > "$file"
  for i in $(seq 1 "$n"); do
    curl -sf -o /dev/null -H "Authorization: Bearer $admin" -H 'Content-Type: application/json' \
      -d "{\"username\":\"ops-reviewer-$i\",\"displayName\":\"Ops reviewer $i\",\"password\":\"ops-ballot-passphrase-$i-lantern\",\"roles\":[\"REVIEWER\"]}" \
      "$base/api/users"
    echo "ops-reviewer-$i $(token_for "$base" "ops-reviewer-$i" "ops-ballot-passphrase-$i-lantern")" >> "$file"
  done
}

# ---- the class-data archive (docs/operations.md "Restart time", README "Restarts are faster"):
# a training run writes the classes it loaded into an archive as the JVM exits (JDK 17's dynamic AppCDS)
START_JVMARGS=$OPS_ROOT/ops/start.jvmargs
cds_train() { # archive port [ENV=value ...]: starts Crux, reads a few pages and API answers, stops
  local archive=$1 port=$2; shift 2
  local pid claim base=http://127.0.0.1:$port
  # -Xlog:cds=error: the classes it cannot archive (generated at run time) are listed as warnings otherwise
  JAVA_OPTS="-Xmx512m @$START_JVMARGS -XX:ArchiveClassesAtExit=$archive -Xlog:cds=error" \
    app_start training "$port" "$@"
  pid=${PIDS[-1]}
  wait_ready "$base" 180 >/dev/null
  claim=$(curl -s "$base/contested" | grep -o '/claims/[a-z0-9-]*' | head -1 || true)
  for path in / ${claim:+"$claim"} /contested /api/contested "/api/search?q=claim" /q/health/ready; do
    curl -s -o /dev/null "$base$path"
  done
  kill -TERM "$pid"; wait "$pid" || true
  test -s "$archive"
}

# ---- the ids of items a reviewer may rate (published claims, attached), comma-separated: psql-args...
# (bench/generate.sql makes every 97th claim a draft and every 89th retracted; votes on their items answer 404)
rateable_evidence() {
  psql -Atq "$@" -c "SELECT string_agg(e.id::text, ',' ORDER BY e.id) FROM evidence e JOIN claim c ON c.id = e.claim_id
                     WHERE c.status = 'PUBLISHED' AND e.detached_at IS NULL"
}

# ---- data: bench/generate.sql at a small size (the schema must exist: start Crux once first)
generate_data() { # psql-args... (docs/claims/users sizes from DOCS, CLAIMS, USERS)
  psql -q "$@" -v docs="${DOCS:-30}" -v claims="${CLAIMS:-100}" -v users="${USERS:-10}" \
    -f "$OPS_ROOT/bench/generate.sql" >/dev/null
}

# The aggregates as stored, then as recomputed from the votes by POST /api/admin/recompute-scores:
# equal digests mean every claim_score and evidence weight matched its votes.
AGGREGATES_SQL="SELECT md5(coalesce(string_agg(row_text, '|' ORDER BY row_text), '')) FROM (
  SELECT 's' || claim_id || ':' || support_weight || ':' || conflict_weight || ':' || support_count || ':'
         || conflict_count || ':' || vote_count || ':' || verdict AS row_text FROM claim_score
  UNION ALL SELECT 'e' || id || ':' || weight || ':' || vote_count || ':' || dispute_count FROM evidence) x"
aggregates_match_recomputation() { # base admin-token psql-args...
  local base=$1 admin=$2; shift 2
  local before after
  before=$(psql -Atq "$@" -c "$AGGREGATES_SQL")
  curl -sf -o /dev/null -X POST -H "Authorization: Bearer $admin" "$base/api/admin/recompute-scores" || return 1
  after=$(psql -Atq "$@" -c "$AGGREGATES_SQL")
  log "aggregates before recompute $before, after $after"
  [ "$before" = "$after" ]
}

# Table counts and an md5 of every table's rows in primary-key order (the idea of the tests' TableChecksums)
TABLE_CHECKSUMS_SQL="SELECT string_agg(format('%s %s', table_name, (xpath('/row/c/text()',
    query_to_xml(format('SELECT count(*) || '' '' || coalesce(md5(string_agg(t::text, ''|'' ORDER BY t::text)), ''-'') AS c FROM %I t',
    table_name), false, true, '')))[1]::text), E'\n' ORDER BY table_name)
  FROM information_schema.tables WHERE table_schema = 'public' AND table_type = 'BASE TABLE'
  AND table_name <> 'flyway_schema_history'"
