"""Render screenshots to PNG: the main window (track table and the detail pane with the
file's tags, now and after write), the album tree, the preview of a real batch, and the live
panel.

    QT_QPA_PLATFORM=offscreen python -m mgc_desktop.gui.screenshots OUTDIR [--model M.onnx] \
        [--music DIR | --shared-data ../shared/data]

Works offscreen or under Xvfb. The library is a folder of real music (--music), one built from
the shared labelled clips (--shared-data: the README's screenshots), or a dozen synthesized
tracks; it is scanned with the given (default: shipped) model in a throwaway data folder, so
the user's own index, journal and settings are never touched. The live panel is fed a scripted
sequence of updates (no microphone needed).
"""

from __future__ import annotations

import argparse
import math
import os
import sys
import tempfile
import time
from pathlib import Path
from typing import Any

import numpy as np

_TRACKS = [
    ("Night Drive", "The Examples", "Synthetic Roads"),
    ("Low Tide", "The Examples", "Synthetic Roads"),
    ("Paper Moons", "The Examples", "Synthetic Roads"),
    ("Static Bloom", "Test Pattern", "Signals"),
    ("Carrier Wave", "Test Pattern", "Signals"),
    ("Sine of the Times", "Test Pattern", "Signals"),
    ("Blue Hour", "Quiet Rooms", "Afterglow"),
    ("Slow Train", "Quiet Rooms", "Afterglow"),
    ("Brass Tacks", "Quiet Rooms", "Afterglow"),
    ("Backbeat", "Drum Logic", "Loops"),
    ("Offbeat", "Drum Logic", "Loops"),
    ("Downbeat", "Drum Logic", "Loops"),
]


def make_library(root: Path, seconds: float = 6.0, rate: int = 22050) -> None:
    """Tagged FLAC files with different sounds (chords, tones, noise drums)."""
    import soundfile as sf
    from mutagen.flac import FLAC

    rng = np.random.default_rng(7)
    t = np.arange(int(seconds * rate)) / rate
    for i, (title, artist, album) in enumerate(_TRACKS):
        f0 = 90 * 2 ** (i / 5)
        x = sum(0.12 / h * np.sin(2 * np.pi * f0 * h * t) for h in range(1, 4 + i % 4))
        x = x * (0.6 + 0.4 * np.sin(2 * np.pi * (0.5 + i % 3) * t))
        beat = (np.sin(2 * np.pi * (1 + i % 4) * t) > 0.7).astype(np.float64)
        x = x + (0.05 + 0.02 * (i % 5)) * rng.standard_normal(len(t)) * beat
        folder = root / artist / album
        folder.mkdir(parents=True, exist_ok=True)
        path = folder / f"{i % 3 + 1:02d} {title}.flac"
        sf.write(str(path), np.stack([x, x], 1).astype(np.float32), rate, format="FLAC")
        tags = FLAC(path)
        tags["title"], tags["artist"], tags["album"] = title, artist, album
        tags["tracknumber"] = str(i % 3 + 1)
        if i % 4 == 0:
            tags["genre"] = "Electronic"
        tags.save()


def library_from_shared(data: Path, root: Path, per_genre: int = 5) -> None:
    """A small real library from the shared labelled clips: tagged clips copied into
    Artist/Album folders (their own tags), two untagged clips per genre in an Inbox folder.
    Copies are made writable; nothing is written to them (the preview only plans)."""
    import re
    import shutil

    from mutagen import File

    def safe(text: str) -> str:
        return re.sub(r'[/\\:*?"<>|]', "_", text)[:60]

    def place(src: Path, dest: Path) -> None:
        dest.parent.mkdir(parents=True, exist_ok=True)
        shutil.copyfile(src, dest)
        dest.chmod(0o644)

    for genre_dir in sorted(p for p in (data / "extra").iterdir() if p.is_dir()):
        placed = 0
        for clip in sorted(genre_dir.iterdir()):
            try:
                tags = File(clip, easy=True)
            except Exception:  # noqa: BLE001 - an unreadable clip is just not used
                continue
            t = tags.tags if tags is not None and tags.tags else {}
            artist, album, title = ((t.get(k) or [""])[0] for k in ("artist", "album", "title"))
            if artist and album and title and placed < per_genre:
                place(clip, root / safe(artist) / safe(album) / (safe(title) + clip.suffix))
                placed += 1
    gtzan = data / "gtzan"
    for genre_dir in sorted(p for p in gtzan.iterdir() if p.is_dir()) if gtzan.is_dir() else []:
        for clip in sorted(genre_dir.iterdir())[:2]:
            place(clip, root / "Inbox" / clip.name)


def _wait(app: object, condition: object, timeout_s: float) -> bool:
    deadline = time.monotonic() + timeout_s
    while time.monotonic() < deadline:
        app.processEvents()  # type: ignore[attr-defined]
        if condition():  # type: ignore[operator]
            return True
        time.sleep(0.02)
    return False


def live_updates(classes: tuple[str, ...], n: int = 90) -> list[object]:
    """A scripted minute of listening: one style, a short silence, then another."""
    from mgc_desktop.live.listener import LiveUpdate

    out = []
    k = len(classes)
    for j in range(n):
        phase = 0 if j < 40 else (1 if j < 48 else 2)
        if phase == 1:
            out.append(
                LiveUpdate(
                    j * 0.5,
                    "silent",
                    None,
                    None,
                    0.0,
                    True,
                    {},
                    {},
                    -70.0,
                    0.08,
                    0,
                    "no music heard",
                )
            )
            continue
        main = 3 if phase == 0 else 5
        logits = np.array([math.sin(j / 7 + c) * 0.6 for c in range(k)])
        logits[main] += 2.6 + 0.4 * math.sin(j / 5)
        logits[(main + 6) % k] += 1.2
        p = np.exp(logits) / np.exp(logits).sum()
        probs = {c: float(v) for c, v in zip(classes, p)}
        best = int(np.argmax(p))
        out.append(
            LiveUpdate(
                j * 0.5,
                "music",
                classes[best],
                classes[best].title(),
                float(p[best]),
                bool(p[best] < 0.5),
                probs,
                probs,
                -18.0 + 4 * math.sin(j),
                0.09,
                0,
            )
        )
    return out


def _reviewed_window(app: object, model: str, music: Path, args: argparse.Namespace) -> Any:
    """A main window on `music`, scanned, in a realistic review state: confident predictions
    accepted, one genre set by hand, and a track whose genre a write would change selected.
    Returns (window, rows, the selected row's number), or None when the scan did not finish."""
    from mgc_desktop.gui.main_window import MainWindow
    from mgc_desktop.gui.settings import Preferences

    window = MainWindow(model_path=model, prefs=Preferences(workers=2))
    window.resize(args.width, args.height)
    window.show()
    done: list[object] = []
    window.scan_finished.connect(done.append)
    window.set_folder(str(music), scan=True)
    if not _wait(app, lambda: done and not window._pending_rows, 300):
        return None
    _wait(app, lambda: window.card is not None, 30)  # its threshold is the one in force
    window.accept_above()  # the threshold in force (the model's own)
    rows = window.model.rows()
    manual = next((i for i, r in enumerate(rows) if r.uncertain), 4 if len(rows) > 4 else None)
    if manual is not None:
        real = args.music or args.shared_data
        window.set_override([manual], "Experimental" if real else "Ambient")
    shown = next(
        (i for i, r in enumerate(rows) if r.decided and r.title and r.album and not r.current),
        next((i for i, r in enumerate(rows) if r.decided), 1),
    )
    window.select_paths([rows[shown].path])
    window.table.setFocus()
    _wait(app, lambda: window.detail.spectrogram.has_image(), 60)
    _wait(app, lambda: any(n == "Album" for n, _, _ in window.detail.tag_rows()), 10)
    _wait(app, lambda: False, 0.5)
    return window, rows, shown


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("outdir")
    parser.add_argument("--model", default=None, help="ONNX model (default: the shipped one)")
    parser.add_argument("--width", type=int, default=1366)
    parser.add_argument("--height", type=int, default=768)
    parser.add_argument(
        "--music", default=None, help="a folder of real music to scan (default: synthesized)"
    )
    parser.add_argument(
        "--shared-data",
        default=None,
        help="build the music folder from the shared labelled clips (e.g. ../shared/data)",
    )
    args = parser.parse_args(argv)
    out = Path(args.outdir)
    out.mkdir(parents=True, exist_ok=True)
    work = Path(tempfile.mkdtemp(prefix="mgc-screenshots-"))
    os.environ["MGC_DESKTOP_DATA_DIR"] = str(work / "data")
    os.environ["MGC_DESKTOP_CACHE_DIR"] = str(work / "cache")
    os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")

    from mgc_desktop.gui.app import create_app
    from mgc_desktop.gui.live_panel import LivePanel

    model = args.model
    if model is None:
        from mgc_desktop.paths import default_model_path

        model = str(default_model_path())
    if not Path(model).is_file():
        print(f"model not found: {model} (pass --model)", file=sys.stderr)
        return 2
    music = Path(args.music) if args.music else work / "Music"
    if args.shared_data:
        library_from_shared(Path(args.shared_data), music)
    elif not args.music:
        make_library(music)
    app = create_app([], language="en")  # the README's shots are in English, whatever LANG
    reviewed = _reviewed_window(app, model, music, args)
    if reviewed is None:
        print("scan did not finish", file=sys.stderr)
        return 1
    window, rows, shown = reviewed
    window.grab().save(str(out / "main_window.png"))

    window.views.setCurrentIndex(1)  # the album tree (grouped in a worker), albums open
    tree, albums = window.tree, window.tree_model
    _wait(app, lambda: albums.rowCount() > 0, 60)
    window.tree.select_path(rows[shown].path)
    multi = [i for i, a in enumerate(albums.albums) if len(a.paths) > 1][:2]
    for row in multi:
        tree.expand(albums.index(row, 0))
    _wait(app, lambda: False, 0.5)
    window.grab().save(str(out / "library_tree.png"))
    window.views.setCurrentIndex(0)

    window.write_tags()  # the preview of this batch (nothing is written)
    dialog = window.preview
    if dialog is not None:
        _wait(app, lambda: dialog.write_button.isEnabled() or "cannot" in dialog.summary.text(), 60)
        dialog.resize(980, 560)
        _wait(app, lambda: False, 0.5)
        dialog.grab().save(str(out / "preview.png"))
        dialog.reject()

    panel = LivePanel(lambda: model, lambda: {}, window.host)
    panel.resize(1000, 380)  # the timeline's legend in full
    panel.setWindowTitle("mgc-desktop: live")
    classes = (
        window.card.classes
        if window.card is not None
        else tuple("blues classical country disco hiphop jazz metal pop reggae rock".split())
    )
    panel.timeline.set_classes(classes)
    panel.show()
    _wait(app, lambda: False, 1.5)  # the device list (none here) is read first, in a worker
    panel.device.clear()
    panel.device.addItem("0: USB microphone (ALSA) (default)", 0)
    for update in live_updates(classes):
        panel.show_update(update)
    panel.start_button.setText("Stop listening")
    _wait(app, lambda: False, 0.5)
    panel.grab().save(str(out / "live_panel.png"))
    panel.close()
    window.close()

    # The same review state in French (README: the language section). The scan finds every
    # file unchanged, so this is quick.
    from mgc_desktop.gui.language import install

    install(app, "fr")
    reviewed = _reviewed_window(app, model, music, args)
    if reviewed is None:
        print("scan did not finish (French window)", file=sys.stderr)
        return 1
    window_fr = reviewed[0]
    _wait(app, lambda: False, 0.5)
    window_fr.grab().save(str(out / "main_window_fr.png"))
    window_fr.close()
    shots = ("main_window.png", "library_tree.png", "preview.png", "live_panel.png")
    for name in (*shots, "main_window_fr.png"):
        print(out / name)
    return 0


if __name__ == "__main__":
    sys.exit(main())
