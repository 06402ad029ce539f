"""Translatable window text and locale-aware numbers, for every GUI module.

Each module declares its translation context once, as a module-level name equal to the context
string, and wraps every user-visible string in it:

    Preview = Context("Preview")
    Preview.tr("Write tags")
    Preview.tr("%n files to write", None, count)     # a plural: Qt picks the form

Why not `self.tr()` or `QCoreApplication.translate()` directly: PySide6's `self.tr` takes the
context from the object's runtime class, so a subclass loses its plural forms; and
pyside6-lupdate reads a fourth argument of `translate()` that is a variable as an encoding, so a
plural written that way is extracted without its forms. `Name.tr(...)` is read by lupdate with
the context `Name` (the name before `.tr`), whatever the argument is, and translates the same
way at run time in any class or function.

Placeholders are Python's `{name}` (filled with `.format()` after translation), so a
translation can move them; a sentence is always one string, never glued from pieces.

Numbers, percentages, durations and dates go through QLocale() (the default locale, which
language.install sets to the chosen language), never f-string formatting.

Qt is imported when text is first translated or formatted, not when this module is: the
review state (review.py, tag_fields.py) uses it and stays importable without Qt.
"""

from __future__ import annotations

from datetime import datetime
from types import ModuleType


def _qt() -> ModuleType:
    from PySide6 import QtCore

    return QtCore


# Translations looked up so far (context, text, disambiguation) -> text: a table of 50,000
# rows asks for the same few words again and again, and Qt's lookup costs microseconds each.
# language.install empties it: only then can the answers change.
_cache: dict[tuple[str, str, str | None], str] = {}


def forget_translations() -> None:
    """Drop the looked-up translations (the translators in force changed)."""
    _cache.clear()


class Context:
    """A named translation context. Bind it to a module-level name spelled like `name`: that
    name is what pyside6-lupdate records as the context."""

    def __init__(self, name: str) -> None:
        self.name = name

    def tr(self, text: str, disambiguation: str | None = None, n: int = -1) -> str:
        """`text` in the interface language (itself when no catalog has it); `%n` in it is
        replaced by `n` in the locale's digits and the plural form for `n` is chosen."""
        if n >= 0:
            return _qt().QCoreApplication.translate(self.name, text, disambiguation, int(n))
        key = (self.name, text, disambiguation)
        found = _cache.get(key)
        if found is None:
            found = _cache[key] = _qt().QCoreApplication.translate(self.name, text, disambiguation)
        return found


Format = Context("Format")


def number(value: float, decimals: int = 0) -> str:
    """`value` with the locale's decimal separator and digit grouping ("1 234,5" in French)."""
    locale = _qt().QLocale()
    if decimals <= 0:
        return locale.toString(int(round(value)))
    return locale.toString(float(value), "f", decimals)


def percent(fraction: float, decimals: int = 0) -> str:
    """0.667 -> "67%" ("67 %" in French): the fraction as a whole percentage by default."""
    if fraction != fraction:  # NaN
        return "?"
    return Format.tr("{value}%").format(value=number(fraction * 100, decimals))


def threshold_percent(fraction: float) -> str:
    """A threshold with as many digits as it needs, at most three significant
    (0.667 -> "66.7%", 0.5 -> "50%"): the toolbar and the messages must agree exactly."""
    text = f"{fraction * 100:.3g}"
    decimals = len(text.split(".")[1]) if "." in text and "e" not in text else 0
    return percent(float(text) / 100, decimals)


def duration(seconds: float | None) -> str:
    """A track length as m:ss or h:mm:ss ("?" when unknown); the digits are the locale's."""
    if seconds is None or seconds != seconds or seconds in (float("inf"), float("-inf")):
        return "?"
    s = int(round(seconds))
    loc = _qt().QLocale()

    def two(v: int) -> str:
        return loc.toString(v).rjust(2, loc.zeroDigit())

    if s >= 3600:
        return f"{loc.toString(s // 3600)}:{two(s // 60 % 60)}:{two(s % 60)}"
    return f"{loc.toString(s // 60)}:{two(s % 60)}"


def seconds(value: float, decimals: int = 1) -> str:
    """A short time span in seconds: "1.5 s" ("1,5 s" in French)."""
    return Format.tr("{value} s").format(value=number(value, decimals))


def date_time(when: datetime | float | str | None) -> str:
    """A moment in the locale's short date and time format (ISO 8601 under the C locale); the
    input as text when it is not a date (an ISO string is parsed)."""
    if when is None or when == "":
        return ""
    if isinstance(when, str):
        try:
            when = datetime.fromisoformat(when)
        except ValueError:
            return when
    if isinstance(when, (int, float)):
        when = datetime.fromtimestamp(when)
    if when.tzinfo is None:
        when = when.astimezone()
    qt = _qt()
    moment = qt.QDateTime.fromSecsSinceEpoch(int(when.timestamp()), qt.QTimeZone.systemTimeZone())
    locale = qt.QLocale()
    if locale.language() == qt.QLocale.Language.C:  # no locale (LANG=C): ISO 8601
        return moment.toLocalTime().toString("yyyy-MM-dd HH:mm:ss")
    return locale.toString(moment.toLocalTime(), qt.QLocale.FormatType.ShortFormat)
