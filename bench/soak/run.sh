#!/usr/bin/env bash
# Soak: 256 voices of Patchwork's Subtractive synth through JACK at 64 frames / 48 kHz for
# MINUTES while garbage is churned, then the same synthesis by a native C JACK client
# (native_saw.c) for the same time under the same churn; prints both clients' xruns, deadline
# misses and callback times in one format.
#
# Usage: bench/soak/run.sh [MINUTES]        (default 10; the two phases take 2 x MINUTES)
#   CHURN_MB_S=256   garbage rate in MB/s (default 256)
#   KEEP=1           keep the work folder (project, stats, logs) and print where it is
#   PATCHWORK_DIST=DIR   another unpacked distribution (default distribution/target/patchwork)
# Build first: mvn -B -q -ntp install -DskipTests. Needs jackd2, libjack-jackd2-dev and gcc
# (installed with apt-get when run as root).
#
#   JACKD_RT=auto|on|off   jackd with real-time scheduling (-R -P 70, as musicians run it) or
#                          without (-r); auto (default): -R when this user may use SCHED_FIFO
# Phase 1, Patchwork: a fresh `jackd -n pwsoak-PID -R -P 70 -d dummy -r 48000 -p 64`, then
#   bin/patchwork play PROJECT --driver jack --seconds 60*MINUTES --stats patchwork.json
# with PATCHWORK_JVM_OPTS=-javaagent:churn.jar=CHURN_MB_S: the churn thread runs inside the
# player's JVM, so its garbage goes through the same collector (ZGC) as the engine's heap
# (with -Xshare:off: the launcher's class-data archive cannot be written with an agent loaded).
# PROJECT (generated): one Subtractive node, voices 256, saw, cutoff 800 Hz, resonance 2,
# LFO 0.2 Hz + f/2000 at 600 Hz depth, ADSR 10 ms / 100 ms / 0.7 / 500 ms, gain 0.01, and one
# chord of 256 notes (keys 33 + i mod 48) held longer than the soak.
# Phase 2, native: a fresh jackd, the churn as a JVM of its own (java -XX:+UseZGC -jar
# churn.jar, the same rate), and native_saw --seconds 60*MINUTES --stats native.json.
# The phases run one after the other: JACK reports an xrun to every client of a server, so two
# clients on one server could not tell whose lateness it was.
set -euo pipefail
here="$(cd "$(dirname "$(readlink -f "$0")")" && pwd)"
root="$(cd "$here/../.." && pwd)"
cd "$root"
minutes="${1:-10}"
churn_rate="${CHURN_MB_S:-256}"
seconds="$(awk -v m="$minutes" 'BEGIN { s = m * 60; if (s <= 0) exit 1; printf "%g", s }')" \
  || { echo "soak: MINUTES must be a positive number: $minutes" >&2; exit 2; }
tag=soak
# shellcheck source=bench/soak/lib.sh
source "$here/lib.sh"
soak_prepare

work="$(mktemp -d)"
jackd_pid=""
churn_pid=""
cleanup() {
  [ -n "$churn_pid" ] && kill "$churn_pid" 2>/dev/null && wait "$churn_pid" 2>/dev/null || true
  [ -n "$jackd_pid" ] && kill "$jackd_pid" 2>/dev/null && wait "$jackd_pid" 2>/dev/null || true
  if [ "${KEEP:-0}" = 1 ]; then echo "soak: work folder kept: $work" >&2; else rm -rf "$work"; fi
}
trap cleanup EXIT

# --- build the native client and the churn jar ---
gcc -O2 -Wall -o "$work/native_saw" "$here/native_saw.c" -ljack -lm
mkdir -p "$work/churn"
"$JAVA_HOME/bin/javac" -d "$work/churn" "$here/Churn.java"
printf 'Premain-Class: Churn\nMain-Class: Churn\n' >"$work/churn/manifest.txt"
"$JAVA_HOME/bin/jar" cfm "$work/churn.jar" "$work/churn/manifest.txt" -C "$work/churn" .

# --- the project: one held 256-note chord on a 256-voice Subtractive ---
mkdir -p "$work/soak-256"
jq -n --argjson len "$(awk -v s="$seconds" 'BEGIN { printf "%d", s + 60 }')" '{
  formatVersion: 1,
  name: "Soak: 256-voice Subtractive chord",
  sampleRate: 48000,
  tempo: 60,
  nodes: [{id: "synth", module: "org.patchwork.dsp.subtractive", params: {
    voices: 256, wave: 0, cutoff: 800, resonance: 2, lfo_rate: 0.2, lfo_depth: 600,
    lfo_keytrack: 0.0005, attack: 10, decay: 100, sustain: 0.7, release: 500, gain: 0.01}}],
  connections: [],
  tracks: [{id: "chord", chain: ["synth"], gainDb: 0, pan: 0}],
  buses: [],
  master: {chain: [], gainDb: 0},
  notes: [range(0; 256) | {track: "chord", key: (33 + (. % 48)), velocity: 1, start: 0, length: $len}]
}' >"$work/soak-256/project.json"

# --- a fresh JACK server per phase ---
soak_jackd_mode
export JACK_DEFAULT_SERVER="pwsoak-$$" JACK_NO_AUDIO_RESERVATION=1

summary() { # label, stats file
  jq -r --arg name "$1" '"\($name): driver \(.driver), \(.sampleRate) Hz, \(.blockSize)-frame blocks, \(.blocks) blocks, xruns \(.xruns), deadline misses \(.deadlineMisses), callback p50 \(.callbackMicros.p50) us, p99 \(.callbackMicros.p99) us, max \(.callbackMicros.max) us"' "$2"
}

echo "soak: $minutes min per phase ($seconds s), 256 voices, jackd ${jackd_rt[*]} dummy 48000 Hz / 64 frames, churn $churn_rate MB/s"
soak_machine

# --- phase 1: Patchwork ---
soak_start_jackd patchwork
PATCHWORK_HOME="$work/home" PATCHWORK_JVM_OPTS="-Xshare:off -javaagent:$work/churn.jar=$churn_rate,$work/churn-patchwork.txt ${PATCHWORK_JVM_OPTS:-}" \
  "$launcher" play "$work/soak-256" --driver jack --seconds "$seconds" --stats "$work/patchwork.json" \
  >"$work/patchwork.out" 2>"$work/patchwork.err" || {
  echo "soak: patchwork play failed:" >&2; cat "$work/patchwork.out" "$work/patchwork.err" >&2; exit 1; }
soak_stop_jackd
cat "$work/churn-patchwork.txt" 2>/dev/null || echo "soak: the churn agent did not report" >&2

# --- phase 2: the native client, with the churn in a JVM beside it ---
soak_start_jackd native
"$JAVA_HOME/bin/java" -XX:+UseZGC -Xms256m -jar "$work/churn.jar" "$churn_rate" 2>"$work/churn-native.err" &
churn_pid=$!
"$work/native_saw" --seconds "$seconds" --stats "$work/native.json" --name native_saw >"$work/native.out" 2>&1 || {
  echo "soak: native_saw failed:" >&2; cat "$work/native.out" >&2; exit 1; }
kill "$churn_pid" 2>/dev/null || true
wait "$churn_pid" 2>/dev/null || true
churn_pid=""
soak_stop_jackd
grep -h '^churn:' "$work/churn-native.err" || true

echo
echo "== results ($minutes min each, same machine, one after the other)"
summary "patchwork" "$work/patchwork.json"
summary "native C " "$work/native.json"
echo
echo "patchwork stats:"; cat "$work/patchwork.json"
echo "native stats:"; cat "$work/native.json"
