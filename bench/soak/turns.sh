#!/usr/bin/env bash
# Turns: is an xrun Patchwork's or the machine's? One jackd (dummy backend, 48 kHz, 64 frames,
# real-time scheduling where allowed) serves, by turns, RUNS runs of
#   bin/patchwork play demo --driver jack --seconds SECONDS --stats …
# and RUNS runs of the native C client (native_saw.c) with a callback about as long as the
# demo's (VOICES voices, default 200: ~45 us per 64-frame period against the demo's ~50 us).
# Both count xruns through JACK's xrun callback; taking turns on one server spreads the
# machine's hiccups over both clients alike. Prints one line per run and the totals.
#
# Usage: bench/soak/turns.sh [RUNS] [SECONDS]     (defaults 6 and 20)
#   VOICES=200             the native client's voice count
#   JACKD_RT=auto|on|off   jackd with real-time scheduling or not (see bench/soak/run.sh)
#   PATCHWORK_DIST=DIR     another unpacked distribution (default distribution/target/patchwork)
# Build first: mvn -B -q -ntp install -DskipTests. Needs jackd2, libjack-jackd2-dev, gcc and jq
# (installed with apt-get when run as root). Run it on an otherwise idle machine.
set -euo pipefail
here="$(cd "$(dirname "$(readlink -f "$0")")" && pwd)"
root="$(cd "$here/../.." && pwd)"
cd "$root"
runs="${1:-6}"
seconds="${2:-20}"
voices="${VOICES:-200}"
[[ "$runs" =~ ^[1-9][0-9]*$ ]] || { echo "turns: RUNS must be a positive whole number: $runs" >&2; exit 2; }
[[ "$seconds" =~ ^[1-9][0-9]*$ ]] || { echo "turns: SECONDS must be a positive whole number: $seconds" >&2; exit 2; }
tag=turns
# shellcheck source=bench/soak/lib.sh
source "$here/lib.sh"
soak_prepare

work="$(mktemp -d)"
jackd_pid=""
cleanup() {
  [ -n "$jackd_pid" ] && kill "$jackd_pid" 2>/dev/null && wait "$jackd_pid" 2>/dev/null || true
  rm -rf "$work"
}
trap cleanup EXIT

gcc -O2 -Wall -o "$work/native_saw" "$here/native_saw.c" -ljack -lm
soak_jackd_mode
export JACK_DEFAULT_SERVER="pwturns-$$" JACK_NO_AUDIO_RESERVATION=1
soak_start_jackd turns

echo "turns: $runs x $seconds s each, jackd ${jackd_rt[*]} dummy 48000 Hz / 64 frames; native client $voices voices"
soak_machine
pw_total=0; native_total=0; pw_clean=0; native_clean=0
for i in $(seq 1 "$runs"); do
  PATCHWORK_HOME="$work/home" "$launcher" play demo --driver jack --seconds "$seconds" --stats "$work/pw.json" \
    >"$work/pw.out" 2>&1 || { echo "turns: patchwork play failed:" >&2; cat "$work/pw.out" >&2; exit 1; }
  x="$(jq .xruns "$work/pw.json")"
  pw_total=$((pw_total + x)); [ "$x" = 0 ] && pw_clean=$((pw_clean + 1))
  echo "run $i patchwork: xruns $x, callback p50/p99/max $(jq -r '"\(.callbackMicros.p50)/\(.callbackMicros.p99)/\(.callbackMicros.max)"' "$work/pw.json") us, audio-thread bytes $(jq .audioThreadAllocatedBytes "$work/pw.json"), xrun blocks $(jq -c '.xrunBlocks // []' "$work/pw.json")"
  "$work/native_saw" --seconds "$seconds" --voices "$voices" --stats "$work/native.json" --name native_saw \
    >"$work/native.out" 2>&1 || { echo "turns: native_saw failed:" >&2; cat "$work/native.out" >&2; exit 1; }
  x="$(jq .xruns "$work/native.json")"
  native_total=$((native_total + x)); [ "$x" = 0 ] && native_clean=$((native_clean + 1))
  echo "run $i native C:  xruns $x, callback p50/p99/max $(jq -r '"\(.callbackMicros.p50)/\(.callbackMicros.p99)/\(.callbackMicros.max)"' "$work/native.json") us"
done
echo
echo "== totals: patchwork $pw_total xruns, $pw_clean of $runs runs without; native C $native_total xruns, $native_clean of $runs runs without"
echo "   (jackd's own late wake-ups in this server's log: $(grep -c 'JackTimedDriver::Process XRun' "$work/jackd-turns.log" || true))"
