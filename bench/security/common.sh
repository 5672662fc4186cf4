# Sourced by sqlmap.sh and wapiti.sh: starts the packaged Crux on loopback with its own data
# folder, port and admin password, seeds accounts and data through the API, signs in, and stops
# everything it started when the calling script exits (also on Ctrl-C or failure).
# After `crux_start`: BASE, ADMIN_TOKEN, EDITOR_TOKEN, REVIEWER_TOKEN, SESSION_COOKIE (the editor's
# crux-session=...), CSRF_COOKIE and CSRF_TOKEN (a crux-csrf cookie and its form token), CLAIM_ID,
# CLAIM_SLUG, DOC_ID, EVIDENCE_ID, OUT (where reports go).
# The scanners speak plain HTTP to loopback, where a browser (and wapiti, and curl's cookie jar) never
# sends back a cookie marked Secure: production's Secure flag is turned off for the scan only, or
# every form post would be refused for a missing CSRF cookie and the scan would test nothing.
# CRUX_APP_DIR: a packaged application folder to run instead of target/quarkus-app (e.g. a copy, so a
# rebuild during the scan does not pull the jar from under it).
set -euo pipefail
ROOT=$(cd "$(dirname "${BASH_SOURCE[0]}")/../.." && pwd)
OUT=${OUT:-$(mktemp -d /tmp/crux-security-XXXXXX)}
DATA=$(mktemp -d /tmp/crux-scan-data-XXXXXX)
PORT=${SCAN_PORT:-$(python3 -c 'import socket; s=socket.socket(); s.bind(("127.0.0.1", 0)); print(s.getsockname()[1])')}
BASE=http://127.0.0.1:$PORT
# the management interface (metrics) has its own port; a free one, so two scans can run side by side
MANAGEMENT_PORT=$(python3 -c 'import socket; s=socket.socket(); s.bind(("127.0.0.1", 0)); print(s.getsockname()[1])')
ADMIN_PASSWORD="quiet-harbour-lantern-$(date +%s)-north"
EDITOR_PASSWORD="orange-kettle-scan-passphrase"
REVIEWER_PASSWORD="violet-ladder-scan-passphrase"
APP=""

crux_stop() {
  if [ -n "$APP" ] && kill -0 "$APP" 2>/dev/null; then
    kill "$APP" 2>/dev/null || true          # the JVM's shutdown hook stops its embedded PostgreSQL
    for _ in $(seq 1 30); do kill -0 "$APP" 2>/dev/null || break; sleep 1; done
    kill -9 "$APP" 2>/dev/null || true
  fi
  # if the JVM died hard, stop the PostgreSQL it started, by the pid in its own data folder
  if [ -f "$DATA/pgdata/postmaster.pid" ]; then
    PG=$(head -1 "$DATA/pgdata/postmaster.pid")
    [ -n "$PG" ] && kill "$PG" 2>/dev/null || true
    sleep 2
  fi
  rm -rf "$DATA"
}
trap crux_stop EXIT
trap 'exit 130' INT TERM

json() { sed -n "s/.*\"$1\":\"\{0,1\}\([^\",}]*\).*/\1/p" | head -1; }

api() { # method path token [json body]
  curl -s -X "$1" -H "Authorization: Bearer $3" -H 'Content-Type: application/json' ${4:+-d "$4"} "$BASE$2"
}

crux_start() {
  local jar=${CRUX_APP_DIR:-$ROOT/target/quarkus-app}/quarkus-run.jar
  if [ ! -f "$jar" ] && [ -z "${CRUX_APP_DIR:-}" ]; then
    echo "building the packaged application (mvn package -DskipTests)…"
    (cd "$ROOT" && mvn -q package -DskipTests)
  fi
  echo "starting Crux on $BASE (data in $DATA, reports in $OUT)"
  CRUX_DATA_DIR=$DATA CRUX_ADMIN_PASSWORD=$ADMIN_PASSWORD QUARKUS_HTTP_HOST=127.0.0.1 QUARKUS_HTTP_PORT=$PORT \
    QUARKUS_MANAGEMENT_HOST=127.0.0.1 QUARKUS_MANAGEMENT_PORT=$MANAGEMENT_PORT \
    CRUX_HTTP_SECURE_COOKIES=false QUARKUS_REST_CSRF_COOKIE_FORCE_SECURE=false \
    java -Xmx768m -jar "$jar" > "$OUT/app.log" 2>&1 &
  APP=$!
  for _ in $(seq 1 180); do
    curl -sf -o /dev/null "$BASE/q/health/ready" && break
    kill -0 "$APP" 2>/dev/null || break
    sleep 1
  done
  curl -sf -o /dev/null "$BASE/q/health/ready" || { echo "Crux did not start:"; tail -30 "$OUT/app.log"; exit 1; }

  ADMIN_TOKEN=$(curl -s -H 'Content-Type: application/json' -d "{\"username\":\"admin\",\"password\":\"$ADMIN_PASSWORD\"}" \
    "$BASE/api/auth/token" | json token)
  [ -n "$ADMIN_TOKEN" ] || { echo "admin could not sign in"; exit 1; }
  api POST /api/users "$ADMIN_TOKEN" "{\"username\":\"scan-editor\",\"displayName\":\"Scan editor\",\"password\":\"$EDITOR_PASSWORD\",\"roles\":[\"EDITOR\",\"REVIEWER\"]}" > /dev/null
  api POST /api/users "$ADMIN_TOKEN" "{\"username\":\"scan-reviewer\",\"displayName\":\"Scan reviewer\",\"password\":\"$REVIEWER_PASSWORD\",\"roles\":[\"REVIEWER\"]}" > /dev/null
  EDITOR_TOKEN=$(curl -s -H 'Content-Type: application/json' -d "{\"username\":\"scan-editor\",\"password\":\"$EDITOR_PASSWORD\"}" "$BASE/api/auth/token" | json token)
  REVIEWER_TOKEN=$(curl -s -H 'Content-Type: application/json' -d "{\"username\":\"scan-reviewer\",\"password\":\"$REVIEWER_PASSWORD\"}" "$BASE/api/auth/token" | json token)
  [ -n "$EDITOR_TOKEN" ] && [ -n "$REVIEWER_TOKEN" ] || { echo "the scan accounts could not sign in"; exit 1; }

  local text="Stretching before running. Static stretching before a run does not prevent injuries in recreational runners. A dynamic warm-up improves sprint times in trained athletes."
  DOC_ID=$(api POST /api/documents "$EDITOR_TOKEN" "{\"title\":\"Scan article on stretching\",\"text\":\"$text\"}" | json id)
  CLAIM_ID=$(api POST /api/claims "$EDITOR_TOKEN" "{\"statement\":\"Static stretching before running prevents injuries\",\"tags\":[\"running\"],\"source\":{\"documentId\":$DOC_ID,\"exact\":\"Static stretching before a run\"}}" | json id)
  EVIDENCE_ID=$(api POST "/api/claims/$CLAIM_ID/evidence" "$EDITOR_TOKEN" "{\"documentId\":$DOC_ID,\"stance\":\"CONFLICTS\",\"exact\":\"does not prevent injuries in recreational runners\"}" | json id)
  api PUT "/api/evidence/$EVIDENCE_ID/vote" "$REVIEWER_TOKEN" '{"strength":"MODERATE","rationale":"Seed rating for the scan."}' > /dev/null
  CLAIM_SLUG=$(api GET "/api/claims/$CLAIM_ID" "$EDITOR_TOKEN" | json slug)
  [ -n "$CLAIM_SLUG" ] && [ -n "$EVIDENCE_ID" ] || { echo "seeding failed (doc=$DOC_ID claim=$CLAIM_ID evidence=$EVIDENCE_ID)"; exit 1; }

  # the editor signs in through the login form, as a browser does, for a session cookie
  local jar_file=$OUT/cookies.txt
  curl -s -c "$jar_file" -b "$jar_file" -o /dev/null "$BASE/login"
  curl -s -c "$jar_file" -b "$jar_file" -o /dev/null --data-urlencode "username=scan-editor" \
    --data-urlencode "password=$EDITOR_PASSWORD" "$BASE/j_security_check"
  SESSION_COOKIE="crux-session=$(awk '$6 == "crux-session" {print $7}' "$jar_file")"
  [ "$SESSION_COOKIE" != "crux-session=" ] || { echo "the editor could not sign in through the form"; exit 1; }
  curl -s -b "$SESSION_COOKIE" "$BASE/account" | grep -q "scan-editor" || { echo "the session cookie does not work"; exit 1; }
  # a CSRF cookie and the form token that goes with it, for scanners that post forms
  CSRF_TOKEN=$(curl -s -c "$jar_file" -b "$jar_file" "$BASE/account" | grep -o 'name="csrf-token" value="[^"]*"' | head -1 | sed 's/.*value="//; s/"$//')
  CSRF_COOKIE="crux-csrf=$(awk '$6 == "crux-csrf" {print $7}' "$jar_file")"
  [ -n "$CSRF_TOKEN" ] && [ "$CSRF_COOKIE" != "crux-csrf=" ] || { echo "no CSRF token on the account page"; exit 1; }
  echo "seeded: document $DOC_ID, claim $CLAIM_ID ($CLAIM_SLUG), evidence $EVIDENCE_ID; editor signed in"
}
