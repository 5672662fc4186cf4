#!/usr/bin/env bash
# Compiles the raw handler against the packaged Crux's own libraries (the same Qute and PostgreSQL
# driver versions; two pure helpers of Crux: review.Agreement and document.anchoring.Highlights).
# No build of its own to keep in step, and Crux's build is untouched. Prints the classpath to run it with.
set -euo pipefail
ROOT=$(cd "$(dirname "$0")/../.." && pwd)
APP=$ROOT/target/quarkus-app
[ -d "$APP/lib/main" ] || { echo "package Crux first: mvn -o package -DskipTests" >&2; exit 1; }
CP="$ROOT/bench/raw/target/classes:$(ls "$APP"/app/*.jar | tr "\n" ":")$APP/lib/main/*:$APP/lib/boot/*"
mkdir -p "$ROOT/bench/raw/target/classes"
javac -nowarn -d "$ROOT/bench/raw/target/classes" -cp "$CP" "$ROOT/bench/raw/src/RawCrux.java" >&2
echo "$CP"
