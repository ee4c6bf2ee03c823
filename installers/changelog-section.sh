#!/usr/bin/env bash
# Prints the body of one version's section of a Keep a Changelog file: the release notes of that version.
# Falls back to the Unreleased section when the version has none yet (a release cut before the rename).
# Usage: installers/changelog-section.sh VERSION [CHANGELOG.md]
set -euo pipefail

version="${1:?usage: changelog-section.sh VERSION [CHANGELOG.md]}"
changelog="${2:-$(dirname "${BASH_SOURCE[0]}")/../CHANGELOG.md}"

section() {
  # From the "## [name]" heading (exclusive) to the next "## " heading or a link-reference block.
  awk -v name="$1" '
    /^## / { if (inside) exit; if (index($0, "## [" name "]") == 1) { inside = 1; next } }
    /^\[[^]]+\]: / { if (inside) exit }
    inside { print }
  ' "$changelog" | sed -e '/./,$!d' | sed -e ':a' -e '/^\n*$/{$d;N;ba' -e '}'
}

notes="$(section "$version")"
if [ -z "$notes" ]; then
  notes="$(section Unreleased)"
fi
if [ -z "$notes" ]; then
  echo "changelog-section: no section for $version (nor Unreleased) in $changelog" >&2
  exit 1
fi
printf '%s\n' "$notes"
