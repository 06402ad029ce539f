"""Genres for the beets plugin `mgcgenre`, decided exactly as `mgc-desktop tag` decides them.

beets owns its library and its files; this module only answers "which genres would the app
write to this file, or why none": the index's prediction where the file is unchanged (size and
mtime) and was classified by the same model, the worker pool for the rest, the learned genres
when they are in use, and one threshold for all of them (the one given, else that of the genres
in use). It imports nothing from beets, so the decisions stay the app's.
"""

from __future__ import annotations

import math
from collections.abc import Iterator, Sequence
from dataclasses import dataclass
from pathlib import Path
from typing import TYPE_CHECKING

from mgc_desktop.model.batch import DEFAULT_TIMEOUT_S
from mgc_desktop.personal import model as personal

if TYPE_CHECKING:
    from mgc_desktop.model.batch import ClassifierPool
    from mgc_desktop.model.classifier import Prediction

VOCABULARIES = ("auto", "builtin", "personal")


class SetupError(ValueError):
    """The settings cannot be used (a bad value, no usable model, learned genres that cannot be
    honoured); str() says why, in one line."""


@dataclass(frozen=True)
class Answer:
    """One file's verdict. `genres` are the names to store, best first; empty means "leave the
    item alone", and `reason` says why (uncertain, below the threshold, silent, or the error
    when `failed`). `cached`: the prediction came from the app's index, nothing was decoded."""

    path: str
    genres: tuple[str, ...]
    reason: str
    failed: bool = False
    cached: bool = False


class GenreSource:
    """Settings resolved once (model, threshold, genre names), then answers for any number of
    batches of files; the worker pool starts at the first file that needs decoding and lives
    until `close`, so an import of many albums starts it once. One `answers` run at a time."""

    def __init__(
        self,
        *,
        model_path: str | Path | None = None,
        min_confidence: float | None = None,
        vocabulary: str = "auto",
        count: int = 1,
        workers: int | None = None,
        timeout_s: float = DEFAULT_TIMEOUT_S,
    ) -> None:
        from mgc_desktop.model.card import IncompatibleModel
        from mgc_desktop.model.classifier import load_session
        from mgc_desktop.paths import default_model_path
        from mgc_desktop.tags.names import load_mapping

        if min_confidence is not None and not 0.0 <= min_confidence <= 1.0:  # NaN fails too
            raise SetupError(f"min_confidence must be between 0 and 1, not {min_confidence}")
        if count < 1:
            raise SetupError(f"count must be at least 1, not {count}")
        if workers is not None and workers < 1:
            raise SetupError(f"workers must be at least 1, not {workers}")
        if not (math.isfinite(timeout_s) and timeout_s > 0):
            raise SetupError("timeout must be a positive number of seconds")
        if vocabulary not in VOCABULARIES:
            raise SetupError(f"vocabulary must be one of {', '.join(VOCABULARIES)}")
        self.model_path = Path(model_path).expanduser() if model_path else default_model_path()
        try:
            _, card = load_session(self.model_path)
        except IncompatibleModel as exc:
            raise SetupError(f"cannot use the model: {exc}") from None
        self.personal, self.note = _learned_genres(vocabulary, card.model_id)
        if min_confidence is not None:
            self.threshold = float(min_confidence)
        elif self.personal is not None:  # the one learning took from its cross-validation
            self.threshold = float(self.personal.threshold)
        else:
            self.threshold = float(card.inference.uncertain_below)
        try:
            mapping = load_mapping()
        except ValueError as exc:
            raise SetupError(str(exc)) from None
        if self.personal is not None:  # the user's genres, written exactly as the user does
            mapping = {**mapping, **{g: g for g in self.personal.genres}}
        self.mapping = mapping
        self.vocabulary = "personal" if self.personal is not None else "builtin"
        self.count = count
        self.workers = workers
        self.timeout_s = timeout_s
        self._pool: ClassifierPool | None = None
        self._pool_size = 0

    def answers(self, paths: Sequence[str]) -> Iterator[Answer]:
        """One answer per distinct path: those the index holds first, then the others as the
        workers finish them (completion order). A file that cannot be decoded is a failed
        answer, and the run goes on."""
        from mgc_desktop.library.cache import indexed_predictions
        from mgc_desktop.model.batch import FileFailure

        files = list(dict.fromkeys(paths))
        cached = indexed_predictions(files, self.model_path, self.threshold) if files else {}
        if self.personal is not None:  # a row stored without its embedding cannot be restated
            cached = {k: p for k, p in cached.items() if p.genre is None or p.embedding is not None}
        for prediction in cached.values():
            yield self._answer(prediction, cached=True)
        rest = [f for f in files if f not in cached]
        if not rest:
            return
        for result in self._pool_for(len(rest)).classify(rest):
            if isinstance(result, FileFailure):
                yield Answer(result.path, (), result.error, failed=True)
            else:
                yield self._answer(result)

    def _answer(self, prediction: Prediction, cached: bool = False) -> Answer:
        from mgc_desktop.tags.policy import predicted_names

        if self.personal is not None and prediction.genre is not None:
            try:
                prediction = self.personal.apply(prediction, self.threshold)
            except personal.VocabularyError as exc:
                return Answer(prediction.path, (), str(exc), failed=True, cached=cached)
        names, reason = predicted_names(
            prediction, min_confidence=self.threshold, top_k=self.count, mapping=self.mapping
        )
        if not names and prediction.note and prediction.note not in reason:
            reason = f"{reason}: {prediction.note}"  # "may be none of these genres"
        return Answer(prediction.path, tuple(names), reason, cached=cached)

    def _pool_for(self, files: int) -> ClassifierPool:
        """The pool, with as many workers as `files` can keep busy (up to the setting): a pool
        started for a one-track album is replaced by a larger one for the next big album."""
        from mgc_desktop.model.batch import ClassifierPool, default_workers
        from mgc_desktop.model.card import IncompatibleModel

        wanted = min(self.workers or default_workers(), files)
        if self._pool is None or self._pool_size < wanted:
            self.close()
            try:
                self._pool = ClassifierPool(
                    self.model_path,
                    workers=wanted,
                    timeout_s=self.timeout_s,
                    uncertain_below=self.threshold,
                )
            except (IncompatibleModel, RuntimeError) as exc:
                raise SetupError(f"cannot start the classifier: {exc}") from None
            self._pool_size = wanted
        return self._pool

    def close(self) -> None:
        """Stop the worker processes, if any were started."""
        pool, self._pool = self._pool, None
        if pool is not None:
            pool.close()

    def __enter__(self) -> GenreSource:
        return self

    def __exit__(self, *exc: object) -> None:
        self.close()


def _learned_genres(choice: str, base_model_id: str):
    """(PersonalModel or None, note). `auto` uses the learned genres once `mgc-desktop learn`
    ran, as the app's commands do; learned genres of another base model are then passed over
    with a note. An explicit `personal` that cannot be honoured is a SetupError."""
    if choice == "builtin":
        return None, ""
    if choice == "auto" and not personal.model_file().exists():
        return None, ""
    try:
        return personal.load_personal(base_model_id), ""
    except personal.VocabularyError as exc:
        if choice == "personal":
            raise SetupError(str(exc)) from None
        return None, f"{exc}; using the built-in genres"
