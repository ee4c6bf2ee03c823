# shellcheck shell=bash
# Shared by scripts/screenshots.sh and scripts/bench-desktop.sh (sourced, not run): the desktop's test
# classpath from a reactor build, and a private Xvfb display stopped by its own PID on exit.

# Prints the classpath: desktop test and main classes plus every test-scope dependency.
desktop_test_classpath() {
  local cp_file
  cp_file="$(mktemp)"
  # Reactor build so the engine resolves from engine/target; desktop runs last and writes the file last.
  ./mvnw -B -q -o -pl desktop -am test-compile dependency:build-classpath \
    -Dmdep.outputFile="$cp_file" -Dmdep.includeScope=test >&2
  echo "desktop/target/test-classes:desktop/target/classes:$(cat "$cp_file")"
  rm -f "$cp_file"
}

# Starts Xvfb on a display nobody uses; sets DISPLAY_FOR_APP and XVFB_PID.
start_xvfb() {
  # shellcheck disable=SC2034  # both are read by the sourcing script
  DISPLAY_FOR_APP=":$((90 + RANDOM % 100))"
  Xvfb "$DISPLAY_FOR_APP" -screen 0 1280x900x24 -nolisten tcp >/dev/null 2>&1 &
  # shellcheck disable=SC2034
  XVFB_PID=$!
  sleep 1
}
