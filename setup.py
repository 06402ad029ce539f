"""Build hook: ship the top-level `resources/` folder inside the wheel as `mgc_desktop/resources`,
with the window's translations compiled.

pyproject.toml alone cannot say "find every mgc_desktop subpackage, and also map one package to
a folder outside the tree": a package-dir mapping needs the package listed, and a listed package
disables discovery. So discovery runs here and the mapped data package is appended. Everything
else lives in pyproject.toml. `pip install -e .` keeps working: in a checkout the code finds
`resources/` beside the package (mgc_desktop.paths.resources_dir); .ci/setup compiles the
catalogs there (`python packaging/i18n.py compile`).

build_py also compiles the window's translations (resources/i18n/*.ts) into the wheel's
mgc_desktop/resources/i18n/*.qm with the lrelease that PySide6 ships (packaging/i18n.py does the
same for a checkout). Where no lrelease can be found (a build environment without PySide6), the
wheel is built without them, with a warning: the app then shows its English text.
"""

import shutil
import subprocess
from pathlib import Path

from setuptools import find_namespace_packages, find_packages, setup
from setuptools.command.build_py import build_py

CATALOGS = Path(__file__).resolve().parent / "resources" / "i18n"


def _lrelease() -> str | None:
    try:
        import PySide6
    except ImportError:
        return shutil.which("pyside6-lrelease") or shutil.which("lrelease")
    for name in ("lrelease", "lrelease.exe"):
        candidate = Path(PySide6.__file__).resolve().parent / name
        if candidate.is_file():
            return str(candidate)
    return shutil.which("pyside6-lrelease")


class BuildWithTranslations(build_py):
    """build_py, then resources/i18n/*.ts compiled to .qm beside the packaged resources."""

    def run(self) -> None:
        super().run()
        sources = sorted(CATALOGS.glob("*.ts"))
        if not sources:
            return
        lrelease = _lrelease()
        if lrelease is None:
            self.warn("lrelease not found: the translations are not compiled (English only)")
            return
        dest = Path(self.build_lib) / "mgc_desktop" / "resources" / "i18n"
        dest.mkdir(parents=True, exist_ok=True)
        for ts in sources:
            qm = dest / ts.with_suffix(".qm").name
            subprocess.run([lrelease, "-silent", str(ts), "-qm", str(qm)], check=True)


setup(
    packages=[
        *find_packages(include=["mgc_desktop", "mgc_desktop.*"]),
        "mgc_desktop.resources",
        # beets finds third-party plugins in its `beetsplug` namespace package (no __init__.py).
        *find_namespace_packages(include=["beetsplug"]),
    ],
    package_dir={"mgc_desktop.resources": "resources"},
    cmdclass={"build_py": BuildWithTranslations},
)
