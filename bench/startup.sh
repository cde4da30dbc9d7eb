#!/usr/bin/env bash
# Wall time of a whole `bin/patchwork bundles --json` run (JVM start, Felix boot, every bundle
# started, command, clean shutdown), repeated; prints min, median and max in milliseconds.
# Usage: bench/startup.sh [RUNS]   (build first: mvn install -DskipTests)
set -euo pipefail
cd "$(dirname "$(readlink -f "$0")")/.."
runs="${1:-20}"
launcher=distribution/target/patchwork/bin/patchwork
[ -x "$launcher" ] || { echo "bench: build first (mvn install -DskipTests)" >&2; exit 2; }
export PATCHWORK_HOME="$(mktemp -d)"
trap 'rm -rf "$PATCHWORK_HOME"' EXIT
"$launcher" bundles --json >/dev/null   # first run writes the class-data archive
# Anchor, measured in the same run: the same JDK starting and doing nothing (java -version).
java_bin="$(bash -c "source .ci/lib.sh && pw_find_jdk && echo \$JAVA_HOME/bin/java")"

measure() {
  local label="$1"; shift
  local times=() start end
  for _ in $(seq "$runs"); do
    start=$(date +%s%N)
    "$@" >/dev/null 2>&1
    end=$(date +%s%N)
    times+=($(( (end - start) / 1000000 )))
  done
  local sorted=($(printf '%s\n' "${times[@]}" | sort -n)) n=${#times[@]}
  echo "$label, $n runs: min ${sorted[0]} ms, median ${sorted[$((n / 2))]} ms, max ${sorted[$((n - 1))]} ms"
  median=${sorted[$((n / 2))]}
}

measure "anchor: java -version" "$java_bin" -version
anchor=$median
measure "patchwork bundles --json" "$launcher" bundles --json
echo "ratio to anchor (median): $(awk "BEGIN { printf \"%.1f\", $median / $anchor }")x"
