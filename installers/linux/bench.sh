#!/usr/bin/env bash
# Benchmark of the Linux package (not a test): .deb size, installed size, and start-up of the installed app:
# `openhaven --version` and time until the desktop window is mapped under Xvfb (wall clock and the CPU time the
# process used until then), plus the window's resident memory.
#
# The image extracted from the .deb (dpkg-deb -x) is mounted at /opt/openhaven in a private mount namespace, so it
# runs at its real install path, and the class-data archive is made there the way postinst makes it
# (lib/app/appcds.sh create, ADR 0013). --archive jdk puts postinst's fallback there instead (a link to the JDK's
# default archive), --archive none nothing (the JVM then shares no classes). Five runs of each; the first, right
# after extraction, is also shown on its own as the cold start.
#
# Usage: installers/linux/bench.sh [--archive app|jdk|none] [PACKAGE.deb]
# Needs root (mount namespace), Xvfb and xdotool. Figures: docs/performance/installers.md
set -euo pipefail

here="$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)"
archive=app
deb=""
args=("$@")
while [ "$#" -gt 0 ]; do
  case "$1" in
    --archive) archive="${2:-}"; shift 2 || true ;;
    *.deb) deb="$1"; shift ;;
    *) echo "bench: unknown argument '$1' (expected --archive app|jdk|none or a .deb)" >&2; exit 2 ;;
  esac
done
case "$archive" in app|jdk|none) ;; *) echo "bench: --archive takes app, jdk or none" >&2; exit 2 ;; esac
deb="${deb:-$(find "$here/../target/dist" -name 'openhaven_*.deb' | head -1)}"
[ -f "$deb" ] || { echo "bench: no .deb; run installers/build.sh deb first" >&2; exit 2; }
deb="$(cd "$(dirname "$deb")" && pwd)/$(basename "$deb")"
[ "$(id -u)" = 0 ] || { echo "bench: needs root (the image is mounted at /opt/openhaven in a mount namespace)" >&2; exit 2; }

# Once more inside a private mount namespace: /opt there is a scratch tmpfs, the host's /opt is untouched.
if [ -z "${OPENHAVEN_BENCH_NAMESPACE:-}" ]; then
  exec unshare --mount --propagation private env OPENHAVEN_BENCH_NAMESPACE=1 "${BASH_SOURCE[0]}" "${args[@]}"
fi

runs=5
work="$(mktemp -d /tmp/openhaven-bench.XXXXXX)"
xvfb_pid=""
cleanup() {
  if [ -n "$xvfb_pid" ]; then kill "$xvfb_pid" 2>/dev/null || true; fi
  umount /opt/openhaven 2>/dev/null || true
  rm -rf "$work"
}
trap cleanup EXIT

now_ms() { local us="${EPOCHREALTIME/./}"; echo $((us / 1000)); }
median() { sort -n | awk '{a[NR]=$1} END {print (NR % 2) ? a[(NR+1)/2] : int((a[NR/2]+a[NR/2+1])/2)}'; }
load() { cut -d' ' -f1-3 /proc/loadavg; }
# user + system CPU time of a process, all its threads, in ms.
cpu_ms() { awk -v hz="$(getconf CLK_TCK)" '{print int(($14 + $15) * 1000 / hz)}' "/proc/$1/stat"; }

dpkg-deb -x "$deb" "$work/root"
mount -t tmpfs tmpfs /opt
mkdir /opt/openhaven
mount --bind "$work/root/opt/openhaven" /opt/openhaven
launcher=/opt/openhaven/bin/OpenHaven
app=/opt/openhaven/lib/app
echo "package:        $(basename "$deb")"
echo "deb size:       $(du -m --apparent-size "$deb" | cut -f1) MB ($(stat -c %s "$deb") bytes)"
echo "installed size: $(du -sm --apparent-size /opt/openhaven | cut -f1) MB" \
  "(runtime $(du -sm --apparent-size /opt/openhaven/lib/runtime | cut -f1) MB, app $(du -sm --apparent-size "$app" | cut -f1) MB)"
echo "load average:   $(load) (before)"

jdk_archive=/opt/openhaven/lib/runtime/lib/server/classes.jsa
if [ "$archive" = app ] && [ -f "$app/appcds.sh" ]; then
  start="$(now_ms)"
  sh "$app/appcds.sh" create
  echo "archive:        the app's, $(du -m --apparent-size "$app/openhaven.jsa" | cut -f1) MB, made in $(($(now_ms) - start)) ms (as postinst)"
elif [ "$archive" != none ] && [ -f "$jdk_archive" ]; then
  # postinst's fallback; a package from before ADR 0013 names no archive and finds the JDK's by default.
  if grep -q 'SharedArchiveFile' "$app/OpenHaven.cfg"; then ln -s ../runtime/lib/server/classes.jsa "$app/openhaven.jsa"; fi
  echo "archive:        the JDK's default, $(du -m --apparent-size "$jdk_archive" | cut -f1) MB"
else
  echo "archive:        none"
fi

version_times=()
for _ in $(seq "$runs"); do
  start="$(now_ms)"; "$launcher" --version >/dev/null; version_times+=($(($(now_ms) - start)))
done
echo "--version:      median $(printf '%s\n' "${version_times[@]}" | median) ms of $runs (${version_times[*]}; cold ${version_times[0]})"

display_number=$((500 + RANDOM % 400))
while [ -e "/tmp/.X11-unix/X$display_number" ]; do display_number=$((display_number + 1)); done
Xvfb ":$display_number" -screen 0 1280x800x24 -nolisten tcp >/dev/null 2>&1 &
xvfb_pid=$!
for _ in $(seq 50); do [ -S "/tmp/.X11-unix/X$display_number" ] && break; sleep 0.1; done

# Polls every 20 ms (xdotool's own --sync waits 500 ms between looks, too coarse for start-up).
wait_for_window() {
  local deadline=$(($(now_ms) + 60000))
  until DISPLAY=":$display_number" xdotool search --onlyvisible --name '^OpenHaven' >/dev/null 2>&1; do
    [ "$(now_ms)" -lt "$deadline" ] || { echo "bench: no OpenHaven window within 60 s" >&2; exit 1; }
    sleep 0.02
  done
}
# The environment the menu entry starts the app with (launch.conf's, in the installed desktop file's Exec=env).
read -r -a menu_env <<<"$(sed -n 's|^Exec=env \(.*\) /opt/openhaven/bin/OpenHaven.*|\1|p' /opt/openhaven/lib/openhaven-OpenHaven.desktop)"
echo "environment:    ${menu_env[*]:-(none)} (the menu entry's)"

window_times=()
window_cpu=()
rss=()
for _ in $(seq "$runs"); do
  rm -rf "${work:?}/home" && mkdir -p "$work/home"
  start="$(now_ms)"
  # A fresh config dir each run, so every run shows the first wizard page.
  env "${menu_env[@]}" HOME="$work/home" XDG_CONFIG_HOME="$work/home/.config" JAVA_TOOL_OPTIONS="-Duser.home=$work/home" \
    DISPLAY=":$display_number" "$launcher" >/dev/null 2>&1 &
  pid=$!
  wait_for_window
  window_cpu+=("$(cpu_ms "$pid")")
  window_times+=($(($(now_ms) - start)))
  sleep 5 # settle, then read the idle footprint
  rss+=($(($(awk '/VmRSS/ {print $2}' "/proc/$pid/status") / 1024)))
  kill "$pid"; wait "$pid" 2>/dev/null || true
done
echo "window:         median $(printf '%s\n' "${window_times[@]}" | median) ms of $runs (${window_times[*]}; cold ${window_times[0]})"
echo "CPU to window:  median $(printf '%s\n' "${window_cpu[@]}" | median) ms of $runs (${window_cpu[*]})"
echo "idle RSS:       median $(printf '%s\n' "${rss[@]}" | median) MB of $runs (${rss[*]}; window shown, 5 s after start)"
echo "load average:   $(load) (after)"
