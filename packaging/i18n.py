"""Refresh and compile the window's translation catalogs (resources/i18n/).

    python packaging/i18n.py update    # pyside6-lupdate over mgc_desktop/gui: new strings
                                       # appear unfinished, removed ones are dropped
    python packaging/i18n.py compile   # pyside6-lrelease: every .ts -> .qm beside it
    python packaging/i18n.py check     # exit 1 unless the catalogs hold exactly the code's
                                       # strings, every one finished (what CI and tests ask)

The .ts files are the committed sources (edit them with pyside6-linguist or a text editor);
the .qm files are generated (by `compile`, by setup.py's build step, by .ci/setup) and never
committed. mgc_desktop_fr.ts is the French catalog; in mgc_desktop_en.ts every text is the code's
own, except the singular of each plural ("1 file" for "%n files"). A new language:
add its code to LANGUAGES, run `update`, translate the new .ts, and add it to the Settings
choice (mgc_desktop/gui/language.py).
"""

from __future__ import annotations

import argparse
import re
import shutil
import subprocess
import sys
import tempfile
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
SOURCES = ROOT / "mgc_desktop" / "gui"
CATALOGS = ROOT / "resources" / "i18n"
PREFIX = "mgc_desktop_"
LANGUAGES = {"fr": "fr_FR", "en": "en"}  # language code -> lupdate's target language


def tool(name: str) -> str:
    """The path of a Qt linguist tool shipped with PySide6 (lupdate, lrelease): the binary in
    the PySide6 package, else `pyside6-<name>` beside this Python or on PATH."""
    exe = name + (".exe" if sys.platform == "win32" else "")
    try:
        import PySide6

        candidate = Path(PySide6.__file__).resolve().parent / exe
        if candidate.is_file():
            return str(candidate)
    except ImportError:
        pass
    for candidate_name in (f"pyside6-{name}", name):
        beside = Path(sys.executable).parent / candidate_name
        if beside.is_file():
            return str(beside)
        found = shutil.which(candidate_name)
        if found:
            return found
    raise FileNotFoundError(f"{name} not found: install PySide6 (pip install PySide6-Essentials)")


def catalog(lang: str, folder: Path = CATALOGS) -> Path:
    return folder / f"{PREFIX}{lang}.ts"


def update(folder: Path = CATALOGS, quiet: bool = False) -> list[Path]:
    """Run lupdate for every language: keeps the translations of strings still in the code,
    adds new strings (unfinished), drops strings no longer in it."""
    folder.mkdir(parents=True, exist_ok=True)
    out = []
    for lang, target in LANGUAGES.items():
        ts = catalog(lang, folder)
        cmd = [
            tool("lupdate"),
            # every .py under the folder (lupdate's default extensions leave Python out)
            "-extensions",
            "py",
            str(SOURCES.relative_to(ROOT)),
            "-no-obsolete",
            "-locations",
            "absolute",
            "-source-language",
            "en",
            "-target-language",
            target,
            "-ts",
            str(ts),
        ]
        subprocess.run(cmd, cwd=ROOT, check=True, capture_output=quiet)
        out.append(ts)
    return out


def compile_catalogs(folder: Path = CATALOGS, dest: Path | None = None) -> list[Path]:
    """lrelease every .ts in `folder` into `dest` (default: beside it); returns the .qm paths."""
    dest = dest or folder
    dest.mkdir(parents=True, exist_ok=True)
    out = []
    for ts in sorted(folder.glob(f"{PREFIX}*.ts")):
        qm = dest / ts.with_suffix(".qm").name
        subprocess.run([tool("lrelease"), "-silent", str(ts), "-qm", str(qm)], check=True, cwd=ROOT)
        out.append(qm)
    return out


_MESSAGE = re.compile(r"<message\b.*?</message>", re.S)


def problems(ts_text: str) -> list[str]:
    """What keeps a catalog from being complete: unfinished, vanished or obsolete messages,
    and finished ones with an empty translation."""
    found = []
    for block in _MESSAGE.findall(ts_text):
        source = re.search(r"<source>(.*?)</source>", block, re.S)
        label = source.group(1) if source else "?"
        kind = re.search(r'<translation[^>]*type="(\w+)"', block)
        if kind:
            found.append(f"{kind.group(1)}: {label}")
        elif re.search(r"<translation>\s*</translation>|<numerusform>\s*</numerusform>", block):
            found.append(f"empty: {label}")
    return found


def check() -> list[str]:
    """Run `update` into a copy of the catalogs and report what is not complete there (a
    string of the code missing from the committed catalog shows as unfinished)."""
    report = []
    with tempfile.TemporaryDirectory() as tmp:
        copy = Path(tmp)
        for lang in LANGUAGES:
            if catalog(lang).is_file():
                shutil.copy2(catalog(lang), catalog(lang, copy))
        update(copy, quiet=True)
        for lang in LANGUAGES:
            ts = catalog(lang, copy)
            report += [f"{ts.name}: {p}" for p in problems(ts.read_text(encoding="utf-8"))]
    return report


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("command", choices=("update", "compile", "check"))
    args = parser.parse_args(argv)
    if args.command == "update":
        update()
    elif args.command == "compile":
        for qm in compile_catalogs():
            print(qm.relative_to(ROOT))
    else:
        report = check()
        for line in report:
            print(line)
        if report:
            print(f"{len(report)} string(s) to translate: run update, then translate")
            return 1
        print("catalogs complete")
    return 0


if __name__ == "__main__":
    sys.exit(main())
