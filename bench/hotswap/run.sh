#!/usr/bin/env bash
# Hot-swap under real-time playback: the distribution's bin/patchwork runs headless and plays a
# project (the example sine through the example gain, one note held) with `pw:play --background`;
# the example gain's jar in the deploy folder is then replaced SWAPS times, alternating between
# the shipped 1.0.0 and a 1.1.0 built here (the same module, 12 dB quieter). For each driver it
# reports, from the player's statistics (`pw:stats`):
#   - the parts of a swap: jar in place -> first registry change (the deploy folder's poll, 0.5
#     to 1 s, and the bundle update); first -> last change (the framework refresh after the
#     update); the lifecycle's settle time after the last change (100 ms by default); then the
#     end of the settle time -> the audio thread taking the new instance (create + restore +
#     activate off the audio thread, the mailbox, the next block boundary);
#   - the crossfade length, and the longest engine block while both instances ran (the swap's
#     own cost on the audio thread);
#   - xruns and deadline misses in a window around each swap, against an anchor: as many windows
#     as long, with nothing happening. To keep the framework's work (bundle update, refresh, DS)
#     out of the swap's window, the host runs with a settle time of SETTLE ms: the window opens
#     SETTLE - 300 ms after the update is reported and closes once the swap shows in the
#     statistics. Statistics are polled every 50 ms in both kinds of window;
#   - bytes the audio thread allocated (the player's steady-state window).
#
# Usage: bench/hotswap/run.sh [SWAPS]      (default 20)
#   DRIVERS="null jack"   drivers to measure (jack only when jackd is installed)
#   PERIOD=128            frames per block (the null driver's and jackd dummy's)
#   SETTLE=2000           the lifecycle's settle time in ms for this run (see above)
#   KEEP=1                keep the work folder and print where it is
#   PATCHWORK_DIST=DIR    another unpacked distribution (default distribution/target/patchwork)
# Build first: mvn -B -q -ntp install -DskipTests. Needs jq (and jackd2 for the jack driver).
set -euo pipefail
here="$(cd "$(dirname "$(readlink -f "$0")")" && pwd)"
root="$(cd "$here/../.." && pwd)"
swaps="${1:-20}"
period="${PERIOD:-128}"
settle="${SETTLE:-2000}"
dist="${PATCHWORK_DIST:-$root/distribution/target/patchwork}"
launcher="$dist/bin/patchwork"
[ -x "$launcher" ] || { echo "hotswap: build first (mvn -B -q -ntp install -DskipTests)" >&2; exit 2; }
[[ "$swaps" =~ ^[1-9][0-9]*$ ]] || { echo "hotswap: SWAPS must be a positive whole number: $swaps" >&2; exit 2; }
[[ "$settle" =~ ^[0-9]+$ ]] && [ "$settle" -ge 1000 ] || { echo "hotswap: SETTLE must be at least 1000 ms: $settle" >&2; exit 2; }
# shellcheck source=/dev/null
source "$root/.ci/lib.sh"
pw_find_jdk >/dev/null
export PATCHWORK_JAVA="$JAVA_HOME/bin/java"
command -v jq >/dev/null || { echo "hotswap: needs jq" >&2; exit 2; }
drivers="${DRIVERS:-null jack}"

work="$(mktemp -d)"
host_pid=""
jackd_pid=""
cleanup() {
  exec 3>&- 2>/dev/null || true
  [ -n "$host_pid" ] && kill "$host_pid" 2>/dev/null && wait "$host_pid" 2>/dev/null || true
  [ -n "$jackd_pid" ] && kill "$jackd_pid" 2>/dev/null && wait "$jackd_pid" 2>/dev/null || true
  if [ "${KEEP:-0}" = 1 ]; then echo "hotswap: work folder kept: $work" >&2; else rm -rf "$work"; fi
}
trap cleanup EXIT

# --- the two versions of the example gain ---
v1="$(ls "$dist"/examples/example-gain-*.jar | head -n1)"
sdk="$(ls "$dist"/bundles/sdk-[0-9]*.jar | head -n1)"
mkdir -p "$work/src/org/patchwork/examples/gain" "$work/classes" "$work/jar"
sed -e 's/"1\.0\.0", ModuleKind\.EFFECT/"1.1.0", ModuleKind.EFFECT/' \
    -e 's/return (float) Math.pow(10, limited \/ 20);/return 0.25f * (float) Math.pow(10, limited \/ 20);/' \
    "$root/sdk/examples/gain/src/main/java/org/patchwork/examples/gain/GainModule.java" \
    >"$work/src/org/patchwork/examples/gain/GainModule.java"
grep -q '0.25f \*' "$work/src/org/patchwork/examples/gain/GainModule.java" \
  || { echo "hotswap: the example gain's source changed; update the sed above" >&2; exit 1; }
"$JAVA_HOME/bin/javac" --release 25 -cp "$sdk" -d "$work/classes" "$work/src/org/patchwork/examples/gain/GainModule.java"
(cd "$work/jar" && unzip -q "$v1")
cp "$work/classes/org/patchwork/examples/gain/GainModule.class" "$work/jar/org/patchwork/examples/gain/"
sed -i 's/^Bundle-Version: .*/Bundle-Version: 1.1.0\r/' "$work/jar/META-INF/MANIFEST.MF"
mv "$work/jar/META-INF/MANIFEST.MF" "$work/MANIFEST.MF"
"$JAVA_HOME/bin/jar" --create --file "$work/gain-1.1.0.jar" --manifest "$work/MANIFEST.MF" -C "$work/jar" .
v2="$work/gain-1.1.0.jar"
v1_bundle="$(unzip -p "$v1" META-INF/MANIFEST.MF | tr -d '\r' | sed -n 's/^Bundle-Version: //p')"

mkdir -p "$work/project"
cat >"$work/project/project.json" <<'EOF'
{"formatVersion": 1, "name": "hotswap", "sampleRate": 48000, "tempo": 120,
 "nodes": [{"id": "osc", "module": "org.patchwork.examples.sine", "params": {"gain": 0.5}},
           {"id": "fx", "module": "org.patchwork.examples.gain", "params": {"gain": 0}}],
 "connections": [],
 "tracks": [{"id": "lead", "chain": ["osc", "fx"], "gainDb": 0, "pan": 0}],
 "buses": [], "master": {"chain": [], "gainDb": 0},
 "notes": [{"track": "lead", "key": 69, "velocity": 1, "start": 0, "length": 100000}]}
EOF

place() { # jar, target: appears in one step, as a finished download would
  cp "$1" "$2.tmp-$$" && mv -f "$2.tmp-$$" "$2"
}

send() { printf '%s\n' "$*" >&3; }

now_ns() { date +%s%N; }

await_out() { # pattern, seconds
  local end=$((SECONDS + $2))
  until grep -q -- "$1" "$out"; do
    [ $SECONDS -lt $end ] || { echo "hotswap: timed out waiting for '$1'" >&2; tail -n 20 "$out" "$err" >&2; exit 1; }
    sleep 0.1
  done
}

stats() { # prints the background run's statistics as JSON
  local token="END-STATS-$RANDOM$RANDOM" from end
  from=$(($(wc -c <"$out") + 1))
  send "pw:stats"
  send "echo $token"
  end=$((SECONDS + 30))
  until tail -c +"$from" "$out" | grep -q "$token"; do
    [ $SECONDS -lt $end ] || { echo "hotswap: pw:stats did not answer" >&2; exit 1; }
    sleep 0.02
  done
  tail -c +"$from" "$out" | awk '/^\{/ {on = 1} on {print} /^\}/ {exit}'
}

window() { # stats at the start, stats at the end: "xruns deadlineMisses blocks"
  echo "$(($(jq .xruns <<<"$2") - $(jq .xruns <<<"$1"))) $(($(jq .deadlineMisses <<<"$2") - $(jq .deadlineMisses <<<"$1"))) $(($(jq .blocks <<<"$2") - $(jq .blocks <<<"$1")))"
}

swapped_to() { # stats, swaps before, version
  [ "$(jq '.swaps | length' <<<"$1")" -gt "$2" ] && [ "$(jq -r '.swaps[-1].to' <<<"$1")" = "$3" ]
}

run_driver() { # driver
  local driver="$1" home="$work/home-$1" deploy="$work/deploy-$1"
  mkdir -p "$home" "$deploy"
  out="$work/$driver.out"
  err="$work/$driver.err"
  mkfifo "$work/$driver.in"
  PATCHWORK_HOME="$home" PATCHWORK_JVM_OPTS="-Dpatchwork.lifecycle.settleMillis=$settle ${PATCHWORK_JVM_OPTS:-}" \
    "$launcher" headless --deploy "$deploy" <"$work/$driver.in" >"$out" 2>"$err" &
  host_pid=$!
  exec 3>"$work/$driver.in"
  send "pw:modules"
  await_out "org.patchwork.examples.sine" 60
  place "$v1" "$deploy/gain.jar"
  local end=$((SECONDS + 30))
  until grep -q "deployed gain.jar" "$err"; do
    [ $SECONDS -lt $end ] || { echo "hotswap: gain.jar was not deployed" >&2; cat "$err" >&2; exit 1; }
    sleep 0.1
  done
  send "pw:play $work/project --driver '$driver' --block $period --background --seconds 86400"
  await_out "playing hotswap through" 60
  sleep 3

  local i jar version bundle line seen n placed changed w0 w1 t0 t1 length
  : >"$work/$driver.parts"
  : >"$work/$driver.swaps"
  : >"$work/$driver.anchor"
  for ((i = 1; i <= swaps; i++)); do
    if ((i % 2)); then jar="$v2"; version=1.1.0; bundle=1.1.0; else jar="$v1"; version=1.0.0; bundle="$v1_bundle"; fi
    line="updated gain.jar (org.patchwork.example-gain $bundle)"
    seen="$(grep -cF "$line" "$err" || true)"
    w1="$(stats)"
    n="$(jq '.swaps | length' <<<"$w1")"
    placed="$(now_ns)"
    place "$jar" "$deploy/gain.jar"
    end=$((SECONDS + 60))
    until [ "$(grep -cF "$line" "$err" || true)" -gt "$seen" ]; do
      [ $SECONDS -lt $end ] || { echo "hotswap: update $i to $version not reported" >&2; tail -n 20 "$err" >&2; exit 1; }
      sleep 0.02
    done
    sleep "$(awk -v s="$settle" 'BEGIN { printf "%.3f", (s - 300) / 1000 }')"
    w0="$(stats)"
    t0="$(now_ns)"
    w1="$w0"
    until swapped_to "$w1" "$n" "$version"; do
      [ $SECONDS -lt $end ] || { echo "hotswap: swap $i to $version not seen" >&2; tail -n 20 "$err" >&2; exit 1; }
      sleep 0.05
      w1="$(stats)"
    done
    t1="$(now_ns)"
    if [ "$(jq '.swaps | length' <<<"$w0")" -gt "$n" ]; then
      echo "hotswap: swap $i happened before its window opened; not counted" >&2
    else
      window "$w0" "$w1" >>"$work/$driver.swaps"
    fi
    # jar in place -> registry change; change -> taken, less the settle time
    jq -r --argjson placed "$placed" --argjson settle "$settle" \
      '.swaps[-1] | "\(.takeMillis) \(.prepareMillis) \(.fadeFrames) \(.fadeMillis) \(.time) \(.swapMillis) \(.blockMicros)"' <<<"$w1" \
      | while read -r take prepare fade_frames fade_ms time swap_ms block_us; do
          taken="$(date -d "$time" +%s%N)"
          echo "$(( (taken - placed) / 1000000 )) $take $prepare $fade_frames $fade_ms $swap_ms $block_us"
        done >>"$work/$driver.parts"
    # An anchor window as long as this one, polled the same way, with nothing happening.
    sleep 1
    length=$((t1 - t0))
    w0="$(stats)"
    t0="$(now_ns)"
    w1="$w0"
    while [ $(($(now_ns) - t0)) -lt "$length" ]; do
      sleep 0.05
      w1="$(stats)"
    done
    window "$w0" "$w1" >>"$work/$driver.anchor"
  done
  w1="$(stats)"
  send "pw:stop"
  send "exit"
  exec 3>&-
  wait "$host_pid" || true
  host_pid=""
  rm -f "$work/$driver.in"

  echo
  echo "== $driver driver, $(jq -r '.sampleRate' <<<"$w1") Hz, $(jq -r '.blockSize' <<<"$w1")-frame blocks:" \
    "$swaps bundle updates, $(jq '.swaps | length' <<<"$w1") swaps"
  # parts: e2e_ms(with SETTLE) take_ms prepare_ms fade_frames fade_ms swap_ms(first change -> taken) block_us
  sort -n -k2 "$work/$driver.parts" | awk '{a[NR] = $2} END {printf "settle over -> new instance taken: median %.1f ms, max %.1f ms", a[int((NR + 1) / 2)], a[NR]}'
  sort -n -k3 "$work/$driver.parts" | awk '{a[NR] = $3} END {printf "   (create + restore + activate: median %.1f ms, max %.1f ms)\n", a[int((NR + 1) / 2)], a[NR]}'
  awk -v s="$settle" '{print $1 - $6}' "$work/$driver.parts" | sort -n \
    | awk '{a[NR] = $1} END {printf "jar in place -> first registry change (deploy poll + bundle update): median %.0f ms, max %.0f ms\n", a[int((NR + 1) / 2)], a[NR]}'
  awk -v s="$settle" '{print $6 - s - $2}' "$work/$driver.parts" | sort -n \
    | awk '{a[NR] = $1} END {printf "first -> last registry change (update, then refresh): median %.0f ms, max %.0f ms\n", a[int((NR + 1) / 2)], a[NR]}'
  awk '{if ($4 > f) f = $4; if ($5 > m) m = $5} END {printf "crossfade: %d frames (%.1f ms)\n", f, m}' "$work/$driver.parts"
  sort -n -k7 "$work/$driver.parts" | awk -v p="$(jq -r '.blockSize' <<<"$w1")" '{a[NR] = $7}
    END {printf "audio thread, longest block while both instances ran: median %.0f us, max %.0f us (block period %.0f us)\n", a[int((NR + 1) / 2)], a[NR], p * 1e6 / 48000}'
  for kind in swaps anchor; do
    awk -v kind="$kind" '{x += $1; d += $2; b += $3; if ($1 == 0 && $2 == 0) clean++}
      END {printf "%-6s %2d windows, %6d blocks: xruns %d, deadline misses %d, windows with neither %d\n", kind, NR, b, x, d, clean}' \
      "$work/$driver.$kind"
  done
  echo "module faults: $(jq .moduleFaults <<<"$w1"); audio-thread bytes (steady-state window of $(jq .allocationWindowBlocks <<<"$w1") blocks): $(jq .audioThreadAllocatedBytes <<<"$w1")"
  echo "callback p50 / p99 / max: $(jq -r '"\(.callbackMicros.p50) / \(.callbackMicros.p99) / \(.callbackMicros.max) us"' <<<"$w1")"
}

echo "hotswap: $swaps updates of the example gain, blocks of $period frames, settle $settle ms for the windows"
echo "machine: $(nproc) cores, $(grep -m1 'model name' /proc/cpuinfo | sed 's/.*: //'), load $(cut -d' ' -f1-3 /proc/loadavg)"
for driver in $drivers; do
  case "$driver" in
    null) run_driver null ;;
    jack)
      if ! command -v jackd >/dev/null || ! command -v jack_wait >/dev/null; then
        echo; echo "== jack driver: skipped (jackd2 is not installed)"; continue
      fi
      export JACK_DEFAULT_SERVER="pwhotswap-$$" JACK_NO_AUDIO_RESERVATION=1
      jackd -n "$JACK_DEFAULT_SERVER" -r -d dummy -r 48000 -p "$period" >"$work/jackd.log" 2>&1 &
      jackd_pid=$!
      jack_wait -w -t 10 >/dev/null 2>&1 || { echo "hotswap: jackd did not start" >&2; cat "$work/jackd.log" >&2; exit 1; }
      run_driver jack
      kill "$jackd_pid" 2>/dev/null || true
      wait "$jackd_pid" 2>/dev/null || true
      jackd_pid=""
      ;;
    *) echo "hotswap: unknown driver $driver (null or jack)" >&2; exit 2 ;;
  esac
done
