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
from mgc_desktop.gui.genre_names import shown_name
from mgc_desktop.gui.i18n import Context, number, percent

About = Context("About")

_HEADLINE_KEYS = ("accuracy", "test_accuracy", "macro_f1", "date", "trained", "created", "dataset")
MAX_ITEMS = 12  # a nested table (a training config) is summarised, not dumped


def _metric_names() -> dict[str, str]:
    """The test metrics the card may hold, in the order shown."""
    return {
        "tracks": About.tr("test tracks"),
        "accuracy": About.tr("accuracy"),
        "macro_f1": About.tr("macro-F1"),
        "mean_recall": About.tr("mean per-genre recall"),
        "ece": About.tr("calibration error (ECE)"),
        "nll": About.tr("log loss"),
    }


def _known_labels() -> dict[str, str]:
    """Names for the card entries every shipped model has; any other key is the card's own
    word (data of the model file), shown as it is spelt there."""
    return {
        "accuracy": About.tr("Accuracy"),
        "test_accuracy": About.tr("Test accuracy"),
        "macro_f1": About.tr("Macro-F1"),
        "date": About.tr("Date"),
        "trained": About.tr("Trained"),
        "created": About.tr("Created"),
        "dataset": About.tr("Data set"),
    }


def _label(key: str) -> str:
    return _known_labels().get(key) or key.replace("_", " ").capitalize()


def _scalar(value: Any) -> str:
    if isinstance(value, bool):
        return About.tr("yes") if value else About.tr("no")
    if isinstance(value, float):
        return percent(value, 1) if 0 <= value <= 1 else number(value, _decimals(value))
    return str(value)


def _decimals(value: float) -> int:
    """As many decimals as Python's shortest form of `value` ("g") shows, at most six."""
    text = f"{value:g}"
    return min(6, len(text.split(".")[1])) if "." in text and "e" not in text else 0


def _fmt(value: Any, depth: int = 0) -> str:
    """Readable HTML for any card value: lists as comma lists, tables as "name: value" lines,
    never Python's braces and quotes."""
    if isinstance(value, (list, tuple)):
        if all(not isinstance(v, (dict, list, tuple)) for v in value):
            if len(value) == 2 and all(isinstance(v, float) for v in value):
                return f"{_scalar(value[0])}-{_scalar(value[1])}"  # an interval
            return html.escape(", ".join(_scalar(v) for v in value)) or About.tr("none")
        return "<br>".join(_fmt(v, depth + 1) for v in value[:MAX_ITEMS])
    if isinstance(value, dict):
        if not value:
            return About.tr("none")
        if depth >= 2:
            return html.escape(", ".join(str(k) for k in value))
        items = list(value.items())
        lines = [
            f"{html.escape(_label(str(k)))}: {_fmt(v, depth + 1)}" for k, v in items[:MAX_ITEMS]
        ]
        if len(items) > MAX_ITEMS:
            lines.append(
                About.tr("… and %n more (see the model's card file)", None, len(items) - MAX_ITEMS)
            )
        sep = "<br>" if depth == 0 else "; "
        return sep.join(lines)
    return html.escape(_scalar(value))


def _metrics(m: dict[str, Any]) -> str:
    """The test metrics, headline first, with the 95% intervals beside them."""
    ci = m.get("ci95") or {}
    lines = []
    for key, name in _metric_names().items():
        if key not in m:
            continue
        text = _scalar(m[key]) if key != "tracks" else number(m[key])
        if key in ci:
            text = About.tr("{value} (95% CI {interval})").format(
                value=text, interval=_fmt(ci[key])
            )
        lines.append(About.tr("{name}: {value}").format(name=html.escape(name), value=text))
    per = m.get("per_class") or {}
    if per:
        recalls = ", ".join(
            About.tr("{genre} {recall}").format(
                genre=shown_name(c), recall=_scalar(v.get("recall", 0.0))
            )
            for c, v in per.items()
            if isinstance(v, dict)
        )
        lines.append(About.tr("recall per genre: {recalls}").format(recalls=html.escape(recalls)))
    return "<br>".join(lines)


def card_html(card: Any, model_path: str) -> str:
    """The card as HTML (headline metrics first; everything else in the card after)."""
    if card is None:
        return "<p><i>{}</i></p>".format(
            html.escape(About.tr("The model is loaded when the first scan starts."))
        )
    info = dict(card.info or {})
    info.pop("classes", None)  # shown as Genres
    rows = [
        (
            About.tr("Model"),
            html.escape(
                About.tr("{model} (version {version})").format(
                    model=card.model_id, version=card.version
                )
            ),
        ),
        (About.tr("File"), html.escape(model_path)),
    ]
    if isinstance(info.get("test_metrics"), dict):
        rows.append((About.tr("Measured on held-out music"), _metrics(info.pop("test_metrics"))))
    for k in _HEADLINE_KEYS:
        if k in info:
            rows.append((_label(k), _fmt(info.pop(k))))
    rows.append((About.tr("Genres"), html.escape(", ".join(shown_name(c) for c in card.classes))))
    fe = card.frontend
    front_end = About.tr("{rate} Hz, {bands} mel bands, {seconds} s windows").format(
        rate=number(fe.sample_rate), bands=number(fe.n_mels), seconds=number(fe.window_seconds, 2)
    )
    rows.append((About.tr("Front end"), html.escape(front_end)))
    if "command" in info:
        rows.append(
            (About.tr("Reproduce with"), f"<code>{html.escape(str(info.pop('command')))}</code>")
        )
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
        self.setWindowTitle(About.tr("About mgc-desktop"))
        summary = About.tr(
            "Classifies your music by genre on your own machine and writes genre tags, "
            "safely and reversibly."
        )
        qt_line = About.tr("Qt for Python {version}").format(version=pyside_version)
        head = QLabel(
            f"<h2>mgc-desktop {html.escape(__version__)}</h2>"
            f"<p>{html.escape(summary)}</p><p>{html.escape(qt_line)}</p>"
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
