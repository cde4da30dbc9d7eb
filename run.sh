#!/usr/bin/env bash
# Builds Patchwork if needed and starts the workstation with the demo song: the window where a
# display and the UI bundles exist, otherwise the headless host reading commands from stdin.
set -euo pipefail
cd "$(dirname "$(readlink -f "$0")")"
source .ci/lib.sh

pw_find_jdk
dist=distribution/target/patchwork
newest_source="$(find pom.xml sdk bundles host ui-swt distribution/src distribution/pom.xml -newer "$dist/.built" \
  -not -path '*/target/*' -print -quit 2>/dev/null || true)"
if [ ! -f "$dist/.built" ] || [ -n "$newest_source" ]; then
  pw_find_maven
  echo "Building Patchwork (mvn install -DskipTests)..." >&2
  mvn -B -q -ntp install -DskipTests
  touch "$dist/.built"
fi

demo=()
[ -f "$dist/demo/demo-song/project.json" ] && demo=("$dist/demo/demo-song")
if [ -n "${DISPLAY:-}" ] && ls "$dist/bundles/" | grep -q '^ui-'; then
  exec "$dist/bin/patchwork" gui "${demo[@]}" "$@"
fi
echo "No display (or no UI bundles): starting headless. Type 'help' for commands, 'exit' to quit." >&2
exec "$dist/bin/patchwork" headless "${demo[@]}" "$@"
