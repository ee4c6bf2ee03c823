#!/usr/bin/env bash
# Checks the .rpm's scripts for real, on this Debian machine: `rpm --root … -i --nodeps` into a clean Debian 12 root
# runs %post there (chrooted), which must make the class-data archive the installed launcher then loads the app's
# classes from (ADR 0013); `rpm -e` runs %preun, which must remove it, so nothing of the package is left and /opt
# stays. Dependencies are not installed (--nodeps: no GTK), so no window is opened; verify-deb.sh covers that.
#
# Usage: installers/linux/verify-rpm.sh [PACKAGE.rpm]   (default: the newest installers/target/dist/openhaven-*.rpm)
# Needs root and rpm; the clean root comes from clean-debian.sh (cached under ~/.cache/openhaven-test).
set -euo pipefail

here="$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)"
package="${1:-$(find "$here/../target/dist" -name 'openhaven-*.rpm' -printf '%T@ %p\n' 2>/dev/null | sort -n | tail -1 | cut -d' ' -f2-)}"
[ -f "$package" ] || { echo "verify-rpm: no package found; run installers/build.sh rpm first" >&2; exit 2; }
[ "$(id -u)" = 0 ] || { echo "verify-rpm: needs root (chroot, mounts)" >&2; exit 2; }
command -v rpm >/dev/null || { echo "verify-rpm: 'rpm' is missing" >&2; exit 2; }

step() { echo "verify-rpm: $*"; }
fail() { echo "verify-rpm: FAILED: $*" >&2; exit 1; }

base="$("$here/clean-debian.sh")"
work="$(mktemp -d /tmp/openhaven-verify-rpm.XXXXXX)"
root="$work/root"
mounted=()
cleanup() {
  for ((i = ${#mounted[@]} - 1; i >= 0; i--)); do umount -l "${mounted[$i]}" 2>/dev/null || true; done
  rm -rf "$work"
}
trap cleanup EXIT
mkdir -p "$root"
tar -C "$root" -xf "$base"
# As on a booted system: %post runs the installed launcher, which finds itself through /proc/self/exe.
mount -t proc proc "$root/proc" && mounted+=("$root/proc")
mount --bind /dev "$root/dev" && mounted+=("$root/dev")

step "rpm -i $(basename "$package")"
cp "$package" "$work/openhaven.rpm"
rpm --root "$root" --initdb
rpm --root "$root" -i --nodeps "$work/openhaven.rpm" 2>&1 | grep -v 'use Alien\|assuming you know' || true
rpm --root "$root" -q openhaven >/dev/null || fail "rpm -i did not install the package"

archive=/opt/openhaven/lib/app/openhaven.jsa
if [ ! -f "$root$archive" ] || [ -L "$root$archive" ]; then fail "%post made no class-data archive at $archive"; fi
step "class-data archive: $archive ($(du -m --apparent-size "$root$archive" | cut -f1) MB)"
chroot "$root" env -i PATH=/usr/bin:/bin HOME=/root JAVA_TOOL_OPTIONS="-Xlog:class+load:file=/tmp/class-load.log" \
  openhaven --version >/dev/null 2>&1 || fail "openhaven --version failed"
grep -q ' org\.openhaven\.desktop\.Launcher source: shared objects file' "$root/tmp/class-load.log" \
  || fail "the installed app did not load its classes from the archive"
step "org.openhaven.desktop.Launcher loaded from the archive"

step "rpm -e openhaven"
rpm --root "$root" -e openhaven 2>&1 | grep -v 'use Alien\|assuming you know' || true
! rpm --root "$root" -q openhaven >/dev/null 2>&1 || fail "rpm -e did not erase the package"
if [ -e "$root$archive" ] || [ -L "$root$archive" ]; then fail "the class-data archive was left after rpm -e"; fi
[ ! -e "$root/opt/openhaven" ] || fail "files left after rpm -e: $(find "$root/opt/openhaven" | head -5)"
[ ! -e "$root/usr/bin/openhaven" ] || fail "/usr/bin/openhaven left after rpm -e"
[ -d "$root/opt" ] || fail "rpm -e removed /opt, which the package does not own"
step "OK: %post made the archive the app starts from, %preun removed it, nothing left"
