"""`mgc-desktop --self-test`: prove that an installed or frozen app can do its job, headless.

A packaged app breaks in ways the test suite never sees: a native library the bundler left
out (onnxruntime's provider, FFmpeg's codecs, libsndfile), a resource path that only works in a
checkout, a worker process that a frozen executable cannot spawn. So the self-test runs the real
path end to end on a sound the project synthesized itself (packaging/make_selftest_sound.py),
shipped in two formats, and checks the shape and sums of what comes out. It needs no display
and no audio device. Exit status 0 means every check passed.
"""

from __future__ import annotations

import math
import sys
import time
from collections.abc import Callable
from pathlib import Path
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from mgc_desktop.model.classifier import Prediction

SOUND_NAMES = ("selftest.flac", "selftest.ogg")
_SUM_TOLERANCE = 1e-3


class SelfTestFailure(Exception):
    """One check failed; str() says which and why."""


def sound_paths() -> list[Path]:
    """The bundled self-test sounds, in every format shipped."""
    from mgc_desktop.paths import resources_dir

    return [resources_dir() / "sounds" / name for name in SOUND_NAMES]


def check_prediction(prediction: Prediction, classes: tuple[str, ...]) -> None:
    """Shape and sums: one probability per class summing to 1, per window and per track."""
    import numpy as np

    name = Path(prediction.path).name
    if prediction.genre is None:
        raise SelfTestFailure(f"{name}: classified as silent ({prediction.note})")
    if prediction.genre not in classes:
        raise SelfTestFailure(f"{name}: genre {prediction.genre!r} is not one of the model's")
    if list(prediction.probabilities) != list(classes):
        raise SelfTestFailure(f"{name}: probabilities are not one per class")
    track = np.array(list(prediction.probabilities.values()), dtype=np.float64)
    if not np.all(np.isfinite(track)) or track.min() < 0 or track.max() > 1:
        raise SelfTestFailure(f"{name}: track probabilities outside [0, 1]")
    if track.sum() > 1.0 + _SUM_TOLERANCE:
        raise SelfTestFailure(f"{name}: track probabilities sum to {track.sum():.6f}, over 1")
    embedding = prediction.embedding
    if embedding is None or embedding.ndim != 1 or not np.all(np.isfinite(embedding)):
        raise SelfTestFailure(f"{name}: no usable track embedding")
    if abs(float(np.linalg.norm(embedding)) - 1.0) > _SUM_TOLERANCE:
        raise SelfTestFailure(f"{name}: track embedding is not unit length")
    if not math.isclose(prediction.confidence, float(track.max()), abs_tol=1e-6):
        raise SelfTestFailure(f"{name}: confidence is not the top probability")


def _check_worker_process(model_path: Path, sound: Path, classes: tuple[str, ...]) -> str:
    """Classify once in a spawned worker: frozen apps must be able to start them."""
    from mgc_desktop.model.batch import ClassifierPool, FileFailure

    with ClassifierPool(model_path, workers=1, timeout_s=60.0) as pool:
        (result,) = list(pool.classify([sound]))
    if isinstance(result, FileFailure):
        raise SelfTestFailure(f"worker process: {result.error}")
    check_prediction(result, classes)
    return f"{result.genre} {result.confidence:.2f}"


def _check_qt() -> str:
    """Qt loads its platform plugin and the app icon: no display needed (offscreen)."""
    import os

    if not (os.environ.get("DISPLAY") or os.environ.get("WAYLAND_DISPLAY")):
        os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
    from PySide6.QtGui import QIcon
    from PySide6.QtWidgets import QApplication

    from mgc_desktop.paths import app_icon_path

    _app = QApplication.instance() or QApplication(["mgc-desktop-self-test"])  # keep alive
    icon = QIcon(str(app_icon_path()))
    if icon.isNull() or icon.pixmap(64, 64).isNull():
        raise SelfTestFailure(f"cannot load the app icon {app_icon_path()}")
    return f"Qt {QApplication.platformName()} platform, icon {app_icon_path().name}"


def _audio_input_note() -> str:
    """Whether live listening can work: PortAudio loads and lists an input device, the same
    look-up `listen` starts with. Informational, never a failure: classifying and tagging files
    need no audio device. PortAudio's JACK and ALSA back ends chatter on stderr while probing,
    so that is silenced meanwhile."""
    import os

    from mgc_desktop.live.stream import LiveError, list_input_devices

    saved = os.dup(2)
    try:
        with open(os.devnull, "w") as devnull:
            os.dup2(devnull.fileno(), 2)
            devices = list_input_devices()
            import sounddevice  # loaded by now: list_input_devices found PortAudio

            version = sounddevice.get_portaudio_version()[1]
    except LiveError as exc:
        return f"{exc}; live listening is not available"
    finally:
        os.dup2(saved, 2)
        os.close(saved)
    if not devices:
        return f"{version}: no audio input device found; live listening needs one"
    default = next((d for d in devices if d.is_default), devices[0])
    return (
        f"{version}: live listening available ({len(devices)} input device"
        f"{'s' if len(devices) > 1 else ''}, default {default.label})"
    )


def run_self_test(
    model_path: str | Path | None = None,
    worker: bool = True,
    qt: bool = True,
    log: Callable[[str], None] | None = None,
) -> int:
    """Run every check, print one line each on stderr; 0 if all passed, 1 otherwise."""

    def say(text: str) -> None:
        (log or (lambda s: print(s, file=sys.stderr, flush=True)))(text)

    start = time.monotonic()
    try:
        from mgc_desktop import __version__
        from mgc_desktop.model.classifier import GenreClassifier
        from mgc_desktop.paths import default_model_path, resources_dir

        say(f"mgc-desktop {__version__} self-test (resources: {resources_dir()})")
        path = Path(model_path) if model_path else default_model_path()
        classifier = GenreClassifier(path)
        classes = classifier.classes
        say(f"ok   model {path.name}: {classifier.card.model_id}, {len(classes)} classes")
        sounds = sound_paths()
        for sound in sounds:
            if not sound.is_file():
                raise SelfTestFailure(f"bundled sound missing: {sound}")
            prediction = classifier.classify_file(sound)
            check_prediction(prediction, classes)
            say(
                f"ok   {sound.name}: {prediction.windows} windows, "
                f"{prediction.duration_s:.1f} s, {prediction.genre} {prediction.confidence:.2f}"
            )
        if qt:
            say(f"ok   {_check_qt()}")
        if worker:
            say(f"ok   worker process: {_check_worker_process(path, sounds[0], classes)}")
    except Exception as exc:  # any failure is a verdict, printed on one line
        say(f"FAIL {type(exc).__name__}: {exc}".splitlines()[0])
        return 1
    say(f"info audio input: {_audio_input_note()}")
    say(f"self-test passed in {time.monotonic() - start:.1f} s")
    return 0
