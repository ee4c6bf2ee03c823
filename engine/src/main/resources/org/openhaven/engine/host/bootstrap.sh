# OpenHaven host bootstrap: the one source for both the cloud-init user-data of new servers and the script run
# over SSH on existing ones. Idempotent: every step checks before it changes, so running it twice is harmless.
# Expects ADMIN_USER, ADMIN_KEY, FIREWALL_RULESET (nftables text) and INSTALL_PACKAGES (yes/no) set above this line.
set -eu
export DEBIAN_FRONTEND=noninteractive
umask 022

say() { printf 'openhaven-bootstrap: %s\n' "$*"; }
die() { printf 'openhaven-bootstrap: ERROR: %s\n' "$*" >&2; exit "${2:-1}"; }

# --- the operating system must be one we test --------------------------------------------------------------
[ -r /etc/os-release ] || die "cannot read /etc/os-release; OpenHaven supports Debian 12/13 and Ubuntu 22.04/24.04" 3
# shellcheck disable=SC1091
. /etc/os-release
case "${ID:-}:${VERSION_ID:-}" in
    debian:12|debian:13|ubuntu:22.04|ubuntu:24.04) say "operating system ${PRETTY_NAME:-$ID $VERSION_ID} is supported" ;;
    *) die "unsupported operating system '${PRETTY_NAME:-${ID:-unknown} ${VERSION_ID:-}}'; OpenHaven supports Debian 12/13 and Ubuntu 22.04/24.04 — reinstall the server with one of those" 3 ;;
esac

# --- ports 80 and 443 must be free for Traefik (our own containers may hold them on a re-run) ---------------
if command -v ss >/dev/null 2>&1; then
    busy=$(ss -Hltnp '( sport = :80 or sport = :443 )' 2>/dev/null | grep -v -e docker-proxy -e dockerd || true)
    if [ -n "$busy" ]; then
        die "ports 80/443 are already in use by another program: $busy — stop it (for example a web server such as apache2 or nginx) and run the setup again" 4
    fi
fi

# --- packages (skipped where the host has no internet, such as the test lab) --------------------------------
if [ "$INSTALL_PACKAGES" = yes ]; then
    apt-get update -q
    compose_package=docker-compose
    [ "$ID" = ubuntu ] && compose_package=docker-compose-v2
    if ! command -v docker >/dev/null 2>&1; then
        say "installing Docker engine and Compose from the distribution"
        apt-get install -y -q docker.io "$compose_package"
    fi
    apt-get install -y -q nftables unattended-upgrades systemd-timesyncd sudo openssl
    printf 'APT::Periodic::Update-Package-Lists "1";\nAPT::Periodic::Unattended-Upgrade "1";\n' \
        >/etc/apt/apt.conf.d/20auto-upgrades
    systemctl enable --now docker unattended-upgrades >/dev/null 2>&1 || true
    timedatectl set-ntp true 2>/dev/null || true
else
    say "skipping package installation (INSTALL_PACKAGES=$INSTALL_PACKAGES)"
fi

# --- the admin user, key-only, with passwordless sudo -------------------------------------------------------
if ! id -u "$ADMIN_USER" >/dev/null 2>&1; then
    say "creating user $ADMIN_USER"
    useradd --create-home --shell /bin/bash "$ADMIN_USER"
fi
home=$(getent passwd "$ADMIN_USER" | cut -d: -f6)
install -d -m 0700 -o "$ADMIN_USER" -g "$ADMIN_USER" "$home/.ssh"
keys="$home/.ssh/authorized_keys"
touch "$keys"
grep -qxF "$ADMIN_KEY" "$keys" || printf '%s\n' "$ADMIN_KEY" >>"$keys"
chown "$ADMIN_USER:$ADMIN_USER" "$keys"
chmod 0600 "$keys"
printf '%s ALL=(ALL) NOPASSWD:ALL\n' "$ADMIN_USER" >/etc/sudoers.d/90-openhaven
chmod 0440 /etc/sudoers.d/90-openhaven

# --- sshd: keys only, modern algorithms. A drop-in sorted first wins (sshd keeps the first value it reads). --
install -d -m 0755 /etc/ssh/sshd_config.d
cat >/etc/ssh/sshd_config.d/00-openhaven.conf <<'SSHD'
# Managed by OpenHaven: keys only, modern algorithms.
PasswordAuthentication no
KbdInteractiveAuthentication no
PermitRootLogin prohibit-password
PubkeyAuthentication yes
X11Forwarding no
KexAlgorithms sntrup761x25519-sha512@openssh.com,curve25519-sha256,curve25519-sha256@libssh.org
Ciphers chacha20-poly1305@openssh.com,aes256-gcm@openssh.com,aes128-gcm@openssh.com
MACs hmac-sha2-512-etm@openssh.com,hmac-sha2-256-etm@openssh.com
SSHD
if grep -q '^Include /etc/ssh/sshd_config.d/' /etc/ssh/sshd_config 2>/dev/null; then :; else
    sed -i '1i Include /etc/ssh/sshd_config.d/*.conf' /etc/ssh/sshd_config
fi
mkdir -p /run/sshd
sshd -t || die "the hardened sshd configuration does not validate; nothing was reloaded" 5
if [ -d /run/systemd/system ]; then
    systemctl reload ssh 2>/dev/null || systemctl reload sshd
elif [ -r /run/sshd.pid ]; then
    kill -HUP "$(cat /run/sshd.pid)"
fi

# --- firewall: our own nftables table, default-deny input; Docker keeps its own tables and chains -----------
install -d -m 0755 /etc/openhaven
# FIREWALL_RULESET (set on top) is built by FirewallRuleset, the same text every deploy writes with its own ports.
printf '%s' "$FIREWALL_RULESET" >/etc/openhaven/firewall.nft
nft -c -f /etc/openhaven/firewall.nft || die "the firewall rules do not validate; the firewall was left unchanged" 6
nft -f /etc/openhaven/firewall.nft
# nftables.service loads /etc/nftables.conf at boot; Debian's default starts with "flush ruleset", which would
# also wipe Docker's rules, so ours only includes our table.
printf '#!/usr/sbin/nft -f\ninclude "/etc/openhaven/firewall.nft"\n' >/etc/nftables.conf
if [ -d /run/systemd/system ]; then systemctl enable nftables >/dev/null 2>&1 || true; fi

# --- swap on small servers -----------------------------------------------------------------------------------
mem_kib=$(awk '/^MemTotal:/ {print $2}' /proc/meminfo)
if [ "$mem_kib" -lt 2097152 ] && [ ! -f /swapfile ] && [ "$INSTALL_PACKAGES" = yes ]; then
    say "adding a 2 GiB swap file (the server has less than 2 GiB of memory)"
    fallocate -l 2G /swapfile
    chmod 0600 /swapfile
    mkswap /swapfile >/dev/null
    swapon /swapfile
    grep -q '^/swapfile ' /etc/fstab || printf '/swapfile none swap sw 0 0\n' >>/etc/fstab
fi

install -d -m 0755 /opt/openhaven
say "done"
