"""A real beets library in a temporary folder, driven through the real `beet` executable: its
own config dir (BEETSDIR), SQLite library and library folder; the app's data dir (index,
learned genres) beside it. Shared by the tests and `measure_real_music.py`."""

from __future__ import annotations

import hashlib
import os
import re
import subprocess
import sys
from pathlib import Path

import yaml

BEET = Path(sys.executable).with_name("beet")
_ANSI = re.compile(r"\x1b\[[0-9;]*m")


class BeetsLibrary:
    """`run("import", "-A", "-C", "-q", folder)` and the like; `configure` rewrites config.yaml."""

    def __init__(self, root: Path, app_data: Path | None = None) -> None:
        self.root = root
        self.beetsdir = root / "beetsdir"
        self.db = root / "library.db"
        self.directory = root / "library"
        self.app_data = app_data or Path(os.environ.get("MGC_DESKTOP_DATA_DIR", root / "app"))
        self.beetsdir.mkdir(parents=True, exist_ok=True)
        self.configure()

    def configure(self, write: bool = False, **mgcgenre: object) -> None:
        """Plugins, the importer's `write` and the plugin's settings (`auto` off unless given,
        so that an import alone leaves genres empty; one worker, which starts fastest)."""
        settings = {"auto": False, "workers": 1, **mgcgenre}
        config = {
            "directory": str(self.directory),
            "library": str(self.db),
            "plugins": ["mgcgenre"],
            "import": {
                "write": write,
                "copy": False,
                "move": False,
                "log": None,
                # the clips carry no album tags: without this, all but one folder are
                # "already in the library" and skipped
                "duplicate_action": "keep",
            },
            "ui": {"color": False},
            "mgcgenre": settings,
        }
        (self.beetsdir / "config.yaml").write_text(yaml.safe_dump(config), encoding="utf-8")

    def run(self, *args: str | Path, check: bool = True) -> subprocess.CompletedProcess:
        """`beet ARGS...`; stdout and stderr as text (colours stripped)."""
        env = {**os.environ, "BEETSDIR": str(self.beetsdir)}
        env["MGC_DESKTOP_DATA_DIR"] = str(self.app_data)
        done = subprocess.run(
            [str(BEET), *map(str, args)],
            env=env,
            capture_output=True,
            text=True,
            timeout=600,
        )
        done.stdout, done.stderr = _ANSI.sub("", done.stdout), _ANSI.sub("", done.stderr)
        if check and done.returncode != 0:
            raise AssertionError(
                f"beet {' '.join(map(str, args))} exited {done.returncode}:\n"
                f"{done.stdout}\n{done.stderr}"
            )
        return done

    def genres(self) -> dict[str, str]:
        """path -> `$genre` as `beet ls -f '$path\\t$genre'` prints it."""
        out = self.run("ls", "-f", "$path\t$genre").stdout
        rows = (line.split("\t") for line in out.splitlines() if line.strip())
        return {path: genre for path, genre in rows}


def file_digests(paths) -> dict[str, str]:
    """sha256 of each file's bytes: proof that nothing was written."""
    return {str(p): hashlib.sha256(Path(p).read_bytes()).hexdigest() for p in paths}


def file_genres(path: str | Path) -> list[str]:
    """The genre values in a file, read back with mutagen (not through beets)."""
    import mutagen

    f = mutagen.File(str(path), easy=True)
    return list(f.get("genre", [])) if f is not None and f.tags is not None else []
