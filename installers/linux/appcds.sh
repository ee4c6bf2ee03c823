#!/bin/sh
# Creates or removes the class-data archive (AppCDS) of an installed OpenHaven: the JDK's and the app's classes the
# app loads until its first window, parsed and verified once, then mapped by every start (ADR 0013).
#
# Installed as lib/app/appcds.sh; the package scripts run it as root after install (create) and before removal
# (remove), and installers/linux/bench.sh runs it the same way.
#
# Why here and not in the package: a static archive is only valid for the class path it was dumped with, and the
# class path is the install path. So it is dumped where the app is installed, by the installed launcher (whose
# cfg sets exactly the class path and JVM options every start uses), from the class list build.sh recorded.
# Dumping does not run the app: no display, no user, no network.
#
# If the dump fails, the archive becomes a link to the runtime's default archive (jlink's classes.jsa): the app
# then still shares the JDK's classes. A missing or stale archive never stops the app: the JVM starts without it.
#
# Usage: appcds.sh create|remove
set -eu

app_dir="$(cd "$(dirname "$0")" && pwd)"
launcher="$app_dir/../../bin/OpenHaven"
class_list="$app_dir/openhaven.classlist"
archive="$app_dir/openhaven.jsa"
partial="$archive.partial"
default_archive="$app_dir/../runtime/lib/server/classes.jsa"

remove() {
  rm -f "$archive" "$partial"
}

create() {
  remove
  # Written under a private name and moved into place only when complete: a truncated archive crashes the JVM.
  # _JAVA_OPTIONS is read after the launcher's own options, so its archive path wins over the cfg's; a user's
  # JAVA_TOOL_OPTIONS must not leak into the archive.
  if [ -f "$class_list" ] \
      && env -u JAVA_TOOL_OPTIONS \
        _JAVA_OPTIONS="-Xshare:dump -XX:SharedClassListFile=$class_list -XX:SharedArchiveFile=$partial -Xlog:cds=off,cds+dynamic=off" \
        "$launcher" >/dev/null 2>&1 \
      && [ -s "$partial" ]; then
    mv -f "$partial" "$archive"
    return 0
  fi
  rm -f "$partial"
  if [ -f "$default_archive" ]; then
    ln -s ../runtime/lib/server/classes.jsa "$archive"
  fi
  echo "OpenHaven: could not prepare the app's class-data archive; it starts with the JDK's only (a little slower)." >&2
}

case "${1:-}" in
  create) create ;;
  remove) remove ;;
  *) echo "usage: appcds.sh create|remove" >&2; exit 2 ;;
esac
