"""`mgc-desktop similar FILE`: the indexed tracks that sound most like FILE.

How alike the base model's track embeddings and its answers are (`personal/similar.py`), one
matrix product over the library index: no indexed file is decoded. FILE itself is looked up
in the index (decoded only when the index has no current entry for it) and left out of the
answer. Exit status 0 on an answer, 1 when FILE is missing or cannot be read (one error line
naming it, as `classify` and `tag` say it), 2 on usage errors (no index, nothing classified).
"""

from __future__ import annotations

import argparse
import json
import os
import sys

from mgc_desktop.cli import EXIT_OK, EXIT_SOME_FAILED, EXIT_USAGE


def register(sub: argparse._SubParsersAction) -> None:
    p = sub.add_parser(
        "similar",
        help="list the indexed tracks most similar to a file",
        description="The N indexed tracks closest to FILE (the model's track embeddings and "
        "answers compared; run `mgc-desktop scan` on your music first).",
    )
    p.add_argument("file", metavar="FILE", help="a music file")
    p.add_argument("--top", type=int, default=10, metavar="N", help="how many (default 10)")
    p.add_argument("--json", action="store_true", help="one JSON object per line: path, score")
    p.set_defaults(func=run)


def _usage(msg: str) -> int:
    print(f"mgc-desktop similar: {msg}", file=sys.stderr)
    return EXIT_USAGE


def run(args: argparse.Namespace) -> int:
    from mgc_desktop.library.index import Library, default_index_path
    from mgc_desktop.library.scanner import model_id_for
    from mgc_desktop.library.walk import display_path
    from mgc_desktop.model.card import IncompatibleModel
    from mgc_desktop.paths import default_model_path
    from mgc_desktop.personal.similar import NothingToCompare, similar_in_library

    if args.top < 1:
        return _usage("--top must be >= 1")
    if not os.path.exists(args.file):  # as classify and tag: a failed file, exit 1
        print(f"{display_path(args.file)}: error: file not found", file=sys.stderr)
        return EXIT_SOME_FAILED
    if not os.path.isfile(args.file):
        return _usage(f"{args.file}: not a file (give one music file)")
    if not default_index_path().exists():
        return _usage("the library index is empty: run `mgc-desktop scan FOLDER` first")
    model_path = args.model or default_model_path()
    with Library() as library:
        try:
            model_id = model_id_for(model_path, library)
        except (IncompatibleModel, FileNotFoundError) as exc:
            return _usage(f"cannot use the model: {exc}")
        if len(library.embeddings(model_id, limit=1)) == 0:
            return _usage(
                f"no indexed track has an embedding from model {model_id!r}: "
                "run `mgc-desktop scan FOLDER` first"
            )
        cached = library.cached_predictions([args.file], model_id).get(args.file)
        query = cached.embedding if cached is not None else None
        answers = cached.probabilities if cached is not None else None
        if query is None:  # not in the index (or changed since): analyse it for the query
            query, answers, error = _embed(model_path, args.file)
            if query is None:
                print(f"{display_path(args.file)}: error: {error}", file=sys.stderr)
                return EXIT_SOME_FAILED
        try:
            found = similar_in_library(library, model_id, args.file, args.top, query, answers)
        except NothingToCompare as exc:
            return _usage(str(exc))
    for path, score in found:
        if args.json:
            record = {"path": display_path(path), "score": round(score, 6)}
            print(json.dumps(record, ensure_ascii=False))
        else:
            print(f"{score:.4f}\t{display_path(path)}")
    return EXIT_OK


def _embed(model_path, path: str):
    """(embedding, the model's probabilities, None) for a file the index does not hold, or
    (None, None, reason)."""
    from mgc_desktop.audio.decode import DecodeError
    from mgc_desktop.model.classifier import GenreClassifier

    try:
        prediction = GenreClassifier(model_path).classify_file(path)
    except DecodeError as exc:
        return None, None, str(exc)
    embedding = getattr(prediction, "embedding", None)
    if embedding is None:
        reason = prediction.note or "the model gives no track embedding"
        return None, None, f"nothing to compare: {reason}"
    return embedding, prediction.probabilities, None
