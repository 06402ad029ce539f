"""Album consistency: one genre per album from the summed probabilities of its tracks."""

from __future__ import annotations

import json

from mgc_desktop.cli import main
from mgc_desktop.library.albums import album_genres, album_key, genre_by_track
from mgc_desktop.library.index import StoredPrediction, Track
from mgc_desktop.library.scanner import scan


def _track(path, folder, probs, album=None, albumartist=None) -> Track:
    pred = None
    if probs is not None:
        best = max(probs, key=probs.get) if probs else None
        pred = StoredPrediction(
            "m", best, probs.get(best, 0.0) if best else 0.0, False, probs, 1, 2.0, "", 0.0
        )
    return Track(path, 1, 1, "flac", 2.0, None, None, album, albumartist, None, (), folder, pred)


def test_summed_probabilities_outvote_the_odd_track():
    tracks = [
        # one very confident outlier (rock) against three moderately jazzy tracks
        _track("/m/a/1.flac", "/m/a", {"rock": 0.9, "jazz": 0.1}, "Blue", "Quartet"),
        _track("/m/a/2.flac", "/m/a", {"rock": 0.4, "jazz": 0.6}, "Blue", "Quartet"),
        _track("/m/b/3.flac", "/m/b", {"rock": 0.3, "jazz": 0.7}, "blue ", "QUARTET"),  # disc 2
        _track("/m/b/4.flac", "/m/b", {"rock": 0.35, "jazz": 0.65}, "Blue", "Quartet"),
        _track("/m/b/5.flac", "/m/b", {}, "Blue", "Quartet"),  # silent: no vote
        _track("/m/c/x.flac", "/m/c", {"pop": 1.0}),  # untagged: its folder is the album
        _track("/m/c/y.flac", "/m/c", None),  # not classified yet
        _track("/m/d/h.flac", "/m/d", {"pop": 1.0}, "Greatest Hits"),  # no album artist:
        _track("/m/e/h.flac", "/m/e", {"rock": 1.0}, "Greatest Hits"),  # folders stay apart
    ]
    albums = album_genres(tracks)
    assert len(albums) == 4
    blue = albums[0]
    assert blue.key == ("tags", "quartet", "blue")
    assert len(blue.tracks) == 5 and blue.classified == 4
    assert blue.genre == "jazz"
    assert abs(blue.probabilities["jazz"] - 2.05 / 4) < 1e-9
    assert abs(sum(blue.probabilities.values()) - 1) < 1e-9
    # per-track predictions stay as they were
    assert tracks[0].prediction.genre == "rock"
    by_track = genre_by_track(albums)
    assert by_track["/m/a/1.flac"].genre == "jazz"
    assert by_track["/m/c/y.flac"].genre == "pop" and by_track["/m/c/y.flac"].classified == 1
    assert by_track["/m/d/h.flac"].genre == "pop" and by_track["/m/e/h.flac"].genre == "rock"
    assert album_key(tracks[5]) == ("folder", "", "/m/c")


def test_scanned_multi_track_album_gets_one_genre(tmp_path, library, model_path, tone):
    root = tmp_path / "music"
    tags = {"album": "Night Songs", "albumartist": "The Band"}
    files = [
        tone(root / "Night Songs" / "CD1" / f"{i}.flac", freq=f, tags={**tags, "title": f"t{i}"})
        for i, f in enumerate((110.0, 2000.0, 5000.0))
    ] + [tone(root / "Night Songs" / "CD2" / "4.flac", freq=300.0, tags=tags)]
    tone(root / "Loose" / "a.flac", freq=800.0)
    report = scan([root], library, model_path, workers=1)
    assert report.classified == 5

    albums = library.album_genres(root)
    night = next(a for a in albums if a.title == "Night Songs")
    assert night.artist == "The Band" and night.classified == 4
    assert set(night.tracks) == {str(f) for f in files}
    per_track = [library.track(f).prediction for f in files]
    summed = {g: sum(p.probabilities[g] for p in per_track) for g in per_track[0].probabilities}
    assert night.genre == max(summed, key=summed.get)
    assert library.track(files[0]).album == "Night Songs"
    assert library.track(files[0]).title == "t0"

    out = []
    code = _cli(["scan", str(root), "--album-consistent", "--json"], model_path, out)
    assert code == 0
    record = json.loads(out[-1])
    assert record["unchanged"] == 5 and record["classified"] == 0
    (cli_album,) = [a for a in record["albums"] if a["album"] == "Night Songs"]
    assert cli_album["genre"] == night.genre and len(cli_album["tracks"]) == 4


def _cli(argv, model_path, out, capsys=None):
    import contextlib
    import io

    buf = io.StringIO()
    with contextlib.redirect_stdout(buf):
        code = main(["--model", str(model_path), *argv])
    out.extend(buf.getvalue().splitlines())
    return code


def test_albums_are_named_from_album_tags_else_the_folder_alone():
    """Issue 25.3: a folder without album tags was named "<artist of one track> — <folder>"."""

    def track(path, folder, album=None, albumartist=None, artist=None) -> Track:
        return Track(path, 1, 1, "flac", 2.0, None, artist, album, albumartist, None, (), folder)

    tracks = [
        track("/m/mix/1.flac", "/m/mix", artist="Alice"),
        track("/m/mix/2.flac", "/m/mix", artist="Bob"),
        track("/m/solo/1.flac", "/m/solo", artist="Alice"),  # a folder is no album: no artist
        track("/m/live/1.flac", "/m/live", album="Live", artist="Band"),
        track("/m/live/2.flac", "/m/live", album="Live", artist="band "),
        track("/m/va/1.flac", "/m/va", album="Hits", artist="Alice"),
        track("/m/va/2.flac", "/m/va", album="Hits", artist="Bob"),
        track("/m/b/1.flac", "/m/b", album="Blue", albumartist="Quartet", artist="Someone"),
    ]
    labels = {a.tracks[0]: a.label for a in album_genres(tracks)}
    assert labels == {
        "/m/mix/1.flac": "mix",
        "/m/solo/1.flac": "solo",
        "/m/live/1.flac": "Band — Live",  # the artist all its tracks share
        "/m/va/1.flac": "Hits",  # various artists: the album alone
        "/m/b/1.flac": "Quartet — Blue",
    }
