"""A new shipped model (new model id) re-classifies an old library on the next scan, with
progress, and loses nothing else: the tag journal (undo), the user's review decisions and the
old model's predictions are all still there."""

from __future__ import annotations

from mgc_desktop.gui.review import load_decisions, save_decisions
from mgc_desktop.library.index import Library, default_index_path
from mgc_desktop.library.scanner import scan
from mgc_desktop.tags.journal import Journal


def test_new_model_reclassifies_with_progress_and_keeps_journal_and_decisions(
    music, models, capsys
):
    from mgc_desktop.cli import main

    default_index_path().parent.mkdir(parents=True, exist_ok=True)
    with Library() as lib:
        first = scan([music], lib, models["dev-a"], workers=1)
    assert first.classified == 5
    loose = music / "loose.wav"
    assert main(["tag", str(music / "Artist" / "Album One" / "01.flac"),
                 "--set-genre", "Jazz"]) == 0
    save_decisions(str(music), {str(loose): {"override": "Blues"}})
    with Journal() as journal:
        batches_before = [b.id for b in journal.list_batches()]
    assert batches_before

    seen = []
    with Library() as lib:
        upgrade = scan([music], lib, models["dev-b"], workers=1, progress=seen.append)
        assert (upgrade.model_id, upgrade.classified) == ("dev-b", 5)
        assert [p.model_id for p in lib.predictions_for(loose)] == ["dev-b", "dev-a"]
        assert lib.track(loose).prediction.model_id == "dev-b"
    classify = [p for p in seen if p.phase == "classify"]  # throttled: not every step is sent
    assert classify and all(p.total == 5 for p in classify)
    assert seen[-1].phase == "done"

    with Journal() as journal:
        assert [b.id for b in journal.list_batches()] == batches_before
    assert load_decisions(str(music)) == {str(loose): {"override": "Blues"}}
    capsys.readouterr()
    assert main(["undo"]) == 0  # the pre-upgrade tag batch still undoes
