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
    from mgc_desktop.personal.base import base_model_id
    from mgc_desktop.personal.model import VocabularyError, load_personal, model_file

    choice = getattr(args, "vocabulary", None)
    if choice == "builtin" or (choice is None and not model_file().exists()):
        return None, None
    try:
        base_id = base_model_id(getattr(args, "model", None))
        model = load_personal(base_id)
        args.personal_genres = model  # `threshold(args)` answers with its learned threshold
        return model, None
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


def threshold(args: argparse.Namespace) -> float:
    """The uncertainty threshold for personal predictions: --min-confidence, else the one the
    learned genres took from their cross-validation (`personal_model` keeps them on args)."""
    from mgc_desktop.personal.model import UNCERTAIN_BELOW

    value = getattr(args, "min_confidence", None)
    if value is not None:
        return float(value)
    model = getattr(args, "personal_genres", None)
    return model.threshold if model is not None else UNCERTAIN_BELOW
