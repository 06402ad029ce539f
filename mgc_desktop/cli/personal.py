"""`--vocabulary builtin|personal` for the commands that answer with genres (classify, scan,
tag): which genre names they speak. Once `learn` ran, the user's own genres are the default;
`builtin` gives the base model's ten."""

from __future__ import annotations

import argparse
import sys

from mgc_desktop.cli import EXIT_USAGE


def add_vocabulary_option(parser: argparse.ArgumentParser) -> None:
    """Add --vocabulary to a subcommand's parser."""
    parser.add_argument(
        "--vocabulary",
        choices=["builtin", "personal"],
        default=None,
        help="answer in your learned genres (personal; the default once `mgc-desktop learn` "
        "ran) or the model's built-in ten (builtin)",
    )


def personal_model(args: argparse.Namespace, prog: str):
    """(PersonalModel or None, exit status or None). None/None means: use the built-in genres.
    An explicit `--vocabulary personal` that cannot be honoured is a usage error (printed); by
    default, learned genres that belong to another base model are announced on stderr and the
    built-in genres are used."""
    from mgc_desktop.library.vocabulary import VocabularyError, load_personal, model_file

    choice = getattr(args, "vocabulary", None)
    if choice == "builtin" or (choice is None and not model_file().exists()):
        return None, None
    try:
        base_id = base_model_id(getattr(args, "model", None))
        return load_personal(base_id), None
    except VocabularyError as exc:
        if choice == "personal":
            print(f"mgc-desktop {prog}: {exc}", file=sys.stderr)
            return None, EXIT_USAGE
        print(f"mgc-desktop {prog}: note: {exc}; using the built-in genres", file=sys.stderr)
        return None, None
    except Exception as exc:  # noqa: BLE001 - unusable model: the command reports it itself
        if choice == "personal":
            print(f"mgc-desktop {prog}: cannot use the model: {exc}", file=sys.stderr)
            return None, EXIT_USAGE
        return None, None


def drop_rows_without_embedding(cached: dict) -> dict:
    """The index's predictions (`indexed_predictions`) that the learned genres can restate: a
    row stored with a genre but without its embedding cannot, so its file is classified again."""
    return {
        k: p
        for k, p in cached.items()
        if p.genre is None or getattr(p, "embedding", None) is not None
    }


def base_model_id(model_path: str | None) -> str:
    """The id of the base model in use, from the index's cache when it has one (no
    onnxruntime start), else from the model file."""
    from mgc_desktop.library.index import Library, default_index_path
    from mgc_desktop.library.scanner import model_id_for
    from mgc_desktop.paths import default_model_path

    path = model_path or default_model_path()
    if default_index_path().exists():
        try:
            with Library(readonly=True) as library:
                return model_id_for(path, library)
        except Exception:  # noqa: BLE001, S110 - a cache miss: read the model file below
            pass
    return model_id_for(path)


def threshold(args: argparse.Namespace) -> float:
    """The uncertainty threshold for personal predictions."""
    from mgc_desktop.library.vocabulary import UNCERTAIN_BELOW

    value = getattr(args, "min_confidence", None)
    return UNCERTAIN_BELOW if value is None else float(value)
