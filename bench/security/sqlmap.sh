#!/usr/bin/env bash
# SQL injection scan of a freshly started Crux on loopback with sqlmap (Debian package).
# Usage: bench/security/sqlmap.sh   (PER_TARGET seconds per target, default 120, three times that for
# the four-field form; LEVEL/RISK default 2/1; about 20 minutes at most)
# Targets: search (page and API), similar-claims and compare queries, a claim by id (path), the
# vote form POST (session cookie + CSRF token), the JSON vote API (bearer), the token endpoint.
# Everything runs against 127.0.0.1 only; the script stops what it started and exits by itself.
source "$(dirname "$0")/common.sh"
PER_TARGET=${PER_TARGET:-120}
LEVEL=${LEVEL:-2}
RISK=${RISK:-1}
crux_start

SUMMARY=$OUT/sqlmap-summary.txt
: > "$SUMMARY"
scan() { # name, then sqlmap arguments
  local name=$1; shift
  local log=$OUT/sqlmap-$name.log
  echo "== $name"
  timeout --kill-after=10 "${TIME:-$PER_TARGET}" sqlmap --batch --disable-coloring --flush-session --level="$LEVEL" --risk="$RISK" \
    --threads="${THREADS:-2}" --timeout=10 --retries=1 --output-dir="$OUT/sqlmap" --answers="follow=N,keep testing=N" "$@" > "$log" 2>&1
  local rc=$?
  local verdict negatives
  negatives=$(grep -cE "does not seem to be injectable" "$log")
  if grep -qE "is vulnerable|sqlmap identified the following injection point" "$log"; then
    verdict="INJECTABLE: $(grep -E "Parameter:|Type:" "$log" | head -4 | tr -s ' ' | tr '\n' ' ')"
  elif [ "$rc" = 124 ] || [ "$rc" = 137 ]; then
    verdict="stopped at the ${TIME:-$PER_TARGET}s bound; nothing injectable found until then ($negatives parameters tested negative)"
  elif grep -qE "do not appear to be injectable" "$log"; then
    verdict="not injectable ($negatives parameters tested negative)"
  else
    verdict="inconclusive (exit $rc): $(grep -E "\[(CRITICAL|ERROR)\]" "$log" | head -1)"
  fi
  echo "$name: $verdict" | tee -a "$SUMMARY"
}
set +e
# the form POST carries a valid CSRF cookie and token pair, so the payloads reach the handler
AUTH=(-H "Authorization: Bearer $EDITOR_TOKEN")
scan search-page -u "$BASE/search?q=stretching" --cookie="$SESSION_COOKIE"
scan search-api -u "$BASE/api/search?q=stretching"
scan similar-api -u "$BASE/api/claims/similar?q=static+stretching" "${AUTH[@]}"
scan compare-api -u "$BASE/api/compare?a=$CLAIM_ID&b=$CLAIM_ID"
scan claim-by-id -u "$BASE/api/claims/${CLAIM_ID}*" "${AUTH[@]}"
TIME=$((PER_TARGET * 3)) scan vote-form -u "$BASE/evidence/$EVIDENCE_ID/vote" --method=POST \
  --data="strength=LOW&disputesStance=&rationale=scan&back=/claims/$CLAIM_SLUG&csrf-token=$CSRF_TOKEN" \
  --cookie="$SESSION_COOKIE; $CSRF_COOKIE" -p "strength,disputesStance,rationale,back"
scan vote-api -u "$BASE/api/evidence/$EVIDENCE_ID/vote" --method=PUT \
  --data='{"strength":"LOW","rationale":"scan"}' -H "Content-Type: application/json" -H "Authorization: Bearer $REVIEWER_TOKEN"
# last: failed sign-ins pause this address's logins, which the steps above still needed
scan token-api -u "$BASE/api/auth/token" --method=POST --data='{"username":"nobody-here","password":"not-the-password"}' \
  -H "Content-Type: application/json" --ignore-code=401
set -e
# status codes other than 2xx/3xx that payloads provoked, per target (a 500 is a finding to look at)
for log in "$OUT"/sqlmap-*.log; do
  codes=$(grep -E "^[0-9]{3} \(.*\) - [0-9]+ times" "$log" | tr '\n' ';' | sed 's/;$//' || true)
  [ -z "$codes" ] || echo "  $(basename "$log" .log | sed 's/^sqlmap-//') answered: $codes" | tee -a "$SUMMARY"
done
echo "sqlmap $(sqlmap --version 2>/dev/null | grep -E '^[0-9]' | head -1 || true), level $LEVEL, risk $RISK, ${PER_TARGET}s per target; logs in $OUT"
