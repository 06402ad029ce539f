"""About: the app's version and the model card (what it was trained for, how well it does)."""

from __future__ import annotations

import html
from typing import Any

from PySide6 import __version__ as pyside_version
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QDialog, QDialogButtonBox, QLabel, QVBoxLayout, QWidget

from mgc_desktop import __version__
from mgc_desktop.tags.names import display_name

_HEADLINE_KEYS = ("accuracy", "test_accuracy", "macro_f1", "date", "trained", "created", "dataset")


def _fmt(value: Any) -> str:
    if isinstance(value, float):
        return f"{value:.1%}" if 0 <= value <= 1 else f"{value:g}"
    if isinstance(value, (dict, list)):
        text = str(value)
        return text if len(text) < 200 else text[:200] + "…"
    return str(value)


def card_html(card: Any, model_path: str) -> str:
    """The card as HTML (headline metrics first; everything else in the card after)."""
    if card is None:
        return "<p><i>The model is loaded when the first scan starts.</i></p>"
    info = dict(card.info or {})
    rows = [("Model", f"{card.model_id} (version {card.version})"), ("File", model_path)]
    for k in _HEADLINE_KEYS:
        if k in info:
            rows.append((k.replace("_", " ").capitalize(), _fmt(info.pop(k))))
    rows.append(("Genres", ", ".join(display_name(c) for c in card.classes)))
    fe = card.frontend
    rows.append(
        (
            "Front end",
            f"{fe.sample_rate} Hz, {fe.n_mels} mel bands, {fe.window_seconds:.2f} s windows",
        )
    )
    for k, v in sorted(info.items()):
        rows.append((k.replace("_", " ").capitalize(), _fmt(v)))
    body = "".join(
        f"<tr><td><b>{html.escape(k)}</b>&nbsp;&nbsp;</td><td>{html.escape(v)}</td></tr>"
        for k, v in rows
    )
    return f"<table>{body}</table>"


class AboutDialog(QDialog):
    def __init__(self, card: Any, model_path: str, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setWindowTitle("About mgc-desktop")
        head = QLabel(
            f"<h2>mgc-desktop {html.escape(__version__)}</h2>"
            "<p>Classifies your music by genre on your own machine and writes genre tags, "
            "safely and reversibly.</p>"
            f"<p>Qt for Python {html.escape(pyside_version)}</p>"
        )
        head.setWordWrap(True)
        self.card_label = QLabel(card_html(card, model_path))
        self.card_label.setWordWrap(True)
        self.card_label.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Close)
        buttons.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        layout.addWidget(head)
        layout.addWidget(self.card_label)
        layout.addWidget(buttons)

    def set_card(self, card: Any, model_path: str) -> None:
        self.card_label.setText(card_html(card, model_path))
