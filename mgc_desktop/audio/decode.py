"""Any music file -> mono float32 excerpts at the model's sample rate.

PyAV carries its own FFmpeg, so every format decodes on a fresh machine with pip packages
only. Only the excerpts the classifier asks for are decoded (seek, then decode a few seconds),
so a two-hour file costs no more than a three-minute one. Down-mixing is a plain channel mean
and resampling is soxr, the same code path the live microphone uses.
"""

from __future__ import annotations

import itertools
import math
from collections.abc import Sequence
from dataclasses import dataclass
from pathlib import Path

import numpy as np
import soxr

# Decoded on both sides of an excerpt and trimmed after resampling, so that the resampler's
# edge transients never reach the features.
_MARGIN_S = 0.05
# Excerpts closer than this to the decoder's position are reached by decoding, not seeking.
_SEEK_MIN_GAP_S = 2.0
# A file whose declared length is unknown is read up to this point, no further.
MAX_UNKNOWN_LENGTH_S = 600.0


_PCM_CONTAINERS = ("wav", "aiff", "w64")


def _declared_pcm_seconds(path: Path) -> float | None:
    """The length a WAV/AIFF header declares, or None if it cannot be read."""
    try:
        import mutagen

        tagged = mutagen.File(str(path))
        return float(tagged.info.length) if tagged is not None else None
    except Exception:  # a header mutagen cannot parse: FFmpeg's view stands
        return None


class DecodeError(Exception):
    """A file could not be decoded. str() is a one-line reason meant for the user."""


@dataclass(frozen=True)
class AudioInfo:
    """What the container says about the first audio stream."""

    duration_s: float | None
    sample_rate: int
    channels: int
    codec: str
    container: str


def resample(samples: np.ndarray, rate_in: int, rate_out: int) -> np.ndarray:
    """Mono float32 resampling shared by file decoding and live capture."""
    if rate_in == rate_out:
        return np.ascontiguousarray(samples, dtype=np.float32)
    out = soxr.resample(np.ascontiguousarray(samples, dtype=np.float32), rate_in, rate_out, "HQ")
    return np.ascontiguousarray(out, dtype=np.float32)


def downmix(block: np.ndarray) -> np.ndarray:
    """(channels, samples) -> (samples,) by the channel mean."""
    return block.mean(axis=0, dtype=np.float32) if block.shape[0] > 1 else block[0]


def _check_readable(path: Path) -> None:
    try:
        st = path.stat()
    except FileNotFoundError:
        raise DecodeError("file not found") from None
    except PermissionError:
        raise DecodeError("permission denied") from None
    except OSError as exc:
        raise DecodeError(f"cannot read file: {exc.strerror or exc}") from None
    if not path.is_file():
        raise DecodeError("not a regular file")
    if st.st_size == 0:
        raise DecodeError("empty file (0 bytes)")
    try:
        with open(path, "rb") as f:
            f.read(1)
    except PermissionError:
        raise DecodeError("permission denied") from None
    except OSError as exc:
        raise DecodeError(f"cannot read file: {exc.strerror or exc}") from None


def _ffmpeg_reason(exc: Exception) -> str:
    """One line out of an FFmpeg/PyAV exception, without the file name it repeats."""
    if isinstance(exc, PermissionError):  # FFmpeg's generic -1 failure arrives as EPERM
        return "decoder error"
    text = getattr(exc, "strerror", None) or str(exc) or type(exc).__name__
    return " ".join(str(text).split())


class AudioFile:
    """An open container positioned somewhere in its first audio stream: open it once, read its
    header (`info`), plan from it, then decode excerpts. Use as a context manager."""

    def __init__(self, path: Path) -> None:
        import av  # imported here: keeps `mgc-desktop --help` fast

        _check_readable(path)
        self._path = path
        try:
            self._container = av.open(str(path), metadata_errors="ignore")
        except Exception as exc:  # FFmpeg raises many error types for foreign data
            raise DecodeError(f"not a readable audio file ({_ffmpeg_reason(exc)})") from None
        if not self._container.streams.audio:
            self._container.close()
            raise DecodeError("no audio stream in file (not an audio file?)")
        self._stream = self._container.streams.audio[0]
        ctx = self._stream.codec_context
        if not ctx.sample_rate:
            self._container.close()
            raise DecodeError("audio stream has no sample rate (corrupt header?)")
        self.info = AudioInfo(
            duration_s=self._duration(),
            sample_rate=int(ctx.sample_rate),
            channels=int(ctx.channels or 0),
            codec=ctx.name,
            container=self._container.format.name,
        )
        self._frames = None
        self._pending: tuple[int, np.ndarray] | None = None
        self._position_s = 0.0

    def _duration(self) -> float | None:
        stream = self._stream
        if stream.duration and stream.time_base:
            found = float(stream.duration * stream.time_base)
        elif self._container.duration:
            found = self._container.duration / 1_000_000
        else:
            return None
        if self._container.format.name in _PCM_CONTAINERS:
            # FFmpeg sizes PCM files by their bytes on disk; the header's own length is what
            # reveals a truncated copy (a streamed WAV's 0xFFFFFFFF length is ignored).
            declared = _declared_pcm_seconds(self._path)
            if declared and found < declared < 20 * found:
                return declared
        return found

    def close(self) -> None:
        self._container.close()

    def __enter__(self) -> AudioFile:
        return self

    def __exit__(self, *exc: object) -> None:
        self.close()

    def _seek(self, seconds: float) -> None:
        stream = self._stream
        if seconds <= 0:
            self._container.seek(0, stream=stream)
        else:
            self._container.seek(int(seconds / stream.time_base), stream=stream, backward=True)
        self._frames = None
        self._pending = None

    def _decode(self):
        """Yield (first sample index, (channels, n) raw block) from the current position.

        Blocks stay in the decoder's own sample format; conversion and down-mixing happen
        once per excerpt in `read`, not once per codec frame (thousands per track).
        Only the first frame's timestamp places the stream; after it, samples are counted,
        since some codecs (Vorbis) stamp frames with jittery timestamps."""
        rate = self.info.sample_rate
        tick = float(self._stream.time_base or 0) * rate
        clock = None
        for frame in self._container.decode(self._stream):
            if clock is None:
                if frame.pts is not None and tick:
                    clock = int(round(frame.pts * tick))
                else:
                    clock = int(round(self._position_s * rate))
            block = frame.to_ndarray()
            if not frame.format.is_planar:
                block = block.reshape(-1, len(frame.layout.channels)).T
            yield clock, block
            clock += block.shape[1]

    def read(self, start_s: float, length_s: float) -> np.ndarray:
        """Native-rate mono samples covering [start_s, start_s + length_s)."""
        rate = self.info.sample_rate
        first = int(round(start_s * rate))
        end = first + int(round(length_s * rate))
        try:
            if self._frames is None and start_s <= 0:
                self._frames = self._decode()  # a fresh container is already at the start
            elif self._frames is None or not (
                self._position_s <= start_s <= self._position_s + _SEEK_MIN_GAP_S
            ):
                self._seek(start_s)
                self._frames = self._decode()
        except Exception as exc:  # a seek into corrupt data
            raise DecodeError(f"cannot seek to {start_s:.1f} s ({_ffmpeg_reason(exc)})") from None
        pieces: list[np.ndarray] = []
        expected = None  # where the next piece must start for the output to stay contiguous
        blocks = itertools.chain([self._pending] if self._pending else [], self._frames)
        try:
            for block_first, block in blocks:
                self._pending = (block_first, block)
                block_end = block_first + block.shape[1]
                self._position_s = block_end / rate
                lo, hi = max(first, block_first, expected or first), min(end, block_end)
                if hi > lo:
                    if expected is None and lo > first:  # the seek landed late: pad silence
                        pieces.append(np.zeros((block.shape[0], lo - first), block.dtype))
                    pieces.append(block[:, lo - block_first : hi - block_first])
                    expected = hi
                if block_end >= end:
                    break
        except Exception as exc:  # corrupt packets surface as assorted FFmpeg errors
            raise DecodeError(
                f"corrupt or truncated audio after {start_s:.1f} s ({_ffmpeg_reason(exc)})"
            ) from None
        return _to_mono_float(pieces)

    def excerpts(self, excerpts: Sequence[tuple[float, float]], rate: int) -> list[np.ndarray]:
        """Decode (start_s, length_s) excerpts to mono float32 at `rate`, in the order given.

        Overlapping or nearby excerpts are decoded and resampled once as one span. An excerpt
        that runs past the end of the audio comes back shorter; callers that planned excerpts
        from the declared duration treat a large shortfall as truncation.
        """
        out: list[np.ndarray] = [np.zeros(0, dtype=np.float32)] * len(excerpts)
        # Spans start on instants that are whole samples at both rates, so every excerpt lands
        # on the same sample grid as a decode of the whole file would: features do not depend
        # on how the audio was cut.
        native_rate = self.info.sample_rate
        grid = math.gcd(native_rate, rate)
        for span_start, span_end, members in _spans(excerpts):
            first = math.floor(max(0.0, span_start - _MARGIN_S) * grid)
            decode_from = first / grid
            native = self.read(decode_from, span_end - decode_from + _MARGIN_S)
            samples = resample(native, native_rate, rate)
            offset = first * (rate // grid)
            for i in members:
                start, length = excerpts[i]
                lo = int(round(start * rate)) - offset
                out[i] = samples[lo : lo + int(round(length * rate))]
        return out


def _to_mono_float(pieces: list[np.ndarray]) -> np.ndarray:
    """Raw decoder blocks -> one mono float32 array (channel mean)."""
    if not pieces:
        return np.zeros(0, dtype=np.float32)
    if len({(p.shape[0], p.dtype) for p in pieces}) > 1:  # the stream changed layout midway
        pieces = [_to_mono_float([p])[None, :] for p in pieces]
    block = np.concatenate(pieces, axis=1) if len(pieces) > 1 else pieces[0]
    if block.dtype == np.uint8:
        block = (block.astype(np.float32) - 128.0) * (1.0 / 128)
    elif np.issubdtype(block.dtype, np.integer):
        block = block.astype(np.float32) * (1.0 / (np.iinfo(block.dtype).max + 1.0))
    else:
        block = _finite(block.astype(np.float32, copy=False))
    return downmix(block)


def _finite(block: np.ndarray) -> np.ndarray:
    """Float samples with inf/NaN (a damaged float file) set to silence: one bad sample would
    otherwise turn every feature, and so the prediction, into NaN."""
    if np.isfinite(block).all():
        return block
    return np.where(np.isfinite(block), block, np.float32(0.0))


def probe(path: str | Path) -> AudioInfo:
    """Read the container header only."""
    with AudioFile(Path(path)) as audio:
        return audio.info


def _spans(excerpts: Sequence[tuple[float, float]]) -> list[tuple[float, float, list[int]]]:
    """Group excerpts that overlap or nearly touch into (start, end, indices) decode spans."""
    spans: list[tuple[float, float, list[int]]] = []
    for i in sorted(range(len(excerpts)), key=lambda i: excerpts[i][0]):
        start, length = excerpts[i]
        if spans and start <= spans[-1][1] + _SEEK_MIN_GAP_S:
            lo, hi, members = spans[-1]
            spans[-1] = (lo, max(hi, start + length), members + [i])
        else:
            spans.append((start, start + length, [i]))
    return spans


def read_excerpts(
    path: str | Path, excerpts: Sequence[tuple[float, float]], rate: int
) -> tuple[AudioInfo, list[np.ndarray]]:
    """Open a file and decode excerpts of it (see `AudioFile.excerpts`)."""
    with AudioFile(Path(path)) as audio:
        return audio.info, audio.excerpts(excerpts, rate)


def read_all(path: str | Path, rate: int, max_seconds: float = MAX_UNKNOWN_LENGTH_S) -> np.ndarray:
    """The whole file (up to `max_seconds`) as mono float32 at `rate`: for short training clips."""
    _, (samples,) = read_excerpts(path, [(0.0, max_seconds)], rate)
    return samples
