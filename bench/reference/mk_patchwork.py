#!/usr/bin/env python3
"""Write a Patchwork project (project.json) for the reference patch (README.md, REFERENCE.md):
N voices of Subtractive (PolyBLEP saw -> resonant TPT SVF low-pass, q 2 -> ADSR 10/100/0.7/500 ms),
cutoff 800 + 600*sin(2*pi*t*(0.2 + f/2000)), amplitude 0.5/N, gate off at SECONDS - 0.5, split
over TRACKS tracks (default 2, more when N > 256 per track) so the engine can render the tracks
in parallel. Voice i plays key 33 + i mod 48 (55 Hz * 2^((i mod 48)/12)) tuned by
1200*log2(1 + 0.0003 i) cents, the project format's per-note "cents".

usage: mk_patchwork.py N SECONDS [TRACKS] > project.json
"""
import json
import math
import sys

N = int(sys.argv[1]) if len(sys.argv) > 1 else 256
DUR = float(sys.argv[2]) if len(sys.argv) > 2 else 60.0
TRACKS = int(sys.argv[3]) if len(sys.argv) > 3 else 2
TRACKS = max(TRACKS, -(-N // 256))  # an instance plays at most 256 voices
per = [N // TRACKS + (1 if t < N % TRACKS else 0) for t in range(TRACKS)]

nodes, tracks, notes = [], [], []
for t in range(TRACKS):
    nodes.append({"id": f"synth{t}", "module": "org.patchwork.dsp.subtractive", "params": {
        "voices": max(1, per[t]), "wave": 0, "cutoff": 800, "resonance": 2,
        "lfo_rate": 0.2, "lfo_depth": 600, "lfo_keytrack": 1 / 2000,
        "attack": 10, "decay": 100, "sustain": 0.7, "release": 500,
        "gain": 0.5 / N}})
    # Centre pan is -3 dB per side (equal power); +3.0103 dB makes each side the mono sum.
    tracks.append({"id": f"voices{t}", "chain": [f"synth{t}"], "gainDb": 20 * math.log10(math.sqrt(2)), "pan": 0})
# Tempo 60: a beat is a second.
for i in range(N):
    notes.append({"track": f"voices{i % TRACKS}", "key": 33 + i % 48, "velocity": 1, "start": 0,
                  "length": DUR - 0.5, "cents": 1200 * math.log2(1 + 0.0003 * i)})
json.dump({"formatVersion": 1, "name": f"reference patch, {N} voices", "sampleRate": 48000, "tempo": 60,
           "nodes": nodes, "tracks": tracks, "notes": notes}, sys.stdout, indent=1)
print()
