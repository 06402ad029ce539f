"""Friendly tag names: the same rows (Album, Composer, Comment) for an MP3, a FLAC and an M4A
tagged the same way by their own containers, not TALB, `COMM:a_id/t_id:ENG` or ©alb."""

from __future__ import annotations

from mgc_desktop.gui.tag_fields import friendly_name, read_fields
from tests.conftest import music_signal, write_audio


def tagged_files(root):
    from mutagen.flac import FLAC
    from mutagen.id3 import COMM, ID3, TALB, TCOM, TIT2, TPE1, TRCK, TXXX
    from mutagen.mp4 import MP4

    x = music_signal(2.0, 22050)
    mp3 = write_audio("mp3", root / "song", x, 22050)
    id3 = ID3()
    id3.add(TIT2(encoding=3, text="Song"))
    id3.add(TPE1(encoding=3, text="Band"))
    id3.add(TALB(encoding=3, text="Record"))
    id3.add(TCOM(encoding=3, text="Writer"))
    id3.add(TRCK(encoding=3, text="3/12"))
    id3.add(COMM(encoding=3, lang="eng", desc="a_id/t_id", text="Nice one"))
    id3.add(TXXX(encoding=3, desc="MOOD", text="calm"))
    id3.save(str(mp3))
    flac = write_audio("flac", root / "song", x, 22050)
    f = FLAC(flac)
    f.update(
        {
            "title": "Song",
            "artist": "Band",
            "album": "Record",
            "composer": "Writer",
            "tracknumber": "3/12",
            "comment": "Nice one",
            "mood": "calm",
        }
    )
    f.save()
    m4a = write_audio("m4a_aac", root / "song", x, 22050)
    m = MP4(m4a)
    m.update(
        {
            "\xa9nam": ["Song"],
            "\xa9ART": ["Band"],
            "\xa9alb": ["Record"],
            "\xa9wrt": ["Writer"],
            "trkn": [(3, 12)],
            "\xa9cmt": ["Nice one"],
            "----:com.apple.iTunes:MOOD": [b"calm"],
        }
    )
    m.save()
    return mp3, flac, m4a


def test_the_same_tags_read_the_same_in_every_container(tmp_path):
    want = [
        ("Title", "Song"),
        ("Artist", "Band"),
        ("Album", "Record"),
        ("Track", "3/12"),
        ("Composer", "Writer"),
        ("Comment", "Nice one"),
    ]
    for path in tagged_files(tmp_path):
        fields = read_fields(str(path))
        got = [(f.name, f.value) for f in fields]
        assert got[: len(want)] == want, path.suffix
        extra = {f.name: f.value for f in fields[len(want) :]}
        assert extra.get("Mood", extra.get("MOOD")) == "calm", (path.suffix, extra)
        raw = " ".join(f.name for f in fields)
        for key in ("TALB", "COMM", "\xa9alb", "TXXX", "TSSE"):
            assert key not in raw, (path.suffix, raw)
        comment = next(f for f in fields if f.name == "Comment")
        assert comment.key != "Comment"  # the raw key stays available for the tooltip


def test_friendly_names_of_raw_keys():
    assert friendly_name("COMM:a_id/t_id:ENG") == "Comment"
    assert friendly_name("TXXX:REPLAYGAIN_TRACK_GAIN") == "REPLAYGAIN_TRACK_GAIN"
    assert friendly_name("WM/AlbumTitle") == "Album"
    assert friendly_name("albumartist") == "Album artist"
    assert friendly_name("----:com.apple.iTunes:composer") == "Composer"
