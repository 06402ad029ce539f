"""`learn` takes each track's genres from the library index, where the scan stored them with the
file's size and mtime, and reads the file's tags again only when it changed since (issue 23:
reading every file's tags was most of a 50k-track learn)."""

from __future__ import annotations

from mgc_desktop.cli import main
from mgc_desktop.library.index import Library
from mgc_desktop.personal.training import gather_training_set
from mgc_desktop.tags import read_genres
from tests.vocabulary.conftest import LIBRARY, set_genre


def test_unchanged_files_are_not_read_again(capsys, tagged_library, embedding_models):
    model = embedding_models["base-a"]
    assert main(["--model", str(model), "scan", str(tagged_library), "--workers", "1"]) == 0
    capsys.readouterr()
    changed = next(tagged_library.glob("u_jazz.*"))  # untagged when scanned, tagged now
    set_genre(changed, "Jazz")
    read: list[str] = []

    def reader(path: str) -> list[str]:
        read.append(path)
        return read_genres(path)

    with Library() as library:
        model_id = library.get_meta("last_model_id") or ""
        training = gather_training_set(library, model_id, [str(tagged_library)], 5, reader)
    assert read == [str(changed)]  # the one file changed since the scan, and only it
    assert training.counts["tags_read_from_files"] == 1
    assert str(changed) in training.paths  # its new tag counts
    genres = {g.name: g.tracks for g in training.genres}
    assert genres["Jazz"] == 7 and genres["Electronic"] == 6
    # the two untagged tracks left are the background the open set is fitted on
    assert len(training.background_embeddings) == 3  # + the Polka-only track
    assert training.counts["untagged"] == sum(1 for v in LIBRARY.values() if v[2] is None) - 1
