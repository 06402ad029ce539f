"""Files of the failure classes found on a foreign corpus, built with real encoders or by hand,
and padding-free variants of the tag corpus (what encoders write before any tagger pads)."""

from __future__ import annotations

import fractions
import struct
from pathlib import Path

import av
import numpy as np
import tagcorpus
from mutagen.asf import ASF
from mutagen.id3 import ID3
from mutagen.mp4 import MP4
from mutagen.ogg import OggPage
from mutagen.oggopus import OggOpus
from mutagen.oggvorbis import OggVorbis


def _no_padding(info) -> int:
    return 0


def strip_flac_padding(path: Path) -> None:
    """Remove every PADDING block of a FLAC file (block headers parsed by hand)."""
    data = path.read_bytes()
    assert data[:4] == b"fLaC"
    pos, blocks = 4, []
    while True:
        last, kind = data[pos] & 0x80, data[pos] & 0x7F
        size = int.from_bytes(data[pos + 1 : pos + 4], "big")
        blocks.append((kind, data[pos + 4 : pos + 4 + size]))
        pos += 4 + size
        if last:
            break
    kept = [b for b in blocks if b[0] != 1]
    out = b"fLaC" + b"".join(
        bytes([k | (0x80 if i == len(kept) - 1 else 0)]) + len(d).to_bytes(3, "big") + d
        for i, (k, d) in enumerate(kept)
    )
    path.write_bytes(out + data[pos:])


def flac_block_types(path: Path) -> list[int]:
    """The metadata block types of a FLAC file, in order."""
    data = path.read_bytes()
    pos, kinds = 4, []
    while True:
        kinds.append(data[pos] & 0x7F)
        last = data[pos] & 0x80
        pos += 4 + int.from_bytes(data[pos + 1 : pos + 4], "big")
        if last:
            return kinds


def can_pad(name: str) -> bool:
    """Whether the corpus file `name` has a tag with padding (APEv2 has no padding at all)."""
    return not name.startswith(("notag", "v1only")) and not name.endswith((".wv", ".ape", ".mpc"))


def without_padding(path: Path) -> bool:
    """Rewrite the file's tag with no padding; False where the container has none to remove."""
    name = path.name
    if not can_pad(name):
        return False
    if name.endswith(".mp3"):
        t = ID3(str(path), translate=False, load_v1=False)
        t.save(str(path), v1=1, v2_version=t.version[1], v23_sep=None, padding=_no_padding)
        return True
    if name.endswith((".wav", ".aiff")):
        import mutagen

        f = mutagen.File(str(path))
        v = f.tags.version[1]
        f.tags.save(str(path), v2_version=v, v23_sep=None, padding=_no_padding)
        return True
    if name.endswith(".flac"):
        strip_flac_padding(path)
        return True
    for suffix, cls in ((".ogg", OggVorbis), (".opus", OggOpus), (".m4a", MP4), (".wma", ASF)):
        if name.endswith(suffix):
            cls(str(path)).save(padding=_no_padding)
            return True
    return False


def id3_frame(frame_id: bytes, payload: bytes) -> bytes:
    """A v2.4 frame (syncsafe size, no flags)."""
    n = len(payload)
    size = bytes([(n >> 21) & 0x7F, (n >> 14) & 0x7F, (n >> 7) & 0x7F, n & 0x7F])
    return frame_id + size + b"\x00\x00" + payload


def mp3_with_empty_frame(mp3_without_tag: bytes, padding: int) -> bytes:
    """An ID3v2.4 tag holding an empty TDRC (encoding byte only) between two frames."""
    frames = (
        id3_frame(b"TIT2", b"\x03Title")
        + id3_frame(b"TDRC", b"\x03")
        + id3_frame(b"TPE1", b"\x03Artist")
        + id3_frame(b"TXXX", b"\x03EMPTY\x00")
    )
    body = frames + bytes(padding)
    n = len(body)
    size = bytes([(n >> 21) & 0x7F, (n >> 14) & 0x7F, (n >> 7) & 0x7F, n & 0x7F])
    return b"ID3\x04\x00\x00" + size + body + mp3_without_tag


def wav_without_data_chunk(path: Path) -> None:
    """A RIFF/WAVE file with a fmt chunk and a LIST chunk but no data chunk."""
    fmt = struct.pack("<HHIIHH", 1, 2, 44100, 44100 * 4, 4, 16)
    info = b"INFOINAM" + struct.pack("<I", 6) + b"Title\x00"
    chunks = b"fmt " + struct.pack("<I", len(fmt)) + fmt
    chunks += b"LIST" + struct.pack("<I", len(info)) + info
    path.write_bytes(b"RIFF" + struct.pack("<I", 4 + len(chunks)) + b"WAVE" + chunks)


def wav_with_empty_data_chunk(path: Path) -> None:
    """A PCM WAV whose data chunk is empty (size 0) and last, as some recorders leave it."""
    fmt = struct.pack("<HHIIHH", 1, 2, 44100, 44100 * 4, 4, 16)
    chunks = b"fmt " + struct.pack("<I", len(fmt)) + fmt + b"data" + struct.pack("<I", 0)
    path.write_bytes(b"RIFF" + struct.pack("<I", 4 + len(chunks)) + b"WAVE" + chunks)


def streamed_wav(wav: bytes) -> bytes:
    """A real WAV as a streaming encoder leaves it: RIFF and data sizes unset (0xFFFFFFFF)."""
    pos = wav.index(b"data")
    return wav[:4] + b"\xff\xff\xff\xff" + wav[8:pos] + b"data\xff\xff\xff\xff" + wav[pos + 8 :]


def fragmented_m4a(path: Path, seconds: float = 3.0) -> None:
    """AAC in a fragmented MP4 (moov, then one moof+mdat per 0.5 s), muxed by FFmpeg."""
    _aac_mp4(path, seconds, {"movflags": "frag_keyframe", "frag_duration": "500000"})


def _theora_ident() -> bytes:
    return (
        b"\x80theora"
        + bytes([3, 2, 1])
        + struct.pack(">HH", 2, 2)  # frame size in macroblocks
        + (32).to_bytes(3, "big") * 2  # picture size
        + b"\x00\x00"  # picture offset
        + struct.pack(">II", 25, 1)  # frame rate
        + (1).to_bytes(3, "big") * 2  # pixel aspect
        + b"\x00"  # colour space
        + (0).to_bytes(3, "big")  # nominal bitrate
        + struct.pack(">H", 6 << 5)  # quality 0, keyframe granule shift 6
    )


def theora_plus_vorbis(vorbis_ogg: Path, out: Path) -> None:
    """An Ogg file multiplexing a Theora video stream (first) with a real Vorbis stream."""
    with open(vorbis_ogg, "rb") as f:
        vorbis = []
        while True:
            try:
                vorbis.append(OggPage(f))
            except EOFError:
                break
    serial = vorbis[0].serial + 1

    def page(packets, seq, position, first=False, last=False):
        p = OggPage()
        p.serial, p.sequence, p.position, p.packets = serial, seq, position, packets
        p.first, p.last = first, last
        return p

    comment = b"\x81theora" + struct.pack("<I", 6) + b"encode" + struct.pack("<I", 0)
    pages = [page([_theora_ident()], 0, 0, first=True), vorbis[0]]
    pages.append(page([comment, b"\x82theora" + bytes(20)], 1, 0))
    pages += vorbis[1:]
    pages.append(page([b"\x00" * 40], 2, 1 << 6, last=True))
    out.write_bytes(b"".join(p.write() for p in pages))


def m4a_with_quicktime_meta(path: Path, out: Path) -> None:
    """`path` (moov before mdat) with a QuickTime-style `meta` atom (no version field, as
    QuickTime writes it) right after `mvhd`; chunk offsets are shifted to match, so FFmpeg
    reads it. mutagen skips four bytes it expects there, misreads a child as 1.7 GB long and
    stops reading `moov` there: it never sees the tracks' chunk offset tables."""
    from mutagen.mp4 import Atoms

    data = bytearray(path.read_bytes())
    hdlr = b"hdlr" + bytes(8) + b"mdta" + bytes(13)
    meta = b"meta" + struct.pack(">I", 8 + len(hdlr)) + hdlr
    meta = struct.pack(">I", 4 + len(meta)) + meta
    with open(path, "rb") as f:
        atoms = Atoms(f)
    moov = atoms[b"moov"]
    assert moov.offset < atoms[b"mdat"].offset, "needs moov before mdat"
    for stco in moov.findall(b"stco", True):
        count = struct.unpack(">I", data[stco.offset + 12 : stco.offset + 16])[0]
        for i in range(count):
            at = stco.offset + 16 + 4 * i
            value = struct.unpack(">I", data[at : at + 4])[0]
            data[at : at + 4] = struct.pack(">I", value + len(meta))
    at = moov.children[0].offset + moov.children[0].length  # after mvhd, before the tracks
    data[moov.offset : moov.offset + 4] = struct.pack(">I", moov.length + len(meta))
    out.write_bytes(bytes(data[:at]) + meta + bytes(data[at:]))


def faststart_m4a(path: Path, seconds: float = 2.0) -> None:
    """AAC in an MP4 with `moov` before `mdat` (FFmpeg's faststart)."""
    _aac_mp4(path, seconds, {"movflags": "faststart"})


def _aac_mp4(path: Path, seconds: float, options: dict[str, str]) -> None:
    """Stereo AAC muxed by FFmpeg's MP4 muxer with the given muxer options."""
    rate = 44100
    data = tagcorpus._signal(seconds=seconds, rate=rate)
    with av.open(str(path), "w", format="mp4", options=options) as c:
        s = c.add_stream("aac", rate=rate, layout="stereo")
        s.bit_rate = 128000
        n = 0
        for i in range(0, data.shape[1], 1024):
            arr = (data[:, i : i + 1024].T * 32767).astype(np.int16).reshape(1, -1)
            fr = av.AudioFrame.from_ndarray(arr, format="s16", layout="stereo")
            fr.sample_rate, fr.pts, fr.time_base = rate, n, fractions.Fraction(1, rate)
            n += fr.samples
            for p in s.encode(fr):
                c.mux(p)
        for p in s.encode(None):
            c.mux(p)


def vorbis_comment(vendor: bytes, entries: list[bytes]) -> bytes:
    """A Vorbis comment as stored (no framing bit), built by hand."""
    out = struct.pack("<I", len(vendor)) + vendor + struct.pack("<I", len(entries))
    return out + b"".join(struct.pack("<I", len(e)) + e for e in entries)


def with_raw_vorbis_comment(path: Path, vendor: bytes, entries: list[bytes]) -> None:
    """Store exactly these comment bytes (entries mutagen cannot represent included) in a FLAC
    or Ogg file: mutagen's own save, handed the bytes instead of its rendering."""
    import mutagen

    audio = mutagen.File(str(path))
    comment = vorbis_comment(vendor, entries)
    framing = isinstance(audio, OggVorbis)  # the only codec whose comment ends with one
    audio.tags.write = lambda *a, **k: comment + (b"\x01" if framing else b"")
    audio.save()


def id3v24_tag(body: bytes, flags: int = 0) -> bytes:
    """An ID3v2.4 tag around `body` (extended header, frames and padding, as given)."""
    n = len(body)
    size = bytes([(n >> 21) & 0x7F, (n >> 14) & 0x7F, (n >> 7) & 0x7F, n & 0x7F])
    return b"ID3\x04\x00" + bytes([flags]) + size + body
