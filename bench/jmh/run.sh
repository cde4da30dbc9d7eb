#!/usr/bin/env bash
# JMH benchmarks of the bus: the engine ring against ArrayBlockingQueue, in one run, then the
# ratios. Builds target/benchmarks.jar (a shaded JMH uber-jar) first.
# Usage: bench/jmh/run.sh [extra JMH options...]   e.g. bench/jmh/run.sh -i 10
#        SKIP_BUILD=1 bench/jmh/run.sh   reuses target/benchmarks.jar
# Settings for a 2-core machine: 1 fork, 3 x 1 s warm-up, 5 x 1 s measurement, 1 thread;
# ZGC and a fixed heap, as bin/patchwork runs.
# (The benchmarks use 2 threads themselves: the benchmark thread produces, one consumer polls.)
# Throughput runs twice: with a consumer that polls again at once (lock-step, one event per
# poll) and one that polls every 10 us (bursts, like the audio thread at each block start).
# Run it on an otherwise idle machine: another busy process on 2 cores changes the results.
set -euo pipefail
here="$(cd "$(dirname "$(readlink -f "$0")")" && pwd)"
root="$(cd "$here/../.." && pwd)"
cd "$root"

# shellcheck source=/dev/null
source "$root/.ci/lib.sh"
pw_find_jdk >/dev/null
command -v jq >/dev/null || pw_apt jq
export MAVEN_OPTS="${MAVEN_OPTS:---sun-misc-unsafe-memory-access=allow}"
java="$JAVA_HOME/bin/java"

echo "== building the JMH uber-jar" >&2
if [ "${SKIP_BUILD:-0}" = 1 ] && [ -f "$here/target/benchmarks.jar" ]; then
  echo "   (SKIP_BUILD=1: using the jar built before)" >&2
elif grep -q '<module>bench/jmh</module>' pom.xml; then
  mvn -B -q -ntp -pl bench/jmh -am package -DskipTests
else
  # Not in the reactor yet: install the bus (and the parent) for it, then build it on its own.
  mvn -B -q -ntp -pl bundles/bus -am install -DskipTests
  mvn -B -q -ntp -f bench/jmh/pom.xml package -DskipTests
fi
jar="$here/target/benchmarks.jar"
out="$here/target/jmh-result.json"

machine="$(nproc) cores, $(grep -m1 'model name' /proc/cpuinfo | sed 's/.*: //'), $("$java" -version 2>&1 | head -n1)"
load_before="$(cut -d' ' -f1-3 /proc/loadavg)"
# Share of CPU time idle over 3 s before the run: under 90 %, something else is busy.
idle_pct() {
  local a b c d
  read -r _ u n s i w q sq st _ </proc/stat; a=$((u + n + s + q + sq + st)); b=$((i + w))
  sleep 3
  read -r _ u n s i w q sq st _ </proc/stat; c=$((u + n + s + q + sq + st)); d=$((i + w))
  echo $((100 * (d - b) / ((c - a) + (d - b))))
}
idle_before="$(idle_pct)"
[ "$idle_before" -ge 90 ] || echo "warning: the machine is only ${idle_before}% idle: results will be skewed" >&2
"$java" --sun-misc-unsafe-memory-access=allow -jar "$jar" 'org.patchwork.bench.jmh.BusBenchmark' \
  -f 1 -wi 3 -w 1s -i 5 -r 1s -t 1 \
  -jvmArgsAppend '-XX:+UseZGC -Xms512m -Xmx512m --sun-misc-unsafe-memory-access=allow' \
  -rf json -rff "$out" "$@"

echo
echo "== summary (same run; machine: $machine; idle before: ${idle_before}%, load average before: $load_before, after: $(cut -d' ' -f1-3 /proc/loadavg))"
echo "   (the benchmarks keep both cores busy: any other busy process on a 2-core machine skews them)"
jq -r '
  def m(n; pause): first(.[] | select((.benchmark | endswith("." + n))
      and ((.params.pollPauseNanos // "none") == pause))) | .primaryMetric;
  def thr(n; pause): m(n; pause).score;
  def pct(n; p): m(n; "none").scorePercentiles[p] | round;
  def r2: (. * 100 | floor) / 100;
  ("0", "10000") as $p
  | "throughput events/s, consumer pause \($p) ns: engine ring \(thr("ringThroughput"; $p) | floor) (one by one), \(thr("ringBatchThroughput"; $p) | floor) (batches of 64), ArrayBlockingQueue \(thr("queueThroughput"; $p) | floor) (pooled events), \(thr("queueAllocThroughput"; $p) | floor) (new event each)\n  ratio ring/queue: one by one \(thr("ringThroughput"; $p) / thr("queueThroughput"; $p) | r2)x pooled, batched \(thr("ringBatchThroughput"; $p) / thr("queueThroughput"; $p) | r2)x pooled, \(thr("ringBatchThroughput"; $p) / thr("queueAllocThroughput"; $p) | r2)x allocating (target >= 5x)"
' "$out"
jq -r '
  def m(n): first(.[] | select(.benchmark | endswith("." + n))) | .primaryMetric;
  def pct(n; p): m(n).scorePercentiles[p] | round;
  def r2: (. * 100 | floor) / 100;
  "publish->poll->ack latency ns: ring  p50 \(pct("ringLatency"; "50.0")) p99 \(pct("ringLatency"; "99.0")) p99.9 \(pct("ringLatency"; "99.9")) max \(pct("ringLatency"; "100.0"))",
  "                               queue p50 \(pct("queueLatency"; "50.0")) p99 \(pct("queueLatency"; "99.0")) p99.9 \(pct("queueLatency"; "99.9")) max \(pct("queueLatency"; "100.0"))",
  "latency ratio queue/ring: p50 \(pct("queueLatency"; "50.0") / pct("ringLatency"; "50.0") | r2)x, p99 \(pct("queueLatency"; "99.0") / pct("ringLatency"; "99.0") | r2)x"
' "$out"
