#!/usr/bin/env python3
"""Write a SynthDef (SCgf v2) and an NRT OSC score for scsynth, without sclang, that render
SuperCollider's band-limited Saw.ar at each given frequency, one frequency per output channel.

SynthDef "saw": Out.ar(out, Saw.ar(freq)), controls freq and out.

usage: mk_sc_saw.py SECONDS FREQ [FREQ ...]     (writes saw.scsyndef and score.osc here)
"""
import struct
import sys

if len(sys.argv) < 3:
    raise SystemExit('usage: mk_sc_saw.py SECONDS FREQ [FREQ ...]')
DUR = float(sys.argv[1])
FREQS = [float(f) for f in sys.argv[2:]]


def pstr(s):
    b = s.encode()
    return struct.pack('>B', len(b)) + b


params = [('freq', 440.0), ('out', 0.0)]
# (name, rate, inputs, outputs, output rate, special index); rate 1 = control, 2 = audio.
# An input (u, o) is output o of ugen u.
ugens = [
    ('Control', 1, [], 2, 1, 0),              # 0: freq, out
    ('Saw', 2, [(0, 0)], 1, 2, 0),            # 1: Saw.ar(freq)
    ('Out', 2, [(0, 1), (1, 0)], 0, 2, 0),    # 2: Out.ar(out, saw)
]
d = pstr('saw') + struct.pack('>i', 0)
d += struct.pack('>i', len(params)) + b''.join(struct.pack('>f', v) for _, v in params)
d += struct.pack('>i', len(params)) + b''.join(pstr(n) + struct.pack('>i', i) for i, (n, _) in enumerate(params))
d += struct.pack('>i', len(ugens))
for name, rate, ins, nout, orate, special in ugens:
    d += pstr(name) + struct.pack('>biih', rate, len(ins), nout, special)
    d += b''.join(struct.pack('>ii', a, b) for a, b in ins)
    d += b''.join(struct.pack('>b', orate) for _ in range(nout))
d += struct.pack('>h', 0)  # no variants
synthdef = b'SCgf' + struct.pack('>ih', 2, 1) + d
with open('saw.scsyndef', 'wb') as f:
    f.write(synthdef)


def pad(b):
    return b + b'\0' * (4 - len(b) % 4)


def msg(addr, *args):
    tags, data = ',', b''
    for a in args:
        if isinstance(a, bytes):
            tags += 'b'
            data += struct.pack('>i', len(a)) + a + b'\0' * ((4 - len(a) % 4) % 4)
        elif isinstance(a, int):
            tags += 'i'
            data += struct.pack('>i', a)
        elif isinstance(a, float):
            tags += 'f'
            data += struct.pack('>f', a)
        else:
            tags += 's'
            data += pad(a.encode())
    return pad(addr.encode()) + pad(tags.encode()) + data


def bundle(t, msgs):
    tt = struct.pack('>II', int(t), int((t % 1) * 2**32))
    b = pad(b'#bundle') + tt + b''.join(struct.pack('>i', len(m)) + m for m in msgs)
    return struct.pack('>i', len(b)) + b


score = bundle(0.0, [msg('/d_recv', synthdef)])
score += bundle(0.0, [msg('/s_new', 'saw', 1000 + i, 0, 0, 'freq', f, 'out', float(i)) for i, f in enumerate(FREQS)])
score += bundle(DUR, [msg('/c_set', 0, 0.0)])  # the last command marks the end of the render
with open('score.osc', 'wb') as f:
    f.write(score)
