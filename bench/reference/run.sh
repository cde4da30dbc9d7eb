#!/usr/bin/env bash
# Times the reference patch (README.md) in SuperCollider's scsynth, Csound (one thread and
# -j 2) and Patchwork's offline renderer, in one run on this machine, and prints each one's
# real-time factor (seconds of audio per second of wall clock, the whole process included)
# and Patchwork's ratio to each of the others. Then checks Patchwork's output is sane and
# compares its spectrum with scsynth's.
#
# usage: bench/reference/run.sh [N] [SECONDS]        (defaults: 256 voices, 60 s)
#
# Environment: PATCHWORK (the launcher, default distribution/target/patchwork/bin/patchwork,
# built when missing), PATCHWORK_THREADS (engine threads, default one per processor),
# TRACKS (tracks the voices are split over, default 2), WORK (scratch folder, default a new
# temporary one, removed at the end unless KEEP=1).
set -euo pipefail

N="${1:-256}"
SECONDS_="${2:-60}"
here="$(cd "$(dirname "$(readlink -f "${BASH_SOURCE[0]}")")" && pwd)"
root="$(cd "$here/../.." && pwd)"
# shellcheck source=../../.ci/lib.sh
. "$root/.ci/lib.sh"

case "$N" in ''|*[!0-9]*) echo "error: N must be a whole number of voices: $N" >&2; exit 2 ;; esac
if ! awk -v s="$SECONDS_" 'BEGIN { exit !(s + 0 > 0.5) }'; then
  echo "error: SECONDS must be a number above 0.5 (the gate closes 0.5 s before the end): $SECONDS_" >&2
  exit 2
fi

# (a) the other engines, from Debian, when missing (as root; otherwise say what to install).
command -v scsynth >/dev/null 2>&1 || pw_apt supercollider-server
command -v csound >/dev/null 2>&1 || pw_apt csound
command -v python3 >/dev/null 2>&1 || pw_apt python3

PATCHWORK="${PATCHWORK:-$root/distribution/target/patchwork/bin/patchwork}"
if [ ! -x "$PATCHWORK" ]; then
  echo "Building Patchwork (no $PATCHWORK yet)" >&2
  pw_find_jdk
  pw_find_maven
  (cd "$root" && mvn -B -q -ntp install -DskipTests -pl distribution -am) >&2
fi

WORK="${WORK:-$(mktemp -d "${TMPDIR:-/tmp}/pw-reference.XXXXXX")}"
mkdir -p "$WORK"
cleanup() { [ "${KEEP:-0}" = 1 ] || rm -rf "$WORK"; }
trap cleanup EXIT
cd "$WORK"

now() { date +%s%N; }
# Real-time factor from a wall-clock time in nanoseconds.
rtf() { awk -v s="$SECONDS_" -v ns="$1" 'BEGIN { printf "%.2f", s / (ns / 1e9) }'; }
secs() { awk -v ns="$1" 'BEGIN { printf "%.3f", ns / 1e9 }'; }
ratio() { awk -v a="$1" -v b="$2" 'BEGIN { printf "%.2f", a / b }'; }

# (b) SuperCollider: a SynthDef and an NRT score written without sclang.
python3 "$here/mk_sc_nrt.py" "$N" "$SECONDS_" >/dev/null
# (c) Csound: the reference .csd with this N and length.
sed -e "s|0.5/256|0.5/$N|" -e "s|^i 99 0 60 256|i 99 0 $SECONDS_ $N|" -e "s|-o saw256_cs.wav|-o cs.wav|" \
  "$here/saw256.csd" > saw.csd
grep -q "i 99 0 $SECONDS_ $N" saw.csd || { echo "error: could not adapt saw256.csd" >&2; exit 1; }
# (d) Patchwork: the same patch as a project, the voices split over tracks.
python3 "$here/mk_patchwork.py" "$N" "$SECONDS_" "${TRACKS:-2}" > project.json

threads="${PATCHWORK_THREADS:-$(nproc)}"
export PATCHWORK_JVM_OPTS="${PATCHWORK_JVM_OPTS:-} -Dpatchwork.render.threads=$threads"
# One short untimed run first: the launcher's class-data archive is rebuilt after the jars
# change, which is installation work, not rendering.
"$PATCHWORK" render project.json --out warm.wav --seconds 1 --format f32 >/dev/null

log() { printf '%s\n' "$*" >&2; }
log "reference patch: $N voices, $SECONDS_ s, 48 kHz mono; $(nproc) cores; work folder $WORK"

# (e) each engine, timed by wall clock around the whole process.
log "scsynth ..."
t0=$(now); scsynth -N score.osc _ sc.wav 48000 WAV float -o 1 >scsynth.log 2>&1; t1=$(now)
sc_ns=$((t1 - t0))
log "csound (1 thread) ..."
t0=$(now); csound -d -m0 -W -f -o cs.wav saw.csd >csound.log 2>&1; t1=$(now)
cs_ns=$((t1 - t0))
log "csound -j 2 ..."
t0=$(now); csound -j 2 -d -m0 -W -f -o cs2.wav saw.csd >csound2.log 2>&1; t1=$(now)
cs2_ns=$((t1 - t0))
log "patchwork ($threads engine threads) ..."
t0=$(now); "$PATCHWORK" render project.json --out pw.wav --format f32 --seconds "$SECONDS_" >patchwork.log 2>&1; t1=$(now)
pw_ns=$((t1 - t0))
pw_render="$(sed -n 's/.*, \([0-9.]*\)x real time.*/\1/p' patchwork.log | tail -n1)"
# The fixed cost inside Patchwork's figure: the same command rendering 10 ms.
t0=$(now); "$PATCHWORK" render project.json --out short.wav --format f32 --seconds 0.01 >/dev/null 2>&1; t1=$(now)
pw_start_ns=$((t1 - t0))

sc=$(rtf $sc_ns); cs=$(rtf $cs_ns); cs2=$(rtf $cs2_ns); pw=$(rtf $pw_ns)
echo
echo "Reference patch: $N voices, $SECONDS_ s at 48 kHz; $(nproc) cores ($(sed -n 's/^model name[^:]*: //p' /proc/cpuinfo | head -n1))"
printf '  %-34s %9s %14s\n' "engine" "wall s" "x real time"
printf '  %-34s %9s %13sx\n' "scsynth (NRT, 1 thread)" "$(secs $sc_ns)" "$sc"
printf '  %-34s %9s %13sx\n' "csound (1 thread)" "$(secs $cs_ns)" "$cs"
printf '  %-34s %9s %13sx\n' "csound -j 2" "$(secs $cs2_ns)" "$cs2"
printf '  %-34s %9s %13sx\n' "patchwork render ($threads threads)" "$(secs $pw_ns)" "$pw"
[ -n "$pw_render" ] && printf '  %-34s %9s %13sx\n' "  (patchwork, rendering alone)" "" "$pw_render"
printf '  %-34s %9s\n' "  (patchwork start-up: 10 ms render)" "$(secs $pw_start_ns)"
echo "Patchwork's real-time factor divided by the others' (the target is at least 5 each):"
met=1
for pair in "scsynth:$sc" "csound:$cs" "csound -j 2:$cs2"; do
  name="${pair%:*}"; value="${pair##*:}"
  r=$(ratio "$pw" "$value")
  verdict=$(awk -v r="$r" 'BEGIN { print (r >= 5 ? "met" : "not met") }')
  [ "$verdict" = met ] || met=0
  extra=""
  [ -n "$pw_render" ] && extra="   (rendering alone: $(ratio "$pw_render" "$value"))"
  printf '  vs %-14s %6s  %s%s\n' "$name" "$r" "$verdict" "$extra"
done
echo "Output check (channel 0; Patchwork first, scsynth is the reference for the spectrum):"
check=0
python3 "$here/compare.py" pw.wav sc.wav cs.wav || check=$?
if [ "$check" != 0 ]; then
  echo "FAILED: the output check did not pass (compare.py exit $check)" >&2
  exit 1
fi
[ "$met" = 1 ] && echo "Target met: Patchwork >= 5x each." || echo "Target not met in this run."
