"""The batch under review, without Qt: every track's prediction and the user's decisions on it.

The table, the library tree, the status bar, the detail pane and the preview all read this one
object, so "how many will be written", "which files failed" and "may Write run now" are computed
in one place. Mutations return the row numbers they changed; the Qt models turn those into
signals. Decisions (accepted predictions, manual genres) are saved per folder in the library
index's meta table, so a restart keeps them.
"""

from __future__ import annotations

import json
import os
import re
from collections.abc import Iterable, Mapping, Sequence
from dataclasses import dataclass, field
from types import SimpleNamespace
from typing import Any

from mgc_desktop.gui.genre_names import shown_for_written, shown_name
from mgc_desktop.gui.i18n import Context, percent
from mgc_desktop.model.classifier import may_be_none
from mgc_desktop.tags.names import display_name
from mgc_desktop.tags.policy import decide, predicted_names

Review = Context("Review")

# Row states, in the order a track goes through them.
QUEUED, CLASSIFIED, UNCERTAIN = "queued", "classified", "uncertain"
SILENT, FAILED = "silent", "failed"


@dataclass
class TrackRow:
    """One file under review. `override` (a display name) and `accepted` are the user's
    decisions; `current` holds the genres read from the file."""

    path: str
    title: str = ""
    artist: str = ""
    album: str = ""
    current: tuple[str, ...] = ()
    genre: str | None = None  # predicted class key
    confidence: float = 0.0
    probabilities: dict[str, float] = field(default_factory=dict)
    uncertain: bool = False  # under the threshold that applies (see ReviewBatch.set_threshold)
    status: str = QUEUED
    error: str = ""
    note: str = ""
    model_id: str = ""
    duration_s: float = 0.0
    override: str | None = None
    accepted: bool = False
    written: bool = False
    haystack: str = ""
    albumartist: str = ""

    @property
    def file_name(self) -> str:
        return os.path.basename(self.path)

    @property
    def decided(self) -> bool:
        """The user chose something for this row that the next write should carry out."""
        return (self.override is not None or self.accepted) and not self.written

    @property
    def needs_review(self) -> bool:
        """Uncertain, silent or failed, and not decided by hand: where keyboard review stops."""
        return self.status in (UNCERTAIN, SILENT) and self.override is None

    def apply_threshold(self, threshold: float | None) -> bool:
        """Uncertain under `threshold` (None: as classified); True when that changed. The
        classifier's verdict is the same test against its own threshold. A track likelier
        none of these genres than its best one stays uncertain at any threshold: a low
        threshold set by hand must not let it be written."""
        if threshold is None or self.genre is None or self.status not in (CLASSIFIED, UNCERTAIN):
            return False
        # asked as "certain?", so that a NaN confidence answers uncertain
        certain = self.confidence >= threshold and not (
            bool(self.probabilities) and may_be_none(list(self.probabilities.values()))
        )
        # the learned genres' open set said so (none of these above its bound, not only >= best)
        uncertain = not certain or self.note == "may be none of these genres"
        changed = uncertain != self.uncertain
        self.uncertain, self.status = uncertain, UNCERTAIN if uncertain else CLASSIFIED
        return changed

    def refresh_haystack(self, names: Mapping[str, str] | None = None) -> None:
        """Lower-case text the search box matches against (kept so filtering stays cheap)."""
        # the written name and the window's (a French window's search finds "classique")
        predicted = (
            f"{display_name(self.genre, names)}\n{shown_name(self.genre, names)}"
            if self.genre
            else ""
        )
        self.haystack = "\n".join(
            (
                self.file_name,
                self.title,
                self.artist,
                self.album,
                "; ".join(self.current),
                predicted,
                self.override or "",
            )
        ).casefold()

    def status_text(self) -> str:
        if self.written:
            return "written"
        if self.override is not None:
            return "override"
        if self.accepted:
            return "accepted"
        return self.status


def genre_label(genre: str | None, confidence: float, names: Mapping[str, str]) -> str:
    """Show a prediction as "Blues 84%", as the table, the detail pane and the preview do (the
    genre named as the window names it)."""
    if not genre:
        return ""
    return Review.tr("{genre} {confidence}").format(
        genre=shown_name(genre, names), confidence=percent(confidence)
    )


def decision_reason(reason: str) -> str:
    """A tag policy's reason for keeping a file as it is (tags.policy.decide, in English for
    the CLI) in the interface language; any other reason (an OS error's) as it is."""
    known = {
        "unchanged": Review.tr("unchanged"),
        "nothing to write": Review.tr("nothing to write"),
        "already has these genres": Review.tr("already has these genres"),
    }
    if reason in known:
        return known[reason]
    match = re.fullmatch(r"already has a genre \((.*)\)", reason)
    if match:
        return Review.tr("already has a genre ({genres})").format(genres=match.group(1))
    return reason


@dataclass(frozen=True)
class WritePolicy:
    """The settings a write is planned with (the preview may change them)."""

    policy: str = "fill"
    threshold: float = 0.5
    top_k: int = 1


@dataclass(frozen=True)
class ReviewCounts:
    """What the status bar says."""

    tracks: int
    to_write: int
    decided: int
    failed: int
    uncertain: int


class ReviewBatch:
    """All rows of the folder under review, by path, with the user's decisions.

    Only the GUI thread touches it. Methods that change rows return the changed row numbers."""

    def __init__(self) -> None:
        self._rows: list[TrackRow] = []
        self._index: dict[str, int] = {}
        self.names: dict[str, str] = {}
        self._write_policy = WritePolicy()
        self._threshold: float | None = None  # None until the window knows the one in force
        self._planned: dict[str, tuple[tuple, tuple[str, ...] | None]] = {}
        self._saved: dict[str, dict[str, Any]] = {}  # decisions waiting for their rows
        self.write_errors: dict[str, str] = {}  # path -> why the last write/undo failed
        self.scan_problems: dict[str, str] = {}  # path -> why the last scan could not use it

    @property
    def write_policy(self) -> WritePolicy:
        """The policy, threshold and top-k the next write is planned with (from Settings)."""
        return self._write_policy

    @write_policy.setter
    def write_policy(self, wp: WritePolicy) -> None:
        if wp != self._write_policy:
            self._write_policy = wp
            self._planned.clear()

    def set_threshold(self, threshold: float) -> list[int]:
        """The threshold in force (the user's, else that of the genres shown) decides which
        predictions are uncertain, as `tag --min-confidence` does. Returns the rows whose
        verdict changed."""
        self._threshold = threshold
        return [i for i, r in enumerate(self._rows) if r.apply_threshold(threshold)]

    # --- reading -----------------------------------------------------------------------
    def __len__(self) -> int:
        return len(self._rows)

    def row(self, i: int) -> TrackRow:
        return self._rows[i]

    def rows(self) -> list[TrackRow]:
        return self._rows

    def position(self, path: str) -> int | None:
        return self._index.get(path)

    def row_for_path(self, path: str) -> TrackRow | None:
        i = self._index.get(path)
        return None if i is None else self._rows[i]

    def predicted_text(self, r: TrackRow) -> str:
        """The genre the table shows: the user's (a built-in genre's tag name shown as the
        window names it), else the model's, as the window names it."""
        if r.override is not None:
            return shown_for_written(r.override, self.names)
        return shown_name(r.genre, self.names) if r.genre else ""

    def wanted(self, r: TrackRow, wp: WritePolicy | None = None) -> tuple[list[str], str]:
        """The names a write would want for this row (empty, with the reason, when none)."""
        wp = wp or self.write_policy
        if r.override is not None:
            return [r.override], "manual"
        return predicted_names(r, min_confidence=wp.threshold, top_k=wp.top_k, mapping=self.names)

    def planned_genres(self, r: TrackRow, wp: WritePolicy | None = None) -> tuple[str, ...] | None:
        """What the file's genre would become if this row were written now (None: unchanged).
        The same rules as tags.plan (manual genres replace under the fill policy). Memoised
        per row for the batch's own policy: the status bar asks on every update."""
        if wp is None:
            key = (r.override, r.genre, r.confidence, r.uncertain, r.current, id(r.probabilities))
            hit = self._planned.get(r.path)
            if hit is not None and hit[0] == key:
                return hit[1]
            result = self._plan(r, self.write_policy)
            self._planned[r.path] = (key, result)
            return result
        return self._plan(r, wp)

    def _plan(self, r: TrackRow, wp: WritePolicy) -> tuple[str, ...] | None:
        names, _ = self.wanted(r, wp)
        if not names:
            return None
        policy = "replace" if r.override is not None and wp.policy == "fill" else wp.policy
        return decide(r.current, names, policy).new

    def pending(self, wp: WritePolicy | None = None) -> list[TrackRow]:
        """Decided rows whose write would change the file: what "Write tags" will write."""
        return [r for r in self._rows if r.decided and self.planned_genres(r, wp) is not None]

    def rows_to_write(self) -> list[TrackRow]:
        """The decided rows: what "Write tags" plans, whatever is selected (the status bar's
        "to write" counts those of them whose file would change)."""
        return [r for r in self._rows if r.decided]

    def counts(self) -> ReviewCounts:
        """One pass over the rows (50,000 rows: a few ms; plans come from the memo)."""
        decided = failed = uncertain = to_write = 0
        for r in self._rows:
            if r.status == FAILED:
                failed += 1
            elif r.status in (UNCERTAIN, SILENT):
                uncertain += 1
            if r.decided:
                decided += 1
                if self.planned_genres(r) is not None:
                    to_write += 1
        return ReviewCounts(len(self._rows), to_write, decided, failed, uncertain)

    def failures(self) -> list[tuple[str, str]]:
        """(path, reason) of every file that could not be analysed or written, in row order."""
        out = [(r.path, r.error or Review.tr("failed")) for r in self._rows if r.status == FAILED]
        seen = {p for p, _ in out}
        for extra in (self.scan_problems, self.write_errors):
            out += [(p, e) for p, e in extra.items() if p not in seen]
            seen.update(extra)
        return out

    def preview_note(self, item: Any, threshold: float | None = None) -> str:
        """The preview's note for a tags.PlanItem, in the table's words ("Blues 84%")."""
        r = self.row_for_path(item.path)
        if item.action == "error" or r is None:
            return item.reason
        threshold = self.write_policy.threshold if threshold is None else threshold
        left_alone = True
        if r.override is not None:
            what, left_alone = Review.tr("your genre"), False
        elif not r.genre:
            what = r.note or Review.tr("no genre")
        else:
            what = genre_label(r.genre, r.confidence, self.names)
            if r.confidence < threshold:  # the plan's threshold (the preview's) decides
                what = (
                    Review.tr("{prediction}, uncertain").format(prediction=what)
                    if r.uncertain
                    else Review.tr("{prediction}, below {threshold}").format(
                        prediction=what, threshold=percent(threshold)
                    )
                )
            else:
                left_alone = False
        if item.action == "write":
            return what
        if left_alone:
            return Review.tr("{what}: left alone").format(what=what)
        return Review.tr("{what}: {reason}").format(what=what, reason=decision_reason(item.reason))

    # --- changing rows -------------------------------------------------------------------
    def add_rows(self, rows: Sequence[TrackRow]) -> tuple[list[TrackRow], list[int]]:
        """New rows to append (one per path; a later row for the same path wins) and the
        positions of known rows that were updated in place."""
        latest: dict[str, TrackRow] = {}
        for r in rows:
            latest[r.path] = r  # a scan can hand over "queued" then "failed" in one batch
        fresh = [r for p, r in latest.items() if p not in self._index]
        known = [r for p, r in latest.items() if p in self._index]
        for r in fresh:
            r.apply_threshold(self._threshold)
            self._restore(r)
            r.refresh_haystack(self.names)
        return fresh, self.replace_rows(known)

    def append(self, fresh: Sequence[TrackRow]) -> None:
        """Append rows returned by add_rows (the Qt model brackets this with insert signals)."""
        for r in fresh:
            self._index[r.path] = len(self._rows)
            self._rows.append(r)

    def replace_rows(self, rows: Iterable[TrackRow]) -> list[int]:
        """Swap in new versions of known rows, keeping the user's decisions on them."""
        changed = []
        for r in rows:
            i = self._index.get(r.path)
            if i is None:
                continue
            old = self._rows[i]
            r.apply_threshold(self._threshold)
            if _same_content(old, r):
                continue
            r.override, r.written = old.override, old.written
            r.accepted = old.accepted and r.genre == old.genre
            r.refresh_haystack(self.names)
            self._rows[i] = r
            changed.append(i)
        return changed

    def set_current(
        self, genres: Mapping[str, Sequence[str]], written: bool | None = None
    ) -> list[int]:
        """New stored genres per path (after a write or an undo). A written row's decision is
        done; an undone row is back to undecided."""
        changed = []
        for p, values in genres.items():
            i = self._index.get(p)
            if i is None:
                continue
            r = self._rows[i]
            r.current = tuple(values)
            if written is not None:
                r.written = written
                r.accepted, r.override = False, None
            self.write_errors.pop(p, None)
            r.refresh_haystack(self.names)
            changed.append(i)
        return changed

    def note_write_errors(self, errors: Iterable[tuple[str, str]]) -> None:
        """Files a write or undo could not change keep their decision and show as errors."""
        self.write_errors.update(dict(errors))

    def note_scan_problems(self, problems: Iterable[tuple[str, str]]) -> None:
        """What a scan could not use that has no row (an unreadable folder, a vanished file)."""
        self.scan_problems.update(dict(problems))

    def set_override(self, rows: Iterable[int], name: str | None) -> list[int]:
        """A manual genre for these rows (None: back to the prediction)."""
        changed = []
        for i in rows:
            r = self._rows[i]
            r.override = name
            r.written = False
            r.refresh_haystack(self.names)
            changed.append(i)
        return changed

    def set_accepted(self, rows: Iterable[int], accepted: bool) -> list[int]:
        changed = []
        for i in rows:
            r = self._rows[i]
            if accepted and not r.genre:
                continue
            r.accepted = accepted
            if accepted:
                r.written = False
            changed.append(i)
        return changed

    def accept_rows(self, rows: Iterable[int]) -> list[int]:
        """Keyboard "accept": take the model's genre for these rows. An uncertain prediction is
        never written on its own, so accepting one by hand makes it the user's genre."""
        changed = []
        for i in rows:
            r = self._rows[i]
            if not r.genre:
                continue
            if r.uncertain:
                r.override = display_name(r.genre, self.names)
            else:
                r.accepted, r.override = True, None
            r.written = False
            r.refresh_haystack(self.names)
            changed.append(i)
        return changed

    def accept_above(self, threshold: float) -> list[int]:
        """Accept every classified, certain, undecided prediction at or above the threshold."""
        rows = [
            i
            for i, r in enumerate(self._rows)
            if r.genre
            and not r.uncertain
            and r.confidence >= threshold
            and r.override is None
            and not r.accepted
            and not r.written
        ]
        return self.set_accepted(rows, True)

    def set_names(self, names: Mapping[str, str]) -> None:
        self.names = dict(names)
        self._planned.clear()
        for r in self._rows:
            r.refresh_haystack(self.names)

    def retain(self, paths: set[str]) -> list[tuple[int, int]]:
        """Drop rows whose path is not in `paths`; returns the removed runs, last run first
        (the Qt model removes them in that order so earlier positions stay valid)."""
        gone = [i for i, r in enumerate(self._rows) if r.path not in paths]
        runs: list[list[int]] = []
        for i in gone:
            if runs and runs[-1][1] == i - 1:
                runs[-1][1] = i
            else:
                runs.append([i, i])
        return [(a, b) for a, b in reversed(runs)]

    def remove_run(self, first: int, last: int) -> None:
        del self._rows[first : last + 1]

    def reindex(self) -> None:
        self._index = {r.path: i for i, r in enumerate(self._rows)}

    def clear(self) -> None:
        self._rows, self._index = [], {}
        self._planned.clear()
        self._saved, self.write_errors, self.scan_problems = {}, {}, {}

    def sort(self, key: Any, reverse: bool) -> None:
        self._rows.sort(key=key, reverse=reverse)
        self.reindex()

    # --- decisions that survive a restart --------------------------------------------------
    def decisions(self) -> dict[str, dict[str, Any]]:
        """path -> {"override": name} or {"accepted": genre}, for every decided row (plus
        saved decisions whose rows have not arrived yet)."""
        out = dict(self._saved)
        for r in self._rows:
            out.pop(r.path, None)
            if not r.decided:
                continue
            out[r.path] = {"override": r.override} if r.override else {"accepted": r.genre}
        return out

    def restore(self, saved: Mapping[str, Mapping[str, Any]]) -> list[int]:
        """Apply saved decisions to rows present now; the rest wait for their rows."""
        self._saved.update({p: dict(d) for p, d in saved.items()})
        changed = []
        for p in list(self._saved):
            i = self._index.get(p)
            if i is not None and self._restore(self._rows[i]):
                changed.append(i)
        return changed

    def _restore(self, r: TrackRow) -> bool:
        d = self._saved.pop(r.path, None)
        if not d:
            return False
        if d.get("override"):
            r.override = str(d["override"])
        elif d.get("accepted") and d["accepted"] == r.genre and not r.uncertain:
            r.accepted = True  # only while the prediction is the one that was accepted
        else:
            return False
        return True

    # --- albums ---------------------------------------------------------------------------
    def album_snapshot(self) -> list[tuple[str, str, str, str, dict[str, float]]]:
        """(path, album, album artist, artist, probabilities) per row: what grouping into
        albums needs, cheap to take on the GUI thread and safe to hand to a worker (rows are
        replaced, never their probability dicts changed)."""
        return [(r.path, r.album, r.albumartist, r.artist, r.probabilities) for r in self._rows]

    def albums(self) -> list[tuple[Any, list[str]]]:
        """Albums of the rows now (see group_albums)."""
        return group_albums(self.album_snapshot())


def group_albums(
    snapshot: Sequence[tuple[str, str, str, str, dict[str, float]]],
) -> list[tuple[Any, list[str]]]:
    """Albums as library.albums groups them (album tags, else the folder), each a
    library.albums.AlbumGenre with its consensus genre, with its member paths in path order.
    Runs in a worker for large libraries (50,000 tracks take about a second)."""
    from mgc_desktop.library.albums import album_genres

    tracks = [
        SimpleNamespace(
            path=path,
            album=album or None,
            albumartist=albumartist or None,
            artist=artist or None,
            folder=os.path.dirname(path),
            prediction=SimpleNamespace(probabilities=probs) if probs else None,
        )
        for path, album, albumartist, artist, probs in snapshot
    ]
    return [(a, list(a.tracks)) for a in album_genres(tracks)]  # type: ignore[arg-type]


def _same_content(a: TrackRow, b: TrackRow) -> bool:
    """Nothing the table shows differs (so no repaint, no re-filter)."""
    keys = ("genre", "confidence", "status", "current", "title", "artist", "album", "error")
    return all(getattr(a, k) == getattr(b, k) for k in keys) and a.uncertain == b.uncertain


# --- persistence ------------------------------------------------------------------------------

_META_PREFIX = "review-decisions:"


def load_decisions(folder: str) -> dict[str, dict[str, Any]]:
    """The decisions saved for a folder (empty when none or unreadable). Read-only: opening
    the index for writing would race a scan that creates it on a first start."""
    import sqlite3

    from mgc_desktop.library.index import Library, default_index_path

    if not default_index_path().is_file():
        return {}
    try:
        with Library(readonly=True) as lib:
            text = lib.get_meta(_META_PREFIX + folder)
    except sqlite3.Error:
        return {}
    try:
        data = json.loads(text or "{}")
    except ValueError:
        return {}
    if not isinstance(data, dict):
        return {}
    return {str(k): v for k, v in data.items() if isinstance(v, dict)}


def save_decisions(folder: str, decisions: Mapping[str, Mapping[str, Any]]) -> None:
    """Replace the decisions saved for a folder."""
    from mgc_desktop.library.index import Library

    with Library() as lib:
        lib.set_meta(_META_PREFIX + folder, json.dumps(decisions, sort_keys=True))
