"""Synthesize the self-test's short sound: a few seconds of chords, bass and drums.

The self-test needs music-like audio that the project may ship without anyone's licence, so it
is made here from numpy alone, deterministically (fixed seed). It is written twice, FLAC
(libsndfile via soundfile) and Ogg Vorbis, so that the self-test exercises two decoders' worth of
containers and codecs. Run: `python packaging/make_selftest_sound.py [OUT_DIR]`.
"""

from __future__ import annotations

import sys
from pathlib import Path

import numpy as np

RATE = 22050  # not the model's 16 kHz on purpose: the self-test also exercises resampling
BPM = 120.0
BARS = 3  # 4/4 at 120 BPM: 6 s
NAME = "selftest"

# I - vi - IV - V in C major, one chord a bar (MIDI note numbers)
CHORDS = ((60, 64, 67), (57, 60, 64), (53, 57, 60), (55, 59, 62))


def _hz(note: int) -> float:
    return 440.0 * 2.0 ** ((note - 69) / 12.0)


def _envelope(n: int, attack_s: float, decay_s: float) -> np.ndarray:
    t = np.arange(n) / RATE
    env = np.minimum(1.0, t / max(attack_s, 1e-4)) * np.exp(-t / decay_s)
    return env.astype(np.float64)


def _tone(freq: float, n: int, harmonics: int = 4) -> np.ndarray:
    t = np.arange(n) / RATE
    out = np.zeros(n)
    for h in range(1, harmonics + 1):
        out += np.sin(2 * np.pi * freq * h * t) / h**1.5
    return out


def synthesize() -> np.ndarray:
    """(samples, 2) float32 stereo in [-1, 1]: pad chords left-ish, bass centre, drums."""
    rng = np.random.default_rng(8)
    beat = int(RATE * 60.0 / BPM)
    bar = 4 * beat
    total = BARS * bar
    left = np.zeros(total)
    right = np.zeros(total)
    for b in range(BARS):
        chord = CHORDS[b % len(CHORDS)]
        start = b * bar
        pad = sum(_tone(_hz(n), bar, 3) for n in chord) * _envelope(bar, 0.05, 1.5) * 0.12
        left[start : start + bar] += pad
        right[start : start + bar] += 0.6 * pad
        for q in range(4):  # bass on every beat: chord root two octaves down
            s = start + q * beat
            note = _tone(_hz(chord[0] - 24), beat, 5) * _envelope(beat, 0.005, 0.25) * 0.3
            left[s : s + beat] += note
            right[s : s + beat] += note
        for e in range(8):  # drums on eighth notes: kick 1 & 3, snare 2 & 4, hats between
            s = start + e * beat // 2
            n = beat // 2
            t = np.arange(n) / RATE
            if e % 4 == 0:
                hit = np.sin(2 * np.pi * (50 + 90 * np.exp(-t * 30)) * t) * np.exp(-t * 12) * 0.6
            elif e % 4 == 2:
                hit = rng.standard_normal(n) * np.exp(-t * 25) * 0.25
                hit += np.sin(2 * np.pi * 190 * t) * np.exp(-t * 20) * 0.2
            else:
                noise = rng.standard_normal(n)
                hit = np.diff(noise, prepend=0.0) * np.exp(-t * 80) * 0.06
            left[s : s + n] += hit
            right[s : s + n] += hit
    stereo = np.stack([left, right], axis=1)
    stereo *= 0.89 / np.max(np.abs(stereo))
    return stereo.astype(np.float32)


def write(out_dir: Path) -> list[Path]:
    """Write selftest.flac (mono) and selftest.ogg (stereo) into out_dir; returns their paths."""
    import soundfile as sf

    out_dir.mkdir(parents=True, exist_ok=True)
    audio = synthesize()
    flac = out_dir / f"{NAME}.flac"
    ogg = out_dir / f"{NAME}.ogg"
    # FLAC mono (lossless noise does not compress; keeps the file small), Vorbis stereo: the
    # self-test thereby covers both the mono and the down-mixing path.
    sf.write(flac, audio.mean(axis=1), RATE, format="FLAC", subtype="PCM_16", compression_level=1.0)
    sf.write(ogg, audio, RATE, format="OGG", subtype="VORBIS", compression_level=0.6)
    return [flac, ogg]


if __name__ == "__main__":
    target = Path(sys.argv[1]) if len(sys.argv) > 1 else Path(__file__).parents[1] / "resources"
    for path in write(target / "sounds" if len(sys.argv) <= 1 else target):
        print(f"{path}: {path.stat().st_size} bytes")
