"""`mgc-desktop listen`: what is playing right now, from the microphone, one line per update."""

from __future__ import annotations

import argparse
import json
import math
import sys
import time

from mgc_desktop.cli import EXIT_OK, EXIT_SOME_FAILED, EXIT_USAGE


def register(sub: argparse._SubParsersAction) -> None:
    p = sub.add_parser(
        "listen",
        help="classify what the microphone hears, live",
        description="Classify the newest seconds of an input device about every half second. "
        "Stops after --duration or on Ctrl-C. Exit status 0 when listening ended normally, "
        "1 when the device was lost mid-stream, 2 when listening could not start.",
    )
    p.add_argument(
        "--device", default=None, metavar="N", help="input device index or name (default: system)"
    )
    p.add_argument("--duration", type=float, default=None, metavar="S", help="stop after S seconds")
    p.add_argument("--json", action="store_true", help="one JSON object per update on stdout")
    p.add_argument(
        "--interval", type=float, default=0.5, metavar="S", help="seconds between updates"
    )
    p.add_argument(
        "--samplerate",
        type=int,
        default=None,
        metavar="HZ",
        help="capture rate (default: device's)",
    )
    p.add_argument("--channels", type=int, default=None, metavar="N", help="capture channels")
    p.add_argument(
        "--list-devices",
        action="store_true",
        help="list input devices and exit (0, also when there is none)",
    )
    p.set_defaults(func=run)


def _format_text(update) -> str:
    level = f"{update.level_dbfs:.0f} dBFS" if math.isfinite(update.level_dbfs) else "-inf dBFS"
    if update.genre is None:
        what = update.message or update.state
    else:
        what = f"{update.label} {update.confidence:.0%}" + (" ?" if update.uncertain else "")
    return f"t={update.t:.1f}s  {what}  level {level}"


def run(args: argparse.Namespace) -> int:
    from mgc_desktop.live.listener import Listener
    from mgc_desktop.live.stream import LiveError, list_input_devices
    from mgc_desktop.model.card import IncompatibleModel
    from mgc_desktop.paths import default_model_path

    if args.interval <= 0 or (args.duration is not None and args.duration <= 0):
        print("mgc-desktop listen: --interval and --duration must be > 0", file=sys.stderr)
        return EXIT_USAGE
    if args.list_devices:
        try:
            devices = list_input_devices()
        except LiveError as exc:
            print(f"mgc-desktop listen: {exc}", file=sys.stderr)
            return EXIT_USAGE
        if not devices:  # an answer, not an error: the list is empty
            print("mgc-desktop listen: no audio input device found", file=sys.stderr)
            return EXIT_OK
        for d in devices:
            mark = "*" if d.is_default else " "
            print(f"{mark} {d.label}, {d.channels} ch, {d.default_samplerate:g} Hz")
        return EXIT_OK
    try:
        listener = Listener(
            args.model or default_model_path(),
            device=args.device,
            samplerate=args.samplerate,
            channels=args.channels,
            interval_s=args.interval,
        )
    except (IncompatibleModel, FileNotFoundError) as exc:
        print(f"mgc-desktop listen: cannot use the model: {exc}", file=sys.stderr)
        return EXIT_USAGE
    try:
        listener.start()
    except LiveError as exc:
        print(f"mgc-desktop listen: {exc}", file=sys.stderr)
        return EXIT_USAGE
    device = listener.device
    print(
        f"listening on {device.name} ({listener.samplerate} Hz, {listener.channels} ch)"
        + (f"; {listener.note}" if listener.note else "")
        + ("" if args.duration else "; Ctrl-C to stop"),
        file=sys.stderr,
        flush=True,
    )
    deadline = None if args.duration is None else time.monotonic() + args.duration
    status = EXIT_OK
    try:
        while deadline is None or time.monotonic() < deadline:
            wait = 1.0 if deadline is None else max(0.01, min(1.0, deadline - time.monotonic()))
            for update in listener.updates(timeout=wait):
                if args.json:
                    print(json.dumps(update.to_json(), ensure_ascii=False), flush=True)
                else:
                    print(_format_text(update), flush=True)
                if deadline is not None and time.monotonic() >= deadline:
                    break
            if not listener.running and listener.error is None:
                break
    except LiveError as exc:
        print(f"mgc-desktop listen: {exc}", file=sys.stderr)
        status = EXIT_SOME_FAILED
    except KeyboardInterrupt:  # Ctrl-C is the normal way to stop
        pass
    finally:
        overflows = listener.overflows
        listener.stop()
    if overflows:
        print(
            f"mgc-desktop listen: {overflows} input overflow(s): audio was lost while the "
            "machine was busy",
            file=sys.stderr,
        )
    return status
