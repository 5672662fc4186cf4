"""Summarises `jfr print --events jdk.ExecutionSample` output: where the CPU samples of a load run went.

Usage: python3 bench/jfr_summary.py samples.txt [out.folded]
Prints the share of samples spent in each layer (inclusive: a sample counts for every layer on its
stack), the hottest leaf methods (self time) and Crux's own hottest methods (inclusive). Writes the
stacks in the "folded" format (root;...;leaf count) that flame graph tools (flamegraph.pl, speedscope,
inferno) draw as a flame graph.
"""
import collections
import re
import sys

LAYERS = [  # (name, prefix of the frame's class)
    ("Crux code (app.crux)", "app.crux."),
    ("Hibernate ORM", "org.hibernate."),
    ("Qute rendering", "io.quarkus.qute."),
    ("PostgreSQL JDBC driver", "org.postgresql."),
    ("Agroal pool / Narayana tx", ("io.agroal.", "com.arjuna.", "io.quarkus.narayana")),
    ("RESTEasy Reactive", "org.jboss.resteasy.reactive."),
    ("Vert.x / Netty (HTTP)", ("io.vertx.", "io.netty.")),
    ("Jackson (JSON)", "com.fasterxml.jackson."),
    ("ArC / CDI proxies", "io.quarkus.arc."),
    ("Security", ("io.quarkus.security.", "io.quarkus.vertx.http.runtime.security")),
    ("JDK regex", "java.util.regex."),
    ("BigDecimal", "java.math."),
]

def frames_of(text):
    samples, current, inside = [], [], False
    for line in text.splitlines():
        s = line.strip()
        if s.startswith("stackTrace = ["):
            inside, current = True, []
        elif inside and s == "]":
            inside = False
            samples.append(current)
        elif inside and s and s != "...":
            current.append(re.sub(r"\s+line:.*$", "", s))
    return samples

def method(frame):
    return re.sub(r"\(.*$", "", frame)

def main():
    samples = frames_of(open(sys.argv[1], encoding="utf-8", errors="replace").read())
    total = len(samples)
    print(f"{total} CPU samples (jdk.ExecutionSample, every 10-20 ms per running thread)")
    if not total:
        return
    layers = collections.Counter()
    for stack in samples:
        seen = set()
        for f in stack:
            for name, prefix in LAYERS:
                if f.startswith(prefix):
                    seen.add(name)
        layers.update(seen)
    print("\nshare of samples with the layer on the stack (inclusive, so shares add up to more than 100 %):")
    for name, n in layers.most_common():
        print(f"  {100 * n / total:5.1f} %  {name}")
    leaf = collections.Counter(method(s[0]) for s in samples if s)
    print("\nhottest methods, self time (top of stack):")
    for m, n in leaf.most_common(15):
        print(f"  {100 * n / total:5.1f} %  {m}")
    own = collections.Counter()
    for stack in samples:
        own.update({method(f) for f in stack if f.startswith("app.crux.")})
    print("\nCrux's own methods, inclusive:")
    for m, n in own.most_common(12):
        print(f"  {100 * n / total:5.1f} %  {m}")
    if len(sys.argv) > 2:
        folded = collections.Counter(";".join(method(f) for f in reversed(stack)) for stack in samples if stack)
        with open(sys.argv[2], "w", encoding="utf-8") as out:
            for stack, n in folded.most_common():
                out.write(f"{stack} {n}\n")

if __name__ == "__main__":
    main()
