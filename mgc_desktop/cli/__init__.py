"""Command line: `mgc-desktop` alone opens the window; subcommands do the same work headless.

Each subcommand lives in its own module exposing `register(subparsers)`, which adds its parser and
sets `func(args) -> int`. Modules import their heavy dependencies inside `func`, so that
`mgc-desktop --help` and a cold `classify` start fast.
"""

from __future__ import annotations

import argparse
import importlib
import os
import sys

from mgc_desktop import __version__

SUBCOMMAND_MODULES = (
    "mgc_desktop.cli.classify",
    "mgc_desktop.cli.tag",
    "mgc_desktop.cli.scan",
    "mgc_desktop.cli.listen",
    "mgc_desktop.cli.learn",
    "mgc_desktop.cli.similar",
)

EXIT_OK, EXIT_SOME_FAILED, EXIT_USAGE = 0, 1, 2


def no_music_found(command: str, paths: list[str]) -> int:
    """The one answer of `classify`, `scan` and `tag` when the paths hold no music file: a
    line on stderr and exit 0, since nothing failed (a missing path is a failure, exit 1)."""
    where = ", ".join(paths)
    print(f"mgc-desktop {command}: no music files found in {where}", file=sys.stderr)
    return EXIT_OK


def option_problem(args: argparse.Namespace) -> str | None:
    """What is wrong with the numeric options commands share (--workers, --top-k, --timeout,
    --min-confidence), in one line; None when they are usable. `main` checks them for every
    command before it runs. A negative time limit would
    fail every file as "decoder hung", a confidence of 2 would mark every track uncertain."""
    import math

    for name in ("workers", "top_k"):
        value = getattr(args, name, None)
        if value is not None and value < 1:
            return f"--{name.replace('_', '-')} must be at least 1"
    timeout = getattr(args, "timeout", None)
    if timeout is not None and not (math.isfinite(timeout) and timeout > 0):
        return "--timeout must be a positive number of seconds"
    confidence = getattr(args, "min_confidence", None)
    if confidence is not None and not 0.0 <= confidence <= 1.0:  # NaN fails too
        return "--min-confidence must be between 0 and 1"
    return None


def build_parser() -> argparse.ArgumentParser:
    """The full parser with every subcommand."""
    parser = argparse.ArgumentParser(
        prog="mgc-desktop",
        description="Classify your music by genre and write genre tags, safely and reversibly. "
        "Without a command it opens the window; `mgc-desktop FOLDER` (or FILE...) opens it on "
        "that folder (a file's own folder) and scans it.",
    )
    parser.add_argument("--version", action="version", version=f"mgc-desktop {__version__}")
    parser.add_argument(
        "--self-test", action="store_true", help="check the model and decoders, then exit"
    )
    parser.add_argument("--model", help="ONNX model file to use instead of the shipped one")
    sub = parser.add_subparsers(dest="command", metavar="COMMAND")
    for name in SUBCOMMAND_MODULES:
        importlib.import_module(name).register(sub)
    parser.set_defaults(commands=tuple(sub.choices))
    return parser


def open_request(argv: list[str], commands: tuple[str, ...]) -> tuple[str | None, list[str]] | None:
    """`mgc-desktop [--model FILE] PATH...`, as a file manager's "Open with" runs it (the
    .desktop entry's `%F`): (model, paths); None for any other command line. A first word that
    names a subcommand, or that is neither an existing path nor path-like (a mistyped
    subcommand), is left to the subcommand parser and its usual error."""
    model, rest = None, list(argv)
    if rest[:1] == ["--model"] and len(rest) > 1:
        model, rest = rest[1], rest[2:]
    elif rest and rest[0].startswith("--model="):
        model, rest = rest[0].split("=", 1)[1], rest[1:]
    if not rest or rest[0] in commands or any(arg.startswith("-") for arg in rest):
        return None
    if not (os.path.exists(rest[0]) or os.sep in rest[0]):
        return None
    return model, rest


def folder_to_open(paths: list[str]) -> str:
    """The folder the window shows for `paths`: a folder itself, a file's own folder; for
    several, the folder that holds them all, unless that is the home folder or above it (a
    scan of everything), where the first one's folder is chosen."""
    folders = [os.path.abspath(p if os.path.isdir(p) else os.path.dirname(os.path.abspath(p)))
               for p in paths]  # fmt: skip
    common = os.path.commonpath(folders)
    home = os.path.abspath(os.path.expanduser("~"))
    if common in folders or not (common == home or home.startswith(common.rstrip(os.sep) + os.sep)):
        return common
    return folders[0]


def main(argv: list[str] | None = None) -> int:
    """Entry point of `mgc-desktop` and `python -m mgc_desktop`."""
    parser = build_parser()
    argv = sys.argv[1:] if argv is None else list(argv)
    request = open_request(argv, parser.get_default("commands"))
    if request is not None:
        return _open_in_window(*request)
    try:
        args = parser.parse_args(argv)
    except SystemExit as exc:  # argparse exits 2 on usage errors, 0 on --help
        return int(exc.code or 0)
    if args.self_test:
        from mgc_desktop.selftest import run_self_test

        return run_self_test(model_path=args.model)
    if args.command is None:
        from mgc_desktop.gui.app import run_gui

        return run_gui(model_path=args.model)
    problem = option_problem(args)
    if problem:
        print(f"mgc-desktop {args.command}: {problem}", file=sys.stderr)
        return EXIT_USAGE
    try:
        return int(args.func(args))
    except KeyboardInterrupt:
        print("interrupted", file=sys.stderr)
        return 130
    except BrokenPipeError:  # output piped into `head` and the like: stop quietly
        os.dup2(os.open(os.devnull, os.O_WRONLY), sys.stdout.fileno())
        return EXIT_OK


def _open_in_window(model: str | None, paths: list[str]) -> int:
    """The window on the folder of `paths`; a missing path fails as it does for every command
    (exit 1, the README's "some files failed"), without a window."""
    missing = [p for p in paths if not os.path.exists(p)]
    if missing:
        print(f"mgc-desktop: cannot open {missing[0]}: no such file or folder", file=sys.stderr)
        return EXIT_SOME_FAILED
    from mgc_desktop.gui.app import run_gui

    return run_gui(model_path=model, folder=folder_to_open(paths))
