#!/usr/bin/env bash
# Benchmark of the Linux package (not a test): .deb size, installed size, and start-up of the installed app:
# `openhaven --version` and time until the desktop window is mapped under Xvfb, plus the window's resident memory.
# Runs the image extracted from the .deb (dpkg-deb -x), on this machine, five times each; the first run after
# extraction is reported separately as the cold start (files not yet in the page cache from a previous run).
# Usage: installers/linux/bench.sh [PACKAGE.deb]     Needs Xvfb and xdotool. Figures: docs/performance/installers.md
set -euo pipefail

here="$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)"
deb="${1:-$(find "$here/../target/dist" -name 'openhaven_*.deb' | head -1)}"
[ -f "$deb" ] || { echo "bench: no .deb; run installers/build.sh deb first" >&2; exit 2; }
runs=5
work="$(mktemp -d /tmp/openhaven-bench.XXXXXX)"
xvfb_pid=""
cleanup() {
  if [ -n "$xvfb_pid" ]; then kill "$xvfb_pid" 2>/dev/null || true; fi
  rm -rf "$work"
}
trap cleanup EXIT

now_ms() { date +%s%3N; }
median() { sort -n | awk '{a[NR]=$1} END {print (NR % 2) ? a[(NR+1)/2] : int((a[NR/2]+a[NR/2+1])/2)}'; }

dpkg-deb -x "$deb" "$work/root"
launcher="$work/root/opt/openhaven/bin/OpenHaven"
echo "package:        $(basename "$deb")"
echo "deb size:       $(du -m --apparent-size "$deb" | cut -f1) MB ($(stat -c %s "$deb") bytes)"
echo "installed size: $(du -sm --apparent-size "$work/root/opt/openhaven" | cut -f1) MB" \
  "(runtime $(du -sm --apparent-size "$work/root/opt/openhaven/lib/runtime" | cut -f1) MB," \
  "app $(du -sm --apparent-size "$work/root/opt/openhaven/lib/app" | cut -f1) MB)"

version_times=()
for i in $(seq "$runs"); do
  start="$(now_ms)"; "$launcher" --version >/dev/null; version_times+=($(($(now_ms) - start)))
  [ "$i" = 1 ] && echo "--version cold: ${version_times[0]} ms"
done
echo "--version:      median $(printf '%s\n' "${version_times[@]:1}" | median) ms of $((runs - 1)) warm runs"

display_number=$((500 + RANDOM % 400))
while [ -e "/tmp/.X11-unix/X$display_number" ]; do display_number=$((display_number + 1)); done
Xvfb ":$display_number" -screen 0 1280x800x24 -nolisten tcp >/dev/null 2>&1 &
xvfb_pid=$!
for _ in $(seq 50); do [ -S "/tmp/.X11-unix/X$display_number" ] && break; sleep 0.1; done

window_times=()
rss=()
for i in $(seq "$runs"); do
  start="$(now_ms)"
  DISPLAY=":$display_number" "$launcher" >/dev/null 2>&1 &
  app=$!
  DISPLAY=":$display_number" timeout 60 xdotool search --sync --onlyvisible --name '^OpenHaven' >/dev/null
  window_times+=($(($(now_ms) - start)))
  sleep 5 # settle, then read the idle footprint
  rss+=($(($(awk '/VmRSS/ {print $2}' "/proc/$app/status") / 1024)))
  kill "$app"; wait "$app" 2>/dev/null || true
  [ "$i" = 1 ] && echo "window cold:    ${window_times[0]} ms"
done
echo "window:         median $(printf '%s\n' "${window_times[@]:1}" | median) ms of $((runs - 1)) warm runs"
echo "idle RSS:       median $(printf '%s\n' "${rss[@]}" | median) MB (window shown, 5 s after start)"
