#!/usr/bin/env bash
# Builds the native installer(s) of OpenHaven for the OS it runs on, with jpackage: a jlinked Java runtime holding
# only the modules the app needs (JavaFX included, no javafx.web or javafx.media), the app's jars on the class
# path, and a launcher that opens the desktop app with no arguments and runs the CLI with arguments.
#
# Usage: installers/build.sh [--skip-build] [TYPE...]
#   TYPE: deb rpm (Linux), msi (Windows), dmg (macOS), app-image (any); default: the OS's native types.
#   --skip-build: package the existing desktop/target build instead of running Maven first.
# Output: installers/target/dist/ (packages) and installers/target/runtime/ (the jlinked image).
# Needs a JDK 17+ with jpackage; .deb needs dpkg-deb and fakeroot, .rpm needs rpmbuild, .msi needs WiX 3.
set -euo pipefail

here="$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)"
root="$(cd "$here/.." && pwd)"
out="$here/target"

skip_build=false
types=()
for arg in "$@"; do
  case "$arg" in
    --skip-build) skip_build=true ;;
    deb|rpm|msi|exe|dmg|pkg|app-image) types+=("$arg") ;;
    *) echo "build.sh: unknown argument '$arg' (expected --skip-build or deb|rpm|msi|dmg|app-image)" >&2; exit 2 ;;
  esac
done

case "$(uname -s)" in
  Linux*) os=linux; default_types=(deb rpm) ;;
  Darwin*) os=mac; default_types=(dmg) ;;
  MINGW*|MSYS*|CYGWIN*) os=windows; default_types=(msi) ;;
  *) echo "build.sh: unsupported OS $(uname -s)" >&2; exit 2 ;;
esac
[ "${#types[@]}" -gt 0 ] || types=("${default_types[@]}")

# Git Bash on Windows: JAVA_HOME is a Windows path; tools called by path need the POSIX form, and values inside
# an option (name=path) need the Windows form, since MSYS converts only whole path arguments.
native_path() { if command -v cygpath >/dev/null; then cygpath -w "$1"; else echo "$1"; fi; }
if [ -n "${JAVA_HOME:-}" ] && command -v cygpath >/dev/null; then JAVA_HOME="$(cygpath -u "$JAVA_HOME")"; fi
jdk_bin="${JAVA_HOME:+$JAVA_HOME/bin/}"
for tool in jpackage jlink jdeps; do
  command -v "${jdk_bin}${tool}" >/dev/null || { echo "build.sh: '${tool}' not found; set JAVA_HOME to a JDK 17+" >&2; exit 2; }
done

if ! $skip_build; then
  (cd "$root" && ./mvnw -B -q -DskipTests package -pl desktop -am)
fi

version_full="$(sed -n 's:.*<version>\(.*\)</version>.*:\1:p' "$root/desktop/pom.xml" | head -1)"
# Installers want a purely numeric version: 0.1.0-SNAPSHOT becomes 0.1.0.
app_version="${version_full%%-*}"
desktop_jar="openhaven-desktop-$version_full.jar"
lib="$root/desktop/target/lib"
[ -f "$root/desktop/target/$desktop_jar" ] || { echo "build.sh: $desktop_jar is missing; run without --skip-build" >&2; exit 1; }

rm -rf "$out" && mkdir -p "$out/input" "$out/javafx" "$out/dist"

# JavaFX goes into the runtime as modules, taken from the platform-classified jars (the unclassified ones are
# empty stubs). Everything else stays on the class path: a plain launcher, no module descriptors to maintain.
cp "$root/desktop/target/$desktop_jar" "$out/input/"
# Installed next to the jars; the Linux package scripts link it into /usr/share/metainfo and run appcds.sh.
cp "$here/linux/org.openhaven.OpenHaven.metainfo.xml" "$out/input/"
if [ "$os" = linux ]; then cp "$here/linux/appcds.sh" "$out/input/"; fi
for jar in "$lib"/*.jar; do
  name="$(basename "$jar")"
  case "$name" in
    javafx-*-[0-9]*-*.jar) cp "$jar" "$out/javafx/" ;;
    javafx-*) ;;
    *) cp "$jar" "$out/input/" ;;
  esac
done
# Store the class-path jars uncompressed: the package's own compression (xz in a .deb, LZX in an .msi) then works
# across all classes at once and the installer shrinks by about a third (docs/performance/installers.md).
"${jdk_bin}java" "$here/StoreJarsUncompressed.java" "$out/input"

javafx_modules="$(find "$out/javafx" -name '*.jar' -exec basename {} \; | sed -E 's/^javafx-([a-z]+)-.*/javafx.\1/' | sort -u | paste -sd, -)"

# The JDK modules the app reaches, as jdeps follows them from the desktop jar through the class path, plus those
# only reached reflectively or through services: XML (AWS SDK protocols), logging and JMX (libraries' optional
# paths), elliptic-curve and PKCS#11 crypto (SSH, TLS), locales and charsets.
jdk_modules="$("${jdk_bin}jdeps" --print-module-deps --ignore-missing-deps --multi-release 17 \
  --module-path "$out/javafx" --class-path "$out/input/*" "$out/input/$desktop_jar" | tr -d '\r')"
extra_modules="java.xml,java.logging,java.management,java.naming,java.sql,jdk.crypto.ec,jdk.crypto.cryptoki"
extra_modules="$extra_modules,jdk.localedata,jdk.charsets,jdk.zipfs,jdk.unsupported,jdk.net"
modules="$(echo "$jdk_modules,$extra_modules,$javafx_modules" | tr ',' '\n' | grep -v '^javafx\.\(web\|media\)$' | sort -u | paste -sd, -)"
echo "build.sh: runtime modules: $modules"

# --generate-cds-archive dumps the JDK's default class-data archive (lib/server/classes.jsa) with the image's own
# `java`, so the native commands are removed after jlink instead of by --strip-native-commands. The archive for
# heaps over 32 GB (classes_nocoops.jsa) goes too: launch.conf caps the heap far below that.
"${jdk_bin}jlink" --module-path "$out/javafx" --add-modules "$modules" \
  --strip-debug --no-header-files --no-man-pages --generate-cds-archive \
  --include-locales=en,de,fr,es,it,nl,pt --output "$out/runtime"
# Commands only: on Windows bin/ also holds the runtime's DLLs.
find "$out/runtime/bin" -maxdepth 1 -type f \( -name '*.exe' -o ! -name '*.*' \) -delete
rmdir "$out/runtime/bin" 2>/dev/null || true
find "$out/runtime" -name classes_nocoops.jsa -delete

# A small idle footprint, the app mostly sits in the tray: the JVM options and environment of desktop/launch.conf,
# the same ./openhaven uses (docs/performance/desktop.md).
# shellcheck source=scripts/lib-launch-conf.sh
. "$root/scripts/lib-launch-conf.sh"
java_options="$(launch_conf_jvm_options "$root/desktop/launch.conf" | paste -sd' ' -)"
if [ "$os" = linux ]; then
  # The app's class-data archive, made at install time by linux/appcds.sh (ADR 0013). jpackage's launcher expands
  # $APPDIR. Missing or stale, the JVM starts without it (sharing is only "auto"), and quietly.
  java_options="$java_options -XX:SharedArchiveFile=\$APPDIR/openhaven.jsa -Xlog:cds=off,cds+dynamic=off"
fi
launch_env="$(launch_conf_env "$root/desktop/launch.conf" | paste -sd' ' -)"

common=(
  --name OpenHaven
  --app-version "$app_version"
  --vendor "OpenHaven"
  --copyright "Copyright the OpenHaven authors. Apache License 2.0."
  --description "Your own personal cloud on a server you control"
  --input "$out/input"
  --main-jar "$desktop_jar"
  --main-class org.openhaven.desktop.Launcher
  --runtime-image "$out/runtime"
  --java-options "$java_options"
)

# JavaFX loads GTK 3 at run time, so jpackage cannot see the dependency; its package name differs per family.
gtk_package() { if [ "$1" = rpm ]; then echo gtk3; else echo libgtk-3-0; fi; }

if [ "$os" = linux ]; then
  # jpackage's resource overrides go by fixed names: package scripts and spec (linux/resources), and the desktop
  # entry named after the launcher. The scripts link /usr/bin/openhaven to the launcher.
  mkdir -p "$out/linux-resources"
  cp "$here/linux/resources/"* "$out/linux-resources/"
  # The menu entry starts the app with launch.conf's environment (a jpackage launcher cannot set any).
  sed "s|^Exec=|Exec=env $launch_env |" "$here/linux/openhaven.desktop" >"$out/linux-resources/OpenHaven.desktop"
fi

# AppCDS on Linux (ADR 0013): the packages ship the names of the classes the app loads until its first window, and
# their scripts dump the archive from that list at the install path (linux/appcds.sh). The list is recorded here by
# starting an app image of the same input, runtime and options once under Xvfb, with a scratch home.
record_class_list() {
  local work="$out/classlist" display_number xvfb_pid app_pid shown=true
  for tool in Xvfb xdotool; do
    command -v "$tool" >/dev/null || {
      echo "build.sh: recording the class list for the AppCDS archive needs '$tool' (Debian: apt-get install xvfb xdotool)" >&2
      exit 2
    }
  done
  rm -rf "$work" && mkdir -p "$work/home"
  echo "build.sh: recording the class list (an app image started once under Xvfb)"
  "${jdk_bin}jpackage" "${common[@]}" --type app-image --dest "$work"
  display_number=$((100 + RANDOM % 400))
  while [ -e "/tmp/.X11-unix/X$display_number" ]; do display_number=$((display_number + 1)); done
  Xvfb ":$display_number" -screen 0 1280x800x24 -nolisten tcp >"$work/xvfb.log" 2>&1 &
  xvfb_pid=$!
  for _ in $(seq 50); do [ -S "/tmp/.X11-unix/X$display_number" ] && break; sleep 0.1; done
  # shellcheck disable=SC2086 # launch_env is NAME=value words
  env -i PATH="$PATH" HOME="$work/home" XDG_CONFIG_HOME="$work/home/.config" DISPLAY=":$display_number" $launch_env \
    JAVA_TOOL_OPTIONS="-XX:DumpLoadedClassList=$work/openhaven.classlist -Duser.home=$work/home" \
    "$work/OpenHaven/bin/OpenHaven" >"$work/app.log" 2>&1 &
  app_pid=$!
  DISPLAY=":$display_number" timeout 120 xdotool search --sync --onlyvisible --name '^OpenHaven' >/dev/null || shown=false
  # The classes that paint the first frame load just after the window maps.
  $shown && sleep 2
  kill "$app_pid" 2>/dev/null || true; wait "$app_pid" 2>/dev/null || true
  kill "$xvfb_pid" 2>/dev/null || true; wait "$xvfb_pid" 2>/dev/null || true
  if ! $shown || ! grep -q '^org/openhaven/desktop/Launcher$' "$work/openhaven.classlist" 2>/dev/null; then
    echo "build.sh: the app image showed no window under Xvfb within 120 s; its output:" >&2
    tail -20 "$work/app.log" >&2
    exit 1
  fi
  cp "$work/openhaven.classlist" "$out/input/"
  echo "build.sh: class list: $(grep -c '^[a-z]' "$out/input/openhaven.classlist") classes"
  rm -rf "$work"
}
if [ "$os" = linux ]; then
  record_class_list
fi

for type in "${types[@]}"; do
  args=("${common[@]}" --type "$type" --dest "$out/dist")
  if [ "$type" = app-image ]; then
    # A bare application image (used by tests and for inspection): no installer options apply.
    icon="$root/icons/openhaven.png"
    [ "$os" = windows ] && icon="$root/icons/openhaven.ico"
    [ "$os" = mac ] && icon="$root/icons/openhaven.icns"
    args+=(--icon "$icon")
    echo "build.sh: jpackage --type app-image"
    "${jdk_bin}jpackage" "${args[@]}"
    continue
  fi
  case "$os" in
    linux)
      args+=(--icon "$root/icons/openhaven.png" --license-file "$root/LICENSE"
        --linux-package-name openhaven --install-dir /opt
        --linux-app-category Network --linux-menu-group "Network;RemoteAccess;"
        --linux-package-deps "$(gtk_package "$type")" --linux-rpm-license-type "ASL 2.0"
        --linux-deb-maintainer maintainers@openhaven.invalid
        --resource-dir "$out/linux-resources" ${JPACKAGE_TEMP:+--temp "$JPACKAGE_TEMP/$type"})
      ;;
    windows)
      args+=(--icon "$root/icons/openhaven.ico" --license-file "$root/LICENSE"
        --win-per-user-install --win-menu --win-menu-group OpenHaven --win-shortcut --win-dir-chooser
        --win-upgrade-uuid 6f1c3d2a-7b4e-4c8e-9a53-0e2d1f6b8a41
        # A console launcher for the CLI: the GUI launcher has no console to print to on Windows. Its name must
        # differ from OpenHaven.exe by more than case (Windows file names ignore case).
        --add-launcher "openhaven-cli=$(native_path "$here/windows/cli-launcher.properties")")
      ;;
    mac)
      args+=(--icon "$root/icons/openhaven.icns"
        --mac-package-identifier org.openhaven.OpenHaven --mac-package-name OpenHaven)
      ;;
  esac
  echo "build.sh: jpackage --type $type"
  "${jdk_bin}jpackage" "${args[@]}"
done
ls -l "$out/dist"
