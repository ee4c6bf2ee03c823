# shellcheck shell=bash
# Reads desktop/launch.conf (sourced, not run): the JVM options and environment the desktop app starts with.
# Shared by ./openhaven, installers/build.sh and scripts/bench-desktop.sh.

# Prints the JVM options of the given launch.conf, one per line.
launch_conf_jvm_options() {
  grep -E '^-' "$1" || true
}

# Prints the NAME=value environment lines of the given launch.conf, one per line.
launch_conf_env() {
  grep -E '^[A-Za-z_][A-Za-z0-9_]*=' "$1" || true
}
