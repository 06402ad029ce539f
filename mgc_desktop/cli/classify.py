"""`mgc-desktop classify PATH...`: genre predictions for files and folders, headless."""

from __future__ import annotations

import argparse
import contextlib
import itertools
import json
import sys
import time
from typing import TYPE_CHECKING

from mgc_desktop.cli import EXIT_OK, EXIT_SOME_FAILED, EXIT_USAGE, no_music_found
from mgc_desktop.cli.personal import (
    add_vocabulary_option,
    drop_rows_without_embedding,
    personal_model,
    threshold,
)

if TYPE_CHECKING:
    from mgc_desktop.model.batch import FileFailure
    from mgc_desktop.model.classifier import Prediction


def register(sub: argparse._SubParsersAction) -> None:
    p = sub.add_parser(
        "classify",
        help="predict the genre of files and folders (recursive)",
        description="Predict genres. Files that cannot be read get one error line each; "
        "exit status 0 when all were classified, 1 when some failed, 2 on usage errors.",
    )
    p.add_argument("paths", nargs="+", metavar="PATH", help="music files or folders")
    p.add_argument("--json", action="store_true", help="one JSON object per track on stdout")
    p.add_argument("--top-k", type=int, default=1, metavar="N", help="show the N best genres")
    p.add_argument("--workers", type=int, default=None, metavar="N", help="worker processes")
    p.add_argument(
        "--min-confidence",
        type=float,
        default=None,
        metavar="X",
        help="below this confidence a prediction is marked uncertain (default: the model's; "
        "below 0.5, a track the model sets apart as none of its genres can count as certain)",
    )
    p.add_argument("--timeout", type=float, default=120.0, metavar="S", help="time limit per file")
    add_vocabulary_option(p)
    p.set_defaults(func=run)


class Progress:
    """Progress, rate and ETA on stderr: a live line on a terminal, a line every few seconds
    otherwise; silent for runs that finish quickly. A run that showed progress ends with a
    final line (done, rate, time), so a log never stops at a stale count."""

    def __init__(self, total: int | None, quiet_for_s: float = 2.0) -> None:
        self.total, self.done = total, 0
        self.start = time.monotonic()
        self.quiet_until = self.start + quiet_for_s
        self.last = 0.0
        self.tty = sys.stderr.isatty()

    def step(self) -> None:
        self.done += 1
        now = time.monotonic()
        interval = 0.2 if self.tty else 5.0
        if now < self.quiet_until or now - self.last < interval:
            return
        self.last = now
        rate = self.done / max(now - self.start, 1e-9)
        text = f"{self.done}" + (f"/{self.total}" if self.total else "") + f" ({rate:.1f}/s"
        if self.total:
            text += f", ETA {max(0, self.total - self.done) / max(rate, 1e-9):.0f} s"
        text += ")"
        print(("\r" + text) if self.tty else text, end="" if self.tty else "\n", file=sys.stderr)

    def finish(self) -> None:
        if not self.last:  # quiet run: nothing was shown, nothing to close
            return
        elapsed = max(time.monotonic() - self.start, 1e-9)
        text = f"{self.done}" + (f"/{self.total}" if self.total else "")
        text += f" done in {elapsed:.1f} s ({self.done / elapsed:.1f}/s)"
        print(("\r" + text.ljust(40)) if self.tty else text, file=sys.stderr, flush=True)


def run(args: argparse.Namespace) -> int:
    from mgc_desktop.library.cache import indexed_predictions
    from mgc_desktop.library.walk import WalkProblem, walk_audio
    from mgc_desktop.model.batch import ClassifierPool, default_workers
    from mgc_desktop.model.card import IncompatibleModel
    from mgc_desktop.paths import default_model_path

    # Results come back from the workers in completion order; they are printed in walk order
    # (paths as given, folders in name order), each as soon as everything before it is out.
    order = list(walk_audio(args.paths))
    files = [item for item in order if not isinstance(item, WalkProblem)]
    if not files and not any(isinstance(item, WalkProblem) for item in order):
        return no_music_found("classify", args.paths)
    # Unchanged files the library index already classified with this model are not redone.
    cached = indexed_predictions(files, args.model, args.min_confidence) if files else {}
    personal, status = personal_model(args, "classify")
    if status is not None:
        return status
    if personal is not None:  # the user's genres: stored rows without an embedding are redone
        cached = drop_rows_without_embedding(cached)
        args.genre_names = {g: g for g in personal.genres}  # written exactly as the user does
    rest = [f for f in files if str(f) not in cached]
    pool = None
    if rest:
        try:
            pool = ClassifierPool(
                args.model or default_model_path(),
                workers=min(args.workers or default_workers(), len(rest)),
                timeout_s=args.timeout,
                uncertain_below=args.min_confidence,
            )
        except (IncompatibleModel, FileNotFoundError) as exc:
            print(f"mgc-desktop classify: cannot use the model: {exc}", file=sys.stderr)
            return EXIT_USAGE
    progress = Progress(len(files))
    results: dict[str, Prediction | FileFailure] = {}
    printed = failed = 0

    def print_ready() -> None:
        nonlocal printed, failed
        while printed < len(order):
            item = order[printed]
            if isinstance(item, WalkProblem):
                _report_failure(args, item.path, item.error)
                failed += 1
            elif str(item) in results:
                failed += not _print_result(args, results[str(item)])
            else:
                return
            printed += 1

    print_ready()
    with pool or contextlib.nullcontext():
        for result in itertools.chain(cached.values(), pool.classify(rest) if pool else ()):
            progress.step()
            if personal is not None and hasattr(result, "genre"):
                result = personal.apply(result, threshold(args))
            results[str(result.path)] = result
            print_ready()
    progress.finish()
    return EXIT_SOME_FAILED if failed else EXIT_OK


def _print_result(args: argparse.Namespace, result: Prediction | FileFailure) -> bool:
    """One track's line (or JSON object); False when it is a failure."""
    from mgc_desktop.library.walk import display_path
    from mgc_desktop.model.batch import FileFailure
    from mgc_desktop.tags.names import display_name

    path = display_path(result.path)
    if isinstance(result, FileFailure):
        _report_failure(args, path, result.error)
        return False
    names = getattr(args, "genre_names", None)
    label = display_name(result.genre, names) if result.genre else None
    if args.json:
        record = {
            "path": path,
            "genre": result.genre,
            "label": label,
            "confidence": round(result.confidence, 6),
            "uncertain": result.uncertain,
            "probabilities": {k: round(v, 6) for k, v in result.probabilities.items()},
            "none_of_these": round(result.outside, 6),
            "windows": result.windows,
            "model_id": result.model_id,
            "vocabulary": "personal" if names else "builtin",
        }
        if args.top_k > 1:
            record["top"] = [
                {"genre": g, "label": display_name(g, names), "probability": round(p, 6)}
                for g, p in result.top(args.top_k)
            ]
        if result.note:
            record["note"] = result.note
        print(json.dumps(record, ensure_ascii=False), flush=True)
    elif result.genre is None:
        print(f"{path}\t-\t{result.note}", flush=True)
    else:
        ranked = ", ".join(f"{display_name(g, names)} {p:.0%}" for g, p in result.top(args.top_k))
        mark = "\t(uncertain)" if result.uncertain else ""
        if result.note:
            mark = f"\t({'uncertain: ' if result.uncertain else ''}{result.note})"
        print(f"{path}\t{ranked}{mark}", flush=True)
    return True


def _report_failure(args: argparse.Namespace, path: str, error: str) -> None:
    """JSON mode: an error object on stdout. Text mode: one line on stderr."""
    if args.json:
        print(json.dumps({"path": path, "error": error}, ensure_ascii=False), flush=True)
    else:
        print(f"{path}: error: {error}", file=sys.stderr, flush=True)
