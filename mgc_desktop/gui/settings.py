"""The user's preferences, kept in QSettings.

Organisation and application names come from the QApplication; when MGC_DESKTOP_DATA_DIR is
set (tests, portable installs) the settings live in an INI file there instead of the platform
store, so a test never reads or clobbers a real user's preferences.
"""

from __future__ import annotations

import json
import os
from dataclasses import dataclass, field

from PySide6.QtCore import QSettings

from mgc_desktop.gui.i18n import Context
from mgc_desktop.gui.language import CHOICES as LANGUAGES
from mgc_desktop.gui.language import LANGUAGE_KEY, SYSTEM

ORG_NAME = "mgc-desktop"
APP_NAME = "mgc-desktop"
POLICIES = ("fill", "replace", "append")
THRESHOLD_KEY = "tags/min_confidence"  # only present when the user chose a threshold
# Earlier versions saved a threshold whether or not the user chose one; their fixed default
# (0.5) therefore means "not chosen" and gives way to the model's own threshold.
LEGACY_THRESHOLD_KEY, LEGACY_DEFAULT = "tags/threshold", 0.5


Settings = Context("Settings")


def policy_label(policy: str) -> str:
    """A tag policy (POLICIES: the values saved and passed to the core) as the window names
    it."""
    return {
        "fill": Settings.tr("fill"),
        "replace": Settings.tr("replace"),
        "append": Settings.tr("append"),
    }.get(policy, policy)


def open_settings() -> QSettings:
    """The QSettings store this process should use."""
    if os.environ.get("MGC_DESKTOP_DATA_DIR"):
        from mgc_desktop.paths import data_dir

        return QSettings(str(data_dir() / "settings.ini"), QSettings.Format.IniFormat)
    return QSettings(ORG_NAME, APP_NAME)


def _int(value: object, default: int) -> int:
    try:
        return int(value)  # type: ignore[arg-type]
    except (TypeError, ValueError):
        return default


def _float(value: object, default: float) -> float:
    try:
        return float(value)  # type: ignore[arg-type]
    except (TypeError, ValueError):
        return default


def _threshold(s: QSettings) -> float | None:
    """The threshold the user chose, or None (then the model's applies)."""
    value = _float(s.value(THRESHOLD_KEY), -1.0)
    if value < 0:
        value = _float(s.value(LEGACY_THRESHOLD_KEY), LEGACY_DEFAULT)
        if value == LEGACY_DEFAULT:
            return None
    return max(0.0, min(1.0, value))


@dataclass
class Preferences:
    """Everything the settings dialog edits; plain data so the core never sees QSettings."""

    policy: str = "fill"
    top_k: int = 1
    threshold: float | None = None  # None: the model's own (its card's uncertain_below)
    workers: int = 0  # 0: the pool's default (one per core, at most four)
    model_path: str = ""  # empty: the shipped model
    genre_names: dict[str, str] = field(default_factory=dict)
    last_folder: str = ""
    keep_mtime: bool = False
    language: str = SYSTEM  # the interface language at the next start (gui.language)

    @classmethod
    def load(cls, store: QSettings | None = None) -> Preferences:
        """Read from the store, falling back to defaults for anything missing or malformed."""
        s = store or open_settings()
        d = cls()
        policy = str(s.value("tags/policy", d.policy))
        language = str(s.value(LANGUAGE_KEY, SYSTEM))
        try:
            names = json.loads(str(s.value("tags/genre_names", "{}")))
            if not isinstance(names, dict):
                names = {}
        except ValueError:
            names = {}
        return cls(
            policy=policy if policy in POLICIES else d.policy,
            top_k=max(1, min(10, _int(s.value("tags/top_k", d.top_k), d.top_k))),
            threshold=_threshold(s),
            workers=max(0, min(64, _int(s.value("scan/workers", d.workers), 0))),
            model_path=str(s.value("model/path", "") or ""),
            genre_names={str(k): str(v) for k, v in names.items() if str(v).strip()},
            last_folder=str(s.value("library/last_folder", "") or ""),
            keep_mtime=str(s.value("tags/keep_mtime", "false")).lower() in ("true", "1"),
            language=language if language in LANGUAGES else SYSTEM,
        )

    def save(self, store: QSettings | None = None) -> None:
        """Write everything back (and flush, so a crash right after keeps it)."""
        s = store or open_settings()
        s.setValue("tags/policy", self.policy)
        s.setValue("tags/top_k", int(self.top_k))
        if self.threshold is None:
            s.remove(THRESHOLD_KEY)
        else:
            s.setValue(THRESHOLD_KEY, float(self.threshold))
        s.remove(LEGACY_THRESHOLD_KEY)
        s.setValue("scan/workers", int(self.workers))
        s.setValue("model/path", self.model_path)
        s.setValue("tags/genre_names", json.dumps(self.genre_names))
        s.setValue("library/last_folder", self.last_folder)
        s.setValue("tags/keep_mtime", bool(self.keep_mtime))
        s.setValue(LANGUAGE_KEY, self.language if self.language in LANGUAGES else SYSTEM)
        s.sync()

    def resolved_model_path(self) -> str:
        """The model file to load: the user's choice or the shipped one."""
        if self.model_path:
            return self.model_path
        from mgc_desktop.paths import default_model_path

        return str(default_model_path())
