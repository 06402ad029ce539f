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


def build_parser() -> argparse.ArgumentParser:
    """The full parser with every subcommand."""
    parser = argparse.ArgumentParser(
        prog="mgc-desktop",
        description="Classify your music by genre and write genre tags, safely and reversibly.",
    )
    parser.add_argument("--version", action="version", version=f"mgc-desktop {__version__}")
    parser.add_argument(
        "--self-test", action="store_true", help="check the model and decoders, then exit"
    )
    parser.add_argument("--model", help="ONNX model file to use instead of the shipped one")
    sub = parser.add_subparsers(dest="command", metavar="COMMAND")
    for name in SUBCOMMAND_MODULES:
        importlib.import_module(name).register(sub)
    return parser


def main(argv: list[str] | None = None) -> int:
    """Entry point of `mgc-desktop` and `python -m mgc_desktop`."""
    parser = build_parser()
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
    try:
        return int(args.func(args))
    except KeyboardInterrupt:
        print("interrupted", file=sys.stderr)
        return 130
    except BrokenPipeError:  # output piped into `head` and the like: stop quietly
        os.dup2(os.open(os.devnull, os.O_WRONLY), sys.stdout.fileno())
        return EXIT_OK
