#!/usr/bin/env bash
# Benchmark (not a test): cold start to the first wizard window, and resident memory after the window was
# closed to the tray and the app sat idle. Runs the real app under Xvfb with trayer as the tray host.
# Usage: scripts/bench-desktop.sh [idle-seconds] [extra JVM flags...]
set -euo pipefail

here="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
idle="${1:-60}"
shift || true
cd "$here"
# shellcheck source=scripts/lib-desktop-x11.sh
. scripts/lib-desktop-x11.sh

classpath="$(desktop_test_classpath)"
scratch="$(mktemp -d)"
start_xvfb
trayer_pid=""
trap 'kill $trayer_pid "$XVFB_PID" 2>/dev/null || true; rm -rf "$scratch"' EXIT
DISPLAY="$DISPLAY_FOR_APP" trayer --edge top --align right >/dev/null 2>&1 &
trayer_pid=$!
sleep 1

# The flags ./openhaven and the installers ship, plus any given on the command line.
DISPLAY="$DISPLAY_FOR_APP" XDG_CONFIG_HOME="$scratch/config" \
  java -XX:+UseSerialGC -Xss512k -XX:TieredStopAtLevel=1 -XX:ReservedCodeCacheSize=32m "$@" \
  -Dprism.order=sw -Djava.util.prefs.userRoot="$scratch/prefs" -Dorg.slf4j.simpleLogger.defaultLogLevel=warn \
  -cp "$classpath" org.openhaven.desktop.bench.StartupBench "$idle"
