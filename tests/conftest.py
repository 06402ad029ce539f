"""Fixtures shared by the whole suite: real audio files written by real encoders, a small model
for tests that must not depend on the shipped one, and access to the shared labelled music."""

from __future__ import annotations

import os
import shutil
import subprocess
from collections.abc import Callable
from pathlib import Path

import numpy as np
import pytest

SHARED_DATA = Path(__file__).resolve().parents[1].parent / "shared" / "data"
SHIPPED_MODEL = Path(__file__).resolve().parents[1] / "resources" / "models" / "genre_cnn_lstm.onnx"


@pytest.fixture(autouse=True)
def _isolated_user_dirs(tmp_path_factory, monkeypatch):
    """No test reads or writes the real user's index, journal, cache or settings."""
    base = tmp_path_factory.mktemp("userdirs")
    monkeypatch.setenv("MGC_DESKTOP_DATA_DIR", str(base / "data"))
    monkeypatch.setenv("MGC_DESKTOP_CACHE_DIR", str(base / "cache"))
    monkeypatch.setenv("QT_QPA_PLATFORM", "offscreen")


def require_shared_data() -> Path:
    """The shared music, or a loud failure in CI (a silent skip there would hide a broken run)."""
    if SHARED_DATA.is_dir():
        return SHARED_DATA
    if os.environ.get("CI", "").lower() == "true":
        pytest.fail(f"CI=true but the shared music data is missing at {SHARED_DATA}")
    pytest.skip(f"shared music data not found at {SHARED_DATA}")


@pytest.fixture(scope="session")
def shared_data() -> Path:
    return require_shared_data()


def music_signal(seconds: float, rate: int, channels: int = 2, seed: int = 0) -> np.ndarray:
    """A few seconds of music-like sound (chords with harmonics, a bass line, noise drums),
    shape (samples, channels), float32 in [-1, 1]."""
    rng = np.random.default_rng(seed)
    n = int(seconds * rate)
    t = np.arange(n) / rate
    out = np.zeros(n)
    beat = 60 / 120
    chords = [(220.0, 277.2, 329.6), (196.0, 246.9, 293.7), (174.6, 220.0, 261.6)]
    for i, start in enumerate(np.arange(0, seconds, 4 * beat)):
        seg = (t >= start) & (t < start + 4 * beat)
        for f in chords[i % len(chords)]:
            for h in (1, 2, 3):
                out[seg] += 0.08 / h * np.sin(2 * np.pi * f * h * t[seg])
        out[seg] += 0.15 * np.sin(2 * np.pi * chords[i % len(chords)][0] / 2 * t[seg])
    # Drums: decaying bursts of many fixed partials (the same continuous signal at any rate;
    # partials above 90 % of Nyquist are left out so that nothing aliases).
    partials = rng.uniform(150, 7000, 80)
    phases = rng.uniform(0, 2 * np.pi, 80)
    partials, phases = partials[partials < 0.45 * rate], phases[partials < 0.45 * rate]
    for start in np.arange(0, seconds, beat / 2):
        k = int(round(start * rate))
        length = min(int(0.08 * rate), n - k)
        tt = np.arange(length) / rate
        burst = np.sin(2 * np.pi * partials[:, None] * tt[None, :] + phases[:, None]).sum(0)
        out[k : k + length] += 0.04 * np.exp(-tt / 0.015) * burst
    out *= 0.45  # a fixed gain, not peak normalisation: the same level at every rate
    stereo = [out * (1.0 - 0.2 * c) for c in range(channels)]
    return np.stack(stereo, axis=1).astype(np.float32)


def _encode_av(samples: np.ndarray, rate: int, path: Path, codec: str, fmt: str | None) -> None:
    """Encode with PyAV (FFmpeg's encoders), frame by frame."""
    import av

    if codec == "libopus" and rate not in (8000, 12000, 16000, 24000, 48000):
        from mgc_desktop.audio.decode import resample

        samples = np.stack([resample(c, rate, 48000) for c in samples.T], axis=1)
        rate = 48000
    layouts = {1: "mono", 2: "stereo", 6: "5.1"}
    layout = layouts[samples.shape[1]]
    with av.open(str(path), "w", format=fmt) as container:
        stream = container.add_stream(codec, rate=rate, layout=layout)
        if codec == "wmav2":
            stream.bit_rate = 128000
        ctx = stream.codec_context
        ctx.open()
        sample_fmt = ctx.format.name
        size = ctx.frame_size or 4096
        caps = av.codec.codec.Capabilities
        pad_tail = not (ctx.codec.capabilities & (caps.small_last_frame | caps.variable_frame_size))
        planar = np.ascontiguousarray(samples.T)
        pts = 0
        for i in range(0, planar.shape[1], size):
            block = planar[:, i : i + size]
            if pad_tail and block.shape[1] < size:  # strictly fixed-size codecs: pad the tail
                block = np.pad(block, ((0, 0), (0, size - block.shape[1])))
            if sample_fmt.startswith("s16"):
                data = (np.clip(block, -1, 1) * 32767).astype(np.int16)
                frame_fmt = "s16p" if sample_fmt.endswith("p") else "s16"
            elif sample_fmt.startswith("s32"):
                data = (np.clip(block, -1, 1) * 2147483647).astype(np.int32)
                frame_fmt = "s32p" if sample_fmt.endswith("p") else "s32"
            else:
                data, frame_fmt = block.astype(np.float32), "fltp"
            if not frame_fmt.endswith("p"):
                data = data.T.reshape(1, -1)
            frame = av.AudioFrame.from_ndarray(
                np.ascontiguousarray(data), format=frame_fmt, layout=layout
            )
            frame.sample_rate, frame.pts = rate, pts
            pts += block.shape[1]
            for packet in stream.encode(frame):
                container.mux(packet)
        for packet in stream.encode(None):
            container.mux(packet)


def _write_sf(samples: np.ndarray, rate: int, path: Path, fmt: str, subtype: str) -> None:
    """Encode with libsndfile in blocks (one huge MP3/OGG write can crash it)."""
    import soundfile as sf

    with sf.SoundFile(str(path), "w", rate, samples.shape[1], subtype, format=fmt) as f:
        for i in range(0, len(samples), 65536):
            f.write(samples[i : i + 65536])


def _external(cmd: list[str]) -> None:
    subprocess.run(cmd, check=True, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)


# name -> (suffix, writer(samples, rate, path))
ENCODERS: dict[str, tuple[str, Callable[[np.ndarray, int, Path], None]]] = {
    "wav_pcm16": (".wav", lambda x, r, p: _write_sf(x, r, p, "WAV", "PCM_16")),
    "wav_u8": (".wav", lambda x, r, p: _write_sf(x, r, p, "WAV", "PCM_U8")),
    "wav_pcm24": (".wav", lambda x, r, p: _write_sf(x, r, p, "WAV", "PCM_24")),
    "wav_pcm32": (".wav", lambda x, r, p: _write_sf(x, r, p, "WAV", "PCM_32")),
    "wav_float": (".wav", lambda x, r, p: _write_sf(x, r, p, "WAV", "FLOAT")),
    "aiff": (".aiff", lambda x, r, p: _write_sf(x, r, p, "AIFF", "PCM_16")),
    "flac": (".flac", lambda x, r, p: _write_sf(x, r, p, "FLAC", "PCM_16")),
    "ogg_vorbis": (".ogg", lambda x, r, p: _write_sf(x, r, p, "OGG", "VORBIS")),
    "mp3": (".mp3", lambda x, r, p: _encode_av(x, r, p, "libmp3lame", None)),
    "opus": (".opus", lambda x, r, p: _encode_av(x, r, p, "libopus", "opus")),
    "m4a_aac": (".m4a", lambda x, r, p: _encode_av(x, r, p, "aac", "ipod")),
    "m4a_alac": (".m4a", lambda x, r, p: _encode_av(x, r, p, "alac", "ipod")),
    "wma": (".wma", lambda x, r, p: _encode_av(x, r, p, "wmav2", "asf")),
    "wavpack": (".wv", lambda x, r, p: _encode_av(x, r, p, "wavpack", "wv")),
    "ape": (".ape", lambda x, r, p: _via_wav(x, r, p, ["jmac", "c2"])),
    "musepack": (".mpc", lambda x, r, p: _via_wav(x, r, p, ["mpcenc", "--silent"])),
}
LOSSLESS = {
    "wav_pcm16",
    "wav_pcm24",
    "wav_pcm32",
    "wav_float",
    "aiff",
    "flac",
    "m4a_alac",
    "wavpack",
    "ape",
}


def _via_wav(samples: np.ndarray, rate: int, path: Path, tool: list[str]) -> None:
    """Encoders that only exist as command-line tools (Monkey's Audio, Musepack)."""
    if shutil.which(tool[0]) is None:
        pytest.fail(f"encoder {tool[0]!r} missing: .ci/run installs it (see README)")
    wav = path.with_suffix(".src.wav")
    _write_sf(samples, rate, wav, "WAV", "PCM_16")
    if tool[0] == "jmac":
        _external(["jmac", "c2", str(wav), str(path)])
    else:
        _external([*tool, str(wav), str(path)])
    wav.unlink()


def write_audio(kind: str, path_stem: Path, samples: np.ndarray, rate: int) -> Path:
    """Write `samples` with the named real encoder; returns the file's path."""
    suffix, writer = ENCODERS[kind]
    path = path_stem.with_suffix(suffix)
    path.parent.mkdir(parents=True, exist_ok=True)
    writer(samples, rate, path)
    return path


@pytest.fixture(scope="session")
def tiny_model(tmp_path_factory) -> Path:
    """A small random-weight model in the shipped model's exact format: it tests the app's
    machinery, not its accuracy."""
    pytest.importorskip("torch")
    from training.tiny import export_random_model

    return export_random_model(tmp_path_factory.mktemp("model") / "tiny.onnx")
