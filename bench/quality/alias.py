#!/usr/bin/env python3
"""Strongest alias of a sawtooth relative to its fundamental, measured the way Patchwork's
oscillator tests do (Spectrum.java in bundles/dsp-oscillators): 65 536 frames from frame 4800,
4-term Blackman-Harris window (side lobes below -92 dB), power spectrum; every bin within 10
bins of a harmonic below Nyquist (and of DC) is excluded; the strongest remaining bin's main
lobe (+-5 bins) over the fundamental's lobe, in dB, over the whole band and below 10 kHz.

usage: alias.py FOLDER FREQ [FREQ ...]
  reads FOLDER/pw_<i>.f32 (raw float32, Patchwork's saw), FOLDER/wt_<i>.f32 (Patchwork's
  wavetable, saw frame) and channel i of FOLDER/sc.wav (scsynth); prints one line per frequency:
  f0, then for each source: whole-band dB, its frequency, below-10-kHz dB
"""
import struct
import sys

import numpy as np

RATE = 48000
SIZE = 1 << 16
START = 4800
LOBE = 5
GUARD = 10


def read_wav_float(path):
    data = open(path, 'rb').read()
    if data[:4] != b'RIFF' or data[8:12] != b'WAVE':
        raise SystemExit(f'{path}: not a WAV file')
    pos, fmt, body = 12, None, None
    while pos + 8 <= len(data):
        cid, size = data[pos:pos + 4], struct.unpack('<I', data[pos + 4:pos + 8])[0]
        chunk = data[pos + 8:pos + 8 + size]
        if cid == b'fmt ':
            tag, channels, rate = struct.unpack('<HHI', chunk[:8])
            bits = struct.unpack('<H', chunk[14:16])[0]
            if tag == 0xFFFE:
                tag = struct.unpack('<H', chunk[24:26])[0]
            fmt = (tag, channels, rate, bits)
        elif cid == b'data':
            body = chunk
        pos += 8 + size + (size & 1)
    tag, channels, rate, bits = fmt
    if tag != 3 or bits != 32 or rate != RATE:
        raise SystemExit(f'{path}: expected 32-bit float at {RATE} Hz, got format {tag}/{bits} bit at {rate} Hz')
    return np.frombuffer(body[:len(body) // (4 * channels) * 4 * channels], dtype='<f4').reshape(-1, channels)


def power(signal):
    x = signal[START:START + SIZE].astype(np.float64)
    if len(x) < SIZE:
        raise SystemExit(f'render too short: {len(x) + START} frames, need {START + SIZE}')
    t = 2 * np.pi * np.arange(SIZE) / (SIZE - 1)
    w = 0.35875 - 0.48829 * np.cos(t) + 0.14128 * np.cos(2 * t) - 0.01168 * np.cos(3 * t)
    return np.abs(np.fft.rfft(x * w)) ** 2


def lobe(p, centre):
    return p[max(0, centre - LOBE):min(len(p), centre + LOBE + 1)].sum()


def component(p, hz):
    centre = int(round(hz * SIZE / RATE))
    lo, hi = max(1, centre - 2), min(len(p) - 1, centre + 2)
    best = lo + int(np.argmax(p[lo:hi + 1]))
    return lobe(p, best)


def strongest_alias_db(p, f0, below=RATE / 2):
    bin_hz = RATE / SIZE
    harmonic = np.zeros(len(p), dtype=bool)
    harmonic[:GUARD + 1] = True
    h = f0
    while h < RATE / 2:
        c = int(round(h / bin_hz))
        harmonic[max(0, c - GUARD):min(len(p), c + GUARD + 1)] = True
        h += f0
    limit = min(len(p), int(np.ceil(below / bin_hz)))
    candidates = np.where(~harmonic[:limit])[0]
    best = candidates[int(np.argmax(p[candidates]))]
    return 10 * np.log10(lobe(p, best) / component(p, f0)), best * bin_hz


def main():
    if len(sys.argv) < 3:
        raise SystemExit(__doc__)
    folder, freqs = sys.argv[1], [float(f) for f in sys.argv[2:]]
    sc = read_wav_float(f'{folder}/sc.wav')
    rows = []
    for i, f0 in enumerate(freqs):
        pw = np.fromfile(f'{folder}/pw_{i}.f32', dtype='<f4')
        wt = np.fromfile(f'{folder}/wt_{i}.f32', dtype='<f4')
        row = [f0]
        for signal in (pw, sc[:, i], wt):
            p = power(signal)
            whole, at = strongest_alias_db(p, f0)
            low, _ = strongest_alias_db(p, f0, 10000)
            row += [whole, at, low]
        rows.append(row)
    return rows


if __name__ == '__main__':
    for r in main():
        print(' '.join(f'{v:.6g}' for v in r))
