#!/usr/bin/env bash
# Prints the path of a cached, clean Debian 12 minbase root filesystem tarball, building it once with
# debootstrap. The mirror is read at run time from this machine's apt sources, never written into the repo.
# Usage: installers/linux/clean-debian.sh   (needs root and debootstrap)
set -euo pipefail

cache="${OPENHAVEN_TEST_CACHE:-$HOME/.cache/openhaven-test}"
tarball="$cache/debian-bookworm-minbase.tar"
if [ -s "$tarball" ]; then
  echo "$tarball"
  exit 0
fi

mirror_of_machine() {
  local sources=/etc/apt/sources.list.d/debian.sources
  if [ -f "$sources" ]; then
    awk '/^URIs:/ && $2 !~ /security/ {print $2; exit}' "$sources"
  elif [ -f /etc/apt/sources.list ]; then
    awk '$1 == "deb" && $3 !~ /security/ {print $2; exit}' /etc/apt/sources.list
  fi
}
mirror="$(mirror_of_machine)"
if [ -z "$mirror" ]; then
  echo "clean-debian: no Debian mirror found in this machine's apt sources" >&2
  exit 1
fi

mkdir -p "$cache"
root="$(mktemp -d "$cache/rootfs.XXXXXX")"
trap 'rm -rf "$root"' EXIT
debootstrap --variant=minbase bookworm "$root" "$mirror" >"$cache/debootstrap.log" 2>&1 || {
  echo "clean-debian: debootstrap failed; see $cache/debootstrap.log" >&2
  exit 1
}
# The chroot reaches the same mirror as the host when it installs the package's dependencies.
echo "deb $mirror bookworm main" >"$root/etc/apt/sources.list"
rm -rf "$root"/var/cache/apt/archives/*.deb
tar -C "$root" -cf "$tarball.partial" .
mv "$tarball.partial" "$tarball"
echo "$tarball"
