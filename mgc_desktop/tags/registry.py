"""Choose the writer from what a file is (mutagen's header sniffing), not from its name alone.

mutagen raises much more than MutagenError on malformed input (IndexError, ValueError,
ZeroDivisionError, struct.error, EOFError...), so everything is turned into one TagError line.
"""

from __future__ import annotations

from pathlib import Path

import mutagen
from mutagen.aiff import AIFF
from mutagen.apev2 import APEv2File
from mutagen.asf import ASF
from mutagen.flac import FLAC
from mutagen.id3 import ID3FileType
from mutagen.monkeysaudio import MonkeysAudio
from mutagen.mp3 import MP3
from mutagen.mp4 import MP4
from mutagen.musepack import Musepack
from mutagen.oggflac import OggFLAC
from mutagen.oggopus import OggOpus
from mutagen.oggspeex import OggSpeex
from mutagen.oggtheora import OggTheora
from mutagen.oggvorbis import OggVorbis
from mutagen.wave import WAVE
from mutagen.wavpack import WavPack

from mgc_desktop.tags.apev2 import APEv2Writer
from mgc_desktop.tags.asf import ASFWriter
from mgc_desktop.tags.base import TagError, TagWriter, one_line
from mgc_desktop.tags.id3 import ID3Writer
from mgc_desktop.tags.mp4 import MP4Writer
from mgc_desktop.tags.vorbis import VorbisWriter

_SNIFF_TYPES = [
    MP3,
    FLAC,
    OggTheora,  # before OggVorbis, as in mutagen.File: a Theora-first Ogg is read as OggTheora
    OggVorbis,
    OggOpus,
    OggFLAC,
    OggSpeex,
    MP4,
    ASF,
    WAVE,
    AIFF,
    WavPack,
    MonkeysAudio,
    Musepack,
    APEv2File,  # last: any other file with an APEv2 tag at its end (AAC streams, for one)
]


def _writer_for_type(audio: object, id3_version: int) -> TagWriter:
    if isinstance(audio, MP3):
        return ID3Writer("mp3", id3_version)
    if isinstance(audio, WAVE):
        return ID3Writer("wav", id3_version)
    if isinstance(audio, AIFF):
        return ID3Writer("aiff", id3_version)
    for cls, name in (
        (FLAC, "flac"),
        (OggVorbis, "vorbis"),
        (OggOpus, "opus"),
        (OggFLAC, "oggflac"),
        (OggSpeex, "speex"),
        (OggTheora, "theora"),
    ):
        if isinstance(audio, cls):
            return VorbisWriter(cls, name)
    if isinstance(audio, MP4):
        return MP4Writer()
    if isinstance(audio, ASF):
        return ASFWriter()
    for cls, name in (
        (WavPack, "wavpack"),
        (MonkeysAudio, "ape"),
        (Musepack, "musepack"),
        (APEv2File, "apev2"),
    ):
        if isinstance(audio, cls):
            return APEv2Writer(cls, name)
    raise TagError(f"unsupported format ({type(audio).__name__})")


def _sniff_by_content(path: str) -> object | None:
    """Load the file as the type its header alone points to (a misnamed file)."""
    with open(path, "rb") as f:
        header = f.read(128)
        scored = sorted(
            ((k.score("", f, header), i, k) for i, k in enumerate(_SNIFF_TYPES)),
            key=lambda t: (-t[0], t[1]),
        )
    for score, _, kind in scored:
        if score <= 0:
            break
        try:
            return kind(path)
        except Exception:  # noqa: BLE001, S112 - try the next candidate
            continue
    return None


def writer_for(path: str | Path, *, id3_version: int = 4) -> TagWriter:
    """The writer for this file's real container; TagError if it is unreadable or unsupported.

    mutagen's guess (header and extension) comes first; when that fails to load, the header
    alone decides, so a FLAC file named .mp3 is still written as FLAC."""
    path = str(path)
    try:
        audio = mutagen.File(path, options=_SNIFF_TYPES)
    except OSError as exc:
        raise TagError(exc.strerror or one_line(exc)) from exc
    except Exception as exc:  # noqa: BLE001 - mutagen raises anything on broken files
        audio = _try(_sniff_by_content, path)
        if audio is None:
            raise TagError(f"malformed or truncated file ({one_line(exc)})") from exc
    if audio is None:
        audio = _try(_sniff_by_content, path)
    if audio is None:
        seen = _try(mutagen.File, path)
        if seen is not None:  # mutagen knows the kind, but no writer here handles it
            raise TagError(f"unsupported format ({type(seen).__name__}): no genre tag written")
        raise TagError("not a recognised audio file")
    writer = _writer_for_type(audio, id3_version)
    _check_generic_reader(path, writer)
    return writer


def _check_generic_reader(path: str, writer: TagWriter) -> None:
    """Refuse a file that `mutagen.File` (the reader other players use) takes for another kind
    than the writer's: a genre written there would not be seen. A misnamed file it cannot open
    passes (the sniffed type stands; verification reads it as that type)."""
    try:
        seen = mutagen.File(path)
    except Exception:  # noqa: BLE001 - mutagen.File failed: the sniffed type stands
        return
    if seen is None or writer.file_type is None or isinstance(seen, writer.file_type):
        return
    same_place = (writer.fmt == "id3/mp3" and isinstance(seen, ID3FileType)) or (
        writer.fmt.startswith("apev2/") and isinstance(seen, APEv2File)
    )  # a tag at the start (ID3) or the end (APEv2) is read there whatever the file type
    if not same_place:
        raise TagError(
            f"mutagen reads this file as {type(seen).__name__}, not {writer.file_type.__name__}"
            f"; a genre written to it would not be seen (a video stream, or a mixed container)"
        )


def _try(func, path: str):
    try:
        return func(path)
    except Exception:  # noqa: BLE001
        return None


def read_genres(path: str | Path) -> list[str]:
    """The file's genre values as stored (for the GUI and the library scanner)."""
    writer = writer_for(path)
    try:
        return writer.read_genres(Path(path))
    except TagError:
        raise
    except Exception as exc:  # noqa: BLE001
        raise TagError(f"cannot read tags ({one_line(exc)})") from exc
