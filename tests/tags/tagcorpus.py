"""Real audio files in every format the tag writers handle, made by real encoders and tagged
the way taggers in the wild tag them (cover art, ReplayGain, comments, custom fields, ID3v2.3
and v2.4, ID3v1 tails, unknown frames, original-release dates). Also the comparison helpers
the tests use: everything but the genre, and the decoded audio."""

from __future__ import annotations

import fractions
import shutil
import struct
import subprocess
from pathlib import Path

import av
import numpy as np
import soundfile as sf
from mutagen import id3
from mutagen.apev2 import APEv2
from mutagen.asf import ASF, ASFByteArrayAttribute
from mutagen.flac import FLAC, Picture
from mutagen.mp4 import MP4, MP4Cover, MP4FreeForm
from mutagen.oggopus import OggOpus
from mutagen.oggvorbis import OggVorbis

RATE = 44100
SECONDS = 1.2
# a real 1x1 PNG
PNG = bytes.fromhex(
    "89504e470d0a1a0a0000000d4948445200000001000000010806000000"
    "1f15c4890000000d49444154789c6360f8cfc0f01f0005000201"
    "e5270ede0000000049454e44ae426082"
)
GENRE_KEYS = {"TCON", "GENRE", "\xa9gen", "WM/Genre", "Genre"}


def _signal(seconds: float = SECONDS, rate: int = RATE) -> np.ndarray:
    t = np.arange(int(rate * seconds)) / rate
    left = 0.3 * np.sin(2 * np.pi * 440 * t) * np.exp(-t)
    right = 0.2 * np.sin(2 * np.pi * 660 * t)
    return np.stack([left, right]).astype(np.float32)


def _pyav(path: Path, fmt: str, codec: str, rate: int = RATE, bit_rate: int | None = None) -> None:
    data = _signal(rate=rate)
    with av.open(str(path), "w", format=fmt) as c:
        s = c.add_stream(codec, rate=rate, layout="stereo")
        if bit_rate:
            s.bit_rate = bit_rate
        n = 0
        for i in range(0, data.shape[1], 1024):
            block = data[:, i : i + 1024]
            arr = (block.T * 32767).astype(np.int16).reshape(1, -1)
            fr = av.AudioFrame.from_ndarray(arr, format="s16", layout="stereo")
            fr.sample_rate = rate
            fr.pts = n
            fr.time_base = fractions.Fraction(1, rate)
            n += fr.samples
            for p in s.encode(fr):
                c.mux(p)
        for p in s.encode(None):
            c.mux(p)


def encode(kind: str, path: Path, work: Path) -> Path:
    """Encode the test signal as `kind` with a real encoder."""
    wav = work / "_src.wav"
    if not wav.exists():
        sf.write(str(wav), _signal().T, RATE, subtype="PCM_16")
    if kind == "mp3":
        _pyav(path, "mp3", "libmp3lame", bit_rate=128000)
    elif kind == "flac":
        _pyav(path, "flac", "flac")
    elif kind == "ogg":
        sf.write(str(path), _signal().T, RATE, format="OGG", subtype="VORBIS")
    elif kind == "opus":
        _pyav(path, "opus", "libopus", rate=48000, bit_rate=96000)
    elif kind == "m4a":
        _pyav(path, "ipod", "aac", bit_rate=128000)
    elif kind == "wma":
        _pyav(path, "asf", "wmav2", bit_rate=128000)
    elif kind == "wv":
        _pyav(path, "wv", "wavpack")
    elif kind == "wav":
        shutil.copyfile(wav, path)
    elif kind == "aiff":
        sf.write(str(path), _signal().T, RATE, format="AIFF", subtype="PCM_16")
    elif kind == "ape":
        path.unlink(missing_ok=True)
        subprocess.run(
            ["jmac", "c2", str(wav), str(path)],
            check=True,
            capture_output=True,
            stdin=subprocess.DEVNULL,
            timeout=60,
        )
    elif kind == "mpc":
        subprocess.run(["mpcenc", "--silent", str(wav), str(path)], check=True, capture_output=True)
    else:
        raise ValueError(kind)
    return path


def _id3_frames(v23: bool, genre: list[str] | None) -> list:
    frames = [
        id3.TIT2(encoding=1 if v23 else 3, text=["Tëst Title"]),
        id3.TPE1(encoding=1 if v23 else 3, text=["Ärtist"]),
        id3.TALB(encoding=0, text=["Album"]),
        id3.TRCK(encoding=0, text=["3/12"]),
        id3.APIC(encoding=0, mime="image/png", type=3, desc="cover", data=PNG),
        id3.TXXX(encoding=0, desc="REPLAYGAIN_TRACK_GAIN", text=["-6.50 dB"]),
        id3.TXXX(encoding=0, desc="MY_CUSTOM", text=["custom value"]),
        id3.COMM(encoding=0, lang="eng", desc="", text=["a comment"]),
        id3.PRIV(owner="example.org", data=b"\x00\x01private"),
    ]
    if v23:
        frames += [
            id3.TYER(encoding=0, text=["1999"]),
            id3.TDAT(encoding=0, text=["0304"]),
            id3.TORY(encoding=0, text=["1987"]),
        ]
    else:
        frames += [
            id3.TDRC(encoding=3, text=["1999-03-04"]),
            id3.TDOR(encoding=3, text=["1987-05"]),
        ]
    if genre:
        frames.append(id3.TCON(encoding=0, text=genre if not v23 else ["; ".join(genre)]))
    return frames


def _unknown_frame(version: int) -> bytes:
    data = b"\x00opaque data of a frame nobody knows"
    size = struct.pack(">I", len(data))
    if version == 4:
        n = len(data)
        size = bytes([(n >> 21) & 0x7F, (n >> 14) & 0x7F, (n >> 7) & 0x7F, n & 0x7F])
    return b"XZYW" + size + b"\x00\x00" + data


def tag_id3(
    path: Path, cls: type, *, v23: bool, v1: bool = False, genre=None, unknown: bool = True
) -> None:
    tags = cls()
    for f in _id3_frames(v23, genre):
        tags.add(f)
    version = 3 if v23 else 4
    kw = {"v1": 2 if v1 else 0} if cls is id3.ID3 else {}
    tags.save(str(path), v2_version=version, v23_sep=None, **kw)
    if unknown:
        tags = cls(str(path), translate=False, load_v1=False)
        tags.unknown_frames.append(_unknown_frame(version))
        tags.save(str(path), v2_version=version, v23_sep=None, **({"v1": 1} if kw else {}))


def tag_vorbis(audio, genre=None) -> None:
    if audio.tags is None:
        audio.add_tags()
    t = audio.tags
    t["TITLE"] = "Tëst Title"
    t["ARTIST"] = "Ärtist"
    t["ALBUM"] = "Album"
    t["TRACKNUMBER"] = "3"
    t["REPLAYGAIN_TRACK_GAIN"] = "-6.50 dB"
    t["COMMENT"] = "a comment"
    t["MY_CUSTOM"] = "custom value"
    t["DATE"] = "1999-03-04"
    t["ORIGINALDATE"] = "1987"
    if genre:
        t["GENRE"] = genre
    pic = Picture()
    pic.type, pic.mime, pic.desc, pic.data = 3, "image/png", "cover", PNG
    pic.width = pic.height = 1
    pic.depth = 32
    if isinstance(audio, FLAC):
        audio.add_picture(pic)
    else:
        import base64

        t["METADATA_BLOCK_PICTURE"] = base64.b64encode(pic.write()).decode("ascii")
    t["ARTIST"] = ["Ärtist", "Second Artist"]
    audio.save()


def tag_mp4(path: Path, genre=None) -> None:
    a = MP4(str(path))
    if a.tags is None:
        a.add_tags()
    a["\xa9nam"] = "Tëst Title"
    a["\xa9ART"] = "Ärtist"
    a["\xa9alb"] = "Album"
    a["trkn"] = [(3, 12)]
    a["\xa9day"] = "1999-03-04"
    a["\xa9cmt"] = "a comment"
    a["covr"] = [MP4Cover(PNG, imageformat=MP4Cover.FORMAT_PNG)]
    a["----:com.apple.iTunes:replaygain_track_gain"] = [MP4FreeForm(b"-6.50 dB")]
    a["----:com.apple.iTunes:MY_CUSTOM"] = [MP4FreeForm(b"custom value")]
    if genre:
        a["\xa9gen"] = genre
    a.save()


def tag_asf(path: Path, genre=None) -> None:
    a = ASF(str(path))
    a["Title"] = "Tëst Title"
    a["Author"] = "Ärtist"
    a["WM/AlbumTitle"] = "Album"
    a["WM/TrackNumber"] = "3"
    a["Description"] = "a comment"
    a["REPLAYGAIN_TRACK_GAIN"] = "-6.50 dB"
    a["MY_CUSTOM"] = "custom value"
    pic = b"\x03" + struct.pack("<I", len(PNG)) + "image/png\0".encode("utf-16-le")
    pic += "cover\0".encode("utf-16-le") + PNG
    a["WM/Picture"] = [ASFByteArrayAttribute(pic)]
    if genre:
        a["WM/Genre"] = genre
    a.save()


def tag_ape(path: Path, genre=None) -> None:
    t = APEv2()
    t["Title"] = "Tëst Title"
    t["Artist"] = ["Ärtist", "Second Artist"]
    t["Album"] = "Album"
    t["Track"] = "3/12"
    t["Year"] = "1999"
    t["REPLAYGAIN_TRACK_GAIN"] = "-6.50 dB"
    t["Comment"] = "a comment"
    t["MY_CUSTOM"] = "custom value"
    from mutagen.apev2 import BINARY, APEValue

    t["Cover Art (Front)"] = APEValue(b"cover.png\x00" + PNG, BINARY)
    if genre:
        t["Genre"] = genre
    t.save(str(path))


# name -> (encoder kind, tagging)
SPECS: dict[str, tuple[str, str]] = {
    "v24.mp3": ("mp3", "id3v24"),
    "v23.mp3": ("mp3", "id3v23"),
    "v24_v1.mp3": ("mp3", "id3v24+v1"),
    "v23_v1.mp3": ("mp3", "id3v23+v1"),
    "genre_v23.mp3": ("mp3", "id3v23:Rock"),
    "multi_v24.mp3": ("mp3", "id3v24:Rock,Jazz"),
    "notag.mp3": ("mp3", "none"),
    "v1only.mp3": ("mp3", "v1only"),
    "a.flac": ("flac", "vorbis"),
    "genre.flac": ("flac", "vorbis:Pop/Funk"),
    "a.ogg": ("ogg", "vorbis"),
    "a.opus": ("opus", "vorbis"),
    "a.m4a": ("m4a", "mp4"),
    "notag.m4a": ("m4a", "none"),
    "a.wma": ("wma", "asf"),
    "a.wav": ("wav", "id3v24"),
    "notag.wav": ("wav", "none"),
    "a.aiff": ("aiff", "id3v23"),
    "notag.aiff": ("aiff", "none"),
    "a.wv": ("wv", "ape"),
    "notag.wv": ("wv", "none"),
    "a.ape": ("ape", "ape"),
    "a.mpc": ("mpc", "ape:Disco"),
}


def _genre(spec: str) -> list[str] | None:
    return spec.split(":", 1)[1].split(",") if ":" in spec else None


def build(dest: Path, names: list[str] | None = None) -> dict[str, Path]:
    """Make the corpus (or the named part of it) in `dest`."""
    dest.mkdir(parents=True, exist_ok=True)
    work = dest / "_work"
    work.mkdir(exist_ok=True)
    out = {}
    for name in names or list(SPECS):
        kind, tagging = SPECS[name]
        path = encode(kind, dest / name, work)
        base, genre = tagging.split(":")[0], _genre(tagging)
        if base.startswith("id3"):
            cls = {
                "mp3": id3.ID3,
                "wav": __import__("mutagen.wave").wave._WaveID3,
                "aiff": __import__("mutagen.aiff").aiff._IFFID3,
            }[kind]
            tag_id3(path, cls, v23=base.startswith("id3v23"), v1=base.endswith("+v1"), genre=genre)
        elif base == "v1only":
            tags = id3.ID3()
            for f in _id3_frames(False, None)[:4]:
                tags.add(f)
            tags.add(id3.TCON(encoding=0, text=["Blues"]))
            tags.save(str(path), v1=2)
            id3.ID3(str(path)).delete(str(path), delete_v1=False, delete_v2=True)
        elif base == "none" and kind == "mp3":
            id3.ID3(str(path)).delete(str(path))
        elif base == "none" and kind == "m4a":
            MP4(str(path)).delete()
        elif base == "vorbis":
            cls = {"flac": FLAC, "ogg": OggVorbis, "opus": OggOpus}[kind]
            tag_vorbis(cls(str(path)), genre)
        elif base == "mp4":
            tag_mp4(path, genre)
        elif base == "asf":
            tag_asf(path, genre)
        elif base == "ape":
            tag_ape(path, genre)
        out[name] = path
    shutil.rmtree(work)
    return out


def decoded(path: Path) -> bytes:
    """All decoded samples of the first audio stream, as bytes."""
    chunks = []
    with av.open(str(path), metadata_errors="ignore") as c:
        for frame in c.decode(audio=0):
            chunks.append(frame.to_ndarray().tobytes())
    return b"".join(chunks)


def other_tags(path: Path) -> dict:
    """Everything mutagen reads from the file except the genre, in comparable form."""
    import mutagen

    f = mutagen.File(str(path))
    snap: dict = {"type": type(f).__name__}
    if isinstance(f.tags, id3.ID3) or type(f).__name__ in ("MP3", "WAVE", "AIFF"):
        cls = {
            "MP3": id3.ID3,
            "WAVE": __import__("mutagen.wave").wave._WaveID3,
            "AIFF": __import__("mutagen.aiff").aiff._IFFID3,
        }[type(f).__name__]
        try:
            t = cls(str(path), translate=False, load_v1=False)
        except id3.ID3NoHeaderError:
            t = None
        if t is not None and [k for k in t if not k.startswith("TCON")] + t.unknown_frames:
            snap["version"] = t.version
            snap["frames"] = sorted(repr(fr) for k, fr in t.items() if fr.FrameID != "TCON")
            snap["unknown"] = list(t.unknown_frames)
        if type(f).__name__ == "MP3":
            with open(path, "rb") as fh:
                fh.seek(-128, 2)
                tail = fh.read()
            snap["v1"] = tail if tail[:3] == b"TAG" else None
    elif f.tags is not None:
        items = list(f.tags.items()) if not isinstance(f.tags, list) else list(f.tags)
        snap["tags"] = [
            (k, repr(v)) for k, v in items if k not in GENRE_KEYS and k.upper() != "GENRE"
        ]
    if isinstance(f, FLAC):
        snap["pictures"] = [(p.type, p.mime, p.data) for p in f.pictures]
    return snap


def genres(path: Path) -> list[str]:
    """The genre as a third party (mutagen's easy interface or raw keys) reads it."""
    import mutagen

    f = mutagen.File(str(path))
    name = type(f).__name__
    if name in ("MP3", "WAVE", "AIFF"):
        return list(f.tags["TCON"].genres) if f.tags and "TCON" in f.tags else []
    if name == "MP4":
        return list(f.tags.get("\xa9gen", [])) if f.tags else []
    if name == "ASF":
        return [str(v) for v in f.tags.get("WM/Genre", [])]
    if name in ("WavPack", "MonkeysAudio", "Musepack"):
        return list(f.tags["Genre"]) if f.tags and "Genre" in f.tags else []
    return list(f.tags.get("genre", [])) if f.tags else []
