"""Background jobs for the user's own genres and similar tracks, run by the window's WorkerHost
(each is `job(progress, cancel) -> result`, off the GUI thread). No widgets here: the window
shows what they return."""

from __future__ import annotations

import threading
from collections.abc import Callable
from typing import Any

from mgc_desktop.personal.model import DEFAULT_MIN_TRACKS

Job = Callable[[Callable[[int, int], None], threading.Event], Any]


def learn_job(folder: str, model_path: str, min_tracks: int = DEFAULT_MIN_TRACKS) -> Job:
    """Learn from the tags of the indexed tracks under `folder` (scanned by the window) and
    save; the result is the report, with `problems` (path, reason) for unreadable files.
    A VocabularyError's message is the failure the window shows."""

    def job(progress: Callable[[int, int], None], cancel: threading.Event) -> dict:
        from mgc_desktop.library.index import Library
        from mgc_desktop.library.scanner import model_id_for
        from mgc_desktop.personal.training import gather_training_set, learn

        with Library() as library:
            model_id = model_id_for(model_path, library)
            training = gather_training_set(library, model_id, [folder], min_tracks)
        model = learn(training)
        saved = model.save()
        return {**model.report, "saved_to": str(saved), "problems": training.problems}

    return job


def forget_job() -> Job:
    """Delete the learned genres; the result says whether there were any."""

    def job(progress: Callable[[int, int], None], cancel: threading.Event) -> bool:
        from mgc_desktop.personal.model import forget_personal

        return forget_personal()

    return job


def similar_job(path: str, model_path: str, top: int = 10) -> Job:
    """(path, [(similar path, cosine score)...]) from the index's embeddings."""

    def job(progress: Callable[[int, int], None], cancel: threading.Event) -> tuple:
        from mgc_desktop.library.index import Library
        from mgc_desktop.library.scanner import model_id_for
        from mgc_desktop.personal.similar import similar_in_library

        with Library() as library:
            model_id = model_id_for(model_path, library)
            return path, similar_in_library(library, model_id, path, top)

    return job


def vocabulary_rows_job(folder: str, model_path: str, personal: bool) -> Job:
    """The table's rows for `folder` in the chosen genres: (learned model or None, rows).
    Asking for personal genres that do not exist (or belong to another base model) fails with
    the reason."""

    def job(progress: Callable[[int, int], None], cancel: threading.Event) -> tuple:
        from mgc_desktop.gui.workers import row_from_track
        from mgc_desktop.library.index import Library
        from mgc_desktop.library.scanner import model_id_for
        from mgc_desktop.personal.model import load_personal
        from mgc_desktop.personal.restate import restate_tracks

        with Library() as library:
            model_id = model_id_for(model_path, library)
            tracks = library.tracks(folder, model_id=model_id)
            model = None
            if personal:
                model = load_personal(model_id)
                tracks = restate_tracks(model, tracks, library)  # the learned threshold
        return model, [row_from_track(t) for t in tracks]

    return job


def personal_available_job(model_path: str) -> Job:
    """Whether learned genres exist for the base model in use (the window's default)."""

    def job(progress: Callable[[int, int], None], cancel: threading.Event) -> bool:
        from mgc_desktop.personal.base import base_model_id
        from mgc_desktop.personal.model import VocabularyError, load_personal, model_file

        if not model_file().exists():
            return False
        try:
            load_personal(base_model_id(model_path))
        except VocabularyError:
            return False
        return True

    return job
