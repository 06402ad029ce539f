"""Live mode: what the microphone hears, classified every half second.

Built on live.listener.Listener (Qt-free). Its callbacks run on the listener's thread; a small
bridge QObject re-emits them as signals, which Qt queues to the GUI thread. Opening the model
and the device happens in a worker, so the panel never blocks; Stop during the opening cancels
it, and the listener it opens is then stopped at once (even if the window is gone by then)."""

from __future__ import annotations

import math
import threading
from collections.abc import Callable, Mapping
from typing import Any

from PySide6.QtCore import QObject, Qt, QTimer, Signal
from PySide6.QtWidgets import (
    QComboBox,
    QGroupBox,
    QHBoxLayout,
    QLabel,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from mgc_desktop.gui.genre_names import shown_name
from mgc_desktop.gui.i18n import Context, number, percent
from mgc_desktop.gui.widgets import GenreTimeline, LevelMeter, ProbabilityBars

Live = Context("Live")


def _state_text(state: str) -> str:
    """A live.listener state (warming_up, music, silent) as the panel says it."""
    return {
        "warming_up": Live.tr("warming up"),
        "music": Live.tr("music"),
        "silent": Live.tr("silent"),
    }.get(state, state.replace("_", " "))


def _message_text(message: str) -> str:
    """A listener's message (English, for the CLI too) in the interface language."""
    return {
        "listening...": Live.tr("listening…"),
        "no music heard": Live.tr("no music heard"),
    }.get(message, message)


class _Bridge(QObject):
    """Listener callbacks (any thread) -> queued signals (GUI thread)."""

    update = Signal(object)
    error = Signal(str)


class _Opening:
    """One attempt to open the input. The worker hands its running listener over here while
    the GUI thread may cancel at any moment; whichever comes second stops the listener, so a
    cancelled opening never leaves the microphone running."""

    def __init__(self) -> None:
        self._lock = threading.Lock()
        self.cancelled = False
        self.listener: Any = None

    def deliver(self, listener: Any) -> None:
        """Worker thread: keep the listener, or stop it when the opening was cancelled."""
        with self._lock:
            if not self.cancelled:
                self.listener = listener
                return
        listener.stop()

    def cancel(self) -> Any:
        """GUI thread: no listener may come of this; returns one already delivered (to stop)."""
        with self._lock:
            self.cancelled = True
            listener, self.listener = self.listener, None
        return listener


class LivePanel(QWidget):
    """Device chooser, start/stop, level meter, current genre, probabilities and timeline."""

    def __init__(
        self,
        model_path: Callable[[], str],
        names: Callable[[], Mapping[str, str]],
        host: Any,
        parent: QWidget | None = None,
    ) -> None:
        super().__init__(parent)
        self._model_path, self._names, self._host = model_path, names, host
        self.listener: Any = None
        self._opening: _Opening | None = None  # the opening in progress, cancelled or not
        self._bridge = _Bridge(self)
        self._bridge.update.connect(self.show_update)
        self._bridge.error.connect(self._failed)
        self.device = QComboBox()
        self.device.setToolTip(Live.tr("Input device to listen to"))
        self.device.addItem(Live.tr("Default input"), None)
        self.refresh = QPushButton(Live.tr("Refresh"))
        self.refresh.setToolTip(Live.tr("Look for input devices again"))
        self.refresh.clicked.connect(self.list_devices)
        self.start_button = QPushButton(Live.tr("Start listening"))
        self.start_button.setToolTip(
            Live.tr("Classify what the microphone hears (Ctrl+L shows/hides)")
        )
        self.start_button.clicked.connect(self.toggle)
        self.meter = LevelMeter()
        self.genre = QLabel(Live.tr("Not listening"))
        font = self.genre.font()
        font.setPointSizeF(font.pointSizeF() * 1.8)
        font.setBold(True)
        self.genre.setFont(font)
        self.message = QLabel("")
        self.message.setWordWrap(True)
        self.bars = ProbabilityBars()
        self.timeline = GenreTimeline()

        top = QHBoxLayout()
        top.addWidget(QLabel(Live.tr("Input:")))
        top.addWidget(self.device, 1)
        top.addWidget(self.refresh)
        top.addWidget(self.start_button)
        left = QVBoxLayout()
        left.addWidget(self.genre)
        left.addWidget(self.message)
        left.addWidget(self.meter)
        left.addWidget(self.bars, 1)
        timeline_box = QGroupBox(Live.tr("Over time"))
        QVBoxLayout(timeline_box).addWidget(self.timeline)
        body = QHBoxLayout()
        body.addLayout(left, 1)
        body.addWidget(timeline_box, 2)
        layout = QVBoxLayout(self)
        layout.addLayout(top)
        layout.addLayout(body, 1)

        self._meter_timer = QTimer(self)
        self._meter_timer.setInterval(33)
        self._meter_timer.timeout.connect(self._poll_level)
        QTimer.singleShot(0, self.list_devices)

    # --- devices ------------------------------------------------------------------------------
    def list_devices(self) -> None:
        def job(progress: Any, cancel: threading.Event) -> Any:
            from mgc_desktop.live import list_input_devices

            return list_input_devices(refresh=self.listener is None)

        self._host.run_task(job, self._devices_listed, lambda msg: self.message.setText(msg))

    def _devices_listed(self, devices: list[Any]) -> None:
        current = self.device.currentData()
        self.device.clear()
        self.device.addItem(Live.tr("Default input"), None)
        for d in devices:
            label = (
                Live.tr("{device} (default)").format(device=d.label) if d.is_default else d.label
            )
            self.device.addItem(label, d.index)
        i = self.device.findData(current)
        self.device.setCurrentIndex(max(0, i))
        if not devices:
            self.message.setText(
                Live.tr("No audio input device found (is a microphone connected?)")
            )

    # --- listening -------------------------------------------------------------------------------
    def listening(self) -> bool:
        return self.listener is not None

    def toggle(self) -> None:
        if self.listener is not None:
            self.stop()
        else:
            self.start()

    def start(self) -> None:
        """Load the model and open the device in a worker, then listen. Start stays disabled
        until that ends, even when Stop cancels it meanwhile (no second listener)."""
        if self.listener is not None or self._opening is not None:
            return
        model_path, device = self._model_path(), self.device.currentData()
        bridge = self._bridge
        opening = self._opening = _Opening()

        def job(progress: Any, cancel: threading.Event) -> Any:
            from mgc_desktop.live.listener import Listener

            listener = Listener(
                model_path,
                device=device,
                on_update=bridge.update.emit,
                on_error=lambda e: bridge.error.emit(str(e)),
            )
            listener.start()
            opening.deliver(listener)

        self.start_button.setEnabled(False)
        self.message.setText(Live.tr("Opening the input…"))
        self._host.run_task(
            job, lambda _r: self._opened(opening), lambda msg: self._open_failed(opening, msg)
        )

    def _opened(self, opening: _Opening) -> None:
        self._opening = None
        self.start_button.setEnabled(True)
        if opening.cancelled:
            self.message.setText("")  # stopped meanwhile: its listener is stopped already
            return
        self.listener = listener = opening.listener
        self.start_button.setText(Live.tr("Stop listening"))
        note = getattr(listener, "note", "")
        self.message.setText(note or Live.tr("Listening…"))
        self.timeline.set_classes(listener.card.classes, self._names())
        self._meter_timer.start()

    def _open_failed(self, opening: _Opening, message: str) -> None:
        self._opening = None
        self.start_button.setEnabled(True)
        self.message.setText("" if opening.cancelled else message)

    def _failed(self, message: str) -> None:
        self.stop()
        self.message.setText(message)

    def stop(self) -> None:
        """Stop listening, or cancel the opening in progress (Start waits for it to end)."""
        listener, self.listener = self.listener, None
        if self._opening is not None:
            listener = self._opening.cancel()
            self.message.setText(Live.tr("Stopped: waiting for the input to finish opening…"))
        self._meter_timer.stop()
        if listener is not None:
            threading.Thread(target=listener.stop, daemon=True, name="mgc-live-stop").start()
        self.start_button.setEnabled(self._opening is None)
        self.start_button.setText(Live.tr("Start listening"))
        self.genre.setText(Live.tr("Not listening"))
        self.meter.set_level(self.meter.floor_db)

    def _poll_level(self) -> None:
        if self.listener is not None:
            self.meter.set_level(self.listener.level_dbfs())

    def show_update(self, update: Any) -> None:
        """Show one live.listener.LiveUpdate (also used by the screenshot script)."""
        names = self._names()
        if update.genre:
            text = Live.tr("{genre}  {confidence}").format(
                genre=shown_name(update.genre, names), confidence=percent(update.confidence)
            )
            if update.uncertain:
                text = Live.tr("{genre} (unsure)").format(genre=text)
            self.genre.setText(text)
            self.bars.set_probabilities(update.probabilities, names)
            self.timeline.add(update.probabilities)
        else:
            self.genre.setText(_message_text(update.message) or _state_text(update.state))
            if update.state == "silent":
                self.timeline.add([0.0] * len(self.timeline.classes()))  # a visible gap
        if math.isfinite(update.level_dbfs) and self.listener is None:
            self.meter.set_level(update.level_dbfs)
        latency = Live.tr("{state} · latency {ms} ms").format(
            state=_state_text(update.state), ms=number(update.latency_s * 1000)
        )
        if update.overflows:
            latency = Live.tr("{status} · %n overflows", None, update.overflows).format(
                status=latency
            )
        self.message.setText(latency)
        self.genre.setAlignment(Qt.AlignmentFlag.AlignLeft)
