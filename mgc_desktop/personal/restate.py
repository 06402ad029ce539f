"""Index tracks restated in the owner's genres (the window's table, album verdicts): from what
the index stores, no file decoded."""

from __future__ import annotations

import dataclasses
from collections.abc import Sequence

import numpy as np

from mgc_desktop.personal.model import PersonalModel, restated


def restate_tracks(
    model: PersonalModel, tracks: Sequence, library, uncertain_below: float | None = None
) -> list:
    """Index tracks (library.index.Track) with their stored predictions restated in the user's
    genres (`uncertain_below` None: the learned threshold); tracks without an embedding keep
    no prediction but a silent one."""
    tracks = list(tracks)
    if not tracks:
        return []
    model_id = next((t.prediction.model_id for t in tracks if t.prediction), model.base_model_id)
    found = library.embeddings(model_id, paths=[t.path for t in tracks])
    row = {p: i for i, p in enumerate(found.paths)}
    by_path = {t.path: t for t in tracks}
    if len(found):
        answers = [
            by_path[p].prediction.probabilities if by_path[p].prediction else {}
            for p in found.paths
        ]
        probs, none = model.predict_stored(found.matrix, answers)
    else:
        probs, none = np.zeros((0, 0)), np.zeros(0)
    out = []
    for track in tracks:
        pred = track.prediction
        i = row.get(track.path)
        if pred is not None and pred.genre is not None:
            if i is None:
                pred = None
            else:
                pred = restated(model, pred, probs[i], float(none[i]), uncertain_below)
        out.append(dataclasses.replace(track, prediction=pred))
    return out
