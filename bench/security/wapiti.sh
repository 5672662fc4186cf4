#!/usr/bin/env bash
# Web vulnerability scan of a freshly started Crux on loopback with wapiti (Debian package, 3.0.x).
# Usage: bench/security/wapiti.sh   (CRAWL_TIME, default 120, and ATTACK_TIME per module, default 15:
# about five minutes in all. In wapiti 3.0.4 --max-scan-time bounds only the crawl and
# --max-attack-time each module; a hard stop at 15 minutes guards against a hang.)
# Crawls and attacks http://127.0.0.1:PORT/ only, signed in as an editor (session cookie). Modules
# that reach outside (ssrf, xxe, nikto's and wapp's downloads) are not loaded; the import form's
# fetchUrl field is never attacked, so Crux itself is not sent off to fetch outside pages; sign-out
# and the account's password form are left alone so the session lasts the whole scan.
source "$(dirname "$0")/common.sh"
CRAWL_TIME=${CRAWL_TIME:-120}
ATTACK_TIME=${ATTACK_TIME:-15}
MODULES=${MODULES:-blindsql,cookieflags,csp,exec,file,http_headers,permanentxss,redirect,sql,xss,crlf,csrf,methods}
crux_start

REPORT=$OUT/wapiti-report.txt
echo "== wapiti against $BASE/ (modules: $MODULES; crawl ${CRAWL_TIME}s, ${ATTACK_TIME}s per module)"
set +e
# wapiti_compat.py: wapiti 3.0.4 itself, with its -x patterns fixed for Python 3.11 (see the file),
# run by the interpreter the wapiti command uses (the one that has wapitiCore)
PYTHON=$(head -1 "$(command -v wapiti)" | sed 's/^#! *//; s/ .*//')
timeout --kill-after=20 900 "$PYTHON" "$(dirname "$0")/wapiti_compat.py" --no-bugreport -u "$BASE/" --scope folder -m "$MODULES" \
  --max-scan-time "$CRAWL_TIME" --max-attack-time "$ATTACK_TIME" -d 4 --max-links-per-page 30 --max-files-per-dir 40 \
  --max-parameters 12 -t 10 -H "Cookie: $SESSION_COOKIE; $CSRF_COOKIE" \
  -x "$BASE/logout" -x "$BASE/account/password" -x "$BASE/account/sessions*" -x "$BASE/account/sign-out-everywhere" -x "$BASE/q/*" \
  --skip fetchUrl --skip csrf-token --flush-session --store-session "$OUT/wapiti-session" \
  -f txt -o "$REPORT" -v 1 > "$OUT/wapiti.log" 2>&1
rc=$?
set -e
echo "wapiti exit $rc; full log $OUT/wapiti.log"
if [ -f "$REPORT" ]; then
  # the summary tables without the zero lines, then each finding: its title and the request that showed it
  sed -n '/^Summary of vulnerabilities/,/^\*\*\*\*\*/p' "$REPORT" | grep -vE ":\s+0$"
  sed -n '/^Summary of anomalies/,/^\*\*\*\*\*/p' "$REPORT" | grep -vE ":\s+0$"
  awk '/^Summary of anomalies/ {n++} n > 1 {exit}
       /^Evil request:/ {getline; print "      " $0; next}
       /^[A-Z]/ && !/^(cURL|Summary|Wapiti|Report|Date|Target|Crawled|Scope|Auth)/ && !/:[ ]+[0-9]+$/ {print}' "$REPORT" | head -80
else
  echo "no report written; last lines of the log:"; tail -20 "$OUT/wapiti.log"
fi
