"""From the library index to a learned model: the tagged, classified tracks under the folders
given (their genres as the index read them during the scan; a file changed since is read
again), the untagged ones as background, and the fit with its honest report."""

from __future__ import annotations

import dataclasses
import os
import time
from collections.abc import Callable, Sequence
from dataclasses import dataclass

import numpy as np

from mgc_desktop.personal.features import (
    base_matrix,
    closed_features,
    sqrt_answers,
    usable_rows,
)
from mgc_desktop.personal.honesty import (
    MAX_NONE_OF_THESE,
    MIN_TRUSTED_TRACKS,
    TARGET_PRECISION,
    certain,
    choose_threshold,
    proportion,
)
from mgc_desktop.personal.logistic import LogisticFit, final_fit, fit_logistic, normalise
from mgc_desktop.personal.model import DEFAULT_MIN_TRACKS, PersonalModel, VocabularyError
from mgc_desktop.personal.names import (
    GenreCount,
    LeftOut,
    choose_genres,
    count_genres,
    genre_key,
    split_genres,
)
from mgc_desktop.personal.openset import OpenSetFit, fit_openset

# The learners cross-validation chooses from: how much the base model's answers weigh beside
# the embedding (0: the embedding alone). Measured on the shared data's ten-genre library, half
# tagged: 0.5 named 84 % of the untagged half right, the embedding alone 80 %.
BASE_WEIGHTS = (0.5, 0.0)


@dataclass
class TrainingSet:
    """The tagged, embedded tracks under some folders, ready to learn from, the untagged ones
    (background for the open set), and the counts the report shows. `problems` are
    (path, reason) for files whose tags could not be read."""

    base_model_id: str
    base_classes: tuple[str, ...]
    paths: list[str]
    embeddings: np.ndarray
    base: np.ndarray  # (n, C+1) base answers (`features.base_vector`)
    labels: list[list[int]]
    genres: list[GenreCount]
    left_out: list[LeftOut]
    counts: dict[str, int]
    problems: list[tuple[str, str]]
    background_embeddings: np.ndarray
    background_base: np.ndarray


def _unchanged(track) -> bool:
    """Whether the file is as the index last saw it (same size and mtime, no read error): its
    stored genres are then its current tags."""
    if track.error:
        return False
    try:
        st = os.stat(track.path)
    except OSError:
        return False
    return (st.st_size, st.st_mtime_ns) == (track.size, track.mtime_ns)


def gather_training_set(
    library,
    base_model_id: str,
    roots: Sequence[str | os.PathLike],
    min_tracks: int = DEFAULT_MIN_TRACKS,
    read_genres: Callable[[str], Sequence[str]] | None = None,
    unchanged: Callable[[object], bool] = _unchanged,
) -> TrainingSet:
    """The genre tags of every indexed track under `roots` (stored by the scan; read from the
    file only when it changed since) with the stored embeddings and answers of
    `base_model_id`. VocabularyError when there is nothing to learn from: no indexed tracks,
    no tagged ones, no embeddings, or fewer than two genres with `min_tracks` tracks."""
    if read_genres is None:
        from mgc_desktop.tags import read_genres
    tracks: dict[str, object] = {}
    vectors: dict[str, np.ndarray] = {}
    for root in roots:
        for track in library.iter_tracks(root, model_id=base_model_id):
            tracks[track.path] = track
        found = library.embeddings(base_model_id, root)
        vectors.update(zip(found.paths, found.matrix))
    if not tracks:
        where = ", ".join(str(r) for r in roots)
        raise VocabularyError(f"no indexed music under {where}")
    problems: list[tuple[str, str]] = []
    tagged: dict[str, list[str]] = {}
    untagged: list[str] = []
    reread = 0
    for path, track in tracks.items():
        if unchanged(track):
            values = split_genres(track.genres)
        else:
            reread += 1
            try:
                values = split_genres(read_genres(path))
            except Exception as exc:  # noqa: BLE001 - TagError, OSError, mutagen's assorted errors
                problems.append((path, f"cannot read its tags: {str(exc).splitlines()[0]}"))
                continue
        if values:
            tagged[path] = values
        else:
            untagged.append(path)
    counts = {
        "indexed": len(tracks),
        "tagged": len(tagged),
        "unreadable_tags": len(problems),
        "tags_read_from_files": reread,
    }
    if not tagged:
        raise VocabularyError(
            f"none of the {len(tracks)} indexed tracks carries a genre tag: tag some first "
            "(mgc-desktop tag FILE --set-genre NAME)"
        )
    usable = {p: g for p, g in tagged.items() if p in vectors}
    counts["no_embedding"] = len(tagged) - len(usable)
    if not usable:
        raise VocabularyError(
            f"the {len(tagged)} tagged tracks have no track embedding from model "
            f"{base_model_id!r} (not classified yet, silent, or a model without embeddings)"
        )
    by_key = count_genres(list(usable.values()))
    kept, left_out = choose_genres(by_key, min_tracks)
    if len(kept) < 2:
        found = ", ".join(f"{c.name} ({c.tracks})" for c in by_key.values())
        raise VocabularyError(
            f"need at least two genres with at least {min_tracks} tagged tracks each; found {found}"
        )
    index = {k: i for i, k in enumerate(kept)}
    rows, labels, background = [], [], []
    for path, values in usable.items():
        lab = sorted({index[genre_key(v)] for v in values if genre_key(v) in index})
        if lab:
            rows.append(path)
            labels.append(lab)
        else:
            background.append(path)  # only genres too small to learn: music of other genres
    background += [p for p in untagged if p in vectors]
    counts["used"] = len(rows)
    counts["only_left_out_genres"] = len(usable) - len(rows)
    counts["untagged"] = len(untagged)
    counts["background"] = len(background)
    genres = [by_key[k] for k in kept]
    # Counts of the genres learned are over the tracks used (a track may carry several).
    genres = [
        GenreCount(g.name, sum(1 for lab in labels if i in lab), g.spellings)
        for i, g in enumerate(genres)
    ]
    classes = _base_classes(tracks.values())

    def answers(paths: list[str]) -> np.ndarray:
        return base_matrix([_probabilities(tracks[p]) for p in paths], classes)

    def matrix(paths: list[str]) -> np.ndarray:
        if not paths:
            return np.zeros((0, len(next(iter(vectors.values())))), dtype=np.float32)
        return np.stack([vectors[p] for p in paths]).astype(np.float32)

    return TrainingSet(
        base_model_id,
        classes,
        rows,
        matrix(rows),
        answers(rows),
        labels,
        genres,
        left_out,
        counts,
        problems,
        matrix(background),
        answers(background),
    )


def _probabilities(track) -> dict[str, float]:
    return track.prediction.probabilities if track.prediction is not None else {}


def _base_classes(tracks) -> tuple[str, ...]:
    """The base model's genres, in a fixed order (sorted: stored answers are dicts)."""
    names: set[str] = set()
    for track in tracks:
        names.update(_probabilities(track))
    return tuple(sorted(names))


def _choose_learner(training: TrainingSet, seed: int) -> tuple[float, LogisticFit, list[dict]]:
    """The closed-set learner with the best cross-validated accuracy (overall plus mean per
    genre), and every candidate's figures."""
    tried = []
    for weight in BASE_WEIGHTS:
        features = closed_features(training.embeddings, training.base, weight)
        fit = fit_logistic(features, training.labels, len(training.genres), seed=seed, final=False)
        tried.append((weight, fit))
    merit = [f.cv["accuracy"] + f.cv["mean_genre_accuracy"] for _, f in tried]
    best = int(np.argmax(merit))
    weight = tried[best][0]
    features = closed_features(training.embeddings, training.base, weight)
    tried[best] = (weight, final_fit(features, training.labels, tried[best][1]))
    summary = [
        {
            "base_weight": w,
            "features": "embedding + base answers" if w > 0 else "embedding",
            "cv_accuracy": f.cv["accuracy"],
            "cv_mean_genre_accuracy": f.cv["mean_genre_accuracy"],
        }
        for w, f in tried
    ]
    return tried[best][0], tried[best][1], summary


def fit_personal_model(training: TrainingSet, *, seed: int = 0) -> PersonalModel:
    """Learn the user's genres from a training set; the report holds the cross-validated
    figures with their intervals, the open set's calibration and the write threshold."""
    started = time.monotonic()
    training = _usable(training)
    k = len(training.genres)
    if k < 2:
        raise VocabularyError("need at least two genres to learn")
    weight, fit, learners = _choose_learner(training, seed)
    primary = np.array([lab[0] for lab in training.labels])
    opened = fit_openset(
        normalise(training.embeddings),
        sqrt_answers(training.base),
        primary,
        normalise(training.background_embeddings),
        sqrt_answers(training.background_base),
        seed=seed,
    )
    judged = _judge(fit, opened, training.labels, k)
    model = PersonalModel(
        base_model_id=training.base_model_id,
        genres=tuple(g.name for g in training.genres),
        base_classes=training.base_classes,
        base_weight=weight,
        weights=fit.weights,
        bias=fit.bias,
        mean=fit.mean,
        scale=fit.scale,
        openset=opened.openset,
        temperature=fit.temperature,
        created_at=time.time(),
    )
    # the threshold is chosen among the answers the open set lets through at all
    ok_in = certain(judged["conf_in"], judged["none_in"], 0.0)
    ok_out = certain(judged["conf_out"], judged["none_out"], 0.0)
    threshold = choose_threshold(
        np.where(ok_in, judged["conf_in"], 0.0),
        judged["right_in"],
        np.where(ok_out, judged["conf_out"], 0.0),
        opened.unknown_share,
    )
    report = _report(training, fit, opened, judged, threshold, learners, weight)
    report["fit_s"] = round(time.monotonic() - started, 3)
    return dataclasses.replace(model, threshold=threshold["value"], report=report)


def _usable(training: TrainingSet) -> TrainingSet:
    """The training set without rows that describe nothing (`features.usable_rows`: a NaN or
    zero embedding; one NaN made every weight NaN), counted as tagged without embedding.
    VocabularyError when a genre is left with fewer than two tracks."""
    ok = usable_rows(training.embeddings, training.base)
    bg_ok = usable_rows(training.background_embeddings, training.background_base)
    if ok.all() and bg_ok.all():
        return training
    labels = [lab for lab, keep in zip(training.labels, ok) if keep]
    genres = [
        GenreCount(g.name, sum(1 for lab in labels if i in lab), g.spellings)
        for i, g in enumerate(training.genres)
    ]
    short = [g.name for g in genres if g.tracks < 2]
    if short:
        raise VocabularyError(
            f"too few tracks with a usable embedding in {', '.join(short)} (corrupt or "
            "silent rows left out): scan those files again"
        )
    counts = dict(training.counts)
    counts["no_embedding"] = counts.get("no_embedding", 0) + int((~ok).sum())
    counts["used"] = len(labels)
    return dataclasses.replace(
        training,
        paths=[p for p, keep in zip(training.paths, ok) if keep],
        embeddings=training.embeddings[ok],
        base=training.base[ok],
        labels=labels,
        genres=genres,
        counts=counts,
        background_embeddings=training.background_embeddings[bg_ok],
        background_base=training.background_base[bg_ok],
    )


def _judge(fit: LogisticFit, opened: OpenSetFit, labels: list[list[int]], k: int) -> dict:
    """Out-of-fold confidences of the tracks both cross-validation and the open set judged:
    as themselves (in) and as music of a genre never learned, their own held out (out)."""
    where = {int(r): i for i, r in enumerate(opened.ref_rows)}
    pairs = [(j, where[int(r)]) for j, r in enumerate(fit.cv_rows) if int(r) in where]
    oof = fit.oof[[j for j, _ in pairs]]
    known = opened.known_loo[[i for _, i in pairs]]
    held_known = opened.held_out_known[[i for _, i in pairs]]
    rows_labels = [labels[int(fit.cv_rows[j])] for j, _ in pairs]
    best = oof.argmax(axis=1)
    right = np.array([b in lab for b, lab in zip(best, rows_labels)], dtype=bool)
    others = oof.copy()
    for i, lab in enumerate(rows_labels):
        others[i, lab] = 0.0
    others /= np.maximum(others.sum(axis=1, keepdims=True), 1e-12)
    return {
        "labels": rows_labels,
        "right_in": right,
        "conf_in": known * oof.max(axis=1),
        "none_in": 1.0 - known,
        "conf_out": held_known * others.max(axis=1),
        "none_out": 1.0 - held_known,
    }


def _report(training, fit, opened, judged, threshold, learners, weight) -> dict:
    t = threshold["value"]
    right, labels = judged["right_in"], judged["labels"]
    genres = []
    for c, g in enumerate(training.genres):
        has = np.array([c in lab for lab in labels], dtype=bool)
        n = int(has.sum())
        out_c = has & ~certain(judged["conf_out"], judged["none_out"], t)
        genres.append(
            {
                "genre": g.name,
                "tracks": g.tracks,
                "cv_accuracy": proportion(int(right[has].sum()), n),
                "trustworthy": n >= MIN_TRUSTED_TRACKS,
                "held_out_none": proportion(int(out_c.sum()), n),
                "spellings": g.spellings,
            }
        )
    n = len(right)
    labelled = certain(judged["conf_in"], judged["none_in"], t)
    rejected = ~certain(judged["conf_out"], judged["none_out"], t)
    overall = proportion(int(right.sum()), n)
    return {
        "base_model_id": training.base_model_id,
        "cv": {
            **overall,
            "accuracy": overall["value"],
            "mean_genre_accuracy": fit.cv["mean_genre_accuracy"],
            "folds": fit.cv["folds"],
            "tracks": n,
            "l2": fit.cv["l2"],
            "temperature": fit.cv["temperature"],
            "ece": fit.cv["ece"],
        },
        "learner": {
            "kind": "class-balanced multinomial logistic regression",
            "features": "embedding + base answers" if weight > 0 else "embedding",
            "candidates": learners,
        },
        "threshold": {
            "value": round(t, 4) if t <= 1 else None,
            "target_precision": TARGET_PRECISION,
            "cv_precision": threshold["precision"],
            "cv_labelled": proportion(int(labelled.sum()), n),
        },
        "open_set": {
            "method": opened.openset.method,
            "background_tracks": opened.background,
            "unknown_share": round(opened.unknown_share, 4),
            "max_none_of_these": round(MAX_NONE_OF_THESE, 4),
            "held_out_none": proportion(int(rejected.sum()), n),
        },
        "min_trusted_tracks": MIN_TRUSTED_TRACKS,
        "untrustworthy": [g["genre"] for g in genres if not g["trustworthy"]],
        "genres": genres,
        "left_out": [dataclasses.asdict(x) for x in training.left_out],
        "tracks": dict(training.counts),
    }


def learn(training: TrainingSet, seed: int = 0) -> PersonalModel:
    """Fit the user's genre model on a training set; its report says what was learned."""
    return fit_personal_model(training, seed=seed)
