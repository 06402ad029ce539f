"""`mgc-desktop scan PATH...`: bring the library index up to date and classify what is new.

The second scan of an unchanged collection only stats files. Progress, rate and ETA go to
stderr; the summary (and, with --album-consistent, one genre per album) to stdout. Exit status
0 when every file is classified, 1 when some failed (now, or to classify in an earlier scan,
unchanged since; a missing path too), 2 on usage errors. A file whose tags hung the tag reader
is indexed and classified all the same: that failure is reported (exit 1) when found, then
remembered until the file changes, listed in the summary ("with unreadable tags") and not read
again, which does not fail later scans; --retry-failed reads it again. Ctrl-C keeps everything
classified so far; run the scan again to resume.
"""

from __future__ import annotations

import argparse
import json
import sys
import threading
import time

from mgc_desktop.cli import EXIT_OK, EXIT_SOME_FAILED, EXIT_USAGE, no_music_found


def register(sub: argparse._SubParsersAction) -> None:
    p = sub.add_parser(
        "scan",
        help="index folders and classify new or changed files (incremental)",
        description="Index music folders in the library and classify files that are new, "
        "changed or not yet classified by the current model; deleted files are pruned. "
        "Exit status 0 when all went well, 1 when some files failed, 2 on usage errors.",
    )
    p.add_argument("paths", nargs="+", metavar="PATH", help="music folders or files")
    p.add_argument("--workers", type=int, default=None, metavar="N", help="worker processes")
    p.add_argument("--timeout", type=float, default=120.0, metavar="S", help="time limit per file")
    p.add_argument(
        "--album-consistent",
        action="store_true",
        help="also give each album one genre, from the summed probabilities of its tracks",
    )
    p.add_argument("--retry-failed", action="store_true", help="retry files that failed before")
    p.add_argument("--index-only", action="store_true", help="update the index, do not classify")
    p.add_argument("--json", action="store_true", help="the summary as one JSON object")
    p.add_argument("--db", metavar="FILE", help="index file (default: in the user data folder)")
    from mgc_desktop.cli.personal import add_vocabulary_option

    add_vocabulary_option(p)
    p.set_defaults(func=run)


class _StderrProgress:
    """Scan progress on stderr: a live line on a terminal, a line every few seconds otherwise,
    nothing for scans that finish within two seconds. A scan that showed progress ends with a
    final line (files, time), so a log never stops at a stale count."""

    def __init__(self) -> None:
        self.start = time.monotonic()
        self.last = 0.0
        self.tty = sys.stderr.isatty()
        self.shown = False
        self.files: int | None = None  # set by the scan's final ("done") report

    def __call__(self, p) -> None:
        now = time.monotonic()
        if p.phase == "done":
            self.files = p.done
            return
        if now - self.start < 2.0:
            return
        if now - self.last < (0.2 if self.tty else 5.0):
            return
        self.last = now
        total = f"/{p.total}" if p.total else ""
        eta = f", ETA {p.eta_s:.0f} s" if p.eta_s is not None else ""
        text = f"{p.phase}: {p.done}{total} ({p.rate:.1f}/s{eta})"
        if self.tty:
            print("\r" + text.ljust(60), end="", file=sys.stderr, flush=True)
        else:
            print(text, file=sys.stderr, flush=True)
        self.shown = True

    def finish(self) -> None:
        """The final line, once progress was shown (also after Ctrl-C or an error)."""
        if not self.shown:
            return
        elapsed = time.monotonic() - self.start
        text = "done" if self.files is not None else "stopped"
        if self.files is not None:
            text += f": {self.files} file{'s' if self.files != 1 else ''}"
        text += f" in {elapsed:.1f} s"
        print(("\r" + text.ljust(60)) if self.tty else text, file=sys.stderr, flush=True)
        self.shown = False


def run(args: argparse.Namespace) -> int:
    from mgc_desktop.library.index import Library
    from mgc_desktop.library.scanner import scan
    from mgc_desktop.model.card import IncompatibleModel
    from mgc_desktop.paths import default_model_path

    cancel = threading.Event()
    progress = _StderrProgress()
    try:
        library = Library(args.db) if args.db else Library()
    except Exception as exc:  # noqa: BLE001 - sqlite3 and OS errors: a usage problem
        print(f"mgc-desktop scan: cannot open the library index: {exc}", file=sys.stderr)
        return EXIT_USAGE
    with library:
        try:
            report = scan(
                args.paths,
                library,
                None if args.index_only else (args.model or default_model_path()),
                cancel,
                progress,
                workers=args.workers,
                timeout_s=args.timeout,
                retry_failed=args.retry_failed,
                classify=not args.index_only,
            )
        except (IncompatibleModel, FileNotFoundError) as exc:
            progress.finish()
            print(f"mgc-desktop scan: cannot use the model: {exc}", file=sys.stderr)
            return EXIT_USAGE
        except KeyboardInterrupt:
            progress.finish()
            print("interrupted: finished work is kept; scan again to resume", file=sys.stderr)
            return 130
        progress.finish()
        personal = None
        if args.album_consistent:
            from mgc_desktop.cli.personal import personal_model

            personal, status = personal_model(args, "scan")
            if status is not None:
                return status
        albums = _albums(library, report.roots, report.model_id, personal, args)
    for path, error in report.failures:
        if not args.json:
            print(f"{path}: error: {error}", file=sys.stderr)
    if args.json:
        record = report.to_dict()
        record["failures"] = [{"path": p, "error": e} for p, e in report.failures]
        record["unread"] = [{"path": p, "error": e} for p, e in report.unread_tags]
        if args.album_consistent:
            record["albums"] = [_album_record(a) for a in albums]
            record["vocabulary"] = "personal" if personal else "builtin"
        print(json.dumps(record, ensure_ascii=False))
    else:
        if args.album_consistent:
            _print_albums(albums, {g: g for g in personal.genres} if personal else None)
        r = report
        print(
            f"{r.files} files: {r.added} added, {r.changed} changed, {r.unchanged} unchanged, "
            f"{r.moved} moved, {r.removed} removed, {r.classified} classified, {r.failed} failed"
            + (f", {r.known_failures} failed before" if r.known_failures else "")
            + (
                f", {len(r.unread_tags)} with unreadable tags (not read again; "
                "--retry-failed reads them)"
                if r.unread_tags
                else ""
            )
            + f" in {r.elapsed_s:.1f} s"
            + (" (cancelled)" if r.cancelled else "")
        )
    if report.failures or report.known_failures:
        return EXIT_SOME_FAILED
    if report.files == 0 and not report.cancelled:
        return no_music_found("scan", args.paths)
    return EXIT_OK


def _albums(library, roots: list[str], model_id: str | None, personal, args) -> list:
    """Album verdicts over the tracks under the scanned roots (in the user's genres when
    `personal` is a learned model); none without --album-consistent."""
    from mgc_desktop.library.albums import album_genres

    if not args.album_consistent:
        return []
    tracks = {t.path: t for root in roots for t in library.tracks(root, model_id=model_id)}
    if personal is not None:
        from mgc_desktop.cli.personal import threshold
        from mgc_desktop.personal.restate import restate_tracks

        restated = restate_tracks(personal, tracks.values(), library, threshold(args))
        return album_genres(restated)
    return album_genres(tracks.values())


def _album_record(album) -> dict:
    from mgc_desktop.library.walk import display_path

    return {
        "album": album.title,
        "albumartist": album.artist,
        "folder": display_path(album.folder) if album.folder else None,
        "genre": album.genre,
        "confidence": round(album.confidence, 6),
        "tracks": [display_path(t) for t in album.tracks],
        "classified": album.classified,
    }


def _print_albums(albums: list, names: dict[str, str] | None = None) -> None:
    from mgc_desktop.library.walk import display_path
    from mgc_desktop.tags.names import display_name

    for album in albums:
        where = album.artist or display_path(album.folder or "")
        genre = f"{display_name(album.genre, names)} {album.confidence:.0%}" if album.genre else "-"
        print(f"{album.title} ({where})\t{genre}\t{album.classified}/{len(album.tracks)} tracks")
