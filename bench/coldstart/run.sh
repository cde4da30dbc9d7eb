#!/usr/bin/env bash
# Cold start: from launching `bin/patchwork play demo --driver null` to its first audio block,
# with and without application class-data sharing (AppCDS). Target: at most 1 s.
#
# Usage: bench/coldstart/run.sh [RUNS]   (default 10 per variant; build first:
#        mvn -B -q -ntp install -DskipTests)
#   PATCHWORK_DIST=DIR  measures another unpacked distribution (default distribution/target/patchwork)
#
# What is measured, per run (wall clock, bash's $EPOCHREALTIME, no fork per line):
#   first block  launch of bin/patchwork (the bash launcher, its JDK probe, the JVM, Felix,
#                every bundle, loading the project, opening the null driver) until the line
#                "playing ... through null" appears on stdout. The player prints it right
#                after driver.start(), and the null driver runs its first block at once on
#                start, so this is the first audio callback to within the thread's start-up
#                (well under a millisecond). The CLI has no first-callback hook; see
#                "hook" below. Each run also checks that the stats file counts >= 1 block.
#   exit         the same launch until the process has ended (`play --seconds 0.05`):
#                includes 50 ms of playing and the shutdown (and, on the run that writes
#                the class-data archive, writing it).
# Variants (each with a fresh PATCHWORK_HOME, so runs do not share a bundle cache or archive):
#   no CDS        -Xshare:off: every class parsed and verified from the jars
#   JDK CDS       the JDK's default archive only (the JDK's classes), no application archive
#   AppCDS        what the launcher does: -XX:+AutoCreateSharedArchive; one untimed run writes
#                 the dynamic archive at exit, the timed runs then map it
#   AppCDS, 1st   the very first run on a machine (archive absent: nothing mapped, written at exit)
# Anchor, same run: `java -version` of the same JDK (JVM start and exit, nothing else), and
# the JDK probe bin/patchwork runs before it starts the JVM (one more JVM start and exit).
#
# Hook (proposal for the lead, not done here): the player could record the first callback
# itself, e.g. in Playback's watcher or BlockRunner, `firstBlockEpochMicros` set once on the
# audio thread (a plain long write, no allocation) and written to the stats JSON with the
# JVM's start (ManagementFactory.getRuntimeMXBean().getStartTime()); this script would then
# read it instead of the stdout line and could split the time into launcher + JVM + Felix + play.
set -euo pipefail
here="$(cd "$(dirname "$(readlink -f "$0")")" && pwd)"
root="$(cd "$here/../.." && pwd)"
cd "$root"
runs="${1:-10}"
dist="${PATCHWORK_DIST:-$root/distribution/target/patchwork}"
launcher="$dist/bin/patchwork"
demo="$dist/demo/demo-song"
[ -x "$launcher" ] && [ -d "$demo" ] || { echo "coldstart: build first (mvn -B -q -ntp install -DskipTests)" >&2; exit 2; }
# shellcheck source=/dev/null
source "$root/.ci/lib.sh"
pw_find_jdk >/dev/null
export JAVA_HOME PATCHWORK_JAVA="$JAVA_HOME/bin/java"
[ -n "${EPOCHREALTIME:-}" ] || { echo "coldstart: needs bash 5 (EPOCHREALTIME)" >&2; exit 2; }

work="$(mktemp -d)"
trap 'rm -rf "$work"' EXIT

us_now() { local t="$EPOCHREALTIME"; echo "${t/./}"; }   # microseconds, no fork

# One launch; prints "FIRST_MS EXIT_MS". Uses PATCHWORK_HOME and PATCHWORK_JVM_OPTS as set.
one_run() {
  local stats="$work/stats.json" start first="" end line
  rm -f "$stats"
  start=$(us_now)
  while IFS= read -r line; do
    if [ -z "$first" ] && [[ "$line" == playing*" through null"* ]]; then
      first=$(us_now)
    fi
  done < <("$launcher" play "$demo" --driver null --seconds 0.05 --stats "$stats" 2>"$work/stderr")
  wait $! 2>/dev/null || true
  end=$(us_now)
  if [ -z "$first" ] || ! grep -Eq '"blocks" *: *[1-9]' "$stats" 2>/dev/null; then
    echo "coldstart: the run did not play (no 'playing' line or no block in the stats):" >&2
    cat "$work/stderr" >&2
    exit 1
  fi
  echo "$(( (first - start) / 1000 )) $(( (end - start) / 1000 ))"
}

stats_line() { # label, then numbers: min / median / max
  local label="$1"; shift
  local sorted=($(printf '%s\n' "$@" | sort -n)) n=$#
  printf '%-56s min %5d  median %5d  max %5d ms\n' "$label" "${sorted[0]}" "${sorted[$((n / 2))]}" "${sorted[$((n - 1))]}"
}

# variant LABEL JVM_OPTS PREPARE(yes|no)
variant() {
  local label="$1" opts="$2" prepare="$3" firsts=() exits=() r
  export PATCHWORK_HOME="$work/home-$RANDOM$RANDOM"
  mkdir -p "$PATCHWORK_HOME"
  export PATCHWORK_JVM_OPTS="$opts"
  [ "$prepare" = yes ] && one_run >/dev/null
  for _ in $(seq "$runs"); do
    r=($(one_run))
    firsts+=("${r[0]}")
    exits+=("${r[1]}")
  done
  stats_line "$label: first block" "${firsts[@]}"
  stats_line "$label: exit" "${exits[@]}"
  echo "$label ${firsts[*]}" >>"$work/all"
}

# The very first run on a machine, repeated with a fresh home each time.
first_ever() {
  local firsts=() exits=() r
  for _ in $(seq "$runs"); do
    export PATCHWORK_HOME="$work/home-$RANDOM$RANDOM"
    mkdir -p "$PATCHWORK_HOME"
    export PATCHWORK_JVM_OPTS=""
    r=($(one_run))
    firsts+=("${r[0]}")
    exits+=("${r[1]}")
  done
  stats_line "AppCDS, first run (archive written): first block" "${firsts[@]}"
  stats_line "AppCDS, first run (archive written): exit" "${exits[@]}"
}

anchor() {
  local times=() s e
  for _ in $(seq "$runs"); do
    s=$(us_now); "$PATCHWORK_JAVA" -version >/dev/null 2>&1; e=$(us_now)
    times+=($(( (e - s) / 1000 )))
  done
  stats_line "anchor: java -version" "${times[@]}"
  times=()
  for _ in $(seq "$runs"); do
    s=$(us_now); "$PATCHWORK_JAVA" -XshowSettings:properties -version >/dev/null 2>&1; e=$(us_now)
    times+=($(( (e - s) / 1000 )))
  done
  stats_line "the launcher's JDK probe (in every launch)" "${times[@]}"
}

# The JDK's own archive for the launcher's collector (ZGC: the no-compressed-oops one).
jdk_archive="$("$PATCHWORK_JAVA" -XX:+UseZGC -Xshare:auto -Xlog:cds -version 2>&1 | sed -n 's/.*trying to map \(.*\.jsa\).*/\1/p' | head -n1)"
[ -f "$jdk_archive" ] || { echo "coldstart: cannot find the JDK's default CDS archive" >&2; exit 2; }
echo "machine: $(nproc) cores, $(grep -m1 'model name' /proc/cpuinfo | sed 's/.*: //'), load $(cut -d' ' -f1-3 /proc/loadavg)"
echo "java: $("$PATCHWORK_JAVA" -version 2>&1 | head -n1); $runs runs per variant; times from launching bin/patchwork"
anchor
# Later options win: these replace the launcher's archive settings.
variant "no CDS (-Xshare:off)" "-Xshare:off" no
variant "JDK CDS only" "-XX:-AutoCreateSharedArchive -XX:SharedArchiveFile=$jdk_archive" no
first_ever
variant "AppCDS (launcher default, archive warm)" "" yes
archive="$(ls -la "$work"/home-*/cache/patchwork-cds.jsa 2>/dev/null | tail -n1 | awk '{print $5}')"
echo "AppCDS archive: $(( ${archive:-0} / 1024 / 1024 )) MiB"
echo "target: first block <= 1000 ms (median)"
