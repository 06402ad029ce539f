"""`mgc-desktop tag` and `mgc-desktop undo`: plan, print, journal, write; and take it back.

Exit codes: 0 all went well, 1 some files failed, 2 usage error. Files left alone (uncertain,
below threshold, policy) are not failures. The last line always names the batch and its counts.
"""

from __future__ import annotations

import argparse
import itertools
import sys
import time
from pathlib import Path

EXIT_OK, EXIT_SOME_FAILED, EXIT_USAGE = 0, 1, 2


def register(sub: argparse._SubParsersAction) -> None:
    """Add the `tag` and `undo` subcommands."""
    p = sub.add_parser("tag", help="classify files and write their genre tags (journaled)")
    p.add_argument("paths", nargs="+", metavar="PATH", help="files or folders")
    p.add_argument("--dry-run", action="store_true", help="print the plan, write nothing")
    p.add_argument(
        "--policy",
        choices=["fill", "replace", "append"],
        default=None,
        help="existing genres: fill only empty ones (default), replace, append "
        "(--set-genre defaults to replace)",
    )
    p.add_argument(
        "--min-confidence",
        type=float,
        default=None,
        metavar="X",
        help="tag only tracks the model is at least this sure of, 0 to 1; the others count as "
        "uncertain and are left untouched (default: the model's own threshold, uncertain_below "
        "in its card; with your learned genres, theirs)",
    )
    p.add_argument(
        "--top-k",
        type=int,
        default=1,
        metavar="N",
        help="write up to N genres, each at least --min-confidence",
    )
    p.add_argument(
        "--set-genre", metavar="NAME[,NAME...]", help="write these genre(s) without classifying"
    )
    p.add_argument("--keep-mtime", action="store_true", help="keep files' modification times")
    p.add_argument(
        "--id3-version",
        type=int,
        choices=[3, 4],
        default=4,
        help="ID3v2 version for files that have no ID3 tag yet (existing tags keep theirs)",
    )
    p.add_argument("--genre-names", metavar="JSON", help="class -> display name mapping file")
    p.add_argument("--note", help="a note stored with the batch")
    from mgc_desktop.cli.personal import add_vocabulary_option

    add_vocabulary_option(p)
    p.set_defaults(func=run_tag)

    u = sub.add_parser("undo", help="restore the genres a tag batch replaced")
    u.add_argument("paths", nargs="*", metavar="PATH", help="undo the last change of these files")
    u.add_argument(
        "--batch", type=int, metavar="ID", help="batch to undo (default: the newest in effect)"
    )
    u.add_argument(
        "--force",
        action="store_true",
        help="restore even files whose genre changed since the batch",
    )
    u.add_argument("--keep-mtime", action="store_true", help="keep files' modification times")
    u.add_argument("--list", action="store_true", help="list batches and exit")
    u.set_defaults(func=run_undo)


def _expand(paths: list[str]) -> tuple[list[str], list[tuple[str, str]]]:
    """Files as given, folders walked for music files; plus (path, reason) for what could not
    be looked at (unreadable folders, symlink loops, missing paths)."""
    from mgc_desktop.library.walk import WalkProblem, walk_audio

    files: list[str] = []
    problems: list[tuple[str, str]] = []
    for item in walk_audio(paths):
        if isinstance(item, WalkProblem):
            problems.append((item.path, item.error))
        else:
            files.append(str(item))
    return files, problems


def _usage(msg: str) -> int:
    print(f"mgc-desktop: error: {msg}", file=sys.stderr)
    return EXIT_USAGE


def run_tag(args: argparse.Namespace) -> int:
    """Plan every file, print the plan, then (unless --dry-run) journal and write."""
    from mgc_desktop.library.scanner import note_tag_batch
    from mgc_desktop.tags.apply import apply_plan
    from mgc_desktop.tags.names import load_mapping, resolve_name
    from mgc_desktop.tags.plan import ERROR, WRITE, PlanItem, format_item, plan_manual

    try:
        mapping = load_mapping(args.genre_names)
    except ValueError as exc:
        return _usage(str(exc))
    paths, problems = _expand(args.paths)
    if not paths and not problems:
        from mgc_desktop.cli import no_music_found

        return no_music_found("tag", args.paths)

    plan: list[PlanItem] = [PlanItem(p, ERROR, reason=reason) for p, reason in problems]
    for item in plan:
        print(format_item(item), flush=True)
    if args.set_genre is not None:
        names = [resolve_name(n, mapping) for n in args.set_genre.split(",") if n.strip()]
        if not names:
            return _usage("--set-genre needs at least one name")
        manual = plan_manual(
            paths, names, policy=args.policy or "replace", id3_version=args.id3_version
        )
        for item in manual:
            print(format_item(item), flush=True)
        plan += manual
    elif paths:
        by_model = _plan_by_model(args, paths, mapping)
        if by_model is None:
            return EXIT_USAGE
        plan += by_model

    to_write = sum(1 for i in plan if i.action == WRITE)
    errors = sum(1 for i in plan if i.action == ERROR)
    if args.dry_run:
        print(
            f"dry run, nothing written: {to_write} would be written, "
            f"{len(plan) - to_write - errors} skipped, {errors} failed"
        )
        return EXIT_SOME_FAILED if errors else EXIT_OK
    result = apply_plan(plan, batch_note=args.note, keep_mtime=args.keep_mtime)
    note_tag_batch(result.batch_id)  # tag-only change: the index keeps its predictions
    for path, msg in result.errors:
        if not any(i.path == path and i.action == ERROR for i in plan):
            print(f"{path}: failed: {msg}", file=sys.stderr)
    sys.stderr.flush()
    print(result.summary())
    return EXIT_SOME_FAILED if result.failed else EXIT_OK


def _plan_by_model(args, paths, mapping):
    """Classify the files and plan from the predictions; None on a model/usage problem.
    One threshold decides which tracks are certain, wherever their prediction comes from (the
    index, the classifier, the learned genres), so that --min-confidence means what it says."""
    from mgc_desktop.cli.personal import drop_rows_without_embedding, personal_model
    from mgc_desktop.library.cache import indexed_predictions
    from mgc_desktop.model.batch import classify_paths
    from mgc_desktop.tags.plan import ERROR, PlanItem, format_item, plan_prediction, unique_paths

    model_path = getattr(args, "model", None)
    files = [Path(p) for p in unique_paths(paths)]
    personal, status = personal_model(args, "tag")  # the learned genres; a usage error printed
    if status is not None:
        return None
    plan = []
    try:
        bar = _certainty_threshold(args, personal, model_path)
        cached = indexed_predictions(files, model_path, bar)  # the index, where it is current
        if personal is not None:  # the user's genres, written exactly as the user spells them
            mapping = {**mapping, **{g: g for g in personal.genres}}
            cached = drop_rows_without_embedding(cached)
        rest = [f for f in files if str(f) not in cached]
        fresh = classify_paths(rest, model_path=model_path, uncertain_below=bar) if rest else ()
        results = itertools.chain(cached.values(), fresh)
        for res in results:
            if hasattr(res, "genre"):
                if personal is not None:
                    res = personal.apply(res, bar)
                item = plan_prediction(
                    res,
                    policy=args.policy or "fill",
                    min_confidence=bar,
                    top_k=args.top_k,
                    mapping=mapping,
                    id3_version=args.id3_version,
                )
            else:
                item = PlanItem(str(res.path), ERROR, reason=f"cannot classify: {res.error}")
            plan.append(item)
            print(format_item(item), flush=True)
    except Exception as exc:  # noqa: BLE001 - missing/incompatible model: one line, no traceback
        print(f"mgc-desktop: error: {exc}", file=sys.stderr)
        return None
    return plan


def _certainty_threshold(args, personal, model_path: str | None) -> float:
    """--min-confidence, else the default of the genres in use: the learned genres' own, or
    the model card's `uncertain_below` (what `classify` calls uncertain)."""
    from mgc_desktop.cli.personal import threshold

    if args.min_confidence is not None or personal is not None:
        return threshold(args)
    from mgc_desktop.model.classifier import load_session
    from mgc_desktop.paths import default_model_path

    _, card = load_session(model_path or default_model_path())
    return card.inference.uncertain_below


def run_undo(args: argparse.Namespace) -> int:
    """Undo a batch (default: the last one still in effect) or the last change of some files."""
    from mgc_desktop.library.scanner import note_tag_batch
    from mgc_desktop.tags.apply import BYTE_EXACT, list_batches, undo_batch, undo_paths

    if args.list:
        batches = list_batches()
        for b in batches:
            print(_batch_line(b))
        if not batches:
            print("no batches yet")
        return EXIT_OK
    if args.batch is not None and args.paths:
        return _usage("give either --batch or paths, not both")
    if args.paths:
        result = undo_paths(args.paths, force=args.force, keep_mtime=args.keep_mtime)
    else:
        try:
            result = undo_batch(args.batch, force=args.force, keep_mtime=args.keep_mtime)
        except LookupError as exc:
            print(f"mgc-desktop: {exc.args[0]}", file=sys.stderr)
            return EXIT_USAGE if args.batch is not None else EXIT_OK
    for path, how in result.restored:
        note = "" if how == BYTE_EXACT else ": the file changed since, only its genre was restored"
        print(f"{path}: restored ({how}){note}")
    for path, msg in result.errors:
        print(
            f"{path}: {'failed' if 'no journaled' not in msg else 'skipped'}: {msg}",
            file=sys.stderr,
        )
    note_tag_batch(result.batch_id)
    sys.stderr.flush()
    print(result.undo_summary())
    return EXIT_SOME_FAILED if result.failed else EXIT_OK


def _batch_line(b) -> str:
    """One `undo --list` line: id, kind, when, counts, the folder it touched, model, note."""
    what = b.kind
    if b.kind == "undo":
        what = f"undo of {b.undoes}" if b.undoes is not None else "undo by path"
    when = time.strftime("%Y-%m-%d %H:%M:%S", time.localtime(b.created))
    parts = [
        f"batch {b.id}: {what}, {when}",
        f"{b.written or 0} written, {b.skipped or 0} skipped, {b.failed or 0} failed",
        f"{b.active} in effect",
    ]
    if b.folder:
        parts.append(f"in {b.folder}")
    if b.finished is None:
        parts.append("interrupted")
    if b.model_id:
        parts.append(f"model {b.model_id}")
    if b.note:
        parts.append(f"note: {b.note}")
    return ", ".join(parts)
