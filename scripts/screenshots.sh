#!/usr/bin/env bash
# Renders every wizard page, the dashboard and the recovery dialog in a real JavaFX window under Xvfb and
# writes docs/images/wizard-<step>.png, dashboard.png and recovery-<page>.png in AtlantaFX Primer Light, or
# with "dark" the same set in Primer Dark as docs/images/*-dark.png. Needs: xvfb, libgtk-3-0, a JDK 17+.
# Usage: scripts/screenshots.sh [light|dark]
set -euo pipefail

here="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
theme="${1:-light}"
case "$theme" in
  light | dark) ;;
  *) echo "usage: scripts/screenshots.sh [light|dark]" >&2; exit 2 ;;
esac
cd "$here"
# shellcheck source=scripts/lib-desktop-x11.sh
. scripts/lib-desktop-x11.sh

classpath="$(desktop_test_classpath)"
start_xvfb
trap 'kill "$XVFB_PID" 2>/dev/null || true' EXIT

DISPLAY="$DISPLAY_FOR_APP" java -Dprism.order=sw -Dprism.lcdtext=false -cp "$classpath" \
  org.openhaven.desktop.screenshots.ScreenshotTool docs/images "$theme"
