#!/usr/bin/env python3
"""Sanity and spectral check of the reference renders: reads WAV files (PCM 16/24/32 or float
32/64, plain or extensible), prints peak and RMS of each, fails if the first one (Patchwork's)
is silent or out of range, and compares the 1/3-octave band levels of the first second (after
the 10 ms attack) of every file with the second one (scsynth's). Uses numpy when present for
the spectrum, else prints levels only.

usage: compare.py PATCHWORK.wav REFERENCE.wav [MORE.wav ...]
"""
import math
import struct
import sys


def read_wav(path, seconds=None):
    with open(path, 'rb') as f:
        data = f.read()
    if data[:4] != b'RIFF' or data[8:12] != b'WAVE':
        raise SystemExit(f'{path}: not a WAV file')
    pos, fmt, frames = 12, None, None
    while pos + 8 <= len(data):
        cid, size = data[pos:pos + 4], struct.unpack('<I', data[pos + 4:pos + 8])[0]
        body = data[pos + 8:pos + 8 + size]
        if cid == b'fmt ':
            tag, channels, rate = struct.unpack('<HHI', body[:8])
            bits = struct.unpack('<H', body[14:16])[0]
            if tag == 0xFFFE:
                tag = struct.unpack('<H', body[24:26])[0]
            fmt = (tag, channels, rate, bits)
        elif cid == b'data':
            frames = body if size != 0xFFFFFFFF else data[pos + 8:]
        pos += 8 + size + (size & 1)
    tag, channels, rate, bits = fmt
    width = bits // 8
    n = len(frames) // (width * channels)
    if seconds is not None:
        n = min(n, int(seconds * rate))
    raw = frames[:n * width * channels]
    if tag == 3 and bits == 32:
        values = struct.unpack(f'<{n * channels}f', raw)
    elif tag == 3 and bits == 64:
        values = struct.unpack(f'<{n * channels}d', raw)
    elif tag == 1 and bits == 16:
        values = [v / 32768 for v in struct.unpack(f'<{n * channels}h', raw)]
    elif tag == 1 and bits == 24:
        values = [int.from_bytes(raw[i:i + 3], 'little', signed=True) / 8388608 for i in range(0, len(raw), 3)]
    elif tag == 1 and bits == 32:
        values = [v / 2147483648 for v in struct.unpack(f'<{n * channels}i', raw)]
    else:
        raise SystemExit(f'{path}: unsupported WAV format tag {tag}, {bits} bits')
    return rate, [values[i::channels] for i in range(channels)][0]  # channel 0


def levels(x):
    peak = max(abs(v) for v in x)
    rms = math.sqrt(sum(v * v for v in x) / max(1, len(x)))
    return peak, rms


def bands(x, rate):
    import numpy as np
    a = np.asarray(x[int(0.01 * rate):int(1.01 * rate)], dtype=float)
    spec = np.abs(np.fft.rfft(a * np.hanning(len(a)))) ** 2
    freqs = np.fft.rfftfreq(len(a), 1 / rate)
    out = []
    for k in range(-15, 12):  # 1/3 octaves from ~31 Hz to ~16 kHz around 1 kHz
        fc = 1000 * 2 ** (k / 3)
        sel = (freqs >= fc * 2 ** (-1 / 6)) & (freqs < fc * 2 ** (1 / 6))
        out.append((fc, 10 * math.log10(spec[sel].sum() + 1e-30)))
    return out


def main():
    files = sys.argv[1:]
    if len(files) < 2:
        raise SystemExit(__doc__)
    full = {}
    ok = True
    for i, f in enumerate(files):
        rate, x = read_wav(f)
        full[f] = (rate, x)
        peak, rms = levels(x)
        print(f'  {f.split("/")[-1]:<22} {len(x) / rate:6.2f} s  peak {peak:.4f} ({20 * math.log10(max(peak, 1e-12)):6.1f} dBFS)'
              f'  RMS {rms:.5f} ({20 * math.log10(max(rms, 1e-12)):6.1f} dBFS)')
        if i == 0:
            # The patch sums 256 voices of 0.5/256 through a q=2 low-pass: roughly -30..-6 dBFS.
            if not (0.02 <= peak <= 1.0) or rms < 0.003:
                print('  SANITY: FAILED (expected peak within 0.02..1.0 and RMS above 0.003)')
                ok = False
            else:
                print('  sanity: Patchwork output is in range (peak 0.02..1.0, RMS > 0.003)')
    try:
        import numpy  # noqa: F401
    except ImportError:
        print('  (numpy not installed: no spectral comparison)')
        return 0 if ok else 1
    ref_rate, ref = full[files[1]]
    ref_bands = bands(ref, ref_rate)
    names = [f.split('/')[-1] for f in files]
    print('  1/3-octave band levels of the first second, dB relative to ' + names[1] + ' (bands within 40 dB of its loudest):')
    top = max(level for _, level in ref_bands)
    header = '    band Hz  ' + ''.join(f'{n[:14]:>16}' for n in names)
    print(header)
    worst = {}
    diffs = {}
    rows = []
    others = [(n, bands(full[f][1], full[f][0])) for n, f in zip(names, files)]
    for k, (fc, rl) in enumerate(ref_bands):
        if rl < top - 40:
            continue
        row = f'    {fc:7.0f}  '
        for n, b in others:
            d = b[k][1] - rl
            row += f'{d:16.1f}'
            worst[n] = max(worst.get(n, 0), abs(d))
            diffs.setdefault(n, []).append(d)
        rows.append(row)
    print('\n'.join(rows))
    print('  largest band difference vs ' + names[1] + ': ' + ', '.join(f'{n} {worst[n]:.1f} dB' for n in names if n != names[1]))
    # A constant offset is a level difference (the engines scale the saw differently); what is
    # left after taking the median offset out is the difference in spectral shape.
    shape = []
    for n in names[:1] + names[2:]:
        d = sorted(diffs[n])
        median = d[len(d) // 2]
        shape.append(f'{n}: level {median:+.1f} dB, shape within {max(abs(x - median) for x in d):.1f} dB')
    print('  spectral shape vs ' + names[1] + ' (after the median level offset): ' + '; '.join(shape))
    return 0 if ok else 1


if __name__ == '__main__':
    sys.exit(main())
