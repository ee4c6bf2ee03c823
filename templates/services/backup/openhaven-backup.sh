#!/bin/bash
# OpenHaven backup for the haven "{{havenId}}". Written by OpenHaven on every deploy: local edits are replaced.
#
#   openhaven-backup run [TAG]       dump databases, pause what must pause, snapshot, apply retention, record status
#   openhaven-backup check           verify the repository and read back part of the stored data
#   openhaven-backup restic ARGS...  any restic command with this haven's repository and credentials
#   openhaven-backup in-service SERVICE CMD...          run CMD in the service's running container
#   openhaven-backup in-service-as USER SERVICE CMD...  the same, as USER
#   openhaven-backup feed FILE SERVICE CMD...           the same, with FILE on stdin
#   openhaven-backup stop-service SERVICE | start-service SERVICE
#   openhaven-backup set-aside PATH SUFFIX              move PATH to PATH.SUFFIX if it exists
set -uo pipefail
umask 077

DIR={{dir}}
STATUS="$DIR/status.json"
CHECK_STATUS="$DIR/check.json"
LAST_SUCCESS="$DIR/last-success.json"
LOG="$DIR/last-run.jsonl"

load_credentials() {
  set -a
  # shellcheck source=/dev/null
  . "$DIR/backup.env"
  set +a
}

now() { date -u +%Y-%m-%dT%H:%M:%SZ; }

# The haven's containers of a compose service, found by the labels both compose v1 and v2 set; the project label
# keeps other compose projects on the same host out of it.
PROJECT={{project}}
containers_of() {
  docker ps -aq --filter "label=com.docker.compose.project=$PROJECT" --filter "label=com.docker.compose.service=$1"
}
running_container_of() {
  docker ps -q --filter "label=com.docker.compose.project=$PROJECT" --filter "label=com.docker.compose.service=$1" |
    head -n 1
}

in_service() {
  local user=$1 service=$2 id
  shift 2
  id=$(running_container_of "$service")
  if [ -z "$id" ]; then
    echo "openhaven-backup: the service $service is not running" >&2
    return 1
  fi
  if [ "$user" = "-" ]; then
    docker exec -i "$id" "$@"
  else
    docker exec -i -u "$user" "$id" "$@"
  fi
}

# $1 result, $2 error (a fixed phrase, never command output), $3 start time
write_status() {
  local last=null error=null
  if [ -s "$LAST_SUCCESS" ]; then last=$(cat "$LAST_SUCCESS"); fi
  if [ -n "$2" ]; then error="\"$2\""; fi
  printf '{"result":"%s","startedAt":"%s","finishedAt":"%s","error":%s,"lastSuccess":%s}\n' \
    "$1" "$3" "$(now)" "$error" "$last" > "$STATUS.tmp" && mv "$STATUS.tmp" "$STATUS"
}

fail() {
  write_status failed "$1" "$STARTED"
  echo "openhaven-backup: $1" >&2
  exit 1
}

quiesce() {
  :
{{#quiesce}}
  {{{line}}} || fail "{{failure}}"
{{/quiesce}}
}

# Runs whatever happened to the snapshot, also when the script dies on the way (trap on EXIT).
resume() {
  local rc=0
{{#resume}}
  {{{line}}} || rc=1
{{/resume}}
  return $rc
}

dump_databases() {
  mkdir -p "$DIR/dumps"
{{#dumps}}
  {{{line}}} > "{{file}}.partial" || fail "{{failure}}"
  mv "{{file}}.partial" "{{file}}"
{{/dumps}}
}

run_backup() {
  local tag=${1:-scheduled} rc summary
  STARTED=$(now)
  load_credentials
  # A repository is created on the first run only; a wrong password or unreachable storage fails here.
  if ! restic cat config > /dev/null 2> "$DIR/open.err"; then
    if grep -q "wrong password" "$DIR/open.err"; then
      fail "restic reported a wrong password for the repository"
    fi
    restic init > /dev/null || fail "the backup repository could not be opened or created"
  fi
  # Locks of runs that died (a reboot, a killed process) would block pruning; live locks are kept.
  restic unlock > /dev/null 2>&1 || fail "the backup repository could not be unlocked"
  dump_databases
  trap resume EXIT
  quiesce
  {{{backupLine}}} > "$LOG"
  rc=$?
  resume || { trap - EXIT; fail "a service could not be resumed after the snapshot"; }
  trap - EXIT
  if [ "$rc" -ne 0 ]; then
    fail "restic backup failed with exit code $rc"
  fi
  summary=$(grep '"message_type":"summary"' "$LOG" | tail -n 1)
  if [ -z "$summary" ]; then
    fail "restic backup reported no summary"
  fi
  printf '{"startedAt":"%s","finishedAt":"%s","tag":"%s","summary":%s}\n' \
    "$STARTED" "$(now)" "$tag" "$summary" > "$LAST_SUCCESS.tmp" && mv "$LAST_SUCCESS.tmp" "$LAST_SUCCESS"
  {{{forgetLine}}} > /dev/null || fail "old snapshots could not be removed (retention)"
  write_status success "" "$STARTED"
  echo "$summary"
}

run_check() {
  local started result=success
  started=$(now)
  load_credentials
  restic unlock > /dev/null 2>&1
  {{{checkLine}}} || result=failed
  printf '{"result":"%s","startedAt":"%s","finishedAt":"%s"}\n' "$result" "$started" "$(now)" \
    > "$CHECK_STATUS.tmp" && mv "$CHECK_STATUS.tmp" "$CHECK_STATUS"
  [ "$result" = success ]
}

command=${1:-}
shift || true
case "$command" in
  run) run_backup "$@" ;;
  check) run_check ;;
  restic) load_credentials; exec restic "$@" ;;
  in-service) in_service - "$@" ;;
  in-service-as) in_service "$@" ;;
  feed) file=$1; shift; in_service - "$@" < "$file" ;;
  stop-service) containers_of "$1" | xargs --no-run-if-empty docker stop > /dev/null ;;
  start-service) containers_of "$1" | xargs --no-run-if-empty docker start > /dev/null ;;
  set-aside) if [ -e "$1" ]; then mv -T "$1" "$1.$2"; fi ;;
  *) echo "usage: openhaven-backup run [TAG] | check | restic ARGS... | in-service SERVICE CMD..." >&2; exit 2 ;;
esac
