"""The review state on its own (no Qt): one batch, and every count, note and decision the
window shows is computed here. Files are real where the tags matter."""

from __future__ import annotations

import sys

from mgc_desktop.gui.review import (
    CLASSIFIED,
    FAILED,
    QUEUED,
    UNCERTAIN,
    ReviewBatch,
    TrackRow,
    WritePolicy,
    load_decisions,
    save_decisions,
)
from mgc_desktop.tags import plan_file, plan_prediction


def row(path: str, genre: str | None = "jazz", conf: float = 0.9, **kw) -> TrackRow:
    status = kw.pop("status", (UNCERTAIN if conf < 0.5 else CLASSIFIED) if genre else QUEUED)
    probs = {genre: conf, "rock": 1 - conf} if genre else {}
    return TrackRow(
        path,
        genre=genre,
        confidence=conf,
        probabilities=probs,
        uncertain=conf < 0.5,
        status=status,
        **kw,
    )


def test_one_batch_of_rows_holds_one_row_per_path():
    """Issue 14.4: a scan handing over "queued" then "failed" for a file in one batch used
    to add two rows (46 tracks for 43 files)."""
    b = ReviewBatch()
    fresh, changed = b.add_rows([row("/m/a.mp3", None), row("/m/b.mp3")])
    b.append(fresh)
    fresh, changed = b.add_rows(
        [
            row("/m/bad.mp3", None),  # queued
            row("/m/bad.mp3", None, status=FAILED, error="not audio"),  # then failed
            row("/m/b.mp3", "rock", 0.8),  # a known path: updated in place
        ]
    )
    b.append(fresh)
    assert [r.path for r in b.rows()] == ["/m/a.mp3", "/m/b.mp3", "/m/bad.mp3"]
    assert b.row_for_path("/m/bad.mp3").status == FAILED
    assert changed == [1] and b.row(1).genre == "rock"
    assert b.failures() == [("/m/bad.mp3", "not audio")]


def test_to_write_counts_what_the_plan_writes(music):
    """Issue 14.13: the status said "34 to write" when the preview wrote 32: accepted tracks
    that already have a genre are kept by the fill policy, and the count must know."""
    from mutagen.flac import FLAC

    files = sorted(str(p) for p in music.rglob("*") if p.suffix in (".flac", ".mp3", ".ogg"))
    files = [f for f in files if not f.endswith("broken.mp3")]
    has_genre = [f for f in files if f.endswith(".flac")]
    for f in has_genre:
        tags = FLAC(f)
        tags["genre"] = "Rock"
        tags.save()
    b = ReviewBatch()
    b.append(
        b.add_rows(
            [row(f, "jazz", 0.9, current=("Rock",) if f in has_genre else ()) for f in files]
        )[0]
    )
    b.set_override([0], "Blues")  # a manual genre replaces, even under "fill"
    accepted = b.accept_above(0.5)
    assert len(accepted) == len(files) - 1

    for policy in ("fill", "replace", "append"):
        b.write_policy = WritePolicy(policy, 0.5, 1)
        plan = [
            plan_file(r.path, [r.override], policy="replace" if policy == "fill" else policy)
            if r.override
            else plan_prediction(r, policy=policy, min_confidence=0.5)
            for r in b.rows_to_write()
        ]
        writes = sum(1 for i in plan if i.action == "write")
        assert b.counts().to_write == writes, policy
    b.write_policy = WritePolicy("fill", 0.5, 1)
    assert b.counts().to_write == len(files) - len(has_genre) + (1 if files[0] in has_genre else 0)

    # after the write, written rows are done and kept rows do not linger as "to write"
    b.set_current({r.path: ("Jazz",) for r in b.pending()}, written=True)
    assert b.counts().to_write == 0


def test_decisions_survive_in_the_index_and_follow_the_prediction(tmp_path):
    """Issue 14.13: accepted decisions were lost on restart."""
    folder = str(tmp_path / "music")
    b = ReviewBatch()
    b.append(b.add_rows([row("/m/a.mp3"), row("/m/b.mp3"), row("/m/c.mp3", "pop", 0.3)])[0])
    b.set_accepted([0], True)
    b.set_override([2], "Shoegaze")
    save_decisions(folder, b.decisions())

    again = ReviewBatch()
    again.restore(load_decisions(folder))  # decisions arrive before the rows
    fresh, _ = again.add_rows([row("/m/a.mp3"), row("/m/b.mp3"), row("/m/c.mp3", "pop", 0.3)])
    again.append(fresh)
    assert [(r.accepted, r.override) for r in again.rows()] == [
        (True, None),
        (False, None),
        (False, "Shoegaze"),
    ]
    # an acceptance is of one prediction: a new model saying something else drops it
    third = ReviewBatch()
    third.restore(load_decisions(folder))
    third.append(third.add_rows([row("/m/a.mp3", "metal")])[0])
    assert not third.row(0).accepted
    assert load_decisions(str(tmp_path / "elsewhere")) == {}


def test_preview_notes_use_the_tables_words():
    """Issue 14.14: the preview said "blues 0.84" where the table says "Blues 84%"."""
    from mgc_desktop.tags.plan import PlanItem

    b = ReviewBatch()
    b.append(
        b.add_rows(
            [
                row("/m/a.mp3", "blues", 0.84),
                row("/m/b.mp3", "pop", 0.3),
                row("/m/c.mp3", "hiphop", 0.62),
                row("/m/d.mp3", "jazz", 0.9),
            ]
        )[0]
    )
    b.set_override([3], "Bebop")
    notes = [
        b.preview_note(PlanItem("/m/a.mp3", "write", new=("Blues",), reason="blues 0.84")),
        b.preview_note(PlanItem("/m/b.mp3", "keep", reason="uncertain (pop 0.30)")),
        b.preview_note(PlanItem("/m/c.mp3", "keep", reason="already has a genre (Rock)")),
        b.preview_note(PlanItem("/m/c.mp3", "keep", reason="below threshold"), threshold=0.7),
        b.preview_note(PlanItem("/m/d.mp3", "write", new=("Bebop",), reason="manual")),
        b.preview_note(PlanItem("/m/x.mp3", "error", reason="Permission denied")),
    ]
    assert notes == [
        "Blues 84%",
        "Pop 30%, uncertain: left alone",
        "Hip-Hop 62%: already has a genre (Rock)",
        "Hip-Hop 62%, below 70%: left alone",
        "your genre",
        "Permission denied",
    ]


def test_keyboard_accept_of_an_uncertain_track_is_the_users_choice():
    b = ReviewBatch()
    b.append(
        b.add_rows(
            [
                row("/m/a.mp3", "pop", 0.3),
                row("/m/b.mp3", "jazz", 0.9),
                row("/m/c.mp3", None, status=FAILED),
            ]
        )[0]
    )
    assert [r.needs_review for r in b.rows()] == [True, False, False]
    assert b.accept_rows([0, 1, 2]) == [0, 1]
    assert b.row(0).override == "Pop" and not b.row(0).needs_review
    assert b.row(1).accepted and b.row(1).override is None
    assert b.planned_genres(b.row(0)) == ("Pop",)


def test_albums_group_like_the_library_with_a_consensus_genre():
    b = ReviewBatch()
    rows = [
        row("/m/A/1.mp3", "jazz", 0.9, album="Blue", albumartist="X"),
        row("/m/A/2.mp3", "rock", 0.6, album="Blue", albumartist="X"),
        row("/m/A/3.mp3", "jazz", 0.7, album="Blue", albumartist="X"),
        row("/m/B/1.mp3", "pop", 0.8),
    ]
    b.append(b.add_rows(rows)[0])
    albums = b.albums()
    assert [(a.title, a.genre, paths) for a, paths in albums] == [
        ("Blue", "jazz", ["/m/A/1.mp3", "/m/A/2.mp3", "/m/A/3.mp3"]),
        ("B", "pop", ["/m/B/1.mp3"]),
    ]


def test_the_review_state_never_imports_qt():
    import subprocess

    code = (
        "import sys, mgc_desktop.gui.review, mgc_desktop.gui.tag_fields, "
        "mgc_desktop.gui.tag_jobs; "
        "print([m for m in sys.modules if m.startswith('PySide6')])"
    )
    out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True)
    assert out.stdout.strip() == "[]"


def test_a_track_likelier_none_of_these_stays_uncertain_at_a_low_threshold():
    """A threshold set by hand below 0.5 let a row whose "none of these" outweighs its best
    genre count as certain (and be written), where the CLI's learned genres refuse it."""
    none_likelier = TrackRow(
        "/m/a.mp3",
        genre="jazz",
        confidence=0.35,
        probabilities={"jazz": 0.35, "rock": 0.1},
        status=CLASSIFIED,
    )
    plain = TrackRow(
        "/m/b.mp3",
        genre="jazz",
        confidence=0.35,
        probabilities={"jazz": 0.35, "rock": 0.65},
        status=UNCERTAIN,
        uncertain=True,
    )
    none_likelier.apply_threshold(0.3)
    plain.apply_threshold(0.3)
    assert none_likelier.uncertain and none_likelier.status == UNCERTAIN
    assert not plain.uncertain and plain.status == CLASSIFIED


def test_a_learned_genre_row_the_open_set_flagged_stays_uncertain():
    """Learned genres flag a track "may be none of these genres" when their open set gives
    none of these above its bound, even under its best genre; the window made it certain."""
    flagged = TrackRow(
        "/m/c.mp3",
        genre="Rap",
        confidence=0.7,
        probabilities={"Rap": 0.7},
        status=UNCERTAIN,
        uncertain=True,
        note="may be none of these genres",
    )
    flagged.apply_threshold(0.5)
    assert flagged.uncertain and flagged.status == UNCERTAIN
