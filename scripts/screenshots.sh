#!/usr/bin/env bash
# Renders every wizard page and the dashboard in a real JavaFX window under Xvfb and writes
# docs/images/wizard-<step>.png and docs/images/dashboard.png. Needs: xvfb, libgtk-3-0, a JDK 17+.
# Usage: scripts/screenshots.sh [light|dark]
set -euo pipefail

here="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
theme="${1:-light}"
cd "$here"

cp_file="$(mktemp)"
# Reactor build so the engine resolves from engine/target; desktop runs last and writes the file last.
./mvnw -B -q -o -pl desktop -am test-compile dependency:build-classpath \
  -Dmdep.outputFile="$cp_file" -Dmdep.includeScope=test
classpath="desktop/target/test-classes:desktop/target/classes:$(cat "$cp_file")"
rm -f "$cp_file"

# A display number nobody uses; Xvfb is stopped by its own PID.
display=":$((90 + RANDOM % 100))"
Xvfb "$display" -screen 0 1280x900x24 -nolisten tcp >/dev/null 2>&1 &
xvfb_pid=$!
trap 'kill "$xvfb_pid" 2>/dev/null || true' EXIT
sleep 1

DISPLAY="$display" java -Dprism.order=sw -Dprism.lcdtext=false -cp "$classpath" \
  org.openhaven.desktop.screenshots.ScreenshotTool docs/images "$theme"
