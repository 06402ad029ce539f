"""A file's tags under the names people know (Album, Composer, Comment), not the container's
keys (TALB, `COMM:a_id/t_id:ENG`, ©alb, WM/AlbumTitle), for the detail pane. Qt-free.

The names follow MusicBrainz Picard's: one friendly name per field whatever the container, so an
MP3 and a FLAC of the same album show the same rows.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any

GENRE = "Genre"

# Well-known fields, in the order the pane lists them; anything else follows alphabetically.
ORDER = (
    "Title",
    "Artist",
    "Album",
    "Album artist",
    "Track",
    "Disc",
    "Date",
    GENRE,
    "Composer",
    "Conductor",
    "Lyricist",
    "Performer",
    "Label",
    "BPM",
    "Key",
    "Grouping",
    "Comment",
    "Copyright",
    "Encoded by",
    "Encoder",
    "ISRC",
    "Lyrics",
)

_ID3 = {
    "TIT2": "Title",
    "TIT1": "Grouping",
    "TIT3": "Subtitle",
    "TPE1": "Artist",
    "TPE2": "Album artist",
    "TPE3": "Conductor",
    "TPE4": "Remixer",
    "TALB": "Album",
    "TRCK": "Track",
    "TPOS": "Disc",
    "TDRC": "Date",
    "TYER": "Date",
    "TDOR": "Original date",
    "TDRL": "Release date",
    "TDTG": "Tagging date",
    "TOPE": "Original artist",
    "TOAL": "Original album",
    "TMOO": "Mood",
    "TLEN": "Length (ms)",
    "TOWN": "Owner",
    "TORY": "Original date",
    "TCON": GENRE,
    "TCOM": "Composer",
    "TEXT": "Lyricist",
    "TPUB": "Label",
    "TBPM": "BPM",
    "TKEY": "Key",
    "TCOP": "Copyright",
    "TENC": "Encoded by",
    "TSSE": "Encoder",
    "TSRC": "ISRC",
    "TLAN": "Language",
    "TMED": "Media",
    "TSOP": "Artist sort order",
    "TSOA": "Album sort order",
    "TSO2": "Album artist sort order",
    "TCMP": "Compilation",
    "COMM": "Comment",
    "USLT": "Lyrics",
    "WOAR": "Artist website",
}
_VORBIS = {  # Vorbis comments, APEv2 and most free-form keys (compared case-insensitively)
    "title": "Title",
    "artist": "Artist",
    "album": "Album",
    "albumartist": "Album artist",
    "album artist": "Album artist",
    "tracknumber": "Track",
    "track": "Track",
    "discnumber": "Disc",
    "disc": "Disc",
    "date": "Date",
    "year": "Date",
    "originaldate": "Original date",
    "genre": GENRE,
    "composer": "Composer",
    "conductor": "Conductor",
    "lyricist": "Lyricist",
    "performer": "Performer",
    "label": "Label",
    "organization": "Label",
    "publisher": "Label",
    "bpm": "BPM",
    "initialkey": "Key",
    "grouping": "Grouping",
    "comment": "Comment",
    "description": "Comment",
    "copyright": "Copyright",
    "encodedby": "Encoded by",
    "encoder": "Encoder",
    "isrc": "ISRC",
    "lyrics": "Lyrics",
    "unsyncedlyrics": "Lyrics",
    "language": "Language",
    "media": "Media",
    "compilation": "Compilation",
    "artistsort": "Artist sort order",
    "albumsort": "Album sort order",
}
_MP4 = {
    "\xa9nam": "Title",
    "\xa9ART": "Artist",
    "aART": "Album artist",
    "\xa9alb": "Album",
    "trkn": "Track",
    "disk": "Disc",
    "\xa9day": "Date",
    "\xa9gen": GENRE,
    "gnre": GENRE,
    "\xa9wrt": "Composer",
    "\xa9cmt": "Comment",
    "\xa9grp": "Grouping",
    "\xa9lyr": "Lyrics",
    "\xa9too": "Encoder",
    "cprt": "Copyright",
    "tmpo": "BPM",
    "cpil": "Compilation",
    "soar": "Artist sort order",
    "soal": "Album sort order",
}
_ASF = {
    "Title": "Title",
    "Author": "Artist",
    "WM/AlbumTitle": "Album",
    "WM/AlbumArtist": "Album artist",
    "WM/TrackNumber": "Track",
    "WM/PartOfSet": "Disc",
    "WM/Year": "Date",
    "WM/Genre": GENRE,
    "WM/Composer": "Composer",
    "WM/Conductor": "Conductor",
    "WM/Writer": "Lyricist",
    "WM/Publisher": "Label",
    "WM/BeatsPerMinute": "BPM",
    "WM/InitialKey": "Key",
    "Description": "Comment",
    "Copyright": "Copyright",
    "WM/EncodedBy": "Encoded by",
    "WM/ISRC": "ISRC",
    "WM/Lyrics": "Lyrics",
}
_SKIP = ("APIC", "covr", "PRIV", "GEOB", "MCDI", "UFID", "metadata_block_picture", "WM/Picture")
MAX_VALUE = 300  # longer values (embedded cue sheets, logs) are not worth a table row


@dataclass(frozen=True)
class TagField:
    """One row of the pane: the friendly name, the value as text, and the raw key (tooltip)."""

    name: str
    value: str
    key: str


def friendly_name(key: str) -> str:
    """The name a person knows for a container's key."""
    if key in _ASF:
        return _ASF[key]
    if key in _MP4:
        return _MP4[key]
    frame, _, rest = key.partition(":")
    if frame in ("TXXX", "----") and rest:  # ID3 user text, MP4 free-form: their description
        desc = rest.rsplit(":", 1)[-1] if frame == "----" else rest
        return _VORBIS.get(desc.casefold(), desc)
    if frame in _ID3 and (len(frame) == 4 and frame.isupper()):
        return _ID3[frame]
    return _VORBIS.get(key.casefold(), key[:1].upper() + key[1:].lower())


def _text(value: Any) -> str:
    if isinstance(value, tuple) and len(value) == 2 and all(isinstance(v, int) for v in value):
        n, total = value  # MP4 trkn/disk
        return f"{n}/{total}" if total else str(n)
    if isinstance(value, (list, tuple)):
        return "; ".join(p for p in map(_text, value) if p)
    text = getattr(value, "text", value)
    if isinstance(text, (list, tuple)):
        return "; ".join(str(getattr(t, "value", t)) for t in text)
    if isinstance(text, bytes):
        return text.decode("utf-8", "replace")
    return str(getattr(text, "value", text))


def read_fields(path: str) -> list[TagField]:
    """Every short text tag of a file under its friendly name, well-known fields first."""
    import mutagen

    audio = mutagen.File(path)
    tags = getattr(audio, "tags", None)
    if not tags:
        return []
    fields: dict[str, TagField] = {}
    for key in sorted(tags.keys(), key=str):
        if str(key).startswith(_SKIP):
            continue
        try:
            value = tags[key]
        except (KeyError, ValueError):
            continue
        text = " ".join(_text(value).split()) if "lyrics" not in str(key).lower() else _text(value)
        text = text.strip()
        if not text or len(text) > MAX_VALUE:
            continue
        name = friendly_name(str(key))
        if name in fields:  # the same field twice (TYER and TDRC, two comments): keep both
            old = fields[name]
            if text != old.value:
                fields[name] = TagField(name, f"{old.value}; {text}", f"{old.key}, {key}")
            continue
        fields[name] = TagField(name, text, str(key))
    rank = {n: i for i, n in enumerate(ORDER)}
    return sorted(fields.values(), key=lambda f: (rank.get(f.name, len(ORDER)), f.name))
