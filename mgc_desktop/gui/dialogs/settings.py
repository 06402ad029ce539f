"""Preferences: tagging policy, top-k, threshold, genre display names, workers, model file.

A different model file is opened and checked (in a worker) before the dialog closes; an
unusable one is refused with the reason IncompatibleModel gives."""

from __future__ import annotations

from collections.abc import Callable, Sequence
from typing import Any

from PySide6.QtCore import Qt
from PySide6.QtWidgets import (
    QCheckBox,
    QComboBox,
    QDialog,
    QDialogButtonBox,
    QDoubleSpinBox,
    QFileDialog,
    QFormLayout,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QMessageBox,
    QPushButton,
    QSpinBox,
    QTableWidget,
    QTableWidgetItem,
    QVBoxLayout,
    QWidget,
)

from mgc_desktop.gui.genre_names import shown_name
from mgc_desktop.gui.i18n import Context, threshold_percent
from mgc_desktop.gui.language import CHOICES as LANGUAGES
from mgc_desktop.gui.language import choice_label
from mgc_desktop.gui.settings import POLICIES, Preferences, policy_label
from mgc_desktop.tags.names import DEFAULT_DISPLAY_NAMES, display_name

Settings = Context("Settings")
Validator = Callable[[str, Callable[[Any], None], Callable[[str], None]], None]


class SettingsDialog(QDialog):
    """Edits a copy of Preferences; `result_preferences()` gives the edited copy."""

    def __init__(
        self,
        prefs: Preferences,
        classes: Sequence[str] | None = None,
        validator: Validator | None = None,
        parent: QWidget | None = None,
        default_threshold: float = 0.5,
    ) -> None:
        """`default_threshold`: that of the genres shown (the model's own, or the learned
        genres'), which applies unless the user sets one."""
        super().__init__(parent)
        self.setWindowTitle(Settings.tr("Settings"))
        self._prefs = prefs
        self._validator = validator
        self.validated_card: Any = None
        self.policy = QComboBox()
        for p in POLICIES:
            self.policy.addItem(policy_label(p), p)
        self.policy.setCurrentIndex(max(0, self.policy.findData(prefs.policy)))
        self.policy.setToolTip(
            Settings.tr(
                "fill: only files without a genre; replace: overwrite; append: add to existing "
                "genres"
            )
        )
        self.top_k = QSpinBox()
        self.top_k.setRange(1, 10)
        self.top_k.setValue(prefs.top_k)
        self.top_k.setToolTip(
            Settings.tr("Write up to this many genres, each at least the threshold")
        )
        self.threshold = QDoubleSpinBox()
        self.threshold.setRange(0.0, 1.0)
        self.threshold.setSingleStep(0.05)
        self.threshold.setDecimals(3)  # the model's own (e.g. 0.667) shows exactly
        self._default_threshold = default_threshold
        self._threshold_set = prefs.threshold is not None
        self.threshold.setValue(default_threshold if prefs.threshold is None else prefs.threshold)
        self.threshold.setToolTip(
            Settings.tr(
                "A predicted genre is written only when its confidence is at least this; below "
                "it the file's genre is left untouched (genres you set yourself always count). "
                "Default: that of the genres shown, the model's own or your learned genres' "
                "({default})"
            ).format(default=threshold_percent(default_threshold))
        )
        self.threshold.valueChanged.connect(self._threshold_edited)
        self.default_threshold_button = QPushButton(Settings.tr("Default"))
        self.default_threshold_button.setToolTip(
            Settings.tr("Use the threshold of the genres shown (follows the model)")
        )
        self.default_threshold_button.clicked.connect(self._use_default_threshold)
        self.default_threshold_button.setEnabled(self._threshold_set)
        threshold_row = QHBoxLayout()
        threshold_row.addWidget(self.threshold, 1)
        threshold_row.addWidget(self.default_threshold_button)
        self.workers = QSpinBox()
        self.workers.setRange(0, 64)
        self.workers.setSpecialValueText(Settings.tr("automatic"))
        self.workers.setValue(prefs.workers)
        self.workers.setToolTip(
            Settings.tr("Classifier processes (automatic: one per core, at most four)")
        )
        self.keep_mtime = QCheckBox(Settings.tr("Keep files' modification times"))
        self.keep_mtime.setChecked(prefs.keep_mtime)
        self.model_path = QLineEdit(prefs.model_path)
        self.model_path.setPlaceholderText(Settings.tr("the shipped model"))
        self.model_path.setToolTip(
            Settings.tr("Another mgc-desktop ONNX genre model; it is checked first")
        )
        browse = QPushButton(Settings.tr("Browse…"))
        browse.clicked.connect(self._browse)
        reset = QPushButton(Settings.tr("Shipped model"))
        reset.clicked.connect(lambda: self.model_path.setText(""))
        model_row = QHBoxLayout()
        model_row.addWidget(self.model_path, 1)
        model_row.addWidget(browse)
        model_row.addWidget(reset)
        self.status = QLabel("")
        self.status.setWordWrap(True)

        keys = list(classes or DEFAULT_DISPLAY_NAMES)
        self.names = QTableWidget(len(keys), 2)
        self.names.setHorizontalHeaderLabels(
            [Settings.tr("Model class"), Settings.tr("Name written into tags")]
        )
        self.names.verticalHeader().setVisible(False)
        self.names.horizontalHeader().setStretchLastSection(True)
        self.names.setToolTip(
            Settings.tr("The name each genre is written as; blank: back to the default")
        )
        for i, k in enumerate(keys):
            key_item = QTableWidgetItem(k)  # the class key: what the mapping is keyed by
            key_item.setToolTip(shown_name(k))
            key_item.setFlags(key_item.flags() & ~key_item.flags().ItemIsEditable)
            self.names.setItem(i, 0, key_item)
            item = QTableWidgetItem(display_name(k, prefs.genre_names))
            item.setToolTip(Settings.tr("default: {name}").format(name=display_name(k)))
            self.names.setItem(i, 1, item)

        self.language = QComboBox()
        for choice in LANGUAGES:
            self.language.addItem(choice_label(choice), choice)
        self.language.setCurrentIndex(max(0, self.language.findData(prefs.language)))
        self.language.setToolTip(
            Settings.tr(
                "The language of the window (System: the system's). Genre tags are written as "
                "the genre names below say, whatever the language."
            )
        )
        language_note = QLabel(
            Settings.tr("A new language takes effect the next time the app starts.")
        )
        language_note.setWordWrap(True)

        form = QFormLayout()
        form.addRow(Settings.tr("&Policy"), self.policy)
        form.addRow(Settings.tr("&Top-k genres"), self.top_k)
        threshold_label = QLabel(Settings.tr("T&hreshold"))
        threshold_label.setBuddy(self.threshold)
        form.addRow(threshold_label, threshold_row)
        form.addRow(Settings.tr("&Workers"), self.workers)
        form.addRow("", self.keep_mtime)
        model_label = QLabel(
            Settings.tr("&Model file")
        )  # a label with a buddy: a layout row has none,
        model_label.setBuddy(self.model_path)  # and its "&" would show literally
        form.addRow(model_label, model_row)
        language_label = QLabel(Settings.tr("&Language"))
        language_label.setBuddy(self.language)
        form.addRow(language_label, self.language)
        form.addRow("", language_note)
        buttons = QDialogButtonBox(
            QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel
        )
        buttons.accepted.connect(self._try_accept)
        buttons.rejected.connect(self.reject)
        self.ok_button = buttons.button(QDialogButtonBox.StandardButton.Ok)
        layout = QVBoxLayout(self)
        layout.addLayout(form)
        layout.addWidget(QLabel(Settings.tr("Genre display names")))
        layout.addWidget(self.names, 1)
        layout.addWidget(self.status)
        layout.addWidget(buttons)
        self.resize(560, 560)

    def _browse(self) -> None:
        path, _ = QFileDialog.getOpenFileName(
            self,
            Settings.tr("Choose a genre model"),
            "",
            Settings.tr("ONNX models (*.onnx);;All files (*)"),
        )
        if path:
            self.model_path.setText(path)

    def _threshold_edited(self) -> None:
        self._threshold_set = True
        self.default_threshold_button.setEnabled(True)

    def _use_default_threshold(self) -> None:
        self.threshold.blockSignals(True)
        self.threshold.setValue(self._default_threshold)
        self.threshold.blockSignals(False)
        self._threshold_set = False
        self.default_threshold_button.setEnabled(False)

    def result_preferences(self) -> Preferences:
        names = {}
        for i in range(self.names.rowCount()):
            key, value = self.names.item(i, 0).text(), self.names.item(i, 1).text().strip()
            if value and value != display_name(key):  # the default is no mapping
                names[key] = value
        p = self._prefs
        return Preferences(
            policy=str(self.policy.currentData()),
            top_k=self.top_k.value(),
            threshold=round(self.threshold.value(), 4) if self._threshold_set else None,
            workers=self.workers.value(),
            model_path=self.model_path.text().strip(),
            genre_names=names,
            last_folder=p.last_folder,
            keep_mtime=self.keep_mtime.isChecked(),
            language=str(self.language.currentData()),
        )

    def _try_accept(self) -> None:
        path = self.model_path.text().strip()
        if not path or path == self._prefs.model_path or self._validator is None:
            self.accept()
            return
        self.ok_button.setEnabled(False)
        self.status.setText(Settings.tr("Checking the model…"))
        self._validator(path, self._model_ok, self._model_bad)

    def _model_ok(self, card: Any) -> None:
        self.validated_card = card
        self.ok_button.setEnabled(True)
        self.status.setText(
            Settings.tr("Model {model} {version}: OK").format(
                model=card.model_id, version=card.version
            )
        )
        self.accept()

    def _model_bad(self, message: str) -> None:
        self.ok_button.setEnabled(True)
        self.status.setText(
            Settings.tr("This model cannot be used: {message}").format(message=message)
        )
        box = QMessageBox(
            QMessageBox.Icon.Warning,
            Settings.tr("Invalid model file"),
            Settings.tr("This model cannot be used:\n\n{message}").format(message=message),
            QMessageBox.StandardButton.Ok,
            self,
        )
        box.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
        box.open()  # window-modal, without a nested event loop
        self.error_box = box
