#!/usr/bin/env bash
# Benchmark (not a test): cold start to the first wizard window, and resident memory after the window was
# closed to the tray and the app sat idle. Runs the real app under Xvfb with trayer as the tray host.
# Usage: scripts/bench-desktop.sh [idle-seconds] [extra JVM flags...]
set -euo pipefail

here="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
idle="${1:-60}"
shift || true
cd "$here"

cp_file="$(mktemp)"
./mvnw -B -q -o -pl desktop -am test-compile dependency:build-classpath \
  -Dmdep.outputFile="$cp_file" -Dmdep.includeScope=test
classpath="desktop/target/test-classes:desktop/target/classes:$(cat "$cp_file")"
rm -f "$cp_file"

scratch="$(mktemp -d)"
display=":$((90 + RANDOM % 100))"
Xvfb "$display" -screen 0 1280x900x24 -nolisten tcp >/dev/null 2>&1 &
xvfb_pid=$!
trap 'kill "$trayer_pid" "$xvfb_pid" 2>/dev/null || true; rm -rf "$scratch"' EXIT
sleep 1
DISPLAY="$display" trayer --edge top --align right >/dev/null 2>&1 &
trayer_pid=$!
sleep 1

# The flags ./openhaven and the installers ship, plus any given on the command line.
DISPLAY="$display" XDG_CONFIG_HOME="$scratch/config" \
  java -XX:+UseSerialGC -Xss512k -XX:TieredStopAtLevel=1 -XX:ReservedCodeCacheSize=32m "$@" \
  -Dprism.order=sw -Djava.util.prefs.userRoot="$scratch/prefs" -Dorg.slf4j.simpleLogger.defaultLogLevel=warn \
  -cp "$classpath" org.openhaven.desktop.bench.StartupBench "$idle"
