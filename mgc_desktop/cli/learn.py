"""`mgc-desktop learn PATH...`: learn the user's own genres from the tags their tracks carry.

Indexes (and classifies) PATH first when needed, reads every track's current genre tags, keeps
the genres with at least --min-tracks tracks, fits the personal genre model on the base model's
embeddings and prints what it learned. It reads tags and never writes them. Exit status 0 when
it learned from every file, 1 when it learned but some files could not be read, 2 when nothing
could be learned (with the reason). `learn --forget` deletes what was learned.
"""

from __future__ import annotations

import argparse
import json
import os
import sys
import threading

from mgc_desktop.cli import EXIT_OK, EXIT_SOME_FAILED, EXIT_USAGE


def register(sub: argparse._SubParsersAction) -> None:
    p = sub.add_parser(
        "learn",
        help="learn your own genre names from the genre tags your tracks already carry",
        description="Learn your genres from your tagged tracks, so that classify, scan and tag "
        "answer in your words. Tags are only read. Exit status 0 when all went well, 1 when "
        "some files could not be read, 2 when nothing could be learned.",
    )
    p.add_argument("paths", nargs="*", metavar="PATH", help="music folders to learn from")
    p.add_argument(
        "--min-tracks",
        type=int,
        default=None,
        metavar="N",
        help="learn only genres with at least N tagged tracks (default 5)",
    )
    p.add_argument("--json", action="store_true", help="the report as one JSON object")
    p.add_argument("--forget", action="store_true", help="delete the learned genres")
    p.add_argument("--workers", type=int, default=None, metavar="N", help="worker processes")
    p.add_argument("--timeout", type=float, default=120.0, metavar="S", help="time limit per file")
    p.set_defaults(func=run)


def _usage(msg: str) -> int:
    print(f"mgc-desktop learn: {msg}", file=sys.stderr)
    return EXIT_USAGE


def run(args: argparse.Namespace) -> int:
    from mgc_desktop.personal.model import DEFAULT_MIN_TRACKS, forget_personal, model_file

    if args.forget:
        if args.paths or args.min_tracks is not None:
            return _usage("--forget takes no PATH or --min-tracks")
        if forget_personal():
            print(f"forgot the learned genres ({model_file()}); answers use the built-in genres")
        else:
            print("no learned genres to forget")
        return EXIT_OK
    if not args.paths:
        return _usage("give the music folder(s) to learn from (or --forget)")
    min_tracks = DEFAULT_MIN_TRACKS if args.min_tracks is None else args.min_tracks
    if min_tracks < 2:
        return _usage("--min-tracks must be at least 2 (cross-validation needs two per genre)")
    if args.workers is not None and args.workers < 1:
        return _usage("--workers must be >= 1")
    for path in args.paths:
        problem = _unreadable(path)
        if problem:
            return _usage(f"{path}: {problem}")
    return _learn(args, min_tracks)


def _unreadable(path: str) -> str | None:
    """Why a PATH argument cannot be learned from, or None."""
    if not os.path.exists(path):
        return "no such file or folder"
    if os.path.isdir(path):
        try:
            with os.scandir(path) as entries:
                next(entries, None)
        except OSError as exc:
            return f"cannot read this folder ({exc.strerror or exc})"
    elif not os.access(path, os.R_OK):
        return "cannot read this file (permission denied)"
    return None


def _learn(args: argparse.Namespace, min_tracks: int) -> int:
    from mgc_desktop.cli.scan import _StderrProgress
    from mgc_desktop.library.index import Library
    from mgc_desktop.library.scanner import scan
    from mgc_desktop.model.card import IncompatibleModel
    from mgc_desktop.paths import default_model_path
    from mgc_desktop.personal.model import VocabularyError
    from mgc_desktop.personal.training import gather_training_set, learn

    progress = _StderrProgress()
    try:
        library = Library()
    except Exception as exc:  # noqa: BLE001 - sqlite3 and OS errors
        return _usage(f"cannot open the library index: {exc}")
    with library:
        try:
            scanned = scan(
                args.paths,
                library,
                args.model or default_model_path(),
                threading.Event(),
                progress,
                workers=args.workers,
                timeout_s=args.timeout,
            )
        except (IncompatibleModel, FileNotFoundError) as exc:
            progress.finish()
            return _usage(f"cannot use the model: {exc}")
        progress.finish()
        try:
            training = gather_training_set(library, scanned.model_id or "", args.paths, min_tracks)
            model = learn(training)
        except VocabularyError as exc:
            for path, error in scanned.failures:
                print(f"{path}: error: {error}", file=sys.stderr)
            return _usage(f"cannot learn: {exc}")
        library.embeddings(scanned.model_id or "")  # refreshes the matrix `similar` reads
    saved = model.save()
    failures = list(scanned.failures) + training.problems
    for path, error in failures:
        print(f"{path}: error: {error}", file=sys.stderr)
    sys.stderr.flush()
    if args.json:
        print(json.dumps({**model.report, "saved_to": str(saved)}, ensure_ascii=False))
    else:
        _print_report(model.report, str(saved))
    return EXIT_SOME_FAILED if failures else EXIT_OK


def _interval(p: dict) -> str:
    """'83% (5 of 6; 95% interval 44-97%)' from a `honesty.proportion` dict."""
    if not p["n"]:
        return "no tracks to judge"
    lo, hi = p["ci95"]
    right = round(p["value"] * p["n"])
    return f"{p['value']:.0%} ({right} of {p['n']}; 95% interval {lo:.0%}-{hi:.0%})"


def _print_report(report: dict, saved: str) -> None:
    cv, tracks = report["cv"], report["tracks"]
    print(
        f"Learned {len(report['genres'])} genres from {tracks['used']} tagged tracks "
        f"(base model {report['base_model_id']}; {report['learner']['features']}): "
        f"cross-validated accuracy {_interval(cv)}, mean per genre "
        f"{cv['mean_genre_accuracy']:.0%}, {cv['folds']} folds"
    )
    width = max(len("genre"), *(len(g["genre"]) for g in report["genres"]))
    print(f"  {'genre'.ljust(width)}  tracks  cv accuracy  95% interval")
    for g in report["genres"]:
        acc = g["cv_accuracy"]
        lo, hi = acc["ci95"]
        value = f"{acc['value']:.0%}" if acc["n"] else "-"
        note = "" if g["trustworthy"] else "  too few tracks for a trustworthy estimate"
        print(
            f"  {g['genre'].ljust(width)}  {g['tracks']:6d}  {value:>11}  "
            f"{f'{lo:.0%}-{hi:.0%}':>12}{note}"
        )
    if report["untrustworthy"]:
        print(
            f"fewer than {report['min_trusted_tracks']} tagged tracks: "
            + ", ".join(report["untrustworthy"])
            + " (their figures may be far off; tag more tracks of them)"
        )
    opened = report["open_set"]
    basis = (
        f"fitted on {opened['background_tracks']} untagged tracks"
        if opened["method"] == "background"
        else "fitted on held-out genres (too few untagged tracks)"
    )
    print(
        f"none of these: {basis}; each genre held out in turn came out none of these or "
        f"uncertain for {_interval(opened['held_out_none'])}; a genre is written only where "
        f"none of these is at most {opened['max_none_of_these']:.0%}"
    )
    t = report["threshold"]
    if t["value"] is None:
        print(
            f"write threshold: none reaches {t['target_precision']:.0%} cross-validated "
            "precision, so nothing is written automatically (choose one with --min-confidence)"
        )
    else:
        print(
            f"write threshold {t['value']:.2f} (from cross-validation: precision "
            f"{t['cv_precision']:.0%}, target {t['target_precision']:.0%}); it labels "
            f"{_interval(t['cv_labelled'])} of the tagged tracks"
        )
    for left in report["left_out"]:
        print(f"left out: {left['name']} ({left['reason']})")
    print(
        f"tracks: {tracks['indexed']} indexed, {tracks['tagged']} tagged, "
        f"{tracks['untagged']} untagged, {tracks['no_embedding']} tagged without embedding, "
        f"{tracks['unreadable_tags']} with unreadable tags"
    )
    print(
        f"saved to {saved}: classify, scan and tag now answer in these genres "
        "(--vocabulary builtin for the built-in ones); `mgc-desktop learn --forget` removes them"
    )
