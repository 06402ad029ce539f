"""The interface language: the system locale's unless the user chose one in Settings.

The choice ("system", "en" or "fr") is kept with the app's other settings and read once, when
the application starts (create_app), before any window exists: Qt widgets take their text when
they are built, so a new choice takes effect at the next start. The app's catalog
(resources/i18n/mgc_desktop_<lang>.qm, compiled from the .ts by `packaging/i18n.py compile`)
and Qt's own (qtbase_<lang>.qm: the standard dialogs' buttons) are installed when present; a
missing catalog leaves the English text of the code, never an error.
"""

from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import QCoreApplication, QLibraryInfo, QLocale, QSettings, QTranslator

from mgc_desktop.gui.i18n import Context, forget_translations

LANGUAGE_KEY = "ui/language"
SYSTEM, ENGLISH, FRENCH = "system", "en", "fr"
CHOICES = (SYSTEM, ENGLISH, FRENCH)
CATALOG_PREFIX = "mgc_desktop_"

Language = Context("Language")

_installed: list[QTranslator] = []


def choice_label(choice: str) -> str:
    """How the Settings dialog names a choice. Each language is named in itself, so a user
    who cannot read the current language still finds theirs."""
    if choice == ENGLISH:
        return "English"
    if choice == FRENCH:
        return "Français"
    return Language.tr("System language")


def saved_choice(store: QSettings | None = None) -> str:
    """The user's choice from the settings store ("system" when none or unknown)."""
    if store is None:
        from mgc_desktop.gui.settings import open_settings

        store = open_settings()
    value = str(store.value(LANGUAGE_KEY, SYSTEM) or SYSTEM)
    return value if value in CHOICES else SYSTEM


def save_choice(choice: str, store: QSettings | None = None) -> None:
    """Keep `choice` for the next start."""
    if choice not in CHOICES:
        raise ValueError(f"unknown interface language {choice!r}")
    if store is None:
        from mgc_desktop.gui.settings import open_settings

        store = open_settings()
    store.setValue(LANGUAGE_KEY, choice)
    store.sync()


def resolve_locale(choice: str, system: QLocale | None = None) -> QLocale:
    """The locale the interface uses for `choice`: the system's when the choice is the system
    or the system's own language (so fr_CA keeps its date format, and a German system its
    number format under the English text, there being no German catalog), else the chosen
    language's main locale."""
    system = system if system is not None else QLocale.system()
    if choice == SYSTEM or choice == _language_code(system):
        return QLocale(system)
    return QLocale("fr_FR" if choice == FRENCH else "en_US")


def _language_code(locale: QLocale) -> str:
    return locale.name().split("_")[0].lower()


def catalog_dirs() -> list[Path]:
    """Where the app's .qm files may be: the bundled resources (wheel, bundle, checkout)."""
    try:
        from mgc_desktop.paths import resources_dir

        return [resources_dir() / "i18n"]
    except FileNotFoundError:
        return []


def qt_catalog_dirs() -> list[Path]:
    """Where Qt's own translations may be: Qt's translations folder, then the app's bundled
    resources (a packaged app may carry qtbase_fr.qm there)."""
    dirs = [Path(QLibraryInfo.path(QLibraryInfo.LibraryPath.TranslationsPath))]
    return dirs + catalog_dirs()


def _load(name: str, dirs: list[Path]) -> QTranslator | None:
    for folder in dirs:
        translator = QTranslator()
        if (folder / f"{name}.qm").is_file() and translator.load(name, str(folder)):
            return translator
    return None


def install(
    app: QCoreApplication, choice: str | None = None, system: QLocale | None = None
) -> QLocale:
    """Set the interface language for windows built from now on: the default locale (numbers,
    dates) and the translators (the app's catalog, Qt's). Replaces what an earlier call
    installed. Returns the locale in force."""
    remove(app)
    locale = resolve_locale(saved_choice() if choice is None else choice, system)
    QLocale.setDefault(locale)
    lang = _language_code(locale)
    ours = _load(f"{CATALOG_PREFIX}{lang}", catalog_dirs())
    # Qt's catalog only with ours: a window in English with German standard buttons is worse
    # than one in English throughout. A language without a catalog gets the English one (the
    # code's text, with its singular forms: "1 file").
    qt = _load(f"qtbase_{lang}", qt_catalog_dirs()) if ours is not None else None
    if ours is None and lang != ENGLISH:
        ours = _load(f"{CATALOG_PREFIX}{ENGLISH}", catalog_dirs())
    for translator in (ours, qt):
        if translator is not None:
            app.installTranslator(translator)
            _installed.append(translator)
    forget_translations()
    return locale


def remove(app: QCoreApplication) -> None:
    """Take back the translators `install` put in (the code's English text again)."""
    while _installed:
        app.removeTranslator(_installed.pop())
    forget_translations()


def installed_catalogs() -> list[str]:
    """The files of the translators in force (what a test or a bug report checks)."""
    return [t.filePath() for t in _installed]
