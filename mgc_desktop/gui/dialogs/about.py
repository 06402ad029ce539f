"""About: the app's version and the model card (what it was trained for, how well it does)."""

from __future__ import annotations

import html
from typing import Any

from PySide6 import __version__ as pyside_version
from PySide6.QtCore import Qt
from PySide6.QtWidgets import (
    QDialog,
    QDialogButtonBox,
    QLabel,
    QScrollArea,
    QVBoxLayout,
    QWidget,
)

from mgc_desktop import __version__
from mgc_desktop.tags.names import display_name

_HEADLINE_KEYS = ("accuracy", "test_accuracy", "macro_f1", "date", "trained", "created", "dataset")
_METRIC_NAMES = {
    "tracks": "test tracks",
    "accuracy": "accuracy",
    "macro_f1": "macro-F1",
    "mean_recall": "mean per-genre recall",
    "ece": "calibration error (ECE)",
    "nll": "log loss",
}
MAX_ITEMS = 12  # a nested table (a training config) is summarised, not dumped


def _label(key: str) -> str:
    return key.replace("_", " ").capitalize()


def _scalar(value: Any) -> str:
    if isinstance(value, bool):
        return "yes" if value else "no"
    if isinstance(value, float):
        return f"{value:.1%}" if 0 <= value <= 1 else f"{value:g}"
    return str(value)


def _fmt(value: Any, depth: int = 0) -> str:
    """Readable HTML for any card value: lists as comma lists, tables as "name: value" lines,
    never Python's braces and quotes."""
    if isinstance(value, (list, tuple)):
        if all(not isinstance(v, (dict, list, tuple)) for v in value):
            if len(value) == 2 and all(isinstance(v, float) for v in value):
                return f"{_scalar(value[0])}-{_scalar(value[1])}"  # an interval
            return html.escape(", ".join(_scalar(v) for v in value)) or "none"
        return "<br>".join(_fmt(v, depth + 1) for v in value[:MAX_ITEMS])
    if isinstance(value, dict):
        if not value:
            return "none"
        if depth >= 2:
            return html.escape(", ".join(str(k) for k in value))
        items = list(value.items())
        lines = [
            f"{html.escape(_label(str(k)))}: {_fmt(v, depth + 1)}" for k, v in items[:MAX_ITEMS]
        ]
        if len(items) > MAX_ITEMS:
            lines.append(f"… and {len(items) - MAX_ITEMS} more (see the model's card file)")
        sep = "<br>" if depth == 0 else "; "
        return sep.join(lines)
    return html.escape(_scalar(value))


def _metrics(m: dict[str, Any]) -> str:
    """The test metrics, headline first, with the 95% intervals beside them."""
    ci = m.get("ci95") or {}
    lines = []
    for key, name in _METRIC_NAMES.items():
        if key not in m:
            continue
        text = _scalar(m[key]) if key != "tracks" else str(m[key])
        if key in ci:
            text += f" (95% CI {_fmt(ci[key])})"
        lines.append(f"{html.escape(name)}: {html.escape(text)}")
    per = m.get("per_class") or {}
    if per:
        recalls = ", ".join(
            f"{display_name(c)} {_scalar(v.get('recall', 0.0))}"
            for c, v in per.items()
            if isinstance(v, dict)
        )
        lines.append(f"recall per genre: {html.escape(recalls)}")
    return "<br>".join(lines)


def card_html(card: Any, model_path: str) -> str:
    """The card as HTML (headline metrics first; everything else in the card after)."""
    if card is None:
        return "<p><i>The model is loaded when the first scan starts.</i></p>"
    info = dict(card.info or {})
    info.pop("classes", None)  # shown as Genres
    rows = [
        ("Model", html.escape(f"{card.model_id} (version {card.version})")),
        ("File", html.escape(model_path)),
    ]
    if isinstance(info.get("test_metrics"), dict):
        rows.append(("Measured on held-out music", _metrics(info.pop("test_metrics"))))
    for k in _HEADLINE_KEYS:
        if k in info:
            rows.append((_label(k), _fmt(info.pop(k))))
    rows.append(("Genres", html.escape(", ".join(display_name(c) for c in card.classes))))
    fe = card.frontend
    rows.append(
        (
            "Front end",
            html.escape(
                f"{fe.sample_rate} Hz, {fe.n_mels} mel bands, {fe.window_seconds:.2f} s windows"
            ),
        )
    )
    if "command" in info:
        rows.append(("Reproduce with", f"<code>{html.escape(str(info.pop('command')))}</code>"))
    for k, v in sorted(info.items()):
        rows.append((_label(k), _fmt(v)))
    body = "".join(
        f"<tr><td valign='top'><b>{html.escape(k)}</b>&nbsp;&nbsp;</td><td>{v}</td></tr>"
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
        self.card_label.setAlignment(Qt.AlignmentFlag.AlignTop | Qt.AlignmentFlag.AlignLeft)
        scroll = QScrollArea()
        scroll.setWidgetResizable(True)
        scroll.setWidget(self.card_label)
        layout.addWidget(scroll, 1)
        layout.addWidget(buttons)
        self.resize(680, 600)

    def set_card(self, card: Any, model_path: str) -> None:
        self.card_label.setText(card_html(card, model_path))
