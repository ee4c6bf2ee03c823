#!/bin/sh
# Builds the lab "VM" root filesystem as a tar: Debian bookworm (minbase) with sshd, nftables, sudo, restic (the
# haven's backup tool) and a Docker engine with docker-compose v1 inside. Run by LabHost when its cached tarball is
# missing; the cache key is a hash of this file, so editing the recipe rebuilds the image.
# Usage: labvm-build.sh OUTPUT_TAR DEBIAN_MIRROR
set -eu
out=$1
mirror=$2
root=$(mktemp -d "${out}.rootfs.XXXXXX")
cleanup() {
    umount "$root/proc" 2>/dev/null || true
    rm -rf "$root"
}
trap cleanup EXIT INT TERM
debootstrap --variant=minbase \
    --include=openssh-server,iproute2,nftables,sudo,procps,ca-certificates,openssl \
    bookworm "$root" "$mirror"
# Package scripts must not start services in the chroot.
printf '#!/bin/sh\nexit 101\n' >"$root/usr/sbin/policy-rc.d"
chmod 0755 "$root/usr/sbin/policy-rc.d"
mount -t proc proc "$root/proc"
chroot "$root" env DEBIAN_FRONTEND=noninteractive apt-get install -y --no-install-recommends \
    docker.io docker-compose iptables restic
umount "$root/proc"
rm -f "$root/usr/sbin/policy-rc.d"
chroot "$root" apt-get clean
rm -rf "$root"/var/lib/apt/lists/* "$root"/etc/ssh/ssh_host_*
mkdir -p "$root/run/sshd"
tar -C "$root" -cf "${out}.partial" .
mv "${out}.partial" "$out"
