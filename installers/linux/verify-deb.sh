#!/usr/bin/env bash
# Proves the .deb works for a user: it installs with dpkg into a clean Debian 12, `openhaven --version` runs from the
# installed path and starts with the class-data archive postinst dumped (app classes mapped from it, ADR 0013), the
# desktop app opens a window under Xvfb (screenshot saved), and `dpkg -r` leaves nothing behind, the archive included.
#
# Usage: installers/linux/verify-deb.sh [--screenshot FILE] [PACKAGE.deb]
#   Default package: the newest installers/target/dist/openhaven_*.deb (build it with installers/build.sh deb).
# Needs root, debootstrap, Xvfb, xdotool and ImageMagick `import`. Caches the clean base and the package's
# dependencies as tarballs under ~/.cache/openhaven-test (OPENHAVEN_TEST_CACHE), so later runs take a minute.
set -euo pipefail

here="$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)"
screenshot=""
deb=""
while [ "$#" -gt 0 ]; do
  case "$1" in
    --screenshot) screenshot="$2"; shift 2 ;;
    *.deb) deb="$1"; shift ;;
    *) echo "verify-deb: unknown argument '$1'" >&2; exit 2 ;;
  esac
done
if [ -z "$deb" ]; then
  deb="$(find "$here/../target/dist" -name 'openhaven_*.deb' -printf '%T@ %p\n' 2>/dev/null | sort -n | tail -1 | cut -d' ' -f2-)"
fi
if [ -z "$deb" ] || [ ! -f "$deb" ]; then
  echo "verify-deb: no package found; run installers/build.sh deb first" >&2
  exit 2
fi
deb="$(cd "$(dirname "$deb")" && pwd)/$(basename "$deb")"
[ "$(id -u)" = 0 ] || { echo "verify-deb: needs root (chroot, mounts)" >&2; exit 2; }
for tool in debootstrap Xvfb xdotool import dpkg-deb; do
  command -v "$tool" >/dev/null || { echo "verify-deb: '$tool' is missing" >&2; exit 2; }
done

step() { echo "verify-deb: $*"; }
fail() { echo "verify-deb: FAILED: $*" >&2; exit 1; }

cache="${OPENHAVEN_TEST_CACHE:-$HOME/.cache/openhaven-test}"
base="$("$here/clean-debian.sh")"

# The package's runtime dependencies, installed once from the mirror and cached, keyed by the Depends line, so
# dpkg -i below checks the real dependency list against a real system without downloading on every run.
depends="$(dpkg-deb -f "$deb" Depends)"
key="$(printf '%s' "$depends" | sha256sum | cut -c1-16)"
with_deps="$cache/debian-bookworm-openhaven-deps-$key.tar"
work="$(mktemp -d /tmp/openhaven-verify-deb.XXXXXX)"
root="$work/root"
mounted=()
xvfb_pid=""
app_pid=""
cleanup() {
  if [ -n "$app_pid" ]; then kill "$app_pid" 2>/dev/null || true; fi
  if [ -n "$xvfb_pid" ]; then kill "$xvfb_pid" 2>/dev/null || true; fi
  for ((i = ${#mounted[@]} - 1; i >= 0; i--)); do umount -l "${mounted[$i]}" 2>/dev/null || true; done
  rm -rf "$work"
}
trap cleanup EXIT
mount_into() { mkdir -p "$root$2"; mount "${@:3}" "$1" "$root$2"; mounted+=("$root$2"); }
unmount_all() { for ((i = ${#mounted[@]} - 1; i >= 0; i--)); do umount -l "${mounted[$i]}"; done; mounted=(); }

mkdir -p "$root"
if [ ! -s "$with_deps" ]; then
  step "installing the package's dependencies into a clean Debian (once; cached as $(basename "$with_deps"))"
  tar -C "$root" -xf "$base"
  cp /etc/resolv.conf "$root/etc/resolv.conf"
  # A chroot is not a booted system: packages must not try to start their services.
  printf '#!/bin/sh\nexit 101\n' >"$root/usr/sbin/policy-rc.d" && chmod +x "$root/usr/sbin/policy-rc.d"
  mount_into proc /proc -t proc
  # Package names only: the Depends line may carry alternatives or versions we let apt resolve.
  packages="$(printf '%s' "$depends" | tr ',' '\n' | sed -E 's/\(.*\)//; s/\|.*//; s/^ +//; s/ +$//' | grep -v '^$' | paste -sd' ')"
  # shellcheck disable=SC2086 # one word per package
  chroot "$root" /bin/sh -c "apt-get -o APT::Sandbox::User=root update -qq && DEBIAN_FRONTEND=noninteractive apt-get -o APT::Sandbox::User=root install -y -qq \
    --no-install-recommends $packages >/dev/null && apt-get clean" || fail "apt could not install: $packages"
  unmount_all
  rm -f "$root/usr/sbin/policy-rc.d"
  tar -C "$root" -cf "$with_deps.partial" . && mv "$with_deps.partial" "$with_deps"
  rm -rf "$root" && mkdir -p "$root"
fi
tar -C "$root" -xf "$with_deps"

# As on a booted system: postinst runs the installed launcher, which finds itself through /proc/self/exe.
mount_into proc /proc -t proc
mount_into /dev /dev --bind
step "dpkg -i $(basename "$deb")"
cp "$deb" "$root/tmp/openhaven.deb"
chroot "$root" dpkg -i /tmp/openhaven.deb || fail "dpkg -i failed"
rm -f "$root/tmp/openhaven.deb"

launcher=/opt/openhaven/bin/OpenHaven
[ -x "$root$launcher" ] || fail "no launcher at $launcher"
[ -L "$root/usr/bin/openhaven" ] || fail "/usr/bin/openhaven was not linked"
[ -f "$root/usr/share/applications/openhaven-OpenHaven.desktop" ] || fail "the desktop entry was not installed"
# Inside the chroot: the metadata is a link to an absolute path under /opt/openhaven.
chroot "$root" test -f /usr/share/metainfo/org.openhaven.OpenHaven.metainfo.xml \
  || fail "the AppStream metadata was not installed"

archive=/opt/openhaven/lib/app/openhaven.jsa
# A regular file: the link to the JDK's archive is only postinst's fallback when the dump fails.
if [ ! -f "$root$archive" ] || [ -L "$root$archive" ]; then fail "postinst made no class-data archive at $archive"; fi
step "class-data archive: $archive ($(du -m --apparent-size "$root$archive" | cut -f1) MB)"

# The JVM reads JAVA_TOOL_OPTIONS whatever launches it (jpackage's launcher ignores JDK_JAVA_OPTIONS), so this is
# the installed launcher with its own cfg, plus a class-loading log.
chroot "$root" env -i PATH=/usr/bin:/bin HOME=/root JAVA_TOOL_OPTIONS="-Xlog:class+load:file=/tmp/class-load.log" \
  openhaven --version >/dev/null 2>&1 || fail "openhaven --version failed with a class-loading log"
loaded="$(grep -E ' org\.openhaven\.desktop\.Launcher source: ' "$root/tmp/class-load.log" || true)"
case "$loaded" in
  *"source: shared objects file"*) step "org.openhaven.desktop.Launcher loaded from the archive" \
    "($(grep -c 'source: shared objects file' "$root/tmp/class-load.log") of $(grep -c 'source: ' "$root/tmp/class-load.log") classes shared)" ;;
  *) fail "the installed app did not use the class-data archive; Launcher was loaded as: ${loaded:-(not logged)}" ;;
esac
rm -f "$root/tmp/class-load.log"
version_out="$(chroot "$root" env -i PATH=/usr/bin:/bin HOME=/root openhaven --version 2>&1)" \
  || fail "openhaven --version failed: $version_out"
expected="$(dpkg-deb -f "$deb" Version | sed 's/-[0-9]*$//')"
case "$version_out" in
  *"$expected"*) step "openhaven --version: $version_out" ;;
  *) fail "openhaven --version printed '$version_out', expected version $expected" ;;
esac

step "starting the desktop app under Xvfb"
display_number=$((90 + RANDOM % 400))
while [ -e "/tmp/.X11-unix/X$display_number" ]; do display_number=$((display_number + 1)); done
Xvfb ":$display_number" -screen 0 1280x800x24 -nolisten tcp >"$work/xvfb.log" 2>&1 &
xvfb_pid=$!
for _ in $(seq 50); do [ -S "/tmp/.X11-unix/X$display_number" ] && break; sleep 0.1; done
[ -S "/tmp/.X11-unix/X$display_number" ] || fail "Xvfb did not start: $(cat "$work/xvfb.log")"
mount_into /tmp/.X11-unix /tmp/.X11-unix --bind
chroot "$root" env -i PATH=/usr/bin:/bin HOME=/root DISPLAY=":$display_number" "$launcher" >"$work/app.log" 2>&1 &
app_pid=$!
window="$(DISPLAY=":$display_number" timeout 60 xdotool search --sync --onlyvisible --name '^OpenHaven' 2>/dev/null | head -1)" \
  || fail "no OpenHaven window appeared within 60 s; app output: $(cat "$work/app.log")"
step "window $window: $(DISPLAY=":$display_number" xdotool getwindowname "$window")"
if [ -n "$screenshot" ]; then
  sleep 2 # let the first frame paint
  DISPLAY=":$display_number" import -window "$window" "$screenshot"
  step "screenshot saved to $screenshot"
fi
kill "$app_pid"; wait "$app_pid" 2>/dev/null || true; app_pid=""
kill "$xvfb_pid"; wait "$xvfb_pid" 2>/dev/null || true; xvfb_pid=""

# Installing over the installed package runs what an upgrade runs: the old prerm removes the archive, the new
# postinst dumps a fresh one.
step "dpkg -i again (as an upgrade does: prerm upgrade, postinst configure)"
touch "$work/before-upgrade"
cp "$deb" "$root/tmp/openhaven.deb"
chroot "$root" dpkg -i /tmp/openhaven.deb >/dev/null || fail "dpkg -i over the installed package failed"
rm -f "$root/tmp/openhaven.deb"
if [ ! -f "$root$archive" ] || [ ! "$root$archive" -nt "$work/before-upgrade" ]; then
  fail "the reinstall did not dump a new class-data archive"
fi
step "a new class-data archive after the reinstall"

# A stale archive (a class-path jar changed after the dump) costs only the speed-up: the JVM starts without it.
touch "$root"/opt/openhaven/lib/app/openhaven-desktop-*.jar
stale_out="$(chroot "$root" env -i PATH=/usr/bin:/bin HOME=/root openhaven --version 2>&1)" \
  || fail "openhaven --version failed with a stale class-data archive: $stale_out"
case "$stale_out" in
  *"$expected"*) step "with a stale archive the app still starts: $stale_out" ;;
  *) fail "with a stale class-data archive openhaven --version printed '$stale_out'" ;;
esac
unmount_all

step "dpkg -r openhaven"
chroot "$root" dpkg -r openhaven || fail "dpkg -r failed"
# The app writes nothing under its install dir; anything left there was missed by the package.
if [ -e "$root$archive" ] || [ -L "$root$archive" ]; then fail "the class-data archive was left after removal"; fi
[ ! -e "$root/opt/openhaven" ] || fail "files left after removal: $(find "$root/opt/openhaven" | head -5)"
[ ! -e "$root/usr/bin/openhaven" ] || fail "/usr/bin/openhaven left after removal"
[ ! -e "$root/usr/share/applications/openhaven-OpenHaven.desktop" ] || fail "desktop entry left after removal"
[ ! -e "$root/usr/share/metainfo/org.openhaven.OpenHaven.metainfo.xml" ] || fail "metainfo left after removal"
step "OK: installed, ran with its class-data archive, showed a window, removed cleanly"
