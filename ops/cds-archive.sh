#!/usr/bin/env bash
# Writes Crux's class-data archive (README "Restarts are faster"): a training run of the packaged
# jar on a throwaway data folder (its own embedded PostgreSQL in a temporary folder, on free ports),
# a few pages and API answers, a stop; the JVM writes the archive as it exits. Run it again after
# every build: a JVM does not use an archive made from other jars.
#   ops/cds-archive.sh [archive, default crux.jsa]
source "$(dirname "$0")/lib.sh"
OUT=$(realpath -m "${1:-crux.jsa}")
ops_init cds-archive
PORT=$(free_port)
OPS_MANAGEMENT_PORT=$(free_port) cds_train "$WORK/crux.jsa" "$PORT" CRUX_DATA_DIR="$WORK/data"
mv "$WORK/crux.jsa" "$OUT"
log "class-data archive of $(du -m "$OUT" | cut -f1) MB written to $OUT; start Crux with"
echo "   java @$START_JVMARGS -XX:SharedArchiveFile=$OUT -jar $JAR"
