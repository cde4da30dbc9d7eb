#!/usr/bin/env bash
# Aliasing of Patchwork's band-limited saw (org.patchwork.dsp.saw, 64-frame BLEP table) next to
# SuperCollider's Saw.ar, and of the saw frame of Patchwork's mip-mapped wavetable oscillator
# (org.patchwork.dsp.wavetable), all rendered offline at 48 kHz and measured by the same analysis
# (alias.py, the method of Patchwork's oscillator tests): the strongest component that is not a
# harmonic, in dB relative to the fundamental, over the whole band and below 10 kHz.
#
# Nominal 1, 2 and 4 kHz are measured at 48000/48.5, 48000/24.5 and 48000/12.5 Hz (989.7,
# 1959.2, 3840 Hz): at exactly 1, 2 or 4 kHz the period is a whole number of frames, so every
# alias lands exactly on a harmonic and cannot be told apart from it. 5 kHz (9.6 frames) already
# puts its aliases between the harmonics.
#
# usage: bench/quality/saw_alias.sh
# Environment: WORK (scratch folder, default a new temporary one, removed unless KEEP=1),
# SKIP_BUILD=1 (use bundles/dsp-oscillators/target/classes as it is).
set -euo pipefail

here="$(cd "$(dirname "$(readlink -f "${BASH_SOURCE[0]}")")" && pwd)"
root="$(cd "$here/../.." && pwd)"
# shellcheck source=../../.ci/lib.sh
. "$root/.ci/lib.sh"

NOMINAL=(1000 2000 4000 5000)
FREQS=(989.690721649484536 1959.18367346938776 3840 5000)
FRAMES=$((4800 + 65536))

command -v scsynth >/dev/null 2>&1 || pw_apt supercollider-server
command -v python3 >/dev/null 2>&1 || pw_apt python3
python3 -c 'import numpy' 2>/dev/null || pw_apt python3-numpy
pw_find_jdk
pw_find_maven

WORK="${WORK:-$(mktemp -d "${TMPDIR:-/tmp}/pw-saw-alias.XXXXXX")}"
mkdir -p "$WORK"
cleanup() { [ "${KEEP:-0}" = 1 ] || rm -rf "$WORK"; }
trap cleanup EXIT

mvn_() { mvn -B -q -ntp -o "$@" 2>/dev/null || mvn -B -q -ntp "$@"; }
pom="$root/bundles/dsp-oscillators/pom.xml"
if [ "${SKIP_BUILD:-0}" != 1 ]; then
  echo "Building bundles/dsp-oscillators (tests skipped) ..." >&2
  mvn_ -f "$pom" compile >&2
fi
mvn_ -f "$pom" dependency:build-classpath -Dmdep.includeScope=test -Dmdep.outputFile="$WORK/cp.txt" >&2
cp="$root/bundles/dsp-oscillators/target/classes:$(cat "$WORK/cp.txt")"

echo "Rendering Patchwork's saw and wavetable ..." >&2
java -cp "$cp" "$here/SawRender.java" "$WORK" "$FRAMES" "${FREQS[@]}"

echo "Rendering SuperCollider's Saw.ar (scsynth, non-real-time) ..." >&2
seconds=$(awk -v n="$FRAMES" 'BEGIN { printf "%.3f", n / 48000 + 0.1 }')
(cd "$WORK" && python3 "$here/mk_sc_saw.py" "$seconds" "${FREQS[@]}" \
  && scsynth -N score.osc _ sc.wav 48000 WAV float -o "${#FREQS[@]}" >scsynth.log 2>&1) \
  || { cat "$WORK/scsynth.log" >&2; echo "error: scsynth failed" >&2; exit 1; }

python3 "$here/alias.py" "$WORK" "${FREQS[@]}" > "$WORK/figures.txt"

echo
echo "Strongest alias of a sawtooth at 48 kHz, in dB relative to the fundamental"
echo "(whole band; below 10 kHz in brackets; where the strongest one lies)"
printf '  %-9s  %-11s  %-30s  %-30s  %s\n' "frequency" "measured at" "Patchwork saw (BLEP table)" \
  "SuperCollider Saw.ar" "Patchwork wavetable, saw frame"
i=0
while read -r f0 pw pw_at pw_low sc sc_at sc_low wt wt_at wt_low; do
  printf '  %-9s  %-11s  %-30s  %-30s  %s\n' "$((NOMINAL[i] / 1000)) kHz" "$(printf '%.1f Hz' "$f0")" \
    "$(printf '%6.1f (%6.1f) at %5.0f Hz' "$pw" "$pw_low" "$pw_at")" \
    "$(printf '%6.1f (%6.1f) at %5.0f Hz' "$sc" "$sc_low" "$sc_at")" \
    "$(printf '%6.1f (%6.1f) at %5.0f Hz' "$wt" "$wt_low" "$wt_at")"
  i=$((i + 1))
done < "$WORK/figures.txt"
