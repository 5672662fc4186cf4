# Shared helpers of bench/generate.sh and bench/run (sourced, not run). Everything stays on
# loopback in one folder, $BENCH_DIR (default /tmp/crux-bench-<set>): Debian's PostgreSQL 15 with
# pg_stat_statements in $BENCH_DIR/pg, the packaged Crux's logs, the results.
set -euo pipefail
BENCH_ROOT=$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)
PGBIN=${PGBIN:-/usr/lib/postgresql/15/bin}
JAR=$BENCH_ROOT/target/quarkus-app/quarkus-run.jar
ADMIN_PASSWORD=bench-root-passphrase-orchard
SESSION_KEY=bench-only-session-key-0123456789abcdef
# Crux and the raw handler run with README's production JVM options (its heap and ops/start.jvmargs;
# no class-data archive, which only shortens the start), so RSS is measured as Crux is run
JAVA_OPTS=${JAVA_OPTS:--Xmx512m @$BENCH_ROOT/ops/start.jvmargs}
# PostgreSQL refuses to run as root: as root, its commands run as the "postgres" account
AS_PG=()
[ "$(id -u)" != 0 ] || AS_PG=(runuser -u postgres --)

bench_sizes() { # small|large -> DOCS CLAIMS USERS
  case "$1" in
    small) DOCS=1000; CLAIMS=10000; USERS=100 ;;
    large) DOCS=10000; CLAIMS=100000; USERS=1000 ;;
    tiny) DOCS=50; CLAIMS=500; USERS=20 ;; # for trying the scripts out quickly
    *) echo "usage: $0 [small|large]" >&2; exit 2 ;;
  esac
  BENCH_DIR=${BENCH_DIR:-/tmp/crux-bench-$1}
  PGDATA_DIR=$BENCH_DIR/pg
  PGPORT=${BENCH_PG_PORT:-$(case "$1" in small) echo 18632 ;; large) echo 18642 ;; *) echo 18622 ;; esac)}
  APP_PORT=${BENCH_PORT:-8106}
  RAW_PORT=${BENCH_RAW_PORT:-8116}
  BASE=http://127.0.0.1:$APP_PORT
  PSQL=(psql -X -q -h 127.0.0.1 -p "$PGPORT" -U postgres -d crux)
  JDBC_URL=jdbc:postgresql://127.0.0.1:$PGPORT/crux
}

log() { echo "   $(date -u +%H:%M:%S) $*" >&2; }

pg_running() { "${AS_PG[@]}" "$PGBIN/pg_ctl" -D "$PGDATA_DIR" status >/dev/null 2>&1; }
pg_up() { # initialises the cluster on first use, starts it unless running
  if [ ! -f "$PGDATA_DIR/PG_VERSION" ]; then
    mkdir -p "$PGDATA_DIR"; chmod 755 "$BENCH_DIR"; [ ${#AS_PG[@]} = 0 ] || chown postgres "$PGDATA_DIR"
    "${AS_PG[@]}" "$PGBIN/initdb" -D "$PGDATA_DIR" -U postgres -A trust -E UTF8 --locale=C.UTF-8 >/dev/null
    "${AS_PG[@]}" tee -a "$PGDATA_DIR/postgresql.conf" >/dev/null <<CONF
listen_addresses = '127.0.0.1'
port = $PGPORT
unix_socket_directories = '$PGDATA_DIR'
max_connections = 120
shared_buffers = 1GB
effective_cache_size = 4GB
work_mem = 16MB
maintenance_work_mem = 512MB
max_wal_size = 8GB
checkpoint_timeout = 30min
shared_preload_libraries = 'pg_stat_statements'
pg_stat_statements.max = 10000
CONF
    "${AS_PG[@]}" "$PGBIN/pg_ctl" -D "$PGDATA_DIR" -l "$PGDATA_DIR/server.log" -w start >/dev/null
    psql -X -q -h 127.0.0.1 -p "$PGPORT" -U postgres -c "CREATE DATABASE crux" >/dev/null
    "${PSQL[@]}" -c "CREATE EXTENSION pg_stat_statements" >/dev/null
    log "PostgreSQL 15 initialised in $PGDATA_DIR (port $PGPORT)"
  elif ! pg_running; then
    "${AS_PG[@]}" "$PGBIN/pg_ctl" -D "$PGDATA_DIR" -l "$PGDATA_DIR/server.log" -w start >/dev/null
  fi
}
pg_down() { ! pg_running || "${AS_PG[@]}" "$PGBIN/pg_ctl" -D "$PGDATA_DIR" -m fast -w stop >/dev/null; }

build_app() { # packages Crux so the bench measures the tree as it is; BENCH_SKIP_BUILD=1 reuses target/
  if [ "${BENCH_SKIP_BUILD:-0}" = 1 ] && [ -f "$JAR" ]; then return 0; fi
  log "packaging Crux (mvn -o package -DskipTests)"
  (cd "$BENCH_ROOT" && mvn -q -B -o package -DskipTests) >&2
}

APP_PID=
app_start() { # [ENV=value ...]: the packaged Crux on $APP_PORT against the bench database
  env CRUX_ADMIN_PASSWORD=$ADMIN_PASSWORD CRUX_SESSION_KEY=$SESSION_KEY CRUX_HTTP_SECURE_COOKIES=false \
    CRUX_DATA_DIR="$BENCH_DIR/crux" QUARKUS_HTTP_PORT=$APP_PORT QUARKUS_MANAGEMENT_PORT=$((APP_PORT + 1000)) \
    QUARKUS_DATASOURCE_JDBC_URL=$JDBC_URL QUARKUS_DATASOURCE_USERNAME=postgres QUARKUS_DATASOURCE_PASSWORD=bench \
    "$@" java $JAVA_OPTS -jar "$JAR" > "$BENCH_DIR/app.log" 2>&1 &
  APP_PID=$!
}
app_stop() {
  [ -n "$APP_PID" ] || return 0
  kill "$APP_PID" 2>/dev/null || true
  for _ in $(seq 1 200); do kill -0 "$APP_PID" 2>/dev/null || break; sleep 0.1; done
  kill -9 "$APP_PID" 2>/dev/null || true
  APP_PID=
}
wait_ready() { # url [seconds]; prints the seconds it took; fails at the deadline or when Crux has exited
  local url=$1 limit=${2:-120} start
  start=$(date +%s.%N)
  while (( $(date +%s) - ${start%.*} < limit )); do
    if curl -sf -o /dev/null --max-time 2 "$url/q/health/ready"; then
      echo "$(date +%s.%N) - $start" | bc -l | xargs printf '%.2f\n'; return 0
    fi
    if [ -n "$APP_PID" ] && ! kill -0 "$APP_PID" 2>/dev/null; then return 1; fi
    sleep 0.05
  done
  return 1
}
RAW_PID=
raw_start() { # log-file: the raw handler (bench/raw, built with build.sh) on $RAW_PORT, once it answers; sets RAW and RAW_PID
  local cp
  cp=$("$BENCH_ROOT/bench/raw/build.sh")
  RAW_TEMPLATES=$BENCH_ROOT/src/main/resources/templates RAW_PORT=$RAW_PORT RAW_JDBC_URL=$JDBC_URL \
    java $JAVA_OPTS -cp "$cp" RawCrux > "$1" 2>&1 &
  RAW_PID=$!
  RAW=http://127.0.0.1:$RAW_PORT
  for _ in $(seq 1 100); do curl -s -o /dev/null "$RAW/contested" && break; sleep 0.1; done
}
raw_stop() { [ -z "$RAW_PID" ] || kill "$RAW_PID" 2>/dev/null || true; }
to_ms() { # wrk's 1.23ms / 456.00us / 1.20s / 1.00m -> ms
  awk -v v="$1" 'BEGIN { n = v + 0; if (v ~ /us$/) n /= 1000; else if (v ~ /ms$/) n = n; else if (v ~ /m$/) n *= 60000; else if (v ~ /s$/) n *= 1000; printf "%.2f", n }'
}
rss_mb() { ps -o rss= -p "$1" | awk '{printf "%d", $1/1024}'; }
token_for() { # user password; retried: a cold JVM on a busy host can miss the 10 s request timeout
  local token
  for _ in 1 2 3 4 5; do
    token=$(curl -sf -H 'Content-Type: application/json' -d "{\"username\":\"$1\",\"password\":\"$2\"}" "$BASE/api/auth/token" \
      | sed 's/.*"token":"\([^"]*\)".*/\1/') && [ -n "$token" ] && { echo "$token"; return 0; }
    sleep 2
  done
  return 1
}
