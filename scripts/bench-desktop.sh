#!/usr/bin/env bash
# Benchmark (not a test): cold start to the first wizard window, and resident memory after the window was
# closed to the tray and the app sat idle. Runs the real app under Xvfb with trayer as the tray host, with the
# JVM options and environment of desktop/launch.conf (what ./openhaven and the installers ship) plus
# -Dprism.order=sw (Xvfb has no GPU), and the AppCDS archive ./openhaven creates on the first start.
# The window process starts the tray process (docs/decisions/0012); closing the window at rest ends the window
# process, so the memory after the idle time is the tray process's (its VmRSS, read here), and the memory of both
# together while the window is open is reported too.
#
# Usage: scripts/bench-desktop.sh [--runs N] [--conf FILE] [--no-cds] [--tray-process] [idle-seconds] [JVM flags...]
#   --runs N        measured runs (default 3); prints each and the medians
#   --conf FILE     measure another launch.conf (a variant under test) instead of desktop/launch.conf
#   --no-cds        no AppCDS archive, as on the first start after a build (that start also writes the archive)
#   --tray-process  instead, the RSS of a tray alone in a plain AWT process (TrayProcessProbe), the lever
#                   docs/performance/desktop.md weighs
set -euo pipefail

here="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
runs=3
conf="$here/desktop/launch.conf"
cds=true
main_class=org.openhaven.desktop.bench.StartupBench
while [ "$#" -gt 0 ]; do
  case "$1" in
    --runs) runs="$2"; shift 2 ;;
    --conf) conf="$(cd "$(dirname "$2")" && pwd)/$(basename "$2")"; shift 2 ;;
    --no-cds) cds=false; shift ;;
    --tray-process) cds=false; main_class=org.openhaven.desktop.bench.TrayProcessProbe; shift ;;
    *) break ;;
  esac
done
idle="${1:-60}"
shift || true
cd "$here"
# shellcheck source=scripts/lib-desktop-x11.sh
. scripts/lib-desktop-x11.sh
# shellcheck source=scripts/lib-launch-conf.sh
. scripts/lib-launch-conf.sh

./mvnw -B -q -o -pl desktop -am package -DskipTests >&2
scratch="$(mktemp -d)"
# The app's class path as ./openhaven builds it, then the benchmark's own class, also as a jar: a CDS archive
# accepts only jars on the class path.
jar cf "$scratch/bench.jar" -C desktop/target/test-classes org/openhaven/desktop/bench \
  -C desktop/target/test-classes org/openhaven/desktop/DesktopAppAccess.class
classpath="$(ls desktop/target/openhaven-desktop-*.jar):desktop/target/lib/*:$scratch/bench.jar"
mapfile -t jvm_options < <(launch_conf_jvm_options "$conf")
mapfile -t environment < <(launch_conf_env "$conf")

start_xvfb
trayer_pid=""
trap 'kill $trayer_pid "$XVFB_PID" 2>/dev/null || true; rm -rf "$scratch"' EXIT
DISPLAY="$DISPLAY_FOR_APP" trayer --edge top --align right >/dev/null 2>&1 &
trayer_pid=$!
sleep 1

# One start of the app; prints its first-window-ms= / window-process-exited= / rss-after-…= lines.
bench_run() {
  rm -rf "$scratch/config" "$scratch/prefs"
  local out
  out="$(env "${environment[@]}" DISPLAY="$DISPLAY_FOR_APP" XDG_CONFIG_HOME="$scratch/config" \
    java "${jvm_options[@]}" "$@" \
    -Dprism.order=sw -Djava.util.prefs.userRoot="$scratch/prefs" -Dorg.slf4j.simpleLogger.defaultLogLevel=warn \
    -cp "$classpath" "$main_class" "$idle" 2>/dev/null)" || true
  echo "$out" | grep -v '^tray-pid='
  local tray_pid
  tray_pid="$(echo "$out" | sed -n 's/^tray-pid=//p')"
  [ -n "$tray_pid" ] || return 0
  # The window process is gone; the tray process idles on its own, as after a user closed the window.
  sleep "$idle"
  awk -v idle="$idle" '/^VmRSS:/ {printf "rss-after-%ss-mib=%.1f\n", idle, $2 / 1024}' "/proc/$tray_pid/status"
  kill "$tray_pid" 2>/dev/null || true
}

archive=()
if $cds; then
  # What ./openhaven does on the first start after a build: record the loaded classes when the app exits.
  echo "training run (writes the AppCDS archive; not counted):"
  bench_run "-XX:ArchiveClassesAtExit=$scratch/app.jsa" "-Xlog:cds=off,cds+dynamic=off" "$@" | sed 's/^/  /'
  archive=("-XX:SharedArchiveFile=$scratch/app.jsa" "-Xlog:cds=off,cds+dynamic=off")
fi

echo "load before the runs: $(cut -d' ' -f1-3 /proc/loadavg)"
results="$scratch/results"
for run in $(seq 1 "$runs"); do
  bench_run "${archive[@]}" "$@" | tee -a "$results" | sed "s/^/  run $run: /"
done
echo "load after the runs: $(cut -d' ' -f1-3 /proc/loadavg)"

median() {
  sed -n "s/^$1=//p" "$results" | sort -n | awk '{v[NR]=$1} END {print (NR%2) ? v[(NR+1)/2] : (v[NR/2]+v[NR/2+1])/2}'
}
if [ "$main_class" = org.openhaven.desktop.bench.TrayProcessProbe ]; then
  echo "median tray-process-rss-after-${idle}s-mib=$(median "tray-process-rss-after-${idle}s-mib")"
  exit 0
fi
echo "median first-window-ms=$(median first-window-ms)"
echo "median cpu-ms-to-first-window=$(median cpu-ms-to-first-window)"
echo "median rss-after-${idle}s-mib=$(median "rss-after-${idle}s-mib") (the tray process alone)"
echo "median window-open-rss-both-mib=$(median window-open-rss-both-mib)"
echo "median peak-rss-both-mib=$(median peak-rss-both-mib)"
echo "window process exited in every run: $(grep -c '^window-process-exited=true' "$results")/$runs"
