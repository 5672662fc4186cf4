#!/usr/bin/env python3
"""Load and probes for the ops scripts (standard library only).

votes   N reviewers vote at once, each on evidence items of its own (so every answer can be
        checked against the database): one CSV line per vote: reviewer,evidence,strength,status,ms,base
probe   one request at a time to a page and to the API, forever until --duration: CSV lines
        t,kind,status,ms,retry_after,friendly
check-votes  every vote answered 200 is in the database with its strength (reads psql output)
probe-report summary of a probe CSV between two times
"""
import argparse, csv, http.client, json, random, sys, threading, time, urllib.parse

STRENGTHS = ["HIGH", "MODERATE", "LOW", "VERY_LOW"]


def request(base, method, path, headers=None, body=None, timeout=15):
    u = urllib.parse.urlparse(base)
    conn = http.client.HTTPConnection(u.hostname, u.port, timeout=timeout)
    start = time.time()
    try:
        conn.request(method, path, body=body, headers=headers or {})
        r = conn.getresponse()
        data = r.read()
        return r.status, (time.time() - start) * 1000, r.getheader("Retry-After"), data
    except Exception as e:  # refused, reset, timed out: status 0
        return 0, (time.time() - start) * 1000, None, str(e).encode()
    finally:
        conn.close()


def votes(a):
    bases = a.bases.split(",")
    reviewers = [line.split() for line in open(a.tokens) if line.strip()]
    # a reviewer may rate items of published claims only (others answer 404): the scripts pass those ids
    evidence = [int(x) for x in a.evidence_ids.split(",")] if a.evidence_ids else list(range(1, a.evidence_max + 1))
    out = open(a.out, "w", newline="")
    w = csv.writer(out)
    lock = threading.Lock()
    stop_at = time.time() + a.duration
    counter = [0]
    retries = [0]

    def run(i, name, token):
        rnd = random.Random(i)
        mine = evidence[:]
        rnd.shuffle(mine)
        for n, ev in enumerate(mine):
            if time.time() > stop_at or (a.per_reviewer and n >= a.per_reviewer):
                return
            with lock:
                k = counter[0]
                counter[0] += 1
            base = bases[k % len(bases)]  # alternately through each instance
            strength = rnd.choice(STRENGTHS)
            for attempt in range(a.retry_503 + 1):
                status, ms, retry_after, _ = request(base, "PUT", f"/api/evidence/{ev}/vote",
                                                     {"Authorization": "Bearer " + token, "Content-Type": "application/json"},
                                                     json.dumps({"strength": strength}))
                if status != 503 or attempt == a.retry_503:
                    break
                # as a well-behaved client: wait as told (at most a second here), then send the same vote again
                with lock:
                    retries[0] += 1
                time.sleep(min(float(retry_after or 1), 1.0))
            with lock:
                w.writerow([name, ev, strength, status, round(ms), base])
            time.sleep(a.pause)

    threads = [threading.Thread(target=run, args=(i, r[0], r[1])) for i, r in enumerate(reviewers)]
    for t in threads:
        t.start()
    for t in threads:
        t.join()
    out.close()
    if a.retry_503:
        print(f"votes sent again after 503 + Retry-After: {retries[0]}", file=sys.stderr)


def probe(a):
    out = open(a.out, "w", newline="")
    w = csv.writer(out)
    stop_at = time.time() + a.duration
    while time.time() < stop_at:
        for kind, path, headers in (("page", a.page, {"Accept": "text/html"}), ("api", a.api, {})):
            t = time.time()
            status, ms, retry, body = request(a.base, "GET", path, headers, timeout=10)
            friendly = b"try again in a moment" in body.lower() or b'"error"' in body
            # "busy": the admission limit's 503 (web.Admission), not the database's
            busy = b"more requests than it can answer" in body
            w.writerow([f"{t:.3f}", kind, status, round(ms), retry or "", int(friendly), int(busy)])
            out.flush()
        time.sleep(a.interval)
    out.close()


def check_votes(a):
    stored = {}
    for line in open(a.stored):
        name, ev, strength = line.strip().split("|")
        stored[(name, ev)] = strength
    ok = missing = wrong = other = 0
    statuses = {}
    for name, ev, strength, status, ms, base in csv.reader(open(a.votes)):
        statuses[status] = statuses.get(status, 0) + 1
        if status != "200":
            other += 1
            continue
        got = stored.get((name, ev))
        if got is None:
            missing += 1
        elif got != strength:
            wrong += 1
        else:
            ok += 1
    print(json.dumps({"answered": statuses, "stored_as_answered": ok, "missing": missing, "different": wrong}))
    sys.exit(0 if missing == 0 and wrong == 0 and ok > 0 else 1)


def probe_report(a):
    rows = [r for r in csv.reader(open(a.probe))]
    lo = float(a.since) if a.since else 0
    hi = float(a.until) if a.until else 1e18
    sel = [r for r in rows if lo <= float(r[0]) <= hi]
    statuses = {}
    for r in sel:
        statuses[r[2]] = statuses.get(r[2], 0) + 1
    failing = [r for r in sel if r[2] != "200"]
    report = {
        "requests": len(sel), "statuses": statuses,
        "max_ms_failing": max([int(r[3]) for r in failing], default=0),
        "non_503_failures": sum(1 for r in failing if r[2] != "503"),
        "503_without_retry_after": sum(1 for r in failing if r[2] == "503" and not r[4]),
        "503_without_friendly_body": sum(1 for r in failing if r[2] == "503" and r[5] != "1"),
        "503_busy": sum(1 for r in failing if r[2] == "503" and len(r) > 6 and r[6] == "1"),
    }
    ok_after = [float(r[0]) for r in rows if float(r[0]) >= (float(a.recovered_from) if a.recovered_from else 1e18)]
    if a.recovered_from:
        # first moment from which page and API both answered 200 every time
        t0 = float(a.recovered_from)
        later = [r for r in rows if float(r[0]) >= t0]
        # a busy 503 (more clients than the admission limit) is service, not the outage going on
        bad = [r for r in later if r[2] != "200" and not (r[2] == "503" and len(r) > 6 and r[6] == "1")]
        last_bad = max([float(r[0]) for r in bad], default=t0)
        good_after = [float(r[0]) for r in later if float(r[0]) > last_bad and r[2] == "200"]
        report["recovered_after_s"] = round((good_after[0] if good_after else 1e9) - t0, 2)
    print(json.dumps(report))


p = argparse.ArgumentParser()
sub = p.add_subparsers(dest="cmd", required=True)
v = sub.add_parser("votes")
v.add_argument("--bases", required=True)
v.add_argument("--tokens", required=True)
v.add_argument("--evidence-max", type=int, default=0)
v.add_argument("--evidence-ids", default="", help="comma-separated evidence ids; overrides --evidence-max")
v.add_argument("--duration", type=float, default=20)
v.add_argument("--per-reviewer", type=int, default=0)
v.add_argument("--pause", type=float, default=0.05)
v.add_argument("--retry-503", type=int, default=0)
v.add_argument("--out", required=True)
pr = sub.add_parser("probe")
pr.add_argument("--base", required=True)
pr.add_argument("--page", required=True)
pr.add_argument("--api", required=True)
pr.add_argument("--duration", type=float, default=30)
pr.add_argument("--interval", type=float, default=0.1)
pr.add_argument("--out", required=True)
c = sub.add_parser("check-votes")
c.add_argument("--votes", required=True)
c.add_argument("--stored", required=True)
r = sub.add_parser("probe-report")
r.add_argument("--probe", required=True)
r.add_argument("--since")
r.add_argument("--until")
r.add_argument("--recovered-from")
a = p.parse_args()
{"votes": votes, "probe": probe, "check-votes": check_votes, "probe-report": probe_report}[a.cmd](a)
